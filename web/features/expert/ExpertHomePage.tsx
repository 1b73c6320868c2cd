// /expert — the expert's 评审工作台: each round's assignments with the deadline, each one's state
// and the expert's own total, progress n/m; 拒绝评审 with a reason. Nothing of any other expert.
import { useState } from 'react';
import { Button, Card, Empty, Flex, Progress, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime, formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMyReviews, type MyReviewItem } from '../../lib/reviews';
import { shownTotal } from './RubricForm';
import { DeclineModal, declinable } from './DeclineModal';
import { ReviewStateTag } from './ReviewStateTag';

/** The items grouped by round, in the order given (nearest deadline first). */
export function byRound(items: MyReviewItem[]): MyReviewItem[][] {
  const out = new Map<string, MyReviewItem[]>();
  for (const i of items) out.set(i.roundId, [...(out.get(i.roundId) ?? []), i]);
  return [...out.values()];
}

export function ExpertHomePage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const reviews = useMyReviews();
  const [declining, setDeclining] = useState<MyReviewItem | null>(null);
  if (reviews.error)
    return <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />;
  if (!reviews.data) return <Loading />;
  const rounds = byRound(reviews.data);
  if (!rounds.length)
    return (
      <Card title={t('expert.title')}>
        <Empty description={t('expert.empty')} />
      </Card>
    );
  return (
    <Flex vertical gap={16}>
      <DeclineModal target={declining} onClose={() => setDeclining(null)} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('expert.title')}
      </Typography.Title>
      {rounds.map((items) => {
        const first = items[0]!;
        const done = items.filter((i) => i.state === 'submitted').length;
        return (
          <Card
            key={first.roundId}
            data-testid="expert-round"
            title={
              <Flex vertical gap={0} style={{ padding: '8px 0' }}>
                <Typography.Text strong>{first.roundName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {first.campaignTitle}
                </Typography.Text>
              </Flex>
            }
            extra={
              <Flex gap={12} align="center" wrap>
                {first.anonymous && <Tag>{t('expert.anonymous')}</Tag>}
                <Typography.Text type={first.closed ? 'danger' : undefined}>
                  {first.closed
                    ? t('expert.closed')
                    : t('expert.deadline', { at: formatDeadline(first.deadline, lang) })}
                </Typography.Text>
                <Flex vertical gap={0} style={{ width: 160 }}>
                  <Typography.Text style={{ fontSize: 12 }} data-testid="expert-progress">
                    {t('expert.progress', { done, n: items.length })}
                  </Typography.Text>
                  <Progress
                    percent={Math.round((done / items.length) * 100)}
                    size="small"
                    showInfo={false}
                    aria-label={t('expert.progress', { done, n: items.length })}
                  />
                </Flex>
              </Flex>
            }
          >
            <Table<MyReviewItem>
              rowKey="assignmentId"
              size="middle"
              dataSource={items}
              pagination={false}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: t('expert.col.solution'),
                  dataIndex: 'solutionName',
                  render: (name: string, r) => (
                    <Link to={`/expert/reviews/${r.assignmentId}`}>{name}</Link>
                  ),
                },
                {
                  title: t('expert.col.category'),
                  dataIndex: 'categoryName',
                  width: 150,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('expert.col.applicant'),
                  dataIndex: 'applicantName',
                  width: 220,
                  render: (v: string | null, r) =>
                    r.anonymous ? (
                      <Typography.Text type="secondary">
                        {t('expert.anonymousApplicant')}
                      </Typography.Text>
                    ) : (
                      (v ?? '—')
                    ),
                },
                { title: t('expert.col.panel'), dataIndex: 'panelName', width: 120 },
                {
                  title: t('expert.col.state'),
                  dataIndex: 'state',
                  width: 100,
                  render: (s: MyReviewItem['state']) => <ReviewStateTag state={s} />,
                },
                {
                  title: t('expert.col.total'),
                  dataIndex: 'total',
                  width: 80,
                  render: (v: number | null) => (v === null ? '—' : shownTotal(v)),
                },
                {
                  title: t('expert.col.savedAt'),
                  dataIndex: 'savedAt',
                  width: 170,
                  render: (v: string | null) => formatDateTime(v),
                },
                {
                  title: t('common.actions'),
                  key: 'go',
                  width: 150,
                  render: (_, r) => {
                    const readOnly = r.state === 'submitted' || r.closed;
                    return (
                      <Flex gap={8}>
                        <Button
                          size="small"
                          type={readOnly ? 'default' : 'primary'}
                          aria-label={`${readOnly ? t('expert.action.view') : t('expert.action.score')}：${r.solutionName}`}
                          onClick={() => navigate(`/expert/reviews/${r.assignmentId}`)}
                        >
                          {readOnly ? t('expert.action.view') : t('expert.action.score')}
                        </Button>
                        {declinable(r) && (
                          <Button
                            size="small"
                            danger
                            aria-label={`${t('expert.action.decline')}：${r.solutionName}`}
                            onClick={() => setDeclining(r)}
                          >
                            {t('expert.action.decline')}
                          </Button>
                        )}
                      </Flex>
                    );
                  },
                },
              ]}
            />
          </Card>
        );
      })}
    </Flex>
  );
}

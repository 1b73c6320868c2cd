// /evaluations — the expert's 系统评价 tasks: each round's solutions, the deadline, each
// scoring's state and the progress. Only what is assigned to this expert.
import { Card, Empty, Flex, Progress, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMyEvaluations, type MyEvaluationItem } from './api';
import { ScoreStateTag } from './ScoreStateTag';

export function MyEvaluationsPage() {
  const { t, lang } = useI18n();
  const q = useMyEvaluations();
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const rounds = new Map<string, MyEvaluationItem[]>();
  for (const i of q.data) rounds.set(i.roundId, [...(rounds.get(i.roundId) ?? []), i]);
  if (!rounds.size)
    return (
      <Card title={t('eval.my.title')}>
        <Empty description={t('eval.my.empty')} />
      </Card>
    );
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('eval.my.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('eval.my.intro')}
      </Typography.Paragraph>
      {[...rounds.values()].map((items) => {
        const first = items[0]!;
        const done = items.filter((i) => i.scoreState === 'submitted').length;
        return (
          <Card
            key={first.roundId}
            data-testid="eval-my-round"
            title={first.roundTitle}
            extra={
              <Flex gap={12} align="center">
                <Typography.Text type={first.closed ? 'danger' : 'secondary'}>
                  {t('eval.my.deadline', { at: formatDeadline(first.deadline, lang) })}
                  {first.closed ? ` · ${t('eval.my.closed')}` : ''}
                </Typography.Text>
                <Progress
                  size="small"
                  style={{ width: 140 }}
                  percent={Math.round((done / items.length) * 100)}
                  format={() => `${done}/${items.length}`}
                />
              </Flex>
            }
          >
            <Table<MyEvaluationItem>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={items}
              columns={[
                { title: t('eval.col.publicId'), dataIndex: 'publicId', width: 150 },
                {
                  title: t('eval.col.solution'),
                  render: (_, r) => <Link to={`/evaluations/${r.id}`}>{r.solutionName}</Link>,
                },
                { title: t('eval.col.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('eval.col.category'), dataIndex: 'categoryName', width: 160 },
                {
                  title: t('eval.col.scoreState'),
                  width: 100,
                  render: (_, r) => <ScoreStateTag state={r.scoreState} />,
                },
              ]}
            />
          </Card>
        );
      })}
    </Flex>
  );
}

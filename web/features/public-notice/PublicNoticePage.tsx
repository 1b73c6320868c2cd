// /campaigns/:code/public-notice (public, no sign-in) — 拟入选名单公示: the period and its state, how
// to object, and the proposed list (序号, solution, enterprise, category, recommender) viewable by
// category. Only what the notice publishes is shown: no person's name, no score. While the period
// runs, anyone may object here (ObjectionCard).
import { useMemo, useState } from 'react';
import { Alert, Card, Flex, Result, Select, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  NOTICE_STATE_COLORS,
  usePublicNotice,
  type NoticeItem,
  type PublicNoticeView,
} from '../../lib/public-notice';
import { ObjectionCard } from './ObjectionForm';

/** The categories of the list in the order they first appear, with how many in each. */
export function noticeCategories(items: readonly NoticeItem[]): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const i of items) m.set(i.categoryName, (m.get(i.categoryName) ?? 0) + 1);
  return [...m];
}

export function PublicNoticePage() {
  const { code = '' } = useParams();
  return <PublicNoticeContent code={code} />;
}

export function PublicNoticeContent({ code }: { code: string }) {
  const { t } = useI18n();
  const q = usePublicNotice(code);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data)
    return (
      <Result
        status="info"
        title={t('notice.public.none')}
        subTitle={t('notice.public.noneHint')}
        extra={<Link to={`/campaigns/${encodeURIComponent(code)}`}>{t('notice.public.back')}</Link>}
        data-testid="notice-none"
      />
    );
  return <NoticeBody notice={q.data} />;
}

function NoticeBody({ notice: n }: { notice: PublicNoticeView }) {
  const { t, lang } = useI18n();
  const [category, setCategory] = useState('');
  const categories = useMemo(() => noticeCategories(n.items), [n.items]);
  const rows = useMemo(
    () => (category ? n.items.filter((i) => i.categoryName === category) : n.items),
    [n.items, category],
  );
  const to = formatPlainDate(n.period.to, lang);
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('notice.public.title', { title: n.campaignTitle })}
        </Typography.Title>
        <Link to={`/campaigns/${encodeURIComponent(n.campaignCode)}`}>
          {t('notice.public.back')}
        </Link>
      </div>
      <Flex gap={12} align="center" wrap>
        <Tag color={NOTICE_STATE_COLORS[n.state]} data-testid="notice-state">
          {t(`notice.state.${n.state}`)}
        </Tag>
        <Typography.Text strong data-testid="notice-period">
          {t('notice.period')}：{n.period.text}
        </Typography.Text>
        {n.state === 'upcoming' && (
          <Typography.Text type="secondary">
            {t('notice.public.upcoming', { date: formatPlainDate(n.period.from, lang) })}
          </Typography.Text>
        )}
        {n.state === 'closed' && (
          <Typography.Text type="secondary">
            {t('notice.public.closed', { date: to })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" data-testid="notice-published">
          {t('notice.public.publishedAt', { date: formatDate(n.publishedAt, lang) })}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('notice.public.intro', { n: n.items.length, period: n.period.text })}
      </Typography.Paragraph>
      <Alert
        type={n.state === 'closed' ? 'info' : 'warning'}
        showIcon
        data-testid="notice-objection"
        title={t('notice.public.objectionTitle')}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {n.state === 'closed'
                ? t('notice.public.objectionClosed', { date: to })
                : t('notice.public.objection', { date: to })}
            </Typography.Paragraph>
            <Typography.Text strong style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-contact">
              {n.contact}
            </Typography.Text>
          </>
        }
      />
      <Card size="small">
        {categories.length > 1 && (
          <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
            <Typography.Text>{t('notice.public.filter')}</Typography.Text>
            <Select<string>
              aria-label={t('notice.public.filter')}
              style={{ width: 320 }}
              value={category}
              onChange={setCategory}
              options={[
                { value: '', label: t('notice.public.allCategories', { n: n.items.length }) },
                ...categories.map(([name, count]) => ({
                  value: name,
                  label: t('notice.public.category', { name, n: count }),
                })),
              ]}
              data-testid="notice-category"
            />
          </Flex>
        )}
        <Table<NoticeItem>
          rowKey="no"
          size="small"
          dataSource={rows}
          data-testid="notice-table"
          aria-label={t('notice.public.nav')}
          locale={{ emptyText: t('notice.public.empty') }}
          pagination={
            rows.length > 50
              ? { defaultPageSize: 50, showTotal: (total) => t('common.total', { n: total }) }
              : false
          }
          scroll={{ x: 800 }}
          columns={[
            { title: t('notice.public.col.no'), dataIndex: 'no', width: 64 },
            { title: t('notice.public.col.solution'), dataIndex: 'solutionName' },
            { title: t('notice.public.col.applicant'), dataIndex: 'applicantName' },
            { title: t('notice.public.col.category'), dataIndex: 'categoryName', width: 180 },
            { title: t('notice.public.col.unit'), dataIndex: 'unitName', width: 140 },
          ]}
        />
      </Card>
      <ObjectionCard notice={n} code={n.campaignCode} />
    </Flex>
  );
}

import { useState } from 'react';
import { Card, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import type { AwardList, AwardView } from '../../../domain/api/awards';
import { useI18n } from '../../lib/i18n';
import { ImportAwards } from './ImportAwards';

/** The server's page size for GET /awards. */
export const AWARDS_PAGE_SIZE = 50;
const FIRST_YEAR = 2017;

export function AwardsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const awards = useQuery({
    queryKey: ['awards', year, q, page],
    queryFn: () =>
      api<AwardList>('/awards', {
        query: { year, q, page, pageSize: AWARDS_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('awards.importTitle')}>
        <ImportAwards />
      </Card>
      <Card title={t('awards.title')} data-testid="awards-list">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('awards.year')}
            aria-label={t('awards.year')}
            style={{ width: 140 }}
            value={year}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
            options={years.map((y) => ({ value: y, label: t('awards.yearN', { n: y }) }))}
          />
          <Input.Search
            allowClear
            aria-label={t('awards.searchPlaceholder')}
            placeholder={t('awards.searchPlaceholder')}
            style={{ width: 300 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </Flex>
        <ErrorAlert error={awards.error} onRetry={() => void awards.refetch()} />
        <Table<AwardView>
          rowKey="id"
          size="middle"
          loading={awards.isFetching}
          dataSource={awards.data?.items}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize: AWARDS_PAGE_SIZE,
            total: awards.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('common.total', { n }),
            onChange: setPage,
          }}
          locale={{ emptyText: t('awards.empty') }}
          columns={[
            { title: t('awards.year'), dataIndex: 'year', width: 80 },
            { title: t('awards.solutionName'), dataIndex: 'solutionName' },
            { title: t('awards.enterpriseName'), dataIndex: 'enterpriseName' },
            {
              title: t('awards.uscc'),
              dataIndex: 'uscc',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            { title: t('awards.category'), dataIndex: 'category' },
            {
              title: t('awards.recommender'),
              key: 'recommender',
              render: (_, a) => (
                <Space size={4} wrap>
                  {a.recommenderName}
                  {!a.recommenderUnitId && (
                    <Tooltip title={t('awards.unmatchedHint')}>
                      <Tag color="orange">{t('awards.unmatched')}</Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            {
              title: t('awards.source'),
              dataIndex: 'source',
              width: 100,
              render: (s: AwardView['source']) =>
                s === 'platform' ? (
                  <Tag color="blue">{t('awards.source.platform')}</Tag>
                ) : (
                  <Tag>{t('awards.source.imported')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

import { useState } from 'react';
import { Card, Input, Table, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { regionName, useRegions } from '../../lib/queries';
import type { Enterprise, Items } from '../../lib/types';

export function EnterprisesPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const regions = useRegions();
  const list = useQuery({
    queryKey: ['enterprises', q],
    queryFn: () => api<Items<Enterprise>>('/enterprises', { query: { q } }),
    select: (d) => d.items,
  });
  return (
    <Card title={t('enterprises.title')}>
      <Input.Search
        allowClear
        placeholder={t('enterprises.searchPlaceholder')}
        style={{ width: 320, marginBottom: 16 }}
        onSearch={setQ}
      />
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('field.enterpriseName'), dataIndex: 'name' },
          {
            title: t('field.uscc'),
            dataIndex: 'uscc',
            render: (v: string, e) => (
              <Typography.Text code>
                {v}
                {e.checkDigitOverrideReason && (
                  <Tooltip
                    title={t('enterprises.override', { reason: e.checkDigitOverrideReason })}
                  >
                    <Typography.Text type="warning"> *</Typography.Text>
                  </Tooltip>
                )}
              </Typography.Text>
            ),
          },
          {
            title: t('field.region'),
            render: (_, e) => regionName(regions.data, e.provinceCode, e.cityCode),
          },
          { title: t('field.contactName'), dataIndex: 'contactName' },
          { title: t('field.phone'), dataIndex: 'phone' },
          { title: t('field.email'), dataIndex: 'email' },
          {
            title: t('field.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
    </Card>
  );
}

import { useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Input, Segmented, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  RECOMMENDER_UNIT_TYPE_LABELS,
  RECOMMENDER_UNIT_TYPES,
  type RecommenderUnitType,
} from '../../../domain/recommender-units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { regionName, useRegions } from '../../lib/queries';
import type { Items, RecommenderUnit } from '../../lib/types';
import { CreateUnitModal } from './CreateUnitModal';
import { QuotaEditor } from './QuotaEditor';

type Patch = { id: string; active?: boolean; quotaOverride?: number | null };

export function UnitsPage() {
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const regions = useRegions();
  const [type, setType] = useState<RecommenderUnitType | 'all'>('all');
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(true);
  const [creating, setCreating] = useState(false);
  const units = useQuery({
    queryKey: ['recommender-units', 'admin', type, q, includeInactive],
    queryFn: () =>
      api<Items<RecommenderUnit>>('/recommender-units', {
        query: {
          type: type === 'all' ? undefined : type,
          q,
          includeInactive: includeInactive || undefined,
        },
      }),
    select: (d) => d.items,
  });
  const patch = useMutation({
    mutationFn: ({ id, ...body }: Patch) =>
      api<RecommenderUnit>(`/recommender-units/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      message.success(t('units.saved'));
      void qc.invalidateQueries({ queryKey: ['recommender-units'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Card
      title={t('units.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('units.create')}
        </Button>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<RecommenderUnitType | 'all'>
          value={type}
          onChange={setType}
          options={[
            { value: 'all', label: t('common.all') },
            ...RECOMMENDER_UNIT_TYPES.map((v) => ({
              value: v,
              label: RECOMMENDER_UNIT_TYPE_LABELS[v][lang].replace('工业和信息化主管部门', ''),
            })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('units.searchPlaceholder')}
          style={{ width: 220 }}
          onSearch={setQ}
        />
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          {t('units.showInactive')}
        </Checkbox>
      </Flex>
      <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />
      <Table<RecommenderUnit>
        rowKey="id"
        size="middle"
        loading={units.isFetching}
        dataSource={units.data}
        pagination={{ pageSize: 50, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: t('units.name'), dataIndex: 'name' },
          {
            title: t('units.type'),
            dataIndex: 'type',
            render: (v: RecommenderUnitType) => RECOMMENDER_UNIT_TYPE_LABELS[v][lang],
          },
          {
            title: t('units.region'),
            dataIndex: 'regionCode',
            render: (v: string | null) => (v ? regionName(regions.data, v) : '—'),
          },
          {
            title: t('units.quota'),
            render: (_, u) => (
              <QuotaEditor
                unit={u}
                onSave={(quotaOverride) => patch.mutate({ id: u.id, quotaOverride })}
              />
            ),
          },
          { title: t('units.accounts'), dataIndex: 'accounts', render: (v?: number) => v ?? '—' },
          {
            title: t('common.status'),
            dataIndex: 'active',
            render: (v: boolean) =>
              v ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.disabled')}</Tag>,
          },
          {
            title: t('common.actions'),
            render: (_, u) => (
              <Button
                type="link"
                size="small"
                danger={u.active}
                onClick={() => patch.mutate({ id: u.id, active: !u.active })}
              >
                {u.active ? t('common.disable') : t('common.enable')}
              </Button>
            ),
          },
        ]}
      />
      <CreateUnitModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

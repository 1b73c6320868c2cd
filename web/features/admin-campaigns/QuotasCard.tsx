import { useState } from 'react';
import { Button, Card, Flex, Form, InputNumber, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CampaignSettings } from '../../../domain/campaign';
import { QUOTA_GROUPS, type QuotaGroup } from '../../../domain/recommender-units';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useUnitOptions } from './api';
import { itemStatus } from './BasicsTab';
import type { Issue } from './draft';

const GROUP_LABELS: Record<QuotaGroup, MessageKey> = {
  region: 'cfg.quota.region',
  central_enterprise: 'cfg.quota.central_enterprise',
  association: 'cfg.quota.association',
};

/** 推荐数量: per group of recommenders, and for a few units their own number this year. */
export function QuotasCard(props: {
  value: CampaignSettings;
  onChange: (v: CampaignSettings) => void;
  issues: readonly Issue[];
}) {
  const { t } = useI18n();
  const s = props.value;
  const units = useUnitOptions();
  const [unit, setUnit] = useState<string | undefined>();
  const [quota, setQuota] = useState<number | null>(1);
  const overrides = s.quotaOverrides ?? {};
  const setOverrides = (next: Record<string, number>) =>
    props.onChange({ ...s, quotaOverrides: next });
  const nameOf = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;
  return (
    <Card size="small" title={t('cfg.quotas')} data-testid="quotas">
      <Form layout="vertical" component="div">
        <Flex gap={24} wrap>
          {QUOTA_GROUPS.map((g) => (
            <Form.Item
              key={g}
              label={t(GROUP_LABELS[g])}
              htmlFor={`quota-${g}`}
              {...itemStatus(props.issues, `settings.quotas.${g}`)}
            >
              <InputNumber
                id={`quota-${g}`}
                min={0}
                precision={0}
                value={s.quotas[g]}
                onChange={(n) =>
                  n !== null && props.onChange({ ...s, quotas: { ...s.quotas, [g]: n } })
                }
              />
            </Form.Item>
          ))}
        </Flex>
      </Form>
      <Typography.Title level={5}>{t('cfg.overrides')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('cfg.overridesHelp')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="quota-overrides"
        locale={{ emptyText: t('cfg.overridesNone') }}
        dataSource={Object.entries(overrides).map(([id, n]) => ({ id, n }))}
        columns={[
          { title: t('cfg.unit'), render: (_, r) => nameOf(r.id) },
          {
            title: t('cfg.quota'),
            width: 140,
            render: (_, r) => (
              <InputNumber
                min={0}
                max={1000}
                precision={0}
                value={r.n}
                aria-label={t('cfg.quota')}
                onChange={(n) => n !== null && setOverrides({ ...overrides, [r.id]: n })}
              />
            ),
          },
          {
            width: 60,
            render: (_, r) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('cfg.remove')}
                onClick={() => {
                  const next = { ...overrides };
                  delete next[r.id];
                  setOverrides(next);
                }}
              />
            ),
          },
        ]}
      />
      <Flex gap={8} style={{ marginTop: 12 }} wrap>
        <Select
          style={{ minWidth: 320 }}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('cfg.unitPick')}
          aria-label={t('cfg.unitPick')}
          loading={units.isLoading}
          value={unit}
          onChange={setUnit}
          options={(units.data ?? [])
            .filter((u) => !(u.id in overrides))
            .map((u) => ({ value: u.id, label: u.name }))}
        />
        <InputNumber
          min={0}
          max={1000}
          precision={0}
          value={quota}
          onChange={setQuota}
          aria-label={t('cfg.quota')}
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!unit || quota === null}
          onClick={() => {
            setOverrides({ ...overrides, [unit!]: quota! });
            setUnit(undefined);
          }}
        >
          {t('cfg.overrideAdd')}
        </Button>
      </Flex>
    </Card>
  );
}

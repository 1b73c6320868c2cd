import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import {
  FOLLOW_UP_SECTIONS,
  FOLLOW_UP_STATUS_LABELS,
  type FollowUpStatusState,
} from '../../../domain/follow-up-report';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { Industry, Items } from '../../lib/types';
import type { FollowUpData } from './api';
import { fieldLabel, sectionTitle } from './paths';

interface RevenueRow {
  year?: number | null;
  amount?: number | null;
}
interface VersionRow {
  version?: string | null;
  date?: string | null;
  change?: string | null;
}

/** GB/T 4754 codes with their names (looked up one by one; a report names only a few). */
export function IndustryNames({ codes }: { codes: string[] }) {
  const found = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['industries', code, null],
      queryFn: () => api<Items<Industry>>('/industries', { query: { q: code, limit: 30 } }),
      staleTime: Infinity,
    })),
  });
  if (!codes.length) return <>—</>;
  return (
    <Flex gap={4} wrap>
      {codes.map((code, i) => {
        const name = found[i]?.data?.items.find((x) => x.code === code)?.name;
        return <Tag key={code}>{name ? `${code} ${name}` : code}</Tag>;
      })}
    </Flex>
  );
}

/** Text as typed: line breaks kept, never HTML. */
function Text({ value }: { value: unknown }) {
  if (typeof value !== 'string' || !value.trim()) return <>—</>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;
}

const amountText = (n: number | null | undefined) =>
  typeof n === 'number' ? n.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : '—';

/** A 附件4 report, read-only. */
export function ReportView({ data }: { data: FollowUpData }) {
  const { t, lang } = useI18n();
  const promotion = (data.promotion ?? {}) as Record<string, unknown>;
  const status = (data.status ?? {}) as Record<string, unknown>;
  const revenue = (Array.isArray(data.revenue) ? data.revenue : []) as RevenueRow[];
  const versions = (Array.isArray(data.versions) ? data.versions : []) as VersionRow[];
  const R = FOLLOW_UP_SECTIONS.revenue.fields;
  const stateValue = status.state as FollowUpStatusState | undefined;
  return (
    <Flex vertical gap={16} data-testid="follow-up-view">
      <Card size="small" title={`一、${sectionTitle('promotion', lang)}`}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={fieldLabel('promotion', 'newCustomers', lang)}>
            {typeof promotion.newCustomers === 'number'
              ? `${promotion.newCustomers} ${lang === 'zh' ? FOLLOW_UP_SECTIONS.promotion.fields.newCustomers.unit : FOLLOW_UP_SECTIONS.promotion.fields.newCustomers.unitEn}`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={fieldLabel('promotion', 'industriesReached', lang)}>
            <IndustryNames
              codes={
                Array.isArray(promotion.industriesReached)
                  ? (promotion.industriesReached as string[])
                  : []
              }
            />
          </Descriptions.Item>
          <Descriptions.Item label={fieldLabel('promotion', 'description', lang)}>
            <Text value={promotion.description} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`二、${sectionTitle('revenue', lang)}`}>
        <Table<RevenueRow & { key: number }>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={revenue.map((r, key) => ({ ...r, key }))}
          locale={{ emptyText: t('followUp.noRows') }}
          columns={[
            {
              title: fieldLabel('revenue', 'year', lang),
              dataIndex: 'year',
              render: (y: number | null | undefined) => y ?? '—',
            },
            {
              title: `${fieldLabel('revenue', 'amount', lang)}（${lang === 'zh' ? R.amount.unit : R.amount.unitEn}）`,
              dataIndex: 'amount',
              render: amountText,
            },
          ]}
        />
      </Card>
      <Card size="small" title={`三、${sectionTitle('versions', lang)}`}>
        <Table<VersionRow & { key: number }>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={versions.map((r, key) => ({ ...r, key }))}
          locale={{ emptyText: t('followUp.noRows') }}
          columns={[
            {
              title: fieldLabel('versions', 'version', lang),
              dataIndex: 'version',
              width: 140,
              render: (v: string | null | undefined) => v || '—',
            },
            {
              title: fieldLabel('versions', 'date', lang),
              dataIndex: 'date',
              width: 130,
              render: (v: string | null | undefined) => v || '—',
            },
            {
              title: fieldLabel('versions', 'change', lang),
              dataIndex: 'change',
              render: (v: unknown) => <Text value={v} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title={`四、${sectionTitle('status', lang)}`}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={fieldLabel('status', 'state', lang)}>
            {stateValue && FOLLOW_UP_STATUS_LABELS[stateValue] ? (
              <Tag color="blue">{FOLLOW_UP_STATUS_LABELS[stateValue][lang]}</Tag>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={fieldLabel('status', 'description', lang)}>
            <Text value={status.description} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('followUp.viewNote')}
      </Typography.Text>
    </Flex>
  );
}

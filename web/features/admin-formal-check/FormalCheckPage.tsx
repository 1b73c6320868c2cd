import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { CampaignRoute } from '../../components/CampaignRoute';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormalCheckTag } from '../../components/FormalCheckResult';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';
import {
  useBulkPass,
  useFormalCheckList,
  type BulkPassResult,
  type FormalCheckFilter,
  type FormalCheckListItem,
} from './api';
import { ChecklistForm } from './ChecklistForm';

const STATES = ['forwarded', 'ineligible', 'under_review'] as const;
const RESULTS = ['none', 'pass', 'fail'] as const;

/** The selected rows split as 批量通过 would treat them: passed, or skipped with the reason. */
export function bulkPlan(rows: readonly FormalCheckListItem[], selected: readonly string[]) {
  const chosen = rows.filter((r) => selected.includes(r.applicationId));
  return {
    pass: chosen.filter((r) => r.bulkPass.eligible),
    skip: chosen.filter((r) => !r.bulkPass.eligible),
  };
}

/** /admin/formal-check/:campaignId? — 形式审查 of a campaign's forwarded applications. */
export function FormalCheckPage() {
  return (
    <CampaignRoute base="/admin/formal-check">
      {(choice) => <FormalCheckView {...choice} />}
    </CampaignRoute>
  );
}

/** The platform's checks of one application: ✓ / ✗ per automatic item, the reason on hover. */
function Checks({ row }: { row: FormalCheckListItem }) {
  const { t } = useI18n();
  return (
    <Flex gap={6} wrap data-testid="row-checks">
      {row.checks.map((c) => (
        <Tooltip key={c.code} title={`${c.label}：${c.reason}`}>
          <Typography.Text
            type={c.pass ? 'success' : 'danger'}
            aria-label={`${c.label}：${t(c.pass ? 'fc.autoPass' : 'fc.autoFail')}（${c.reason}）`}
            data-testid={`row-check-${c.code}`}
            data-pass={c.pass}
            style={{ whiteSpace: 'nowrap', fontSize: 12 }}
          >
            {c.pass ? <CheckCircleFilled /> : <CloseCircleFilled />} {c.label}
          </Typography.Text>
        </Tooltip>
      ))}
    </Flex>
  );
}

export function FormalCheckView(props: {
  campaigns: Campaign[];
  campaign: Campaign | undefined;
  onPick: (id: string) => void;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const c = props.campaign;
  const [filter, setFilter] = useState<FormalCheckFilter>({ state: 'forwarded' });
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [done, setDone] = useState<BulkPassResult | null>(null);
  const list = useFormalCheckList(c?.id, filter);
  const bulk = useBulkPass(c?.id ?? '');
  const rows = useMemo(() => list.data ?? [], [list.data]);
  const open = rows.find((r) => r.applicationId === openId);
  const names = new Map(rows.map((r) => [r.applicationId, r.solutionName]));

  const confirmBulk = () => {
    const plan = bulkPlan(rows, selected);
    const skipped = plan.skip.length > 0 && (
      <>
        <Typography.Paragraph strong style={{ marginTop: 8, marginBottom: 4 }}>
          {t('fc.bulkWillSkip', { n: plan.skip.length })}
        </Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid="bulk-skip-list">
          {plan.skip.map((r) => (
            <li key={r.applicationId}>
              <Typography.Text strong>{r.solutionName}</Typography.Text>：{r.bulkPass.reason}
            </li>
          ))}
        </ul>
      </>
    );
    if (!plan.pass.length) {
      modal.warning({ title: t('fc.bulkNone'), content: skipped });
      return;
    }
    modal.confirm({
      title: t('fc.bulkTitle'),
      width: 640,
      content: (
        <div data-testid="bulk-confirm">
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t('fc.bulkWillPass', { n: plan.pass.length })}
          </Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid="bulk-pass-list">
            {plan.pass.map((r) => (
              <li key={r.applicationId}>{r.solutionName}</li>
            ))}
          </ul>
          {skipped}
        </div>
      ),
      okText: t('fc.bulkOk', { n: plan.pass.length }),
      okButtonProps: { 'data-testid': 'bulk-ok' } as Record<string, string>,
      cancelText: t('common.cancel'),
      onOk: () =>
        bulk.mutateAsync(plan.pass.map((r) => r.applicationId)).then((res) => {
          setDone(res);
          setSelected([]);
        }),
    });
  };

  return (
    <Card
      title={t('fc.title')}
      extra={
        <Select
          aria-label={t('fc.campaign')}
          style={{ width: 320 }}
          value={c?.id}
          placeholder={t('fc.campaign')}
          onChange={props.onPick}
          options={props.campaigns.map((x) => ({ value: x.id, label: x.title }))}
          data-testid="formal-check-campaign"
        />
      }
    >
      {!c ? (
        <Typography.Text type="secondary">{t('fc.pickCampaign')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={12} wrap align="center" justify="space-between">
            <Flex gap={12} wrap>
              <Select<(typeof STATES)[number]>
                allowClear
                placeholder={t('fc.filterState')}
                aria-label={t('fc.filterState')}
                style={{ width: 160 }}
                value={filter.state}
                onChange={(state) => setFilter((f) => ({ ...f, state }))}
                options={STATES.map((s) => ({ value: s, label: t(`appState.${s}`) }))}
                data-testid="filter-state"
              />
              <Select<(typeof RESULTS)[number]>
                allowClear
                placeholder={t('fc.filterResult')}
                aria-label={t('fc.filterResult')}
                style={{ width: 140 }}
                value={filter.result}
                onChange={(result) => setFilter((f) => ({ ...f, result }))}
                options={RESULTS.map((r) => ({ value: r, label: t(`fc.result.${r}`) }))}
                data-testid="filter-result"
              />
              <Input.Search
                allowClear
                aria-label={t('fc.search')}
                placeholder={t('fc.search')}
                style={{ width: 300 }}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined }))}
              />
            </Flex>
            <Flex gap={8} align="center">
              {selected.length > 0 && (
                <Typography.Text type="secondary">
                  {t('fc.selected', { n: selected.length })}
                </Typography.Text>
              )}
              <Button
                type="primary"
                disabled={!selected.length}
                loading={bulk.isPending}
                onClick={confirmBulk}
                data-testid="bulk-pass"
              >
                {t('fc.bulkPass')}
              </Button>
            </Flex>
          </Flex>
          {done && (
            <Alert
              type={done.skipped ? 'warning' : 'success'}
              showIcon
              closable
              onClose={() => setDone(null)}
              data-testid="bulk-result"
              title={t('fc.bulkDone', { passed: done.passed, skipped: done.skipped })}
              description={
                done.skipped > 0 && (
                  <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                    {done.items
                      .filter((i) => i.outcome === 'skipped')
                      .map((i) => (
                        <li key={i.applicationId}>
                          {t('fc.bulkSkipped', {
                            name: i.solutionName || names.get(i.applicationId) || '',
                            reason: i.reason ?? '',
                          })}
                        </li>
                      ))}
                  </ul>
                )
              }
            />
          )}
          <ErrorAlert error={bulk.error} />
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          <Table<FormalCheckListItem>
            rowKey="applicationId"
            size="middle"
            loading={list.isFetching}
            dataSource={rows}
            data-testid="formal-check-table"
            locale={{ emptyText: t('fc.empty') }}
            pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }}
            scroll={{ x: 1200 }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
            }}
            columns={[
              {
                title: t('fc.col.solution'),
                key: 'solution',
                render: (_, r) => (
                  <Flex vertical>
                    <Typography.Text>{r.solutionName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.enterpriseName}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: t('fc.col.unit'), dataIndex: 'channelUnitName', width: 140 },
              {
                title: t('fc.col.category'),
                dataIndex: 'category',
                width: 150,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('fc.col.checks'),
                key: 'checks',
                width: 420,
                render: (_, r) => <Checks row={r} />,
              },
              {
                title: t('fc.col.state'),
                dataIndex: 'state',
                width: 130,
                render: (s: FormalCheckListItem['state']) => <Tag>{t(`appState.${s}`)}</Tag>,
              },
              {
                title: t('fc.col.result'),
                dataIndex: 'result',
                width: 100,
                render: (r: FormalCheckListItem['result']) => <FormalCheckTag result={r} />,
              },
              {
                title: '',
                key: 'open',
                fixed: 'right',
                width: 80,
                render: (_, r) => (
                  <Button
                    size="small"
                    onClick={() => setOpenId(r.applicationId)}
                    data-testid="formal-check-open"
                  >
                    {t('fc.open')}
                  </Button>
                ),
              },
            ]}
          />
          <Drawer
            open={!!openId}
            onClose={() => setOpenId(null)}
            size={820}
            destroyOnHidden
            title={t('fc.drawerTitle', { name: open?.solutionName ?? '' })}
            data-testid="formal-check-drawer"
          >
            {openId && <ChecklistForm campaignId={c.id} appId={openId} />}
          </Drawer>
        </Flex>
      )}
    </Card>
  );
}

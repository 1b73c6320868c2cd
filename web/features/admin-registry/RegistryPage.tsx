import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { FileExcelOutlined, FileZipOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import {
  DUPLICATE_FLAGS,
  FORMAL_CHECK_FILTERS,
  PAPER_FILTERS,
  REGISTRY_SORTS,
  REGISTRY_STATES,
  REGISTRY_ZIP_MAX,
  type DuplicateFlag,
} from '../../../domain/registry';
import { CampaignRoute } from '../../components/CampaignRoute';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRecommenderUnits } from '../../lib/applications';
import { formatDateTime } from '../../lib/format';
import { useI18n, type Translate } from '../../lib/i18n';
import { useRegions } from '../../lib/queries';
import type { Campaign } from '../../lib/types';
import { exportUrl, useRegistry, type Filters, type RegistryRow } from './api';
import { FormalCheckTag, PaperTag } from './Tags';
import { ApplicationDrawer } from './ApplicationDrawer';

const PAGE_SIZE = 50;
const INDUSTRY = /^([A-Ta-t]|[A-Ta-t]?\d{2,4})$/;

/** /admin/registry/:campaignId? — 申报项目库: every application that reached the ministry. */
export function RegistryPage() {
  return (
    <CampaignRoute base="/admin/registry">{(choice) => <RegistryView {...choice} />}</CampaignRoute>
  );
}

const DUP_COLORS: Record<DuplicateFlag, string | undefined> = {
  open: 'orange',
  confirmed: 'red',
  none: undefined,
};

function columns(t: Translate, open: (r: RegistryRow) => void): ColumnsType<RegistryRow> {
  return [
    { title: t('registry.col.unit'), dataIndex: 'unitName', width: 120, fixed: 'left' },
    { title: t('registry.col.rank'), dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: t('registry.col.solution'),
      dataIndex: 'solutionName',
      width: 240,
      render: (name: string, r) => (
        <Button
          type="link"
          onClick={() => open(r)}
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          data-testid="registry-open"
        >
          {name}
        </Button>
      ),
    },
    { title: t('registry.col.category'), dataIndex: 'categoryLabel', width: 130 },
    {
      title: t('registry.col.applicant'),
      key: 'applicant',
      width: 220,
      render: (_, r) => (
        <Flex vertical gap={0}>
          <span>{r.applicantName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('registry.col.region'), dataIndex: 'regionName', width: 110 },
    {
      title: t('registry.col.state'),
      dataIndex: 'state',
      width: 120,
      render: (s: RegistryRow['state']) => <Tag>{t(`appState.${s}`)}</Tag>,
    },
    {
      title: t('registry.col.version'),
      dataIndex: 'currentVersionNo',
      width: 70,
      align: 'center',
      render: (n: number | null) => (n ? t('registry.version', { n }) : '—'),
    },
    {
      title: t('registry.col.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      render: (at: string | null) => formatDateTime(at),
    },
    {
      title: t('registry.col.duplicates'),
      dataIndex: 'duplicates',
      width: 110,
      render: (d: DuplicateFlag) =>
        d === 'none' ? (
          <Typography.Text type="secondary">{t('registry.dup.none')}</Typography.Text>
        ) : (
          <Tag color={DUP_COLORS[d]}>{t(`registry.dup.${d}`)}</Tag>
        ),
    },
    {
      title: t('registry.col.paper'),
      dataIndex: 'paper',
      width: 130,
      render: (p: RegistryRow['paper']) => <PaperTag paper={p} />,
    },
    {
      title: t('registry.col.formalCheck'),
      dataIndex: 'formalCheck',
      width: 100,
      render: (r: RegistryRow['formalCheck']) => <FormalCheckTag result={r} />,
    },
  ];
}

export function RegistryView(props: {
  campaigns: Campaign[];
  campaign: Campaign | undefined;
  onPick: (id: string) => void;
}) {
  const { t } = useI18n();
  const c = props.campaign;
  const [filters, setFilters] = useState<Filters>({});
  const [industry, setIndustry] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<RegistryRow | null>(null);
  const units = useRecommenderUnits();
  const regions = useRegions();
  const list = useRegistry(c?.id, filters, page, PAGE_SIZE);
  const set = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const total = list.data?.total ?? 0;
  const industryBad = industry.trim() !== '' && !INDUSTRY.test(industry.trim());
  const filterSelect = <K extends keyof Filters>(
    key: K,
    label: string,
    options: { value: string; label: string }[],
    width = 160,
  ) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={label}
      placeholder={label}
      style={{ width }}
      value={filters[key] as string | undefined}
      onChange={(v?: string) => set({ [key]: v } as Filters)}
      options={options}
      data-testid={`registry-filter-${key}`}
    />
  );
  return (
    <Card
      title={t('registry.title')}
      extra={
        <Select
          aria-label={t('registry.campaign')}
          style={{ width: 320 }}
          value={c?.id}
          placeholder={t('registry.campaign')}
          onChange={props.onPick}
          options={props.campaigns.map((x) => ({ value: x.id, label: x.title }))}
        />
      }
    >
      {!c ? (
        <Typography.Text type="secondary">{t('registry.pickCampaign')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            {filterSelect(
              'unitId',
              t('registry.filter.unit'),
              (units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
              200,
            )}
            {filterSelect(
              'category',
              t('registry.filter.category'),
              c.settings.categories.map((x) => ({ value: x.code, label: x.name })),
            )}
            {filterSelect(
              'province',
              t('registry.filter.province'),
              (regions.data ?? [])
                .filter((r) => r.level === 1)
                .map((r) => ({ value: r.code, label: r.name })),
            )}
            <Input
              allowClear
              aria-label={t('registry.filter.industry')}
              placeholder={t('registry.filter.industry')}
              style={{ width: 250 }}
              status={industryBad ? 'error' : undefined}
              title={industryBad ? t('registry.filter.industryInvalid') : undefined}
              value={industry}
              onChange={(e) => {
                const v = e.target.value;
                setIndustry(v);
                if (v.trim() === '' || INDUSTRY.test(v.trim()))
                  set({ industry: v.trim() || undefined });
              }}
            />
            {filterSelect(
              'state',
              t('registry.filter.state'),
              REGISTRY_STATES.map((s) => ({ value: s, label: t(`appState.${s}`) })),
            )}
            {filterSelect(
              'duplicates',
              t('registry.filter.duplicates'),
              DUPLICATE_FLAGS.map((d) => ({ value: d, label: t(`registry.dup.${d}`) })),
            )}
            {filterSelect(
              'paper',
              t('registry.filter.paper'),
              PAPER_FILTERS.map((p) => ({ value: p, label: t(`registry.paper.${p}`) })),
            )}
            {filterSelect(
              'formalCheck',
              t('registry.filter.formalCheck'),
              FORMAL_CHECK_FILTERS.map((f) => ({ value: f, label: t(`registry.formal.${f}`) })),
            )}
          </Flex>
          <Flex gap={12} wrap align="center" justify="space-between">
            <Flex gap={8} wrap align="center">
              <Input.Search
                allowClear
                aria-label={t('registry.search')}
                placeholder={t('registry.search')}
                style={{ width: 320 }}
                onSearch={(v) => set({ q: v.trim() || undefined })}
                data-testid="registry-search"
              />
              <Select
                aria-label={t('registry.filter.sort')}
                style={{ width: 190 }}
                value={filters.sort ?? 'unit'}
                onChange={(v) => set({ sort: v })}
                options={REGISTRY_SORTS.map((s) => ({ value: s, label: t(`registry.sort.${s}`) }))}
              />
              <Select
                aria-label={t('registry.order')}
                style={{ width: 100 }}
                value={filters.order ?? 'asc'}
                onChange={(v) => set({ order: v })}
                options={[
                  { value: 'asc', label: t('registry.order.asc') },
                  { value: 'desc', label: t('registry.order.desc') },
                ]}
              />
            </Flex>
            <Flex gap={8} wrap>
              <Button
                icon={<FileExcelOutlined />}
                href={exportUrl(c.id, 'xlsx', filters)}
                data-testid="registry-export-xlsx"
              >
                {t('registry.exportXlsx')}
              </Button>
              <Tooltip
                title={
                  total > REGISTRY_ZIP_MAX
                    ? t('registry.zipTooMany', { n: total, max: REGISTRY_ZIP_MAX })
                    : t('registry.zipHint', { max: REGISTRY_ZIP_MAX })
                }
              >
                <Button
                  icon={<FileZipOutlined />}
                  href={total > REGISTRY_ZIP_MAX ? undefined : exportUrl(c.id, 'zip', filters)}
                  disabled={total > REGISTRY_ZIP_MAX || total === 0}
                  data-testid="registry-export-zip"
                >
                  {t('registry.exportZip')}
                </Button>
              </Tooltip>
            </Flex>
          </Flex>
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          <Table<RegistryRow>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            columns={columns(t, setOpen)}
            scroll={{ x: 1700 }}
            data-testid="registry-table"
            onRow={(r) => ({ onDoubleClick: () => setOpen(r) })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total,
              showSizeChanger: false,
              showTotal: (n) => t('registry.total', { n }),
              onChange: setPage,
            }}
          />
        </Flex>
      )}
      {c && <ApplicationDrawer campaign={c} row={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

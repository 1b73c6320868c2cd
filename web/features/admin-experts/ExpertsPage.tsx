// /admin/experts — 专家库: the organizer's pool of review experts, filtered and paged on the
// server; 新增专家, 导入专家, 编辑 and 停用/启用 per row.
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IndustryPicker } from '../../components/IndustryPicker';
import { OneTimePasswordModal } from '../../components/OneTimePasswordModal';
import { RegionCascader } from '../../components/RegionCascader';
import { useRecommenderUnits } from '../../lib/applications';
import { useIndustryNames } from '../../lib/form-display';
import { useI18n } from '../../lib/i18n';
import {
  useExpertCategories,
  useExperts,
  useUpdateExpert,
  type CreatedExpert,
  type ExpertFilter,
  type ExpertView,
} from './api';
import { ExpertFormModal } from './ExpertFormModal';
import { ImportExpertsModal } from './ImportExpertsModal';

export const PAGE_SIZE = 20;

const secondary = (text: string) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {text}
  </Typography.Text>
);

export function ExpertsPage() {
  const { t, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const [filter, setFilter] = useState<ExpertFilter>({});
  const [region, setRegion] = useState<string[]>([]);
  const [page, setPage] = useState(1);
  // null: closed; 'new': 新增专家; an id: 编辑
  const [editing, setEditing] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [otp, setOtp] = useState<{ login: string; password: string } | null>(null);
  const list = useExperts(filter, page, PAGE_SIZE);
  const update = useUpdateExpert();
  const units = useRecommenderUnits();
  const { categories } = useExpertCategories();
  const rows = useMemo(() => list.data?.items ?? [], [list.data]);
  const industryCodes = useMemo(() => [...new Set(rows.flatMap((r) => r.industries))], [rows]);
  const industryNames = useIndustryNames(industryCodes);
  const categoryName = new Map(categories.map((c) => [c.code, c.name]));
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));

  const set = (patch: ExpertFilter) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const onCreated = (created: CreatedExpert) => {
    setEditing(null);
    void message.success(t('experts.created', { name: created.expert.name }));
    if (created.oneTimePassword)
      setOtp({ login: created.login, password: created.oneTimePassword });
    else if (created.linkSentTo)
      modal.success({
        title: t('users.linkSentTitle'),
        content: t('users.linkSent', { email: created.linkSentTo }),
      });
  };

  const setActive = (e: ExpertView, active: boolean) =>
    update.mutate(
      { id: e.id, body: { active } },
      {
        onSuccess: () =>
          void message.success(
            t(active ? 'experts.activated' : 'experts.deactivated', { name: e.name }),
          ),
        onError: (err) => void message.error(errorText(err)),
      },
    );

  const columns: ColumnsType<ExpertView> = [
    {
      title: t('experts.col.name'),
      dataIndex: 'name',
      width: 80,
      fixed: 'left',
    },
    {
      title: t('experts.col.employer'),
      key: 'employer',
      width: 180,
      render: (_, e) => (
        <Flex vertical gap={0}>
          <span>{e.employerName}</span>
          {secondary(e.employerUscc ?? t('experts.noUscc'))}
        </Flex>
      ),
    },
    {
      title: t('experts.col.title'),
      dataIndex: 'title',
      width: 90,
      render: (v: string) => v || '—',
    },
    { title: t('experts.col.region'), dataIndex: 'regionName', width: 70 },
    {
      title: t('experts.col.categories'),
      dataIndex: 'categories',
      width: 130,
      render: (codes: string[]) =>
        codes.length ? (
          <Flex gap={4} wrap>
            {codes.map((c) => (
              <Tag key={c} style={{ marginInlineEnd: 0 }}>
                {categoryName.get(c) ?? c}
              </Tag>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('experts.col.industries'),
      dataIndex: 'industries',
      width: 150,
      render: (codes: string[]) =>
        codes.length ? (
          <Flex vertical gap={0}>
            {codes.map((c) => (
              <span key={c}>
                {c} {industryNames.get(c) ?? ''}
              </span>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('experts.col.focusAreas'),
      dataIndex: 'focusAreas',
      width: 120,
      render: (areas: string[]) => (areas.length ? areas.join('、') : '—'),
    },
    {
      title: t('experts.col.conflicts'),
      key: 'conflicts',
      width: 80,
      render: (_, e) => {
        const n = e.conflictEnterprises.length + e.conflictUnitIds.length;
        if (n === 0) return secondary(t('experts.conflicts.none'));
        const names = [
          ...e.conflictEnterprises.map((c) =>
            c.name && c.uscc ? `${c.name}（${c.uscc}）` : (c.name ?? c.uscc ?? ''),
          ),
          ...e.conflictUnitIds.map((id) => unitName.get(id) ?? id),
        ];
        return (
          <Tooltip title={names.join('；')}>
            <Flex vertical gap={0} data-testid="expert-conflicts">
              <span>{t('experts.conflicts.enterprises', { n: e.conflictEnterprises.length })}</span>
              <span>{t('experts.conflicts.units', { n: e.conflictUnitIds.length })}</span>
            </Flex>
          </Tooltip>
        );
      },
    },
    {
      title: t('experts.col.login'),
      dataIndex: 'login',
      width: 110,
      render: (login: string, e) => (
        <Tooltip title={e.email}>
          <span style={{ whiteSpace: 'nowrap' }}>{login}</span>
        </Tooltip>
      ),
    },
    {
      title: t('experts.col.state'),
      key: 'state',
      width: 75,
      fixed: 'right',
      render: (_, e) => (
        <Flex gap={4} wrap>
          {e.active ? (
            <Tag color="green">{t('experts.state.active')}</Tag>
          ) : (
            <Tag>{t('experts.state.inactive')}</Tag>
          )}
          {e.accountStatus === 'disabled' && (
            <Tooltip title={t('experts.accountDisabledHint')}>
              <Tag color="red">{t('experts.accountDisabled')}</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, e) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(e.id)}>
            {t('experts.editShort')}
          </Button>
          {e.active ? (
            <Popconfirm
              title={t('experts.deactivateConfirm', { name: e.name })}
              description={t('experts.deactivateHint')}
              okText={t('common.disable')}
              onConfirm={() => setActive(e, false)}
            >
              <Button type="link" danger size="small">
                {t('common.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => setActive(e, true)}>
              {t('common.enable')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('experts.title')}
      extra={
        <Space>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('experts.import.button')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('experts.create')}
          </Button>
        </Space>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="expert-filters">
        <Input.Search
          allowClear
          aria-label={t('experts.filter.search')}
          placeholder={t('experts.filter.search')}
          style={{ width: 260 }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('experts.filter.category')}
          placeholder={t('experts.filter.category')}
          style={{ width: 180 }}
          value={filter.category}
          onChange={(v?: string) => set({ category: v })}
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
        />
        <div style={{ width: 260 }}>
          <IndustryPicker
            aria-label={t('experts.filter.industry')}
            placeholder={t('experts.filter.industry')}
            value={filter.industry}
            onChange={(v) => set({ industry: (v as string | undefined) || undefined })}
          />
        </div>
        <RegionCascader
          changeOnSelect
          aria-label={t('experts.filter.region')}
          placeholder={t('experts.filter.region')}
          style={{ width: 200 }}
          value={region}
          onChange={(path) => {
            setRegion(path);
            set({ region: path[path.length - 1] });
          }}
        />
        <Select
          allowClear
          aria-label={t('experts.filter.state')}
          placeholder={t('experts.filter.state')}
          style={{ width: 130 }}
          value={filter.active === undefined ? undefined : String(filter.active)}
          onChange={(v?: string) => set({ active: v === undefined ? undefined : v === 'true' })}
          options={[
            { value: 'true', label: t('experts.state.active') },
            { value: 'false', label: t('experts.state.inactive') },
          ]}
        />
      </Flex>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<ExpertView>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1185 }}
        data-testid="experts-table"
        locale={{ emptyText: t('experts.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('experts.total', { n }),
          onChange: setPage,
        }}
      />
      <ExpertFormModal
        open={editing !== null}
        expertId={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onCreated={onCreated}
        onSaved={(e) => {
          setEditing(null);
          void message.success(t('experts.saved', { name: e.name }));
        }}
      />
      <ImportExpertsModal open={importing} onClose={() => setImporting(false)} />
      <OneTimePasswordModal
        login={otp?.login ?? ''}
        password={otp?.password ?? null}
        onClose={() => setOtp(null)}
      />
    </Card>
  );
}

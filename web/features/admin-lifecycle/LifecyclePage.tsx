// /admin/lifecycle — 动态管理: every published solution with its validity, today's status, days
// left and what falls due next, filtered by list, status, unit and "expiring within N days"; a
// drawer with its history (expiry, revocation, withdrawal — reason, day, evidence); the 撤销 /
// 登记退出 dialog (reason, a note of at least 4 字, optional evidence); and the 配套支持汇总 tab
// with the support each unit recorded.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import {
  REVOCATION_REASONS,
  REVOCATION_REASON_LABELS,
  REVOKE_NOTE_MIN,
  type RevocationReason,
  type RevokeAction,
} from '../../../domain/award-lifecycle';
import { PUBLISHED_STATUSES, type PublishedStatus } from '../../../domain/publication';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PublishedStatusTag } from '../../components/PublicationResult';
import { useI18n } from '../../lib/i18n';
import {
  evidenceUrl,
  useAwardLifecycle,
  useRevokeAward,
  useSupportTotals,
  type AwardLifecycleItem,
  type LifecycleFilters,
} from './api';

const PAGE_SIZE = 20;
const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

export function LifecyclePage() {
  const { t } = useI18n();
  return (
    <Card title={t('lifecycle.title')} data-testid="lifecycle-page">
      <Tabs
        items={[
          { key: 'list', label: t('lifecycle.tab.list'), children: <LifecycleList /> },
          { key: 'support', label: t('lifecycle.tab.support'), children: <SupportTotals /> },
        ]}
      />
    </Card>
  );
}

function LifecycleList() {
  const { t } = useI18n();
  // ?publicId= (a spot check's 不合格 links here) starts the search at that solution
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<LifecycleFilters>(() => {
    const publicId = params.get('publicId')?.trim();
    return publicId ? { q: publicId } : {};
  });
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<AwardLifecycleItem | null>(null);
  const [acting, setActing] = useState<AwardLifecycleItem | null>(null);
  const list = useAwardLifecycle(filters, page, PAGE_SIZE);
  const set = (patch: LifecycleFilters) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('lifecycle.intro')} />
      <Flex gap={8} wrap>
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder={t('lifecycle.filter.list')}
          aria-label={t('lifecycle.filter.list')}
          options={list.data?.lists ?? []}
          value={filters.campaignId}
          onChange={(v?: string) => set({ campaignId: v })}
          data-testid="lifecycle-filter-list"
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('lifecycle.filter.status')}
          aria-label={t('lifecycle.filter.status')}
          options={PUBLISHED_STATUSES.map((s) => ({
            value: s,
            label: t(`publication.status.${s}`),
          }))}
          value={filters.status}
          onChange={(v?: PublishedStatus) => set({ status: v })}
          data-testid="lifecycle-filter-status"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          placeholder={t('lifecycle.filter.unit')}
          aria-label={t('lifecycle.filter.unit')}
          options={list.data?.units ?? []}
          value={filters.unitId}
          onChange={(v?: string) => set({ unitId: v })}
        />
        <InputNumber
          min={0}
          max={3660}
          style={{ width: 170 }}
          placeholder={t('lifecycle.filter.expiring')}
          value={filters.expiringWithinDays}
          onChange={(v) => set({ expiringWithinDays: v ?? undefined })}
          data-testid="lifecycle-filter-expiring"
        />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('lifecycle.filter.q')}
          defaultValue={filters.q}
          onSearch={(q) => set({ q: q || undefined })}
        />
      </Flex>
      {list.error != null && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<AwardLifecycleItem>
        rowKey="publicId"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1640 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('lifecycle.total', { n }),
        }}
        locale={{ emptyText: t('lifecycle.empty') }}
        columns={[
          { title: t('lifecycle.col.publicId'), dataIndex: 'publicId', width: 140 },
          { title: t('lifecycle.col.solution'), dataIndex: 'solutionName', width: 260 },
          { title: t('lifecycle.col.enterprise'), dataIndex: 'enterpriseName', width: 200 },
          { title: t('lifecycle.col.unit'), dataIndex: 'unitName', width: 120 },
          { title: t('lifecycle.col.category'), dataIndex: 'categoryName', width: 120 },
          {
            title: t('lifecycle.col.validity'),
            key: 'validity',
            width: 200,
            render: (_: unknown, r) => `${r.validFrom} ~ ${r.validUntil}`,
          },
          {
            title: t('lifecycle.col.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: PublishedStatus) => <PublishedStatusTag status={s} />,
          },
          {
            title: t('lifecycle.col.daysLeft'),
            key: 'daysLeft',
            width: 150,
            render: (_: unknown, r) =>
              r.daysLeft === null ? (
                '—'
              ) : (
                <Space orientation="vertical" size={0}>
                  <Typography.Text type={r.daysLeft <= 90 ? 'warning' : undefined}>
                    {t('lifecycle.daysLeft', { n: r.daysLeft })}
                  </Typography.Text>
                  {r.nextDueOn && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('lifecycle.nextDue', { day: r.nextDueOn })}
                    </Typography.Text>
                  )}
                </Space>
              ),
          },
          {
            title: t('lifecycle.col.support'),
            key: 'support',
            width: 110,
            render: (_: unknown, r) =>
              r.support.count ? t('lifecycle.supportCount', { n: r.support.count }) : '—',
          },
          {
            title: t('lifecycle.col.actions'),
            key: 'actions',
            width: 210,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={0}>
                <Button
                  type="link"
                  onClick={() => setOpen(r)}
                  data-testid={`lifecycle-history-${r.publicId}`}
                >
                  {t('lifecycle.history')}
                </Button>
                {(r.status === 'valid' || r.status === 'expired') && (
                  <Button
                    type="link"
                    danger
                    onClick={() => setActing(r)}
                    data-testid={`lifecycle-revoke-${r.publicId}`}
                  >
                    {t('lifecycle.revoke')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        size="large"
        title={t('lifecycle.historyTitle')}
        destroyOnHidden
      >
        {open && <History item={open} />}
      </Drawer>
      {acting && <RevokeDialog item={acting} onClose={() => setActing(null)} />}
    </Space>
  );
}

function History({ item }: { item: AwardLifecycleItem }) {
  const { t } = useI18n();
  return (
    <Space
      orientation="vertical"
      size="large"
      style={{ width: '100%' }}
      data-testid="lifecycle-drawer"
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('lifecycle.col.publicId')}>{item.publicId}</Descriptions.Item>
        <Descriptions.Item label={t('lifecycle.col.solution')}>
          {item.solutionName}
        </Descriptions.Item>
        <Descriptions.Item label={t('lifecycle.col.enterprise')}>
          {item.enterpriseName}
        </Descriptions.Item>
        <Descriptions.Item label={t('lifecycle.col.list')}>{item.listTitle}</Descriptions.Item>
        <Descriptions.Item label={t('lifecycle.col.validity')}>
          {`${item.validFrom} ~ ${item.validUntil}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('lifecycle.col.status')}>
          <PublishedStatusTag status={item.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('lifecycle.col.support')}>
          {t('lifecycle.supportDetail', {
            policy: item.support.policy,
            funding: item.support.funding,
            resource: item.support.resource,
            yuan: yuan(item.support.fundingYuan),
          })}
        </Descriptions.Item>
      </Descriptions>
      <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="lifecycle-events">
        {item.events.map((e, i) => (
          <li key={i} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{`${e.day} ${e.kindLabel}`}</Typography.Text>
            <br />
            <Typography.Text>{e.note}</Typography.Text>
            {e.evidence && (
              <>
                <br />
                <a href={evidenceUrl(e.evidence.id)}>
                  {t('lifecycle.evidence', { name: e.evidence.filename })}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </Space>
  );
}

interface RevokeForm {
  action: RevokeAction;
  reasonCode: RevocationReason;
  note: string;
}

function RevokeDialog({ item, onClose }: { item: AwardLifecycleItem; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RevokeForm>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const revoke = useRevokeAward();
  const submit = async (v: RevokeForm) => {
    try {
      await revoke.mutateAsync({
        input: { publicId: item.publicId, ...v },
        file: files[0]?.originFileObj,
      });
      void message.success(t(v.action === 'revoke' ? 'lifecycle.revoked' : 'lifecycle.withdrawn'));
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Modal
      open
      title={t('lifecycle.dialogTitle', { id: item.publicId })}
      okText={t('lifecycle.confirm')}
      okButtonProps={{ danger: true, loading: revoke.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {item.solutionName}（{item.enterpriseName}）
      </Typography.Paragraph>
      <Form<RevokeForm>
        form={form}
        layout="vertical"
        initialValues={{ action: 'revoke' }}
        onFinish={(v) => void submit(v)}
        data-testid="revoke-form"
      >
        <Form.Item name="action" label={t('lifecycle.action')}>
          <Radio.Group
            options={[
              { value: 'revoke', label: t('lifecycle.action.revoke') },
              { value: 'withdraw', label: t('lifecycle.action.withdraw') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reasonCode"
          label={t('lifecycle.reason')}
          rules={[{ required: true, message: t('lifecycle.reasonRequired') }]}
        >
          <Select
            options={REVOCATION_REASONS.map((r) => ({
              value: r,
              label: REVOCATION_REASON_LABELS[r],
            }))}
            data-testid="revoke-reason"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('lifecycle.note')}
          extra={t('lifecycle.noteHint')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                (v ?? '').trim().length >= REVOKE_NOTE_MIN
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('lifecycle.noteMin', { n: REVOKE_NOTE_MIN }))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="revoke-note" />
        </Form.Item>
        <Form.Item label={t('lifecycle.evidenceLabel')} extra={t('lifecycle.evidenceHint')}>
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
          >
            <Button icon={<UploadOutlined />}>{t('lifecycle.evidenceUpload')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SupportTotals() {
  const { t } = useI18n();
  const q = useSupportTotals();
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const total = q.data?.total;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {total && (
        <Alert
          type="info"
          showIcon
          data-testid="support-totals-summary"
          title={t('lifecycle.totals.summary', {
            selected: total.selected,
            supported: total.supported,
            records: total.policy + total.funding + total.resource,
            yuan: yuan(total.fundingYuan),
          })}
        />
      )}
      <Table
        rowKey="unitId"
        size="middle"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="support-totals"
        columns={[
          { title: t('lifecycle.col.unit'), dataIndex: 'unitName' },
          { title: t('lifecycle.totals.selected'), dataIndex: 'selected', width: 100 },
          { title: t('lifecycle.totals.supported'), dataIndex: 'supported', width: 120 },
          { title: t('support.kind.policy'), dataIndex: 'policy', width: 100 },
          { title: t('support.kind.funding'), dataIndex: 'funding', width: 100 },
          { title: t('support.kind.resource'), dataIndex: 'resource', width: 100 },
          {
            title: t('lifecycle.totals.fundingYuan'),
            dataIndex: 'fundingYuan',
            width: 160,
            render: (n: number) => yuan(n),
          },
        ]}
      />
    </Space>
  );
}

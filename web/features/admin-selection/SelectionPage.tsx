// /admin/selection/:campaignId? — 遴选决定: the round whose ranking is used and the target per
// category; per application 入选 or 不入选 with a reason (按排名预选 fills the undecided); the
// 评审会纪要; what still stops the freeze; and the freeze, after which the decisions are the 公示 list
// and the 公示 card opens the public notice (NoticeCard); after it, the list is published (PublishCard).
import { useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import type { ButtonProps } from 'antd';
import {
  CheckOutlined,
  CloseOutlined,
  DownloadOutlined,
  LockOutlined,
  OrderedListOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { decideSelectionSchema, type SelectionDecision } from '../../../domain/selection';
import { CampaignRoute, type CampaignChoice } from '../../components/CampaignRoute';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatSize } from '../../lib/applications';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { NoticeCard } from './NoticeCard';
import { PublishSection } from './PublishCard';
import {
  isStale,
  minutesUrl,
  useDecideSelection,
  useFreezeSelection,
  usePreselect,
  useSaveSelectionSettings,
  useSelection,
  useUploadSelectionMinutes,
  type PreselectResult,
  type SelectionCategory,
  type SelectionRow,
  type SelectionView,
} from './api';

const num = (v: number | null) => (v === null ? '—' : String(v));
const STATE_COLORS = { open: 'blue', frozen: 'green', none: 'default' } as const;
const DECISION_COLORS: Record<SelectionDecision, string> = {
  selected: 'green',
  not_selected: 'red',
};

/** The reason rule the server applies (至少4个字), checked before sending. */
export function reasonOk(reason: string): boolean {
  return decideSelectionSchema.shape.reason.safeParse(reason).success;
}

/** 已入选 over the target, per category: how many too many (0: within). */
export function overTarget(c: SelectionCategory): number {
  return Math.max(0, c.selected - c.target);
}

/** Rows grouped by category (in the categories' order), best place first, unranked last. */
export function sortRows(view: SelectionView): SelectionRow[] {
  const order = new Map(view.categories.map((c, i) => [c.code, i]));
  const pos = (r: SelectionRow) => order.get(r.category ?? '') ?? view.categories.length;
  return [...view.rows].sort(
    (a, b) =>
      pos(a) - pos(b) ||
      (a.place ?? Number.MAX_SAFE_INTEGER) - (b.place ?? Number.MAX_SAFE_INTEGER) ||
      a.solutionName.localeCompare(b.solutionName, 'zh'),
  );
}

export function SelectionPage() {
  return (
    <CampaignRoute base="/admin/selection">
      {(choice) => <SelectionPanel {...choice} />}
    </CampaignRoute>
  );
}

function StateTag({ state }: { state: SelectionView['state'] }) {
  const { t } = useI18n();
  const s = state ?? 'none';
  return (
    <Tag color={STATE_COLORS[s]} data-testid="selection-state">
      {t(`selection.state.${s}`)}
    </Tag>
  );
}

export function SelectionPanel(props: CampaignChoice) {
  const { t } = useI18n();
  const c = props.campaign;
  const selection = useSelection(c?.id);
  const v = selection.data;
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          {t('selection.title')}
          {v && c && <StateTag state={v.state} />}
        </Flex>
      }
      extra={
        <Select
          aria-label={t('selection.campaign')}
          style={{ width: 320 }}
          value={c?.id}
          placeholder={t('selection.campaign')}
          onChange={props.onPick}
          options={props.campaigns.map((x) => ({ value: x.id, label: x.title }))}
          data-testid="selection-campaign"
        />
      }
    >
      {!c ? (
        <Typography.Text type="secondary">{t('selection.pickCampaign')}</Typography.Text>
      ) : selection.error ? (
        <ErrorAlert error={selection.error} onRetry={() => void selection.refetch()} />
      ) : !v ? (
        <Loading />
      ) : (
        <SelectionBody campaignId={c.id} view={v} />
      )}
    </Card>
  );
}

/** A refused write in the server's words; a stale revision also says the page was reloaded. */
function useRefused() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  return (e: unknown) => {
    if (isStale(e)) void message.warning(`${errorText(e)}（${t('selection.reloaded')}）`);
    else void message.error(errorText(e));
  };
}

export function SelectionBody({
  campaignId,
  view: v,
}: {
  campaignId: string;
  view: SelectionView;
}) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const refused = useRefused();
  const preselect = usePreselect(campaignId);
  const freeze = useFreezeSelection(campaignId);
  const [done, setDone] = useState<PreselectResult | null>(null);
  const [deciding, setDeciding] = useState<{
    row: SelectionRow;
    decision: SelectionDecision;
  } | null>(null);
  const open = v.state === 'open';
  const frozen = v.state === 'frozen';
  const totals = v.categories.reduce(
    (s, c) => ({
      selected: s.selected + c.selected,
      notSelected: s.notSelected + c.notSelected,
    }),
    { selected: 0, notSelected: 0 },
  );

  const confirmPreselect = () =>
    modal.confirm({
      title: t('selection.preselectTitle'),
      width: 560,
      content: (
        <div data-testid="preselect-confirm">
          <Typography.Paragraph>
            {t('selection.preselectBody', { round: v.round?.name ?? '' })}
          </Typography.Paragraph>
          <Typography.Paragraph strong style={{ marginBottom: 0 }}>
            {t('selection.preselectKeep')}
          </Typography.Paragraph>
        </div>
      ),
      okText: t('selection.preselectOk'),
      okButtonProps: { 'data-testid': 'preselect-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () =>
        preselect
          .mutateAsync(v.revision)
          .then(setDone)
          .catch((e: unknown) => refused(e)),
    });

  const confirmFreeze = () =>
    modal.confirm({
      title: t('selection.freezeTitle'),
      width: 520,
      content: (
        <div data-testid="freeze-confirm">
          <Typography.Paragraph>
            {t('selection.freezeBody', { total: v.rows.length, ...totals })}
          </Typography.Paragraph>
          <Typography.Paragraph strong type="danger" style={{ marginBottom: 0 }}>
            {t('selection.freezeWarn')}
          </Typography.Paragraph>
        </div>
      ),
      okText: t('selection.freezeOk'),
      okButtonProps: { danger: true, 'data-testid': 'freeze-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () =>
        freeze
          .mutateAsync(v.revision)
          .then(() => {
            setDone(null);
            void message.success(t('selection.frozen'));
          })
          .catch((e: unknown) => refused(e)),
    });

  return (
    <Flex vertical gap={16}>
      {frozen && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          data-testid="selection-frozen"
          title={t('selection.frozenAt', {
            at: formatDateTime(v.frozenAt),
            name: v.frozenBy ?? '—',
          })}
        />
      )}
      {frozen && <NoticeCard campaignId={campaignId} />}
      {frozen && <PublishSection campaignId={campaignId} />}
      {v.state === null && (
        <Alert
          type="info"
          showIcon
          data-testid="selection-not-started"
          title={t('selection.notStarted')}
        />
      )}
      <SettingsCard key={`${v.revision}:${v.state ?? ''}`} campaignId={campaignId} view={v} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <CategorySummary view={v} />
        </Col>
        <Col xs={24} xl={9}>
          <MinutesCard campaignId={campaignId} view={v} />
        </Col>
      </Row>
      {!frozen && v.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="selection-problems"
          title={t('selection.problems')}
          description={
            <ul style={{ paddingInlineStart: 20, margin: 0 }}>
              {v.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setDone(null)}
          data-testid="preselect-result"
          title={t('selection.preselectDone', {
            selected: done.selected,
            notSelected: done.notSelected,
            undecided: done.undecided,
          })}
        />
      )}
      <RowsTable
        view={v}
        actions={
          !frozen && (
            <Flex gap={8} wrap>
              <Button
                icon={<OrderedListOutlined />}
                disabled={!open}
                loading={preselect.isPending}
                onClick={confirmPreselect}
                data-testid="selection-preselect"
              >
                {t('selection.preselect')}
              </Button>
              <Button
                type="primary"
                danger
                icon={<LockOutlined />}
                disabled={!open || v.problems.length > 0}
                loading={freeze.isPending}
                onClick={confirmFreeze}
                data-testid="selection-freeze"
              >
                {t('selection.freeze')}
              </Button>
            </Flex>
          )
        }
        onDecide={open ? (row, decision) => setDeciding({ row, decision }) : undefined}
        showActions={!frozen}
      />
      <DecideModal campaignId={campaignId} target={deciding} onClose={() => setDeciding(null)} />
    </Flex>
  );
}

interface SettingsValues {
  roundId: string | undefined;
  targets: Record<string, number | null>;
}

function SettingsCard({ campaignId, view: v }: { campaignId: string; view: SelectionView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refused = useRefused();
  const save = useSaveSelectionSettings(campaignId);
  const [form] = Form.useForm<SettingsValues>();
  const frozen = v.state === 'frozen';
  const onFinish = (values: SettingsValues) => {
    save.mutate(
      {
        baseRevision: v.revision,
        roundId: values.roundId ?? '',
        targets: Object.fromEntries(v.categories.map((c) => [c.code, values.targets[c.code] ?? 0])),
      },
      {
        onSuccess: () => void message.success(t('selection.saved')),
        onError: refused,
      },
    );
  };
  return (
    <Card size="small" title={t('selection.settings')} data-testid="selection-settings">
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        disabled={frozen}
        initialValues={{
          roundId: v.round?.id ?? v.rounds.at(-1)?.id,
          targets: Object.fromEntries(v.categories.map((c) => [c.code, c.target])),
        }}
        onFinish={onFinish}
      >
        <Form.Item
          name="roundId"
          label={t('selection.round')}
          extra={v.rounds.length ? t('selection.roundHint') : t('selection.noRounds')}
          rules={[{ required: true, message: t('selection.pickRound') }]}
          style={{ maxWidth: 480 }}
        >
          <Select
            placeholder={t('selection.pickRound')}
            options={v.rounds.map((r) => ({ value: r.id, label: r.name }))}
            data-testid="selection-round"
          />
        </Form.Item>
        <Typography.Text strong>{t('selection.targets')}</Typography.Text>
        <Flex gap={16} wrap style={{ marginTop: 8 }}>
          {v.categories.map((c) => (
            <Form.Item
              key={c.code}
              name={['targets', c.code]}
              label={c.name}
              rules={[{ required: true, message: t('selection.targetRequired', { name: c.name }) }]}
              style={{ marginBottom: 8 }}
            >
              <InputNumber
                min={0}
                max={10_000}
                precision={0}
                suffix={t('selection.unitCount')}
                style={{ width: 140 }}
                data-testid={`target-${c.code}`}
              />
            </Form.Item>
          ))}
        </Flex>
        {!frozen && (
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            style={{ marginTop: 8 }}
            data-testid="selection-save"
          >
            {t('selection.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function CategorySummary({ view: v }: { view: SelectionView }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('selection.summary')}>
      <Table<SelectionCategory>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={v.categories}
        data-testid="selection-summary"
        columns={[
          { title: t('selection.col.category'), dataIndex: 'name' },
          { title: t('selection.col.target'), dataIndex: 'target', width: 70 },
          { title: t('selection.col.applications'), dataIndex: 'applications', width: 80 },
          {
            title: t('selection.col.selectedOfTarget'),
            key: 'selected',
            width: 200,
            render: (_, c) => {
              const over = overTarget(c);
              return (
                <Flex gap={6} align="center" wrap data-testid="cat-selected" data-over={over > 0}>
                  <Typography.Text type={over ? 'danger' : undefined} strong={over > 0}>
                    {c.selected} / {c.target}
                  </Typography.Text>
                  {over > 0 && (
                    <Tag color="red" data-testid="cat-over">
                      {t('selection.overTarget', { n: over })}
                    </Tag>
                  )}
                </Flex>
              );
            },
          },
          { title: t('selection.col.notSelected'), dataIndex: 'notSelected', width: 70 },
          {
            title: t('selection.col.undecided'),
            key: 'undecided',
            width: 70,
            render: (_, c) => {
              const n = c.applications - c.selected - c.notSelected;
              return <Typography.Text type={n ? 'warning' : undefined}>{n}</Typography.Text>;
            },
          },
        ]}
      />
    </Card>
  );
}

function MinutesCard({ campaignId, view: v }: { campaignId: string; view: SelectionView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refused = useRefused();
  const upload = useUploadSelectionMinutes(campaignId);
  const isPdf = (f: File) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);
  return (
    <Card size="small" title={t('selection.minutes')} data-testid="selection-minutes">
      <Flex vertical gap={8} align="start">
        {v.minutes ? (
          <>
            <Typography.Link
              href={minutesUrl(campaignId)}
              target="_blank"
              rel="noopener"
              data-testid="minutes-link"
            >
              <DownloadOutlined /> {v.minutes.filename}
            </Typography.Link>
            <Typography.Text type="secondary">
              {t('selection.minutesInfo', {
                name: v.minutes.uploadedBy,
                at: formatDateTime(v.minutes.uploadedAt),
                size: formatSize(v.minutes.size),
              })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary" data-testid="minutes-none">
            {t('selection.minutesNone')}
          </Typography.Text>
        )}
        {v.state === 'open' && (
          <Upload
            accept=".pdf,application/pdf"
            showUploadList={false}
            maxCount={1}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              if (isPdf(file)) return true;
              void message.error(t('selection.minutesPdfOnly'));
              return Upload.LIST_IGNORE;
            }}
            customRequest={({ file }) =>
              upload.mutate(file as File, {
                onSuccess: () => void message.success(t('selection.minutesUploaded')),
                onError: refused,
              })
            }
          >
            <Button
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="minutes-upload"
            >
              {v.minutes ? t('selection.minutesReplace') : t('selection.minutesUpload')}
            </Button>
          </Upload>
        )}
      </Flex>
    </Card>
  );
}

/** The application's state now: after the 公示, which of the selected were withdrawn or listed. */
const APP_STATE_COLORS: Partial<Record<SelectionRow['state'], string>> = {
  in_public_notice: 'processing',
  awarded: 'success',
  not_selected: 'default',
};

function DecisionTag({ row }: { row: SelectionRow }) {
  const { t } = useI18n();
  if (!row.decision)
    return (
      <Tag data-testid="row-decision" data-decision="">
        {t('selection.undecided')}
      </Tag>
    );
  const who =
    row.decidedBy && row.decidedAt
      ? t('selection.decidedBy', { name: row.decidedBy, at: formatDateTime(row.decidedAt) })
      : '';
  const label = t(`selection.decision.${row.decision}`);
  return (
    <Tooltip
      title={
        <>
          <div>{row.reason}</div>
          {who && <div style={{ opacity: 0.8, marginTop: 4 }}>{who}</div>}
        </>
      }
    >
      <Tag
        color={DECISION_COLORS[row.decision]}
        tabIndex={0}
        aria-label={`${label}：${row.reason ?? ''}${who ? `（${who}）` : ''}`}
        data-testid="row-decision"
        data-decision={row.decision}
        style={{ cursor: 'help' }}
      >
        {label}
      </Tag>
    </Tooltip>
  );
}

function RowsTable(props: {
  view: SelectionView;
  actions: ReactNode;
  /** absent: decisions cannot be made now (not started, or frozen) */
  onDecide: ((row: SelectionRow, decision: SelectionDecision) => void) | undefined;
  showActions: boolean;
}) {
  const { t } = useI18n();
  const v = props.view;
  const [category, setCategory] = useState<string>('');
  const [decision, setDecision] = useState<SelectionDecision | 'none' | ''>('');
  const rows = useMemo(
    () =>
      sortRows(v).filter(
        (r) =>
          (!category || r.category === category) &&
          (!decision || (decision === 'none' ? r.decision === null : r.decision === decision)),
      ),
    [v, category, decision],
  );
  return (
    <Card
      size="small"
      title={t('selection.rows')}
      extra={props.actions}
      data-testid="selection-rows-card"
    >
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select<string>
          aria-label={t('selection.col.category')}
          style={{ width: 240 }}
          value={category}
          onChange={setCategory}
          options={[
            { value: '', label: t('selection.allCategories') },
            ...v.categories.map((c) => ({ value: c.code, label: c.name })),
          ]}
          data-testid="filter-category"
        />
        <Select<SelectionDecision | 'none' | ''>
          aria-label={t('selection.col.decision')}
          style={{ width: 160 }}
          value={decision}
          onChange={setDecision}
          options={[
            { value: '', label: t('selection.allDecisions') },
            { value: 'none', label: t('selection.undecided') },
            { value: 'selected', label: t('selection.decision.selected') },
            { value: 'not_selected', label: t('selection.decision.not_selected') },
          ]}
          data-testid="filter-decision"
        />
      </Flex>
      <Table<SelectionRow>
        rowKey="applicationId"
        size="small"
        dataSource={rows}
        data-testid="selection-table"
        locale={{ emptyText: t('selection.empty') }}
        pagination={
          rows.length > 50
            ? { defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }
            : false
        }
        scroll={{ x: 1600 }}
        columns={[
          {
            title: t('selection.col.place'),
            dataIndex: 'place',
            width: 56,
            fixed: 'left',
            render: num,
          },
          {
            title: t('selection.col.solution'),
            dataIndex: 'solutionName',
            width: 220,
            fixed: 'left',
          },
          {
            title: t('selection.col.decision'),
            key: 'decision',
            width: 90,
            render: (_, r) => <DecisionTag row={r} />,
          },
          {
            title: t('selection.col.state'),
            dataIndex: 'state',
            width: 100,
            render: (s: SelectionRow['state']) => (
              <Tag color={APP_STATE_COLORS[s]} data-testid="row-state">
                {t(`appState.${s}`)}
              </Tag>
            ),
          },
          { title: t('selection.col.applicant'), dataIndex: 'applicantName', width: 180 },
          { title: t('selection.col.unit'), dataIndex: 'unitName', width: 100 },
          { title: t('selection.col.category'), dataIndex: 'categoryName', width: 140 },
          {
            title: t('selection.col.panel'),
            dataIndex: 'panelName',
            width: 110,
            render: (p: string | null) => p ?? '—',
          },
          {
            title: t('selection.col.normalised'),
            dataIndex: 'normalisedMean',
            width: 90,
            render: num,
          },
          { title: t('selection.col.mean'), dataIndex: 'mean', width: 70, render: num },
          {
            title: t('selection.col.trimmed'),
            dataIndex: 'trimmedMean',
            width: 110,
            render: num,
          },
          {
            title: t('selection.col.reviews'),
            key: 'reviews',
            width: 80,
            render: (_, r) => (
              <Typography.Text type={r.submitted < r.needed ? 'warning' : undefined}>
                {r.submitted}/{r.needed}
              </Typography.Text>
            ),
          },
          {
            title: t('selection.col.flags'),
            dataIndex: 'flags',
            width: 160,
            render: (flags: string[]) => (
              <Flex gap={4} wrap>
                {flags.map((f) => (
                  <Tag key={f} color="orange" data-testid="row-flag">
                    {f}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          ...(props.showActions
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 170,
                  render: (_: unknown, r: SelectionRow) => (
                    <Flex gap={6}>
                      <Button
                        size="small"
                        icon={<CheckOutlined />}
                        disabled={!props.onDecide}
                        onClick={() => props.onDecide?.(r, 'selected')}
                        data-testid="row-select"
                      >
                        {t('selection.decision.selected')}
                      </Button>
                      <Button
                        size="small"
                        icon={<CloseOutlined />}
                        disabled={!props.onDecide}
                        onClick={() => props.onDecide?.(r, 'not_selected')}
                        data-testid="row-not-select"
                      >
                        {t('selection.decision.not_selected')}
                      </Button>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function DecideModal(props: {
  campaignId: string;
  target: { row: SelectionRow; decision: SelectionDecision } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refused = useRefused();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideSelection(props.campaignId);
  const target = props.target;
  const label = target ? t(`selection.decision.${target.decision}`) : '';
  return (
    <Modal
      open={!!target}
      title={
        target && t('selection.decideTitle', { decision: label, name: target.row.solutionName })
      }
      okText={label}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'decide-ok' } as ButtonProps}
      onCancel={props.onClose}
      onOk={async () => {
        // the field says what is wrong; the modal stays open
        const values = await form.validateFields().catch(() => null);
        if (!values || !target) return;
        try {
          await decide.mutateAsync({
            applicationId: target.row.applicationId,
            decision: target.decision,
            reason: values.reason.trim(),
          });
          void message.success(
            t('selection.decided', { name: target.row.solutionName, decision: label }),
          );
          props.onClose();
        } catch (e) {
          refused(e);
        }
      }}
    >
      {target && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          data-testid="decide-form"
          initialValues={{
            reason: target.row.decision === target.decision ? (target.row.reason ?? '') : '',
          }}
        >
          <Typography.Paragraph type="secondary">
            {target.row.applicantName} · {target.row.categoryName}
            {target.row.place !== null && ` · ${t('selection.col.place')} ${target.row.place}`}
          </Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('selection.reason')}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  reasonOk(value ?? '')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('selection.reasonShort'))),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t('selection.reasonPlaceholder')}
              data-testid="decide-reason"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

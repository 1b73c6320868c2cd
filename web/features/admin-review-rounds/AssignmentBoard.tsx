// The round's board: per application its experts (fit, what matched, source, state), what it still
// misses and why, the panel's other experts and why each is not on it; a pair added by hand (a
// broken rule needs 例外理由) or removed (with a reason); and each expert's load.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import { CloseOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  EXCLUSION_REASON_LABELS,
  OVERRIDABLE_RULE_LABELS,
  type OverridableRule,
} from '../../../domain/review-rounds';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import {
  useAddAssignment,
  useRemoveAssignment,
  type AssignmentBoard as Board,
  type AssignmentView,
  type BoardExpert,
  type BoardRow,
  type RoundView,
} from './api';

const STATE_COLORS: Record<AssignmentView['state'], string> = {
  proposed: 'processing',
  published: 'success',
  declined: 'error',
  removed: 'default',
};

/** At least 4 字 once trimmed (the server's rule for every reason typed). */
export const longEnough = (v: string | undefined) => [...(v ?? '').trim()].length >= 4;

/** The rules a refused pair broke, from ASSIGNMENT_RULES_BROKEN's details. */
export function brokenRulesOf(e: unknown): OverridableRule[] | null {
  if (!(e instanceof ApiError) || e.code !== 'ASSIGNMENT_RULES_BROKEN') return null;
  const rules = (e.details as { rules?: unknown } | null)?.rules;
  return Array.isArray(rules)
    ? rules.filter(
        (r): r is OverridableRule => typeof r === 'string' && r in OVERRIDABLE_RULE_LABELS,
      )
    : [];
}

function PairTag(props: { pair: AssignmentView; onRemove?: () => void }) {
  const { t } = useI18n();
  const p = props.pair;
  const tip = (
    <div>
      <div>{t(`rounds.pairState.${p.state}`)}</div>
      <div>{t(`rounds.source.${p.source}`)}</div>
      <div>
        {t('rounds.matched')}
        {p.matched.length ? p.matched.join(t('common.listSep')) : t('common.none')}
      </div>
      {p.overriddenRules.length > 0 && (
        <div>
          {t('rounds.overridden', {
            rules: p.overriddenRules
              .map((r) => OVERRIDABLE_RULE_LABELS[r as OverridableRule] ?? r)
              .join(t('common.listSep')),
            reason: p.overrideReason ?? '',
          })}
        </div>
      )}
    </div>
  );
  return (
    <Tag
      color={STATE_COLORS[p.state]}
      style={{ marginInlineEnd: 0, paddingInlineEnd: props.onRemove ? 2 : undefined }}
      data-testid="pair"
      data-state={p.state}
    >
      <Tooltip title={tip}>
        <span>
          {p.expertName}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            （{p.employerName}）
          </Typography.Text>
          {t('rounds.fit', { n: p.fit })}
          {p.source !== 'auto' && (
            <Typography.Text strong style={{ fontSize: 12 }}>
              {' '}
              {t(`rounds.sourceShort.${p.source}`)}
            </Typography.Text>
          )}
          {p.overriddenRules.length > 0 && (
            <Typography.Text type="warning" strong style={{ fontSize: 12 }}>
              {' '}
              {t('rounds.overrideShort')}
            </Typography.Text>
          )}
          {p.state !== 'published' && ` · ${t(`rounds.pairState.${p.state}`)}`}
        </span>
      </Tooltip>
      {p.state === 'declined' && p.declineReason && (
        <div style={{ whiteSpace: 'normal' }} data-testid="decline-reason">
          {t('rounds.declineReason', { reason: p.declineReason })}
        </div>
      )}
      {props.onRemove && (
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={t('rounds.removeLabel', { name: p.expertName })}
          onClick={props.onRemove}
          data-testid="pair-remove"
          style={{ height: 18, width: 18, minWidth: 18, marginInlineStart: 2 }}
        />
      )}
    </Tag>
  );
}

/** Why the panel's other experts are not on the application; pairs removed by hand. */
function Excluded({ row }: { row: BoardRow }) {
  const { t } = useI18n();
  const removed = row.pairs.filter((p) => p.state === 'removed');
  return (
    <Flex vertical gap={8} data-testid="excluded">
      {row.shortfall && (
        <Typography.Text type="danger">
          {t('rounds.shortfall', { n: row.shortfall.missing, reason: row.shortfall.reason })}
        </Typography.Text>
      )}
      <Typography.Text strong>{t('rounds.excludedTitle')}</Typography.Text>
      {row.excluded.length === 0 ? (
        <Typography.Text type="secondary">
          {row.panelId ? t('rounds.excludedNone') : t('rounds.noPanel')}
        </Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {row.excluded.map((x) => (
            <li key={x.expertId} data-testid="excluded-expert">
              {x.expertName}
              <Typography.Text type="secondary">（{x.employerName}）</Typography.Text>
              {t('rounds.fit', { n: x.fit })}：
              {x.reasons.map((r) => EXCLUSION_REASON_LABELS[r]).join('；')}
            </li>
          ))}
        </ul>
      )}
      {removed.length > 0 && (
        <Typography.Text type="secondary" data-testid="removed-pairs">
          {t('rounds.removedPairs', {
            names: removed.map((p) => p.expertName).join(t('common.listSep')),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}

type AddTarget = BoardRow;

/** 添加专家: pick one of the panel's experts; a broken rule is shown and needs 例外理由. */
function AddExpertModal(props: {
  campaignId: string;
  round: RoundView;
  target: AddTarget | null;
  experts: BoardExpert[];
  onClose: () => void;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const add = useAddAssignment(props.campaignId, props.round.id);
  const [expertId, setExpertId] = useState<string | undefined>();
  const [broken, setBroken] = useState<{ rules: OverridableRule[]; message: string } | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const row = props.target;
  const panel = props.round.panels.find((p) => p.id === row?.panelId);
  const taken = new Set(
    (row?.pairs ?? []).filter((p) => p.state !== 'removed').map((p) => p.expertId),
  );
  const byId = new Map(props.experts.map((e) => [e.expertId, e]));
  const why = new Map((row?.excluded ?? []).map((x) => [x.expertId, x.reasons]));
  const options = (panel?.expertIds ?? [])
    .filter((id) => !taken.has(id) && byId.get(id)?.active !== false)
    .map((id) => {
      const e = byId.get(id);
      const reasons = (why.get(id) ?? []).map((r) => EXCLUSION_REASON_LABELS[r]);
      return {
        value: id,
        label: `${e?.name ?? id}（${e?.employerName ?? ''}）${t('rounds.load', {
          n: e?.load ?? 0,
          max: props.round.maxLoad,
        })}${reasons.length ? ` · ${reasons.join('；')}` : ''}`,
      };
    });

  const close = () => {
    setExpertId(undefined);
    setBroken(null);
    setReason('');
    setProblem(null);
    add.reset();
    props.onClose();
  };

  const submit = async () => {
    if (!row) return;
    if (!expertId) return setProblem(t('rounds.add.pick'));
    if (broken && !longEnough(reason)) return setProblem(t('rounds.add.reasonShort'));
    setProblem(null);
    try {
      const pair = await add.mutateAsync({
        applicationId: row.applicationId,
        expertId,
        ...(broken ? { overrideReason: reason.trim() } : {}),
      });
      void message.success(t('rounds.add.done', { expert: pair.expertName }));
      close();
    } catch (e) {
      const rules = brokenRulesOf(e);
      if (rules) {
        add.reset();
        setBroken({ rules, message: errorText(e) });
      }
    }
  };

  return (
    <Modal
      open={!!row}
      title={row && t('rounds.add.title', { name: row.solutionName })}
      okText={broken ? t('rounds.add.override') : t('rounds.add.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
      width={640}
      onCancel={close}
      onOk={() => void submit()}
      okButtonProps={{ 'data-testid': 'add-ok' } as ButtonProps}
    >
      <Flex vertical gap={12} data-testid="add-expert">
        <Typography.Text type="secondary">
          {t('rounds.add.help', { panel: row?.panelName ?? '' })}
        </Typography.Text>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('rounds.add.expert')}
          placeholder={t('rounds.add.expert')}
          value={expertId}
          onChange={(v) => {
            setExpertId(v);
            setBroken(null);
            setReason('');
            setProblem(null);
          }}
          options={options}
          notFoundContent={t('rounds.add.none')}
          data-testid="add-expert-select"
        />
        <ErrorText error={add.error} />
        {broken && (
          <Alert
            type="warning"
            showIcon
            data-testid="broken-rules"
            title={t('rounds.add.brokenTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {broken.rules.map((r) => (
                  <li key={r}>{OVERRIDABLE_RULE_LABELS[r]}</li>
                ))}
              </ul>
            }
          />
        )}
        {broken && (
          <Form layout="vertical">
            <Form.Item label={t('rounds.add.reason')} extra={t('rounds.add.reasonHelp')} required>
              <Input.TextArea
                rows={3}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="override-reason"
              />
            </Form.Item>
          </Form>
        )}
        {problem && (
          <Typography.Text type="danger" data-testid="add-problem">
            {problem}
          </Typography.Text>
        )}
      </Flex>
    </Modal>
  );
}

/** A refusal other than a broken rule (already assigned, declined before, …). */
function ErrorText({ error }: { error: unknown }) {
  const { errorText } = useI18n();
  if (!error || brokenRulesOf(error)) return null;
  return <Alert type="error" showIcon title={errorText(error)} />;
}

type Removing = { pair: AssignmentView; name: string };

/** 移除 a pair: the reason (at least 4 字) is recorded. */
function RemoveModal(props: {
  campaignId: string;
  roundId: string;
  target: Removing | null;
  onClose: () => void;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useRemoveAssignment(props.campaignId, props.roundId);
  const target = props.target;
  return (
    <Modal
      open={!!target}
      title={
        target && t('rounds.remove.title', { expert: target.pair.expertName, name: target.name })
      }
      okText={t('rounds.remove.ok')}
      okButtonProps={{ danger: true, 'data-testid': 'remove-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={remove.isPending}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v || !target) return;
        try {
          await remove.mutateAsync({ assignmentId: target.pair.id, reason: v.reason.trim() });
          void message.success(t('rounds.remove.done'));
          props.onClose();
        } catch (e) {
          void message.error(errorText(e));
        }
      }}
    >
      {target?.pair.state === 'published' && (
        <Alert
          type="warning"
          showIcon
          title={t('rounds.remove.published')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('rounds.remove.reason')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                longEnough(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('rounds.remove.reasonShort'))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="remove-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AssignmentBoardTable(props: { campaignId: string; board: Board }) {
  const { t } = useI18n();
  const { round, applications, experts } = props.board;
  const [onlyShort, setOnlyShort] = useState(false);
  const [adding, setAdding] = useState<AddTarget | null>(null);
  const [removing, setRemoving] = useState<Removing | null>(null);
  const rows = onlyShort ? applications.filter((a) => a.shortfall) : applications;
  const short = applications.filter((a) => a.shortfall).length;
  const closed = round.state === 'closed';
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('rounds.board')}
        </Typography.Title>
        <Flex align="center" gap={8}>
          <Switch
            size="small"
            checked={onlyShort}
            onChange={setOnlyShort}
            aria-label={t('rounds.onlyShort', { n: short })}
            data-testid="only-short"
          />
          <Typography.Text>{t('rounds.onlyShort', { n: short })}</Typography.Text>
        </Flex>
      </Flex>
      <Table<BoardRow>
        rowKey="applicationId"
        size="small"
        dataSource={rows}
        data-testid="board-table"
        locale={{ emptyText: t('rounds.boardEmpty') }}
        pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }}
        scroll={{ x: 1200 }}
        expandable={{
          expandedRowRender: (r) => <Excluded row={r} />,
          expandRowByClick: false,
        }}
        columns={[
          {
            title: t('rounds.col.application'),
            key: 'application',
            width: 260,
            render: (_, r) => (
              <Flex vertical>
                <Typography.Text strong>{r.solutionName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.applicantName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.categoryName}
                  {t('common.listSep')}
                  {r.unitName}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('rounds.col.panel'),
            key: 'panel',
            width: 130,
            render: (_, r) =>
              r.panelName ?? (
                <Typography.Text type="danger">{t('rounds.noPanelShort')}</Typography.Text>
              ),
          },
          {
            title: t('rounds.col.count'),
            key: 'count',
            width: 200,
            render: (_, r) => (
              <Flex vertical>
                <Typography.Text
                  type={r.assigned < r.need ? 'danger' : undefined}
                  data-testid="row-count"
                >
                  {r.assigned} / {r.need}
                </Typography.Text>
                {r.shortfall && (
                  <Typography.Text
                    type="danger"
                    style={{ fontSize: 12 }}
                    data-testid="row-shortfall"
                  >
                    {t('rounds.shortfall', { n: r.shortfall.missing, reason: r.shortfall.reason })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('rounds.col.experts'),
            key: 'pairs',
            render: (_, r) => (
              <Flex gap={6} wrap data-testid="row-pairs">
                {r.pairs
                  .filter((p) => p.state !== 'removed')
                  .map((p) => (
                    <PairTag
                      key={p.id}
                      pair={p}
                      onRemove={
                        !closed && (p.state === 'proposed' || p.state === 'published')
                          ? () => setRemoving({ pair: p, name: r.solutionName })
                          : undefined
                      }
                    />
                  ))}
              </Flex>
            ),
          },
          {
            title: t('common.actions'),
            key: 'add',
            width: 110,
            fixed: 'right',
            render: (_, r) => (
              <Button
                size="small"
                icon={<UserAddOutlined />}
                disabled={closed || !r.panelId}
                onClick={() => setAdding(r)}
                data-testid="row-add"
              >
                {t('rounds.add.button')}
              </Button>
            ),
          },
        ]}
      />
      <AddExpertModal
        campaignId={props.campaignId}
        round={round}
        target={adding}
        experts={experts}
        onClose={() => setAdding(null)}
      />
      <RemoveModal
        campaignId={props.campaignId}
        roundId={round.id}
        target={removing}
        onClose={() => setRemoving(null)}
      />
    </Flex>
  );
}

/** Each expert's load in the round against its limit. */
export function ExpertLoads(props: { board: Board }) {
  const { t } = useI18n();
  const max = props.board.round.maxLoad;
  const rows = [...props.board.experts].sort(
    (a, b) => b.load - a.load || a.name.localeCompare(b.name, 'zh'),
  );
  return (
    <Table<BoardExpert>
      rowKey="expertId"
      size="small"
      dataSource={rows}
      data-testid="expert-loads"
      pagination={rows.length > 20 ? { defaultPageSize: 20 } : false}
      locale={{ emptyText: t('rounds.loadsEmpty') }}
      columns={[
        { title: t('rounds.col.expert'), dataIndex: 'name', width: 140 },
        { title: t('rounds.col.employer'), dataIndex: 'employerName' },
        {
          title: t('rounds.col.load'),
          key: 'load',
          width: 200,
          render: (_, e) => (
            <Flex gap={8} align="center">
              <span>
                {e.load} / {max}
              </span>
              {e.load >= max && <Tag color="orange">{t('rounds.full')}</Tag>}
              {!e.active && <Tag>{t('common.disabled')}</Tag>}
            </Flex>
          ),
        },
      ]}
    />
  );
}

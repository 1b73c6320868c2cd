import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Radio, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { FAIL_REASON_MIN } from '../../../domain/formal-check';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormalCheckTag } from '../../components/FormalCheckResult';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  useFormalCheck,
  useRecordFormalCheck,
  type FormalCheckItemView,
  type FormalCheckView,
} from './api';

export interface Decision {
  /** null: not decided yet */
  pass: boolean | null;
  reason: string;
}
export type Decisions = Record<string, Decision>;

/**
 * Where the form starts: what was recorded; else the platform's finding for an automatic item (a
 * failing one with its reason); a manual item undecided. A blocked item never starts as passed.
 */
export function initialDecisions(items: readonly FormalCheckItemView[]): Decisions {
  return Object.fromEntries(
    items.map((i): [string, Decision] => {
      if (i.recorded && !(i.blocked && i.recorded.pass)) return [i.code, { ...i.recorded }];
      if (i.automatic)
        return [
          i.code,
          { pass: i.automatic.pass, reason: i.automatic.pass ? '' : i.automatic.reason },
        ];
      return [i.code, { pass: null, reason: '' }];
    }),
  );
}

export type DecisionProblem = 'choose' | 'reason' | 'blocked';

/** What keeps the form from saving, by item code (the server refuses the same). */
export function decisionProblems(
  items: readonly FormalCheckItemView[],
  decisions: Decisions,
): Record<string, DecisionProblem> {
  const out: Record<string, DecisionProblem> = {};
  for (const i of items) {
    const d = decisions[i.code];
    if (!d || d.pass === null) out[i.code] = 'choose';
    else if (d.pass && i.blocked) out[i.code] = 'blocked';
    else if (!d.pass && d.reason.trim().length < FAIL_REASON_MIN) out[i.code] = 'reason';
  }
  return out;
}

/** 合格 when every item passes, 不合格 when one fails, null while one is undecided. */
export function previewResult(decisions: Decisions): 'pass' | 'fail' | null {
  const all = Object.values(decisions);
  if (all.some((d) => d.pass === false)) return 'fail';
  if (all.some((d) => d.pass === null)) return null;
  return 'pass';
}

/**
 * A new choice: the platform's failing reason follows the item to 不通过 (when none is written)
 * and leaves it on 通过, so a pass never carries a failure's words by accident.
 */
export function choose(item: FormalCheckItemView, d: Decision, pass: boolean): Decision {
  const found = item.automatic && !item.automatic.pass ? item.automatic.reason : null;
  if (pass) return { pass, reason: found !== null && d.reason === found ? '' : d.reason };
  return { pass, reason: found !== null && !d.reason.trim() ? found : d.reason };
}

function Finding({ item }: { item: FormalCheckItemView }) {
  const { t } = useI18n();
  if (!item.automatic)
    return (
      <Tag data-testid="finding-manual" style={{ marginInlineEnd: 0 }}>
        {t('fc.manual')}
      </Tag>
    );
  const ok = item.automatic.pass;
  return (
    <Flex gap={6} align="baseline" data-testid="finding-auto">
      <Typography.Text type={ok ? 'success' : 'danger'} style={{ whiteSpace: 'nowrap' }}>
        {ok ? <CheckCircleFilled /> : <CloseCircleFilled />} {t('fc.auto')}
        {t(ok ? 'fc.autoPass' : 'fc.autoFail')}
      </Typography.Text>
      <Typography.Text type="secondary">{item.automatic.reason}</Typography.Text>
    </Flex>
  );
}

/** One application's checklist: each item 通过 / 不通过 with a reason, the platform's finding beside. */
export function ChecklistForm(props: { campaignId: string; appId: string }) {
  const check = useFormalCheck(props.appId);
  if (check.error) return <ErrorAlert error={check.error} onRetry={() => void check.refetch()} />;
  if (!check.data) return <Loading />;
  return (
    <ChecklistEditor
      key={`${check.data.applicationId}:${check.data.revision}`}
      campaignId={props.campaignId}
      view={check.data}
      onReload={() => void check.refetch()}
    />
  );
}

export function ChecklistEditor(props: {
  campaignId: string;
  view: FormalCheckView;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const v = props.view;
  const [decisions, setDecisions] = useState<Decisions>(() => initialDecisions(v.items));
  const [shown, setShown] = useState(false);
  const save = useRecordFormalCheck(props.campaignId, v.applicationId);
  const problems = decisionProblems(v.items, decisions);
  const result = previewResult(decisions);
  const readOnly = !v.recordable;
  const set = (code: string, patch: Partial<Decision>) =>
    setDecisions((d) => ({ ...d, [code]: { ...d[code]!, ...patch } }));
  const conflict = save.error instanceof ApiError && save.error.code === 'FORMAL_CHECK_CONFLICT';

  const onSave = () => {
    setShown(true);
    if (Object.keys(problems).length) return;
    save.mutate(
      {
        items: v.items.map((i) => ({
          code: i.code,
          pass: decisions[i.code]!.pass!,
          reason: decisions[i.code]!.reason.trim(),
        })),
        baseRevision: v.revision,
      },
      {
        onSuccess: (saved) =>
          message.success(
            t('fc.saved', { result: t(`fc.result.${saved.record?.result ?? 'fail'}`) }),
          ),
      },
    );
  };

  const problemText = (p: DecisionProblem, item: FormalCheckItemView) =>
    p === 'choose'
      ? t('fc.choose')
      : p === 'reason'
        ? t('fc.reasonRequired')
        : t('fc.blocked', { reason: item.automatic?.reason ?? '' });

  return (
    <Flex vertical gap={12} data-testid="checklist-form">
      <Typography.Text type="secondary">
        {v.enterpriseName} · {v.channelUnitName}
      </Typography.Text>
      {v.record && (
        <Flex gap={8} align="center" wrap data-testid="checklist-recorded">
          <FormalCheckTag result={v.record.result} />
          <Typography.Text type="secondary">
            {t('fc.recorded', {
              name: v.record.checkedByName,
              at: formatDateTime(v.record.checkedAt),
              result: t(`fc.result.${v.record.result}`),
              n: v.record.revision,
            })}
          </Typography.Text>
        </Flex>
      )}
      {readOnly && v.notRecordableReason && (
        <Alert type="info" showIcon title={v.notRecordableReason} data-testid="not-recordable" />
      )}
      {v.items.map((item) => {
        const d = decisions[item.code]!;
        const problem = shown ? problems[item.code] : undefined;
        return (
          <Card
            key={item.code}
            size="small"
            data-testid={`check-item-${item.code}`}
            style={problem ? { borderColor: '#ff4d4f' } : undefined}
            title={
              <Flex gap={8} align="center" wrap>
                <span>{item.label}</span>
                {item.blocking && <Tag color="red">{t('fc.blocking')}</Tag>}
              </Flex>
            }
          >
            <Flex vertical gap={8}>
              {item.basis && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('fc.basis', { basis: item.basis })}
                </Typography.Text>
              )}
              <Finding item={item} />
              <Radio.Group
                value={d.pass === null ? undefined : d.pass}
                disabled={readOnly}
                onChange={(e) => set(item.code, choose(item, d, e.target.value as boolean))}
                aria-label={item.label}
                data-testid={`check-choice-${item.code}`}
              >
                <Radio value={true} disabled={item.blocked} data-testid={`check-pass-${item.code}`}>
                  {t('fc.pass')}
                </Radio>
                <Radio value={false} data-testid={`check-fail-${item.code}`}>
                  {t('fc.fail')}
                </Radio>
              </Radio.Group>
              {item.blocked && (
                <Typography.Text type="danger" data-testid={`check-blocked-${item.code}`}>
                  {t('fc.blocked', { reason: item.automatic?.reason ?? '' })}
                </Typography.Text>
              )}
              <Input.TextArea
                aria-label={`${item.label} ${t('fc.reason')}`}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={2000}
                disabled={readOnly}
                placeholder={t('fc.reasonPlaceholder')}
                status={problem === 'reason' ? 'error' : undefined}
                value={d.reason}
                onChange={(e) => set(item.code, { reason: e.target.value })}
                data-testid={`check-reason-${item.code}`}
              />
              {problem && problem !== 'blocked' && (
                <Typography.Text type="danger" data-testid={`check-problem-${item.code}`}>
                  {problemText(problem, item)}
                </Typography.Text>
              )}
            </Flex>
          </Card>
        );
      })}
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="checklist-conflict"
          title={t('fc.conflict')}
          action={
            <Button size="small" onClick={props.onReload}>
              {t('fc.reload')}
            </Button>
          }
        />
      ) : (
        <ErrorAlert error={save.error} />
      )}
      {!readOnly && (
        <Flex gap={12} align="center" justify="space-between" wrap>
          <Typography.Text strong data-testid="checklist-preview">
            {result
              ? t('fc.resultPreview', { result: t(`fc.result.${result}`) })
              : t('fc.resultPending', {
                  n: Object.values(decisions).filter((x) => x.pass === null).length,
                })}
          </Typography.Text>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={onSave}
            data-testid="checklist-save"
          >
            {t('fc.save')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

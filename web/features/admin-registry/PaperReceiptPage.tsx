// 纸质材料签收: the desk where the post is opened. A scanner types the QR code's address and presses
// Enter; the verdict shows at once, the receipt is recorded, the input is ready for the next copy.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Segmented,
  Select,
  Typography,
  type InputRef,
} from 'antd';
import { beijingDay, type PaperKind } from '../../../domain/registry';
import { CampaignRoute } from '../../components/CampaignRoute';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { useRecommenderUnits } from '../../lib/applications';
import { formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';
import { useReceipts, useReceivePaperCopy, type PaperReceiptAnswer } from './api';
import { ReceiptsTable } from './ApplicationDrawer';

/** /admin/paper/:campaignId? */
export function PaperReceiptPage() {
  return (
    <CampaignRoute base="/admin/paper">
      {(choice) => <PaperReceiptView {...choice} />}
    </CampaignRoute>
  );
}

type Verdict =
  { kind: 'answer'; answer: PaperReceiptAnswer } | { kind: 'error'; error: unknown; input: string };

function AnswerAlert({ answer }: { answer: PaperReceiptAnswer }) {
  const { t } = useI18n();
  const r = answer.receipt;
  const title =
    r.kind === 'summary_table'
      ? t(
          r.status === 'current'
            ? 'paper.verdict.summaryCurrent'
            : 'paper.verdict.summaryNotForwarded',
        )
      : t(`paper.verdict.${r.status}`);
  const type =
    r.status === 'superseded'
      ? 'error'
      : r.status === 'not_forwarded' || r.late
        ? 'warning'
        : 'success';
  const items: { key: string; label: string; children: ReactNode }[] =
    r.kind === 'application'
      ? [
          { key: 's', label: t('paper.field.solution'), children: r.solutionName },
          { key: 'a', label: t('paper.field.applicant'), children: r.applicantName },
          { key: 'u', label: t('paper.field.unit'), children: r.unitName },
          { key: 'c', label: t('paper.field.code'), children: r.code },
          {
            key: 'v',
            label: t('paper.field.version'),
            children: t('registry.version', { n: r.versionNo ?? 0 }),
          },
          ...(r.currentVersionNo !== r.versionNo && r.currentVersionNo
            ? [
                {
                  key: 'cv',
                  label: t('paper.field.current'),
                  children: t('registry.version', { n: r.currentVersionNo }),
                },
              ]
            : []),
        ]
      : [{ key: 'u', label: t('paper.field.unit'), children: r.unitName }];
  items.push({
    key: 'r',
    label: t('paper.field.receipt'),
    children: t('paper.receiptText', {
      on: r.receivedOn,
      postmark: r.postmarkedOn ? t('paper.postmarkText', { on: r.postmarkedOn }) : '',
    }),
  });
  return (
    <Alert
      type={type}
      showIcon
      data-testid="paper-verdict"
      data-verdict={r.status}
      title={
        <Typography.Text strong style={{ fontSize: 18 }}>
          {title}
        </Typography.Text>
      }
      description={
        <Flex vertical gap={8}>
          <Typography.Text>{answer.message}</Typography.Text>
          {r.late && (
            <Typography.Text type="danger" strong data-testid="paper-late">
              {t('paper.late', { day: answer.paperDeadline })}
            </Typography.Text>
          )}
          {answer.copies > 1 && (
            <Typography.Text type="warning">
              {t('paper.copies', { n: answer.copies })}
            </Typography.Text>
          )}
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
        </Flex>
      }
    />
  );
}

function ErrorVerdict({ error, input }: { error: unknown; input: string }) {
  const { t, errorText } = useI18n();
  if (
    !(error instanceof ApiError) ||
    !['PAPER_CODE_UNKNOWN', 'VERIFICATION_CODE_INVALID'].includes(error.code)
  )
    return <ErrorAlert error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="paper-verdict"
      data-verdict={error.code === 'PAPER_CODE_UNKNOWN' ? 'unknown' : 'invalid'}
      title={
        <Typography.Text strong style={{ fontSize: 18 }}>
          {t(
            error.code === 'PAPER_CODE_UNKNOWN' ? 'paper.verdict.unknown' : 'paper.verdict.invalid',
          )}
        </Typography.Text>
      }
      description={
        <Flex vertical gap={4}>
          <Typography.Text>{errorText(error)}</Typography.Text>
          <Typography.Text type="secondary">
            {input} · {t('paper.verdict.notRecorded')}
          </Typography.Text>
        </Flex>
      }
    />
  );
}

export function PaperReceiptView(props: {
  campaigns: Campaign[];
  campaign: Campaign | undefined;
  onPick: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const c = props.campaign;
  const today = beijingDay(new Date());
  const [kind, setKind] = useState<PaperKind>('application');
  const [code, setCode] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [receivedOn, setReceivedOn] = useState(today);
  const [postmarkedOn, setPostmarkedOn] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const input = useRef<InputRef>(null);
  const units = useRecommenderUnits();
  const receive = useReceivePaperCopy(c?.id ?? '');
  const receipts = useReceipts(c?.id, { receivedOn });

  useEffect(() => {
    if (kind === 'application') input.current?.focus();
  }, [kind, c?.id]);

  const submit = () => {
    if (!c || receive.isPending) return;
    const typed = code.trim();
    if (kind === 'application' ? !typed : !unitId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const dates = { receivedOn, ...(postmarkedOn ? { postmarkedOn } : {}), note: note.trim() };
    receive.mutate(
      kind === 'application'
        ? { kind, code: typed, ...dates }
        : { kind, unitId: unitId!, ...dates },
      {
        onSuccess: (answer) => setVerdict({ kind: 'answer', answer }),
        onError: (error) => setVerdict({ kind: 'error', error, input: typed }),
        onSettled: () => {
          setCode('');
          setNote('');
          input.current?.focus();
        },
      },
    );
  };

  return (
    <Card
      title={t('paper.title')}
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
          <Typography.Text type="secondary">
            {t('paper.deadline', { at: formatDeadline(c.paperDeadline, lang) })}
          </Typography.Text>
          <Segmented<PaperKind>
            value={kind}
            onChange={(k) => {
              setKind(k);
              setMissing(false);
            }}
            options={[
              { value: 'application', label: t('paper.kind.application') },
              { value: 'summary_table', label: t('paper.kind.summary_table') },
            ]}
            data-testid="paper-kind"
          />
          <Form layout="vertical" component="div">
            {kind === 'application' ? (
              <Form.Item
                label={t('paper.code')}
                validateStatus={missing ? 'error' : undefined}
                help={missing ? t('paper.codeRequired') : undefined}
              >
                <Input
                  ref={input}
                  size="large"
                  autoFocus
                  autoComplete="off"
                  spellCheck={false}
                  aria-label={t('paper.code')}
                  placeholder={t('paper.codePlaceholder')}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  onPressEnter={(e) => {
                    e.preventDefault();
                    submit();
                  }}
                  style={{ fontSize: 22, fontFamily: 'monospace' }}
                  data-testid="paper-code"
                />
              </Form.Item>
            ) : (
              <Form.Item
                label={t('paper.unit')}
                validateStatus={missing ? 'error' : undefined}
                help={missing ? t('paper.unitRequired') : undefined}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  size="large"
                  aria-label={t('paper.unit')}
                  placeholder={t('paper.unitPlaceholder')}
                  value={unitId}
                  onChange={setUnitId}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  data-testid="paper-unit"
                />
              </Form.Item>
            )}
            <Flex gap={12} wrap align="end">
              <Form.Item label={t('paper.receivedOn')} style={{ marginBottom: 0 }}>
                <Input
                  type="date"
                  aria-label={t('paper.receivedOn')}
                  max={today}
                  value={receivedOn}
                  onChange={(e) => setReceivedOn(e.target.value || today)}
                  data-testid="paper-received-on"
                />
              </Form.Item>
              <Form.Item label={t('paper.postmarkedOn')} style={{ marginBottom: 0 }}>
                <Input
                  type="date"
                  aria-label={t('paper.postmarkedOn')}
                  max={receivedOn}
                  value={postmarkedOn}
                  onChange={(e) => setPostmarkedOn(e.target.value)}
                  data-testid="paper-postmarked-on"
                />
              </Form.Item>
              <Form.Item
                label={t('paper.note')}
                style={{ marginBottom: 0, flex: 1, minWidth: 200 }}
              >
                <Input
                  aria-label={t('paper.note')}
                  maxLength={500}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  onPressEnter={submit}
                />
              </Form.Item>
              <Button
                type="primary"
                size="large"
                loading={receive.isPending}
                onClick={submit}
                data-testid="paper-submit"
              >
                {t('paper.submit')}
              </Button>
            </Flex>
          </Form>
          <div aria-live="polite">
            {verdict?.kind === 'answer' && <AnswerAlert answer={verdict.answer} />}
            {verdict?.kind === 'error' && (
              <ErrorVerdict error={verdict.error} input={verdict.input} />
            )}
          </div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('paper.today', { day: receivedOn })}
          </Typography.Title>
          <ErrorAlert error={receipts.error} onRetry={() => void receipts.refetch()} />
          <ReceiptsTable
            items={receipts.data?.items ?? []}
            empty={t('paper.noneToday')}
            testId="paper-today"
          />
        </Flex>
      )}
    </Card>
  );
}

import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  FOLLOW_UP_LIMITS,
  FOLLOW_UP_SECTIONS,
  FOLLOW_UP_STATUS_LABELS,
  FOLLOW_UP_STATUS_STATES,
  followUpIssues,
  revenueYearsOf,
  type FollowUpContext,
} from '../../../domain/follow-up-report';
import { IndustryPicker } from '../../components/IndustryPicker';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { localizeSchemaMessage, useI18n } from '../../lib/i18n';
import {
  issuesOfError,
  saveFollowUp,
  submitFollowUp,
  type FollowUpData,
  type FollowUpReport,
} from './api';
import {
  cleanData,
  clearFollowUpCopy,
  readFollowUpCopy,
  sameFollowUpData,
  writeFollowUpCopy,
  type FollowUpLocalCopy,
} from './localCopy';
import { fieldLabel, labelOf, placeOf, sectionTitle, type NamePath } from './paths';

interface Issue {
  path: string;
  message: string;
}

interface Problem {
  key: string;
  path: string;
  name: NamePath | null;
  label: string;
  message: string;
}

/** A new report starts with one revenue row per year asked for and one version row. */
export function emptyFollowUp(ctx: FollowUpContext): FollowUpData {
  return {
    promotion: {},
    revenue: revenueYearsOf(ctx).map((year) => ({ year })),
    versions: [{}],
    status: {},
  };
}

/** What the form starts with: the server's data, or this browser's unsaved copy of the same version. */
function initialState(
  campaignId: string,
  awardId: string,
  report: FollowUpReport | null,
  ctx: FollowUpContext,
): { data: FollowUpData; restored: boolean; offer: FollowUpLocalCopy | null } {
  const server = report ? report.data : emptyFollowUp(ctx);
  const version = report?.draftVersion ?? 0;
  const local = readFollowUpCopy(campaignId, awardId);
  if (!local) return { data: server, restored: false, offer: null };
  if (sameFollowUpData(local.data, server)) {
    clearFollowUpCopy(campaignId, awardId);
    return { data: server, restored: false, offer: null };
  }
  if (local.baseVersion === version) return { data: local.data, restored: true, offer: null };
  return { data: server, restored: false, offer: local };
}

/** Issues a person must see next to the section (not one field) they are about. */
function SectionIssues({ list, testId }: { list: Problem[]; testId: string }) {
  if (!list.length) return null;
  return (
    <div role="alert" data-testid={testId} style={{ marginTop: 8 }}>
      {list.map((p) => (
        <div key={p.key}>
          <Typography.Text type="danger">{p.message}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** Form.Item props that keep a date as 'YYYY-MM-DD' in the data and a Dayjs in the picker. */
const dateProps = {
  getValueProps: (v: unknown) => ({
    value: typeof v === 'string' && v ? dayjs(v, 'YYYY-MM-DD') : null,
  }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** The enterprise's 附件4 form: save a draft (with its version), submit, see every problem in place. */
export function FollowUpForm(props: {
  campaignId: string;
  awardId: string;
  report: FollowUpReport | null;
  ctx: FollowUpContext;
  deadline: string;
  onSaved: (r: FollowUpReport) => void;
  reload: () => Promise<unknown>;
  onSubmitted: (r: FollowUpReport) => void;
}) {
  const { campaignId, awardId, ctx } = props;
  const { t, lang, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [initial] = useState(() => initialState(campaignId, awardId, props.report, ctx));
  const [offer, setOffer] = useState(initial.offer);
  const version = useRef(props.report?.draftVersion ?? 0);
  const [dirty, setDirty] = useState(initial.restored);
  const [savedAt, setSavedAt] = useState<string | null>(props.report?.updatedAt ?? null);
  const [saving, setSaving] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState<{ currentVersion?: number; updatedAt?: string } | null>(
    null,
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [showSummary, setShowSummary] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submitMode = useRef(false);
  const marked = useRef(new Set<string>());
  const deadlinePassed = new Date(props.deadline).getTime() < Date.now();

  const getData = useCallback(() => cleanData(form.getFieldsValue(true)) as FollowUpData, [form]);

  /** Puts each message on its field, or under its section; clears the ones fixed since. */
  const applyIssues = useCallback(
    (issues: Issue[]): Problem[] => {
      const list: Problem[] = [];
      const byField = new Map<string, { name: NamePath; errors: string[] }>();
      for (const issue of issues) {
        const place = placeOf(issue.path);
        const msg = localizeSchemaMessage(issue.message);
        const name = 'field' in place ? place.field : null;
        list.push({
          key: `${issue.path}:${list.length}`,
          path: 'field' in place ? place.field.join('.') : place.section,
          name,
          label: issue.path ? labelOf(issue.path, lang) : t('followUp.wholeForm'),
          message: msg,
        });
        if (!name) continue;
        const key = name.join('.');
        const entry = byField.get(key) ?? { name, errors: [] };
        if (!entry.errors.includes(msg)) entry.errors.push(msg);
        byField.set(key, entry);
      }
      const fields = [...byField.values()];
      for (const old of marked.current)
        if (!byField.has(old))
          fields.push({
            name: old.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
            errors: [],
          });
      marked.current = new Set(byField.keys());
      form.setFields(fields);
      setProblems(list);
      return list;
    },
    [form, lang, t],
  );

  const validate = useCallback(
    (data: FollowUpData) =>
      applyIssues(followUpIssues(data, submitMode.current ? 'submit' : 'draft', ctx)),
    [applyIssues, ctx],
  );

  const keepLocal = useCallback(
    (data: FollowUpData) =>
      writeFollowUpCopy(campaignId, awardId, {
        baseVersion: version.current,
        data,
        at: new Date().toISOString(),
      }),
    [awardId, campaignId],
  );

  const onValuesChange = () => {
    const data = getData();
    validate(data);
    keepLocal(data);
    setDirty(true);
  };

  /** Saves the draft; false when refused (the input stays on the page and in this browser). */
  const save = async (quiet = false): Promise<FollowUpReport | null> => {
    setError(null);
    const data = getData();
    // a draft may be incomplete, but what it holds must be right (types, limits)
    if (followUpIssues(data, 'draft', ctx).length) {
      validate(data);
      setShowSummary(true);
      return null;
    }
    setSaving(true);
    try {
      const saved = await saveFollowUp(awardId, {
        campaignId,
        draftVersion: version.current,
        data,
      });
      version.current = saved.draftVersion;
      setSavedAt(saved.updatedAt);
      if (sameFollowUpData(getData(), data)) {
        clearFollowUpCopy(campaignId, awardId);
        setDirty(false);
      } else keepLocal(getData());
      props.onSaved(saved);
      if (!quiet) message.success(t('followUp.saved'));
      return saved;
    } catch (e) {
      keepLocal(data);
      if (e instanceof ApiError && e.code === 'DRAFT_CONFLICT') {
        const d = (e.details ?? {}) as { currentVersion?: number; updatedAt?: string };
        setConflict({ currentVersion: d.currentVersion, updatedAt: d.updatedAt });
      } else {
        if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') {
          applyIssues(e.fieldIssues);
          setShowSummary(true);
        }
        setError(e);
      }
      return null;
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    setError(null);
    if (conflict) return;
    submitMode.current = true;
    const list = validate(getData());
    if (list.length) {
      setShowSummary(true);
      return;
    }
    const saved = dirty || !props.report ? await save(true) : props.report;
    if (!saved) return;
    modal.confirm({
      title: t('followUp.submitConfirmTitle'),
      content: t('followUp.submitConfirm'),
      okText: t('followUp.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setSubmitting(true);
        try {
          const r = await submitFollowUp(awardId, campaignId);
          clearFollowUpCopy(campaignId, awardId);
          message.success(t('followUp.submitted'));
          props.onSubmitted(r);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'FOLLOW_UP_INCOMPLETE') {
            applyIssues(issuesOfError(e.details));
            setShowSummary(true);
          }
          setError(e);
        } finally {
          setSubmitting(false);
        }
      },
    });
  };

  /** Loads the newer version; this page's input stays in the browser and is offered back. */
  const reloadNewer = async () => {
    keepLocal(getData());
    setConflict(null);
    await props.reload();
  };

  /** Saves this page's input over the newer version, on purpose. */
  const overwrite = async () => {
    if (conflict?.currentVersion != null) version.current = conflict.currentVersion;
    else {
      // the server did not say which version it has: ask for it
      await props.reload();
      return;
    }
    setConflict(null);
    await save();
  };

  const sectionProblems = (key: string) =>
    problems.filter((p) => p.name === null && p.path === key);
  const R = FOLLOW_UP_SECTIONS.revenue.fields;
  const P = FOLLOW_UP_SECTIONS.promotion.fields;
  const years = useMemo(() => revenueYearsOf(ctx), [ctx]);
  const unit = (f: { unit?: string; unitEn?: string }) => (lang === 'zh' ? f.unit : f.unitEn);
  const rowLabel = (item: string, n: number, field: string) =>
    t('followUp.rowField', { item, n, field });

  const card = (
    key: 'promotion' | 'revenue' | 'versions' | 'status',
    n: string,
    body: ReactNode,
  ) => (
    <Card
      key={key}
      id={`follow-up-${key}`}
      title={`${n}、${sectionTitle(key, lang)}`}
      style={{ marginBottom: 16, scrollMarginTop: 90 }}
      data-testid={`section-${key}`}
    >
      {body}
      <SectionIssues list={sectionProblems(key)} testId={`issues-${key}`} />
    </Card>
  );

  return (
    <div data-testid="follow-up-form">
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        {initial.restored && (
          <Alert type="info" showIcon title={t('followUp.restoredLocal')} closable />
        )}
        {offer && (
          <Alert
            type="warning"
            showIcon
            data-testid="local-copy"
            title={t('followUp.localCopy', {
              time: formatDateTime(offer.at),
              base: offer.baseVersion,
              current: version.current,
            })}
            action={
              <Space orientation="vertical">
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    form.setFieldsValue(offer.data);
                    // the fields the copy leaves out are emptied too
                    for (const k of Object.keys(form.getFieldsValue(true) as object))
                      if (!(k in offer.data)) form.setFieldValue(k, undefined);
                    setOffer(null);
                    onValuesChange();
                  }}
                >
                  {t('followUp.localCopyRestore')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    clearFollowUpCopy(campaignId, awardId);
                    setOffer(null);
                  }}
                >
                  {t('followUp.localCopyDiscard')}
                </Button>
              </Space>
            }
          />
        )}
        {conflict && (
          <Alert
            type="error"
            showIcon
            data-testid="follow-up-conflict"
            title={t('followUp.conflictTitle')}
            description={t('followUp.conflictBody', {
              version: conflict.currentVersion ?? '?',
              time: conflict.updatedAt ? formatDateTime(conflict.updatedAt) : '—',
            })}
            action={
              <Space orientation="vertical">
                <Button size="small" type="primary" onClick={() => void reloadNewer()}>
                  {t('followUp.conflictReload')}
                </Button>
                <Button size="small" danger onClick={() => void overwrite()}>
                  {t('followUp.conflictOverwrite')}
                </Button>
              </Space>
            }
          />
        )}
        {deadlinePassed && (
          <Alert
            type="error"
            showIcon
            title={t('followUp.deadlinePassed', { at: formatDateTime(props.deadline) })}
          />
        )}
        {error != null && (
          <Alert type="error" showIcon data-testid="follow-up-error" title={errorText(error)} />
        )}
        {showSummary && problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="follow-up-problems"
            title={t('followUp.problems', { n: problems.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p.key}>
                    <Typography.Link
                      onClick={() => {
                        if (p.name) form.scrollToField(p.name, { block: 'center', focus: true });
                        else
                          document
                            .getElementById(`follow-up-${p.path}`)
                            ?.scrollIntoView({ block: 'center' });
                      }}
                    >
                      {p.label}
                    </Typography.Link>
                    ：{p.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Space>

      <Form
        form={form}
        name="follow-up"
        layout="vertical"
        initialValues={initial.data}
        onValuesChange={onValuesChange}
        validateTrigger={[]}
      >
        {card(
          'promotion',
          '一',
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name={['promotion', 'newCustomers']}
                label={fieldLabel('promotion', 'newCustomers', lang)}
                extra={t('followUp.newCustomersHint')}
              >
                <InputNumber
                  min={0}
                  max={FOLLOW_UP_LIMITS.newCustomers}
                  precision={0}
                  suffix={unit(P.newCustomers)}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name={['promotion', 'industriesReached']}
                label={fieldLabel('promotion', 'industriesReached', lang)}
                extra={t('followUp.industriesHint')}
              >
                <IndustryPicker multiple maxCount={FOLLOW_UP_LIMITS.industries} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name={['promotion', 'description']}
                label={fieldLabel('promotion', 'description', lang)}
              >
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 12 }}
                  maxLength={FOLLOW_UP_LIMITS.description}
                  showCount
                  placeholder={t('followUp.promotionPlaceholder')}
                />
              </Form.Item>
            </Col>
          </Row>,
        )}

        {card(
          'revenue',
          '二',
          <>
            <Typography.Paragraph type="secondary">
              {years.length
                ? t('followUp.revenueHint', {
                    from: years[0]!,
                    to: years[years.length - 1]!,
                    unit: unit(R.amount) ?? '',
                  })
                : t('followUp.revenueNone')}
            </Typography.Paragraph>
            <Form.List name="revenue">
              {(fields, { add, remove }) => (
                <Flex vertical gap={0} data-testid="revenue-rows">
                  {fields.map((f, i) => {
                    const item = FOLLOW_UP_SECTIONS.revenue.itemLabel;
                    return (
                      <Flex key={f.key} gap={12} align="start" wrap data-testid="revenue-row">
                        <Form.Item
                          name={[f.name, 'year']}
                          label={i === 0 ? fieldLabel('revenue', 'year', lang) : undefined}
                          style={{ width: 140 }}
                        >
                          <InputNumber
                            aria-label={rowLabel(item, i + 1, fieldLabel('revenue', 'year', lang))}
                            min={1990}
                            max={2100}
                            precision={0}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'amount']}
                          label={
                            i === 0
                              ? `${fieldLabel('revenue', 'amount', lang)}（${unit(R.amount)}）`
                              : undefined
                          }
                          style={{ width: 240 }}
                        >
                          <InputNumber
                            aria-label={rowLabel(
                              item,
                              i + 1,
                              fieldLabel('revenue', 'amount', lang),
                            )}
                            min={0}
                            max={FOLLOW_UP_LIMITS.amount}
                            precision={2}
                            suffix={unit(R.amount)}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('followUp.removeRevenue', { n: i + 1 })}
                          onClick={() => remove(f.name)}
                          style={{ marginTop: i === 0 ? 30 : 0 }}
                        />
                      </Flex>
                    );
                  })}
                  {fields.length < FOLLOW_UP_LIMITS.revenueRows && (
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      style={{ width: 'fit-content' }}
                      onClick={() => {
                        const rows = (form.getFieldValue('revenue') ?? []) as Array<{
                          year?: number;
                        }>;
                        const have = new Set(rows.map((r) => r?.year));
                        const missing = years.find((y) => !have.has(y));
                        add(missing ? { year: missing } : {});
                      }}
                    >
                      {t('followUp.addRevenue')}
                    </Button>
                  )}
                </Flex>
              )}
            </Form.List>
          </>,
        )}

        {card(
          'versions',
          '三',
          <>
            <Typography.Paragraph type="secondary">
              {t('followUp.versionsHint')}
            </Typography.Paragraph>
            <Form.List name="versions">
              {(fields, { add, remove }) => (
                <Flex vertical gap={12} data-testid="version-rows">
                  {fields.map((f, i) => {
                    const item = FOLLOW_UP_SECTIONS.versions.itemLabel;
                    const label = (k: string) => fieldLabel('versions', k, lang);
                    return (
                      <Card
                        key={f.key}
                        size="small"
                        type="inner"
                        data-testid="version-row"
                        title={`${lang === 'zh' ? item : FOLLOW_UP_SECTIONS.versions.itemLabelEn} ${i + 1}`}
                        extra={
                          <Button
                            type="text"
                            danger
                            size="small"
                            icon={<DeleteOutlined />}
                            aria-label={t('followUp.removeVersion', { n: i + 1 })}
                            onClick={() => remove(f.name)}
                          >
                            {t('followUp.remove')}
                          </Button>
                        }
                      >
                        <Row gutter={12}>
                          <Col xs={24} md={8}>
                            <Form.Item name={[f.name, 'version']} label={label('version')}>
                              <Input
                                aria-label={rowLabel(item, i + 1, label('version'))}
                                maxLength={FOLLOW_UP_LIMITS.version}
                                placeholder="V2.1"
                              />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={8}>
                            <Form.Item name={[f.name, 'date']} label={label('date')} {...dateProps}>
                              <DatePicker
                                aria-label={rowLabel(item, i + 1, label('date'))}
                                style={{ width: '100%' }}
                              />
                            </Form.Item>
                          </Col>
                          <Col span={24}>
                            <Form.Item name={[f.name, 'change']} label={label('change')}>
                              <Input.TextArea
                                aria-label={rowLabel(item, i + 1, label('change'))}
                                autoSize={{ minRows: 2, maxRows: 8 }}
                                maxLength={FOLLOW_UP_LIMITS.change}
                                showCount
                              />
                            </Form.Item>
                          </Col>
                        </Row>
                      </Card>
                    );
                  })}
                  {fields.length < FOLLOW_UP_LIMITS.versions && (
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      style={{ width: 'fit-content' }}
                      onClick={() => add({})}
                    >
                      {t('followUp.addVersion')}
                    </Button>
                  )}
                </Flex>
              )}
            </Form.List>
          </>,
        )}

        {card(
          'status',
          '四',
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name={['status', 'state']} label={fieldLabel('status', 'state', lang)}>
                <Select
                  allowClear
                  placeholder={t('followUp.statePlaceholder')}
                  options={FOLLOW_UP_STATUS_STATES.map((s) => ({
                    value: s,
                    label: FOLLOW_UP_STATUS_LABELS[s][lang],
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name={['status', 'description']}
                label={fieldLabel('status', 'description', lang)}
              >
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 12 }}
                  maxLength={FOLLOW_UP_LIMITS.description}
                  showCount
                  placeholder={t('followUp.statusPlaceholder')}
                />
              </Form.Item>
            </Col>
          </Row>,
        )}
      </Form>
      <SectionIssues list={sectionProblems('')} testId="issues-form" />

      <Flex
        gap={12}
        align="center"
        justify="flex-end"
        wrap
        style={{
          position: 'sticky',
          bottom: 0,
          background: '#fff',
          padding: '12px 0',
          borderTop: '1px solid #f0f0f0',
          zIndex: 5,
        }}
      >
        <Typography.Text type="secondary" data-testid="follow-up-save-state">
          {conflict
            ? t('followUp.notSaved')
            : dirty
              ? t('followUp.unsaved')
              : savedAt
                ? t('followUp.savedAt', { time: formatDateTime(savedAt) })
                : ''}
        </Typography.Text>
        <Button
          icon={<SaveOutlined />}
          onClick={() => void save()}
          loading={saving}
          disabled={!!conflict}
        >
          {t('followUp.saveDraft')}
        </Button>
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() => void submit()}
          loading={submitting}
          disabled={!!conflict}
        >
          {t('followUp.submit')}
        </Button>
      </Flex>
    </div>
  );
}

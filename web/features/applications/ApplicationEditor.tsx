import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  FilePdfOutlined,
  FileWordOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { applicationDataSchema, totalWords, type FormDeclaration } from '../../../domain/form';
import { factsOf } from '../../../domain/facts';
import { formContextOf } from '../../../domain/forms';
import { Countdown } from '../../components/Countdown';
import { api, ApiError } from '../../lib/api';
import {
  applicationKey,
  applicationsKey,
  EDITABLE_STATES,
  pdfUrl,
  type Application,
  type ApplicationData,
  type ApplicationDetail,
  type Attachment,
  type VersionSummary,
} from '../../lib/applications';
import { checkDuplicates, type FindingView } from '../../lib/duplicates';
import { formatDateTime, formatDeadline } from '../../lib/format';
import { localizeSchemaMessage, useI18n } from '../../lib/i18n';
import type { Campaign, Me } from '../../lib/types';
import { ConflictDialog } from './ConflictDialog';
import { FieldsProvider, SectionFields } from './FormFields';
import {
  clearLocalCopy,
  plainTextOf,
  readLocalCopy,
  sameData,
  writeLocalCopy,
  type LocalCopy,
} from './localCopy';
import {
  fieldAt,
  fieldPathOf,
  labelOfPath,
  pathKey,
  toNamePath,
  valueAt,
  type NamePath,
} from './paths';
import { SaveStatusText, StickyBar, WordCount, type SaveStatus } from './StickyBar';

const AUTOSAVE_MS = 3000;

interface Issue {
  path: ReadonlyArray<PropertyKey> | string;
  message: string;
}

interface Problem {
  key: string;
  name: NamePath;
  label: string;
  message: string;
}

/** The form's initial data: the server's, or this browser's unsaved copy of the same version. */
function initialState(app: Application): { data: ApplicationData; restored: boolean } {
  const local = readLocalCopy(app.id);
  if (!local) return { data: app.data, restored: false };
  if (sameData(local.data, app.data)) {
    clearLocalCopy(app.id);
    return { data: app.data, restored: false };
  }
  if (local.baseVersion === app.draftVersion) return { data: local.data, restored: true };
  return { data: app.data, restored: false };
}

export function ApplicationEditor(props: {
  detail: ApplicationDetail;
  campaign: Campaign;
  form: FormDeclaration;
  me: Me;
  channelName: string;
  reload: () => Promise<void>;
}) {
  const { detail, campaign, form: decl, me } = props;
  const app = detail.application;
  const { t, lang, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();

  const isOwner = me.user.role === 'enterprise' && me.user.enterpriseId === app.enterpriseId;
  const canEdit = isOwner && EDITABLE_STATES.has(app.state);
  const deadlinePassed = new Date(campaign.onlineDeadline).getTime() < Date.now();

  const schemas = useMemo(() => {
    const ctx = formContextOf(campaign.settings);
    return {
      draft: applicationDataSchema(decl, ctx, 'draft'),
      submit: applicationDataSchema(decl, ctx, 'submit'),
    };
  }, [decl, campaign.settings]);

  const [initial] = useState(() =>
    canEdit ? initialState(app) : { data: app.data, restored: false },
  );
  const [values, setValues] = useState<ApplicationData>(initial.data);
  const words = totalWords(decl, values);
  const [known, setKnown] = useState(
    () => new Map<string, Attachment>(detail.attachments.map((a) => [a.id, a])),
  );
  const [offer, setOffer] = useState<LocalCopy | null>(() => {
    if (!canEdit || initial.restored) return null;
    const local = readLocalCopy(app.id);
    return local && local.baseVersion !== app.draftVersion ? local : null;
  });

  // Saving: every save names the version it edits (baseVersion).
  const base = useRef(app.draftVersion);
  const seq = useRef(initial.restored ? 1 : 0); // changes made
  const savedSeq = useRef(0); // changes the server has
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<boolean> | null>(null);
  const inConflict = useRef(false);
  const [status, setStatus] = useState<SaveStatus>(
    initial.restored ? { kind: 'dirty' } : { kind: 'saved', at: app.updatedAt },
  );
  const [conflict, setConflict] = useState<{ currentVersion?: number; updatedAt?: string }>();
  const [conflictOpen, setConflictOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const submitMode = useRef(false);
  const marked = useRef(new Set<string>());
  const problemsRef = useRef<HTMLDivElement>(null);

  const getData = useCallback(() => form.getFieldsValue(true) as ApplicationData, [form]);

  // 不得重复上报: the saved working copy against past awards, after each save; the answer only warns.
  const [awardMatches, setAwardMatches] = useState<FindingView[]>([]);
  const dupCheck = useRef(0);
  const checkAwards = useCallback(() => {
    const n = ++dupCheck.current;
    checkDuplicates(app.id).then(
      (r) =>
        n === dupCheck.current && setAwardMatches(r.findings.filter((f) => f.kind === 'award')),
      () => undefined, // a failed check must not get in the way of editing
    );
  }, [app.id]);
  useEffect(() => {
    if (canEdit) checkAwards();
  }, [canEdit, checkAwards]);

  /** A type error on an empty required field ("expected string, got undefined") says what to do. */
  const messageOf = useCallback(
    (name: NamePath, message: string): string => {
      const field = fieldAt(decl, name);
      const value = valueAt(form.getFieldsValue(true), name);
      const empty =
        value === undefined || value === null || (typeof value === 'string' && !value.trim());
      if (field && empty && (field.required || /^(无效输入|Invalid input)/.test(message))) {
        const label = lang === 'zh' ? field.label : field.labelEn;
        switch (field.type) {
          case 'group':
            return t('editor.requiredItems', {
              n: Math.max(field.minItems, 1),
              label: lang === 'zh' ? field.itemLabel : field.labelEn,
            });
          case 'confirm':
            return t('editor.requiredConfirm', { label });
          case 'select':
          case 'industries':
          case 'region':
            return t('editor.requiredSelect', { label });
          case 'attachments':
            return t('editor.requiredFile', { label });
          default:
            return t('editor.required', { label });
        }
      }
      return localizeSchemaMessage(message);
    },
    [decl, form, lang, t],
  );

  /** Puts messages on fields (clearing the ones fixed since); returns the summary list. */
  const applyIssues = useCallback(
    (issues: ReadonlyArray<Issue>): Problem[] => {
      const byField = new Map<string, { name: NamePath; errors: string[] }>();
      const list: Problem[] = [];
      for (const issue of issues) {
        const raw = toNamePath(issue.path as string | ReadonlyArray<PropertyKey>);
        const name = fieldPathOf(decl, raw);
        const msg = messageOf(name, issue.message);
        const key = pathKey(name);
        list.push({
          key: `${key}:${list.length}`,
          name,
          label: name.length ? labelOfPath(decl, name, lang) : t('editor.wholeForm'),
          message: msg,
        });
        if (!name.length) continue;
        const entry = byField.get(key) ?? { name, errors: [] };
        if (!entry.errors.includes(msg)) entry.errors.push(msg);
        byField.set(key, entry);
      }
      const fields = [...byField.values()];
      for (const old of marked.current)
        if (!byField.has(old)) fields.push({ name: toNamePath(old), errors: [] });
      marked.current = new Set(byField.keys());
      form.setFields(fields);
      return list;
    },
    [decl, form, lang, messageOf, t],
  );

  const validate = useCallback(
    (data: ApplicationData) => {
      const schema = submitMode.current ? schemas.submit : schemas.draft;
      const r = schema.safeParse(data);
      const list = applyIssues(r.success ? [] : r.error.issues);
      if (submitMode.current) setProblems(list.length ? list : null);
      return list;
    },
    [applyIssues, schemas],
  );

  const save = useCallback(async (): Promise<boolean> => {
    if (!canEdit) return true;
    if (inflight.current) await inflight.current;
    if (inConflict.current) {
      setConflictOpen(true);
      return false;
    }
    if (seq.current === savedSeq.current) return true;
    window.clearTimeout(timer.current);
    const mySeq = seq.current;
    const data = getData();
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const saved = await api<Application>(`/applications/${app.id}/draft`, {
          method: 'PUT',
          body: { baseVersion: base.current, data },
        });
        base.current = saved.draftVersion;
        savedSeq.current = mySeq;
        qc.setQueryData<ApplicationDetail>(applicationKey(app.id), (old) =>
          old ? { ...old, application: saved } : old,
        );
        void qc.invalidateQueries({ queryKey: applicationsKey, exact: true });
        if (seq.current === mySeq) {
          clearLocalCopy(app.id);
          setStatus({ kind: 'saved', at: saved.updatedAt });
          checkAwards();
        } else {
          writeLocalCopy(app.id, {
            baseVersion: base.current,
            data: getData(),
            at: new Date().toISOString(),
          });
          setStatus({ kind: 'dirty' });
          timer.current = window.setTimeout(() => void save(), AUTOSAVE_MS);
        }
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'DRAFT_CONFLICT') {
          inConflict.current = true;
          const d = (e.details ?? {}) as { currentVersion?: number; updatedAt?: string };
          setConflict({ currentVersion: d.currentVersion, updatedAt: d.updatedAt });
          setConflictOpen(true);
          setStatus({ kind: 'conflict' });
          return false;
        }
        if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') applyIssues(e.fieldIssues);
        setStatus({ kind: 'error', reason: errorText(e) });
        return false;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    return run;
  }, [app.id, applyIssues, canEdit, checkAwards, errorText, getData, qc]);

  // A restored local copy is saved soon, like any other change.
  useEffect(() => {
    if (initial.restored) {
      message.info(t('editor.restoredLocal'));
      timer.current = window.setTimeout(() => void save(), AUTOSAVE_MS);
    }
  }, []); // once, on mount

  // Leaving the page (route change, closed tab): send what is unsaved; the local copy stays anyway.
  useEffect(() => {
    if (!canEdit) return;
    const flush = () => {
      if (seq.current === savedSeq.current || inConflict.current || inflight.current) return;
      window.clearTimeout(timer.current);
      void api(`/applications/${app.id}/draft`, {
        method: 'PUT',
        body: { baseVersion: base.current, data: getData() },
        keepalive: true,
      }).catch(() => undefined);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
      window.clearTimeout(timer.current);
    };
  }, [app.id, canEdit, getData]);

  const onValuesChange = (changed: Record<string, Record<string, unknown> | undefined>) => {
    // a focus area belongs to its category: drop the ones the new category does not have
    for (const s of decl.sections) {
      const cat = s.fields.find((f) => f.type === 'select' && f.options.from === 'categories');
      if (!cat || changed[s.key]?.[cat.key] === undefined) continue;
      const allowed =
        campaign.settings.categories.find((c) => c.code === changed[s.key]?.[cat.key])
          ?.focusAreas ?? [];
      for (const f of s.fields) {
        if (f.type !== 'select' || f.options.from !== 'focusAreas') continue;
        const v = form.getFieldValue([s.key, f.key]) as unknown;
        if (Array.isArray(v))
          form.setFieldValue(
            [s.key, f.key],
            v.filter((x) => allowed.includes(x)),
          );
        else if (v && !allowed.includes(String(v))) form.setFieldValue([s.key, f.key], undefined);
      }
    }
    const data = getData();
    setValues(data);
    validate(data);
    if (!canEdit) return;
    seq.current++;
    writeLocalCopy(app.id, { baseVersion: base.current, data, at: new Date().toISOString() });
    if (!inConflict.current) setStatus({ kind: 'dirty' });
    window.clearTimeout(timer.current);
    if (!inConflict.current) timer.current = window.setTimeout(() => void save(), AUTOSAVE_MS);
  };

  const showProblems = (list: Problem[]) => {
    setProblems(list);
    window.setTimeout(
      () => problemsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
      50,
    );
  };

  const submit = async () => {
    setSubmitError(null);
    if (inConflict.current) {
      setConflictOpen(true);
      return;
    }
    submitMode.current = true;
    const list = validate(getData());
    if (list.length) {
      showProblems(list);
      return;
    }
    if (!(await save())) return;
    const versionNo = (app.currentVersionNo ?? 0) + 1;
    modal.confirm({
      title: t('editor.submitConfirmTitle'),
      content: t('editor.submitConfirm', { n: versionNo, channel: props.channelName }),
      okText: t('editor.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const v = await api<VersionSummary>(`/applications/${app.id}/submit`, {
            method: 'POST',
            body: { draftVersion: base.current },
          });
          clearLocalCopy(app.id);
          message.success(t('editor.submitted', { n: v.versionNo, code: v.verificationCode }));
          void qc.invalidateQueries({ queryKey: applicationsKey, exact: true });
          await props.reload();
        } catch (e) {
          if (e instanceof ApiError && e.code === 'APPLICATION_INCOMPLETE') {
            showProblems(applyIssues(e.fieldIssues));
          } else if (e instanceof ApiError && e.code === 'DRAFT_CONFLICT') {
            inConflict.current = true;
            setConflictOpen(true);
            setStatus({ kind: 'conflict' });
          }
          setSubmitError(e);
        }
      },
    });
  };

  const withdraw = async () => {
    try {
      await api<Application>(`/applications/${app.id}/withdraw`, { method: 'POST' });
      message.success(t('editor.withdrawn'));
      void qc.invalidateQueries({ queryKey: applicationsKey, exact: true });
      await props.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const reloadNewer = async () => {
    // my text stays in localStorage (based on the older version): the new page offers it back
    writeLocalCopy(app.id, {
      baseVersion: base.current,
      data: getData(),
      at: new Date().toISOString(),
    });
    inConflict.current = false;
    setConflictOpen(false);
    await props.reload();
  };

  const overwrite = async () => {
    setBusy(true);
    try {
      const latest = await api<ApplicationDetail>(`/applications/${app.id}`);
      base.current = latest.application.draftVersion;
      inConflict.current = false;
      seq.current++;
      const ok = await save();
      if (ok) {
        setConflictOpen(false);
        setConflict(undefined);
      }
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const labelOf = (path: Array<string | number>) => labelOfPath(decl, path, lang);
  const latestVersion = detail.versions.reduce<VersionSummary | undefined>(
    (a, v) => (!a || v.versionNo > a.versionNo ? v : a),
    undefined,
  );
  const limit = campaign.settings.wordLimit;

  return (
    <div data-testid="application-editor">
      {canEdit && awardMatches.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="duplicate-warning"
          style={{ marginBottom: 12 }}
          title={t('dup.editor.title', { n: awardMatches.length })}
          description={
            <>
              <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                {awardMatches.map((f, i) => (
                  <li key={f.id ?? i}>
                    {f.match.kind === 'award' &&
                      t('dup.editor.item', {
                        year: f.match.year ?? '—',
                        solution: f.match.solutionName,
                        enterprise: f.match.enterpriseName,
                        score: Math.round(f.score * 100),
                      })}
                    {f.reasons.length > 0 && <>：{f.reasons.join('；')}</>}
                  </li>
                ))}
              </ul>
              {t('dup.editor.hint')}
            </>
          }
        />
      )}
      <StickyBar
        left={
          <>
            <WordCount words={words} limit={limit} />
            {canEdit && <SaveStatusText status={status} />}
            {!canEdit && <Tag color="blue">{t(`appState.${app.state}`)}</Tag>}
          </>
        }
        right={
          <>
            {canEdit && (
              <>
                <Button
                  icon={<SaveOutlined />}
                  onClick={() => void save()}
                  loading={status.kind === 'saving'}
                >
                  {t('editor.save')}
                </Button>
                <Button type="primary" icon={<SendOutlined />} onClick={() => void submit()}>
                  {t('editor.submit')}
                </Button>
              </>
            )}
            {!canEdit && latestVersion && (
              <>
                <Button
                  icon={<FilePdfOutlined />}
                  href={pdfUrl(app.id, latestVersion.versionNo, 'pdf')}
                >
                  {t('editor.downloadPdf')}
                </Button>
                <Button
                  icon={<FileWordOutlined />}
                  href={pdfUrl(app.id, latestVersion.versionNo, 'docx')}
                >
                  {t('editor.downloadWord')}
                </Button>
              </>
            )}
            {isOwner && app.state === 'submitted' && (
              <Popconfirm title={t('editor.withdrawConfirm')} onConfirm={() => void withdraw()}>
                <Button icon={<RollbackOutlined />} danger>
                  {t('editor.withdraw')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />

      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="application-title">
        {factsOf(decl, values).solutionName || t('apps.untitled')}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('editor.campaign')}>{campaign.title}</Descriptions.Item>
        <Descriptions.Item label={t('editor.channel')}>
          <span data-testid="application-channel">{props.channelName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('editor.state')}>
          <Tag
            color={app.state === 'returned' ? 'orange' : app.state === 'draft' ? 'default' : 'blue'}
          >
            {t(`appState.${app.state}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('editor.deadline')}>
          <Space wrap>
            {formatDeadline(campaign.onlineDeadline, lang)}
            {canEdit && <Countdown opensAt={campaign.opensAt} deadline={campaign.onlineDeadline} />}
          </Space>
        </Descriptions.Item>
      </Descriptions>

      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        {app.state === 'returned' && (
          <Alert
            type="warning"
            showIcon
            title={t('editor.returned', { comment: app.returnComment ?? '' })}
          />
        )}
        {!canEdit && (
          <Alert
            type="info"
            showIcon
            title={isOwner ? t('editor.readOnly') : t('editor.readOnlyOther')}
          />
        )}
        {canEdit && deadlinePassed && (
          <Alert
            type="error"
            showIcon
            title={t('editor.deadlinePassed', {
              at: formatDeadline(campaign.onlineDeadline, lang),
            })}
          />
        )}
        {offer && (
          <Alert
            type="warning"
            showIcon
            data-testid="local-copy"
            title={t('editor.localCopy', {
              time: formatDateTime(offer.at),
              base: offer.baseVersion,
              current: app.draftVersion,
            })}
            action={
              <Space direction="vertical">
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    writeLocalCopy(app.id, { ...offer, baseVersion: app.draftVersion });
                    void props.reload();
                  }}
                >
                  {t('editor.localCopyRestore')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    clearLocalCopy(app.id);
                    setOffer(null);
                  }}
                >
                  {t('editor.localCopyDiscard')}
                </Button>
              </Space>
            }
          />
        )}
        {submitError != null && (
          <Alert type="error" showIcon data-testid="submit-error" title={errorText(submitError)} />
        )}
        {problems && (
          <div ref={problemsRef}>
            <Alert
              type="error"
              showIcon
              data-testid="submit-problems"
              title={t('editor.problems', { n: problems.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p) => (
                    <li key={p.key}>
                      <Typography.Link
                        onClick={() => {
                          if (p.name.length)
                            form.scrollToField(p.name, { block: 'center', focus: true });
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
          </div>
        )}
      </Space>

      <Row gutter={24}>
        <Col xs={0} lg={5}>
          <Anchor
            offsetTop={80}
            targetOffset={90}
            items={decl.sections.map((s) => ({
              key: s.key,
              href: `#section-${s.key}`,
              title: lang === 'zh' ? s.title : s.titleEn,
            }))}
          />
        </Col>
        <Col xs={24} lg={19}>
          <FieldsProvider
            value={{
              appId: app.id,
              settings: campaign.settings,
              attachments: known,
              onUploaded: (a) => setKnown((m) => new Map(m).set(a.id, a)),
              readOnly: !canEdit,
            }}
          >
            <Form
              form={form}
              name="application"
              layout="vertical"
              initialValues={initial.data}
              onValuesChange={onValuesChange}
              validateTrigger={[]}
              disabled={!canEdit}
            >
              {decl.sections.map((s) => (
                <Card
                  key={s.key}
                  id={`section-${s.key}`}
                  title={lang === 'zh' ? s.title : s.titleEn}
                  style={{ marginBottom: 16, scrollMarginTop: 90 }}
                  data-testid={`section-${s.key}`}
                >
                  <SectionFields section={s} />
                </Card>
              ))}
            </Form>
          </FieldsProvider>
          {detail.versions.length > 0 && (
            <Card title={t('editor.versions')} data-testid="versions">
              <Table
                size="small"
                rowKey="versionNo"
                pagination={false}
                dataSource={[...detail.versions].sort((a, b) => b.versionNo - a.versionNo)}
                columns={[
                  {
                    title: t('editor.version'),
                    dataIndex: 'versionNo',
                    render: (n: number) => (
                      <Flex gap={6}>
                        {t('editor.versionN', { n })}
                        {n === app.currentVersionNo && app.state !== 'draft' && (
                          <Tag color="green">{t('editor.current')}</Tag>
                        )}
                      </Flex>
                    ),
                  },
                  {
                    title: t('editor.verificationCode'),
                    dataIndex: 'verificationCode',
                    render: (c: string) => (
                      <Typography.Text code copyable data-testid="verification-code">
                        {c}
                      </Typography.Text>
                    ),
                  },
                  {
                    title: t('editor.submittedAt'),
                    dataIndex: 'submittedAt',
                    render: (at: string) => formatDateTime(at),
                  },
                  { title: t('apps.words'), dataIndex: 'wordCount' },
                  {
                    title: t('editor.print'),
                    key: 'print',
                    render: (_: unknown, v: VersionSummary) => (
                      <Space>
                        <a href={pdfUrl(app.id, v.versionNo, 'pdf')}>PDF</a>
                        <a href={pdfUrl(app.id, v.versionNo, 'docx')}>Word</a>
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          )}
        </Col>
      </Row>

      <ConflictDialog
        open={conflictOpen}
        myText={conflictOpen ? plainTextOf(getData(), labelOf) : ''}
        currentVersion={conflict?.currentVersion}
        updatedAt={conflict?.updatedAt}
        onClose={() => setConflictOpen(false)}
        onReload={() => void reloadNewer()}
        onOverwrite={() => void overwrite()}
        busy={busy}
      />
    </div>
  );
}

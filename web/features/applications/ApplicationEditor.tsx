import { useMemo, useState } from 'react';
import { Alert, Anchor, App, Card, Col, Form, Row, Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { applicationDataSchema, totalWords, type FormDeclaration } from '../../../domain/form';
import { factsOf } from '../../../domain/facts';
import { formContextOf } from '../../../domain/forms';
import {
  DraftConflictDialog,
  LocalCopyAlert,
  ProblemsAlert,
} from '../../components/form/DraftParts';
import { accountBoundPaths, withAccountFacts } from '../../../domain/facts';
import { FieldsProvider, SectionFields } from '../../components/form/FormFields';
import { FormView } from '../../components/form/FormView';
import { SaveStatusText, StickyBar, WordCount } from '../../components/form/StickyBar';
import { api, ApiError } from '../../lib/api';
import {
  applicationKey,
  applicationsKey,
  EDITABLE_STATES,
  type Application,
  type ApplicationData,
  type ApplicationDetail,
  type Attachment,
  type VersionSummary,
} from '../../lib/applications';
import { useDraftEditor } from '../../lib/draft-editor';
import { useFormIssues } from '../../lib/form-issues';
import { sectionTitle } from '../../lib/form-paths';
import { useI18n } from '../../lib/i18n';
import type { Campaign, Me } from '../../lib/types';
import { ApplicationActions } from './ApplicationActions';
import { FormalCheckResult } from '../../components/FormalCheckResult';
import { PublicationResult } from '../../components/PublicationResult';
import { ApplicationHeader, ApplicationStateAlerts } from './ApplicationHeader';
import { DuplicateWarning, useAwardMatches } from './DuplicateWarning';
import { useFocusAreasFollowCategory } from './focus-areas';
import { HistoryCard } from './HistoryCard';
import { VersionsCard } from './VersionsCard';

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
  const navigate = useNavigate();
  const [form] = Form.useForm();

  const isOwner = me.user.role === 'enterprise' && me.user.enterpriseId === app.enterpriseId;
  const canEdit = isOwner && EDITABLE_STATES.has(app.state);

  const schemas = useMemo(() => {
    const ctx = formContextOf(campaign.settings);
    return {
      draft: applicationDataSchema(decl, ctx, 'draft'),
      submit: applicationDataSchema(decl, ctx, 'submit'),
    };
  }, [decl, campaign.settings]);
  const lockedPaths = useMemo(() => new Set(accountBoundPaths(decl)), [decl]);
  const issues = useFormIssues({ form, decl, schemas, wholeForm: t('editor.wholeForm') });
  const awards = useAwardMatches(app.id, canEdit);

  // Saving: every save names the version it edits (baseVersion).
  const draft = useDraftEditor({
    form,
    decl,
    storageKey: `zx.draft.${app.id}`,
    // the applicant's name and code are the account's own (the server keeps them so too)
    server: {
      data: me.enterprise && isOwner ? withAccountFacts(decl, app.data, me.enterprise) : app.data,
      version: app.draftVersion,
      updatedAt: app.updatedAt,
    },
    canEdit,
    saveDraft: async (baseVersion, data, { keepalive }) => {
      const saved = await api<Application>(`/applications/${app.id}/draft`, {
        method: 'PUT',
        body: { baseVersion, data },
        keepalive,
      });
      if (!keepalive) {
        qc.setQueryData<ApplicationDetail>(applicationKey(app.id), (old) =>
          old ? { ...old, application: saved } : old,
        );
        void qc.invalidateQueries({ queryKey: applicationsKey, exact: true });
      }
      return { version: saved.draftVersion, updatedAt: saved.updatedAt };
    },
    loadLatest: async () => {
      const latest = await api<ApplicationDetail>(`/applications/${app.id}`);
      const a = latest.application;
      return { data: a.data, version: a.draftVersion, updatedAt: a.updatedAt };
    },
    reload: props.reload,
    onSaved: awards.check,
    onInvalid: issues.applyIssues,
  });

  const [values, setValues] = useState<ApplicationData>(draft.initialData as ApplicationData);
  const [known, setKnown] = useState(
    () => new Map<string, Attachment>(detail.attachments.map((a) => [a.id, a])),
  );
  const [submitError, setSubmitError] = useState<unknown>(null);
  const followCategory = useFocusAreasFollowCategory(form, decl, campaign.settings);

  const onValuesChange = (changed: Record<string, Record<string, unknown> | undefined>) => {
    followCategory(changed);
    const data = draft.getData() as ApplicationData;
    setValues(data);
    issues.validate(data);
    draft.changed();
  };

  const submit = async () => {
    setSubmitError(null);
    if (draft.inConflict()) {
      draft.openConflict();
      return;
    }
    issues.startSubmit();
    const list = issues.validate(draft.getData());
    if (list.length) {
      issues.showProblems(list);
      return;
    }
    if (!(await draft.save())) return;
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
            body: { draftVersion: draft.baseVersion() },
          });
          draft.clearLocal();
          message.success(t('editor.submitted', { n: v.versionNo, code: v.verificationCode }));
          void qc.invalidateQueries({ queryKey: applicationsKey, exact: true });
          await props.reload();
        } catch (e) {
          if (e instanceof ApiError && e.code === 'APPLICATION_INCOMPLETE')
            issues.showProblems(issues.applyIssues(e.fieldIssues));
          else if (e instanceof ApiError && e.code === 'DRAFT_CONFLICT')
            draft.enterConflict(e.details);
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

  const remove = async () => {
    try {
      await api(`/applications/${app.id}`, { method: 'DELETE' });
      draft.clearLocal();
      message.success(t('editor.deleted'));
      await qc.invalidateQueries({ queryKey: applicationsKey, exact: true });
      navigate('/');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const latestVersion = detail.versions.reduce<VersionSummary | undefined>(
    (a, v) => (!a || v.versionNo > a.versionNo ? v : a),
    undefined,
  );

  return (
    <div data-testid="application-editor">
      {canEdit && <DuplicateWarning matches={awards.matches} />}
      <StickyBar
        left={
          <>
            <WordCount words={totalWords(decl, values)} limit={campaign.settings.wordLimit} />
            {canEdit && <SaveStatusText status={draft.status} />}
            {!canEdit && <Tag color="blue">{t(`appState.${app.state}`)}</Tag>}
          </>
        }
        right={
          <ApplicationActions
            app={app}
            canEdit={canEdit}
            isOwner={isOwner}
            saving={draft.status.kind === 'saving'}
            latestVersion={latestVersion}
            onSave={() => void draft.save()}
            onSubmit={() => void submit()}
            onWithdraw={() => void withdraw()}
            onDelete={() => void remove()}
          />
        }
      />

      <ApplicationHeader
        app={app}
        campaign={campaign}
        title={factsOf(decl, values).solutionName}
        channelName={props.channelName}
        canEdit={canEdit}
      />

      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <ApplicationStateAlerts app={app} campaign={campaign} isOwner={isOwner} canEdit={canEdit} />
        <PublicationResult
          applicationId={app.id}
          publication={detail.publication}
          canDownload={isOwner}
        />
        <FormalCheckResult outcome={detail.formalCheck} />
        <LocalCopyAlert draft={draft} />
        {submitError != null && (
          <Alert type="error" showIcon data-testid="submit-error" title={errorText(submitError)} />
        )}
        <ProblemsAlert
          problems={issues.problems}
          innerRef={issues.problemsRef}
          testId="submit-problems"
          title={(n) => t('editor.problems', { n })}
          onJump={(name) => form.scrollToField(name, { block: 'center', focus: true })}
        />
      </Space>

      <Row gutter={24}>
        <Col xs={0} lg={5}>
          <Anchor
            offsetTop={80}
            targetOffset={90}
            items={decl.sections.map((s) => ({
              key: s.key,
              href: `#section-${s.key}`,
              title: sectionTitle(s, lang),
            }))}
          />
        </Col>
        <Col xs={24} lg={19}>
          {!canEdit && (
            // read-only: the application as a document, as the reviewers see it
            <>
              <Form form={form} component={false} />
              <FormView
                decl={decl}
                data={values}
                settings={campaign.settings}
                attachments={known}
                testId="application-view"
                anchors
              />
            </>
          )}
          {canEdit && (
            <FieldsProvider
              value={{
                appId: app.id,
                settings: campaign.settings,
                attachments: known,
                onUploaded: (a) => setKnown((m) => new Map(m).set(a.id, a)),
                readOnly: false,
                wordLimit: campaign.settings.wordLimit,
                lockedPaths,
              }}
            >
              <Form
                form={form}
                name="application"
                layout="vertical"
                initialValues={draft.initialData}
                onValuesChange={onValuesChange}
                validateTrigger={[]}
              >
                {decl.sections.map((s) => (
                  <Card
                    key={s.key}
                    id={`section-${s.key}`}
                    title={sectionTitle(s, lang)}
                    style={{ marginBottom: 16, scrollMarginTop: 90 }}
                    data-testid={`section-${s.key}`}
                  >
                    <SectionFields section={s} />
                  </Card>
                ))}
              </Form>
            </FieldsProvider>
          )}
          <VersionsCard app={app} versions={detail.versions} />
          {isOwner && detail.versions.length > 0 && (
            <HistoryCard appId={app.id} channelName={props.channelName} />
          )}
        </Col>
      </Row>

      <DraftConflictDialog
        draft={draft}
        decl={decl}
        settings={campaign.settings}
        attachments={known}
      />
    </div>
  );
}

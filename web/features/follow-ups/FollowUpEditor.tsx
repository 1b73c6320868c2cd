import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { CampaignSettings } from '../../../domain/campaign';
import {
  applicationDataSchema,
  type FormContext,
  type FormDeclaration,
} from '../../../domain/form';
import { emptyDataOf } from '../../../domain/form-values';
import {
  DraftConflictDialog,
  LocalCopyAlert,
  ProblemsAlert,
} from '../../components/form/DraftParts';
import { FieldsProvider, SectionFields } from '../../components/form/FormFields';
import { SaveStatusText, StickyBar } from '../../components/form/StickyBar';
import { ApiError } from '../../lib/api';
import { useDraftEditor, withoutEmpty, type DraftData } from '../../lib/draft-editor';
import { useFormIssues } from '../../lib/form-issues';
import { sectionTitle } from '../../lib/form-paths';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  fetchFollowUp,
  issuesOfError,
  saveFollowUp,
  submitFollowUp,
  type FollowUpReport,
} from './api';

const NO_FILES = new Map();

/**
 * The enterprise's 附件4 form, drawn from the campaign's declaration: every change kept in this
 * browser and saved over the version it was edited from; submit; every problem in place.
 */
export function FollowUpEditor(props: {
  campaignId: string;
  awardId: string;
  decl: FormDeclaration;
  ctx: FormContext;
  settings: Pick<CampaignSettings, 'categories' | 'businessStages'>;
  report: FollowUpReport | null;
  deadline: string;
  onSaved: (r: FollowUpReport) => void;
  reload: () => Promise<unknown>;
  onSubmitted: (r: FollowUpReport) => void;
}) {
  const { campaignId, awardId, decl, ctx, report } = props;
  const { t, lang, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const deadlinePassed = new Date(props.deadline).getTime() < Date.now();

  const schemas = useMemo(
    () => ({
      draft: applicationDataSchema(decl, ctx, 'draft'),
      submit: applicationDataSchema(decl, ctx, 'submit'),
    }),
    [decl, ctx],
  );
  const issues = useFormIssues({ form, decl, schemas, wholeForm: t('followUp.wholeForm') });
  const draft = useDraftEditor({
    form,
    decl,
    storageKey: `zx.followUp.${campaignId}.${awardId}`,
    // a new report starts with one revenue row per year asked for and one version row
    server: report
      ? { data: report.data, version: report.draftVersion, updatedAt: report.updatedAt }
      : { data: emptyDataOf(decl, ctx), version: 0, updatedAt: null },
    canEdit: true,
    getData: () => withoutEmpty(form.getFieldsValue(true)) as DraftData,
    saveDraft: async (draftVersion, data, { keepalive }) => {
      const saved = await saveFollowUp(awardId, { campaignId, draftVersion, data }, keepalive);
      if (!keepalive) props.onSaved(saved);
      return { version: saved.draftVersion, updatedAt: saved.updatedAt };
    },
    loadLatest: async () => {
      const latest = (await fetchFollowUp(campaignId, awardId)).report;
      return {
        data: latest?.data ?? {},
        version: latest?.draftVersion ?? 0,
        updatedAt: latest?.updatedAt ?? null,
      };
    },
    reload: props.reload,
    onInvalid: (list) => issues.showProblems(issues.applyIssues(list)),
  });

  const onValuesChange = () => {
    issues.validate(draft.getData());
    draft.changed();
  };

  const submit = async () => {
    setError(null);
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
    modal.confirm({
      title: t('followUp.submitConfirmTitle'),
      content: t('followUp.submitConfirm'),
      okText: t('followUp.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setSubmitting(true);
        try {
          const r = await submitFollowUp(awardId, campaignId);
          draft.clearLocal();
          message.success(t('followUp.submitted'));
          props.onSubmitted(r);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'FOLLOW_UP_INCOMPLETE')
            issues.showProblems(issues.applyIssues(issuesOfError(e.details)));
          setError(e);
        } finally {
          setSubmitting(false);
        }
      },
    });
  };

  return (
    <div data-testid="follow-up-form">
      <StickyBar
        left={
          <span data-testid="follow-up-save-state">
            <SaveStatusText status={draft.status} />
          </span>
        }
        right={
          <>
            <Button
              icon={<SaveOutlined />}
              onClick={() => void draft.save()}
              loading={draft.status.kind === 'saving'}
            >
              {t('followUp.saveDraft')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => void submit()}
              loading={submitting}
            >
              {t('followUp.submit')}
            </Button>
          </>
        }
      />
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <LocalCopyAlert draft={draft} />
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
        <ProblemsAlert
          problems={issues.problems}
          innerRef={issues.problemsRef}
          testId="follow-up-problems"
          title={(n) => t('followUp.problems', { n })}
          onJump={(name) => form.scrollToField(name, { block: 'center', focus: true })}
        />
      </Space>
      <FieldsProvider
        value={{
          settings: props.settings,
          attachments: NO_FILES,
          onUploaded: () => {},
          readOnly: false,
          rowKeys: ctx.rowKeys,
        }}
      >
        <Form
          form={form}
          name="follow-up"
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
      <DraftConflictDialog
        draft={draft}
        decl={decl}
        title={t('followUp.conflictTitle')}
        settings={props.settings}
      />
    </div>
  );
}

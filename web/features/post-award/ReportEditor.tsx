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
import type { PostAwardKind } from '../../../domain/post-award';
import {
  DraftConflictDialog,
  LocalCopyAlert,
  ProblemsAlert,
} from '../../components/form/DraftParts';
import { FieldsProvider, SectionFields } from '../../components/form/FormFields';
import { SaveStatusText, StickyBar } from '../../components/form/StickyBar';
import { ApiError } from '../../lib/api';
import type { Attachment } from '../../lib/applications';
import { useDraftEditor, withoutEmpty, type DraftData } from '../../lib/draft-editor';
import { useFormIssues } from '../../lib/form-issues';
import { sectionTitle } from '../../lib/form-paths';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  evidenceUploadPath,
  evidenceUrl,
  fetchReport,
  issuesOfError,
  saveReport,
  submitReport,
  type PostAwardReportDetail,
  type ReportState,
} from './api';

const NO_CATEGORIES: Pick<CampaignSettings, 'categories' | 'businessStages'> = {
  categories: [],
  businessStages: [],
};

/**
 * The enterprise's 年度运行监测表 or 自查评估表, drawn from the form its round froze: every change
 * kept in this browser and saved over the version it was edited from; submit; every problem in
 * place. Evidence files go to the report.
 */
export function ReportEditor(props: {
  detail: PostAwardReportDetail;
  onSaved: (r: ReportState) => void;
  reload: () => Promise<unknown>;
  onSubmitted: (r: ReportState) => void;
}) {
  const { report } = props.detail;
  const decl = props.detail.form as unknown as FormDeclaration;
  const kind: PostAwardKind = report.kind;
  const { t, lang, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [files, setFiles] = useState(
    () => new Map(props.detail.files.map((f) => [f.id, f as unknown as Attachment])),
  );
  const deadlinePassed = new Date(report.deadline).getTime() < Date.now();
  const ctx: FormContext = useMemo(
    () => ({
      wordLimit: Number.MAX_SAFE_INTEGER,
      categories: [],
      businessStages: [],
      rowKeys: props.detail.rowKeys,
    }),
    [props.detail.rowKeys],
  );
  const schemas = useMemo(
    () => ({
      draft: applicationDataSchema(decl, ctx, 'draft'),
      submit: applicationDataSchema(decl, ctx, 'submit'),
    }),
    [decl, ctx],
  );
  const issues = useFormIssues({ form, decl, schemas, wholeForm: t('postAward.wholeForm') });
  const started = Object.keys(report.data).length > 0;
  const draft = useDraftEditor({
    form,
    decl,
    storageKey: `zx.postAward.${report.id}`,
    server: {
      data: started ? report.data : emptyDataOf(decl, ctx),
      version: report.version,
      updatedAt: started ? report.updatedAt : null,
    },
    canEdit: true,
    getData: () => withoutEmpty(form.getFieldsValue(true)) as DraftData,
    saveDraft: async (version, data, { keepalive }) => {
      const saved = await saveReport(kind, report.id, { version, data }, keepalive);
      if (!keepalive) props.onSaved(saved);
      return { version: saved.version, updatedAt: saved.updatedAt };
    },
    loadLatest: async () => {
      const latest = (await fetchReport(report.id)).report;
      return { data: latest.data, version: latest.version, updatedAt: latest.updatedAt };
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
      title: t('postAward.submitConfirmTitle'),
      content: t('postAward.submitConfirm'),
      okText: t('postAward.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setSubmitting(true);
        try {
          const r = await submitReport(kind, report.id);
          draft.clearLocal();
          message.success(t('postAward.submitted'));
          props.onSubmitted(r);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'POST_AWARD_INCOMPLETE')
            issues.showProblems(issues.applyIssues(issuesOfError(e.details)));
          setError(e);
        } finally {
          setSubmitting(false);
        }
      },
    });
  };

  return (
    <div data-testid="post-award-form">
      <StickyBar
        left={<SaveStatusText status={draft.status} />}
        right={
          <>
            <Button
              icon={<SaveOutlined />}
              onClick={() => void draft.save()}
              loading={draft.status.kind === 'saving'}
            >
              {t('postAward.saveDraft')}
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => void submit()}
              loading={submitting}
              data-testid="post-award-submit"
            >
              {t('postAward.submit')}
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
            title={t('postAward.deadlinePassed', { at: formatDateTime(report.deadline) })}
          />
        )}
        {error != null && <Alert type="error" showIcon title={errorText(error)} />}
        <ProblemsAlert
          problems={issues.problems}
          innerRef={issues.problemsRef}
          testId="post-award-problems"
          title={(n) => t('postAward.problems', { n })}
          onJump={(name) => form.scrollToField(name, { block: 'center', focus: true })}
        />
      </Space>
      <FieldsProvider
        value={{
          settings: NO_CATEGORIES,
          attachments: files,
          onUploaded: (a) => setFiles((m) => new Map(m).set(a.id, a)),
          readOnly: false,
          rowKeys: ctx.rowKeys,
          files: {
            uploadPath: evidenceUploadPath(report.id),
            url: (id) => evidenceUrl(report.id, id),
          },
        }}
      >
        <Form
          form={form}
          name="post-award"
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
        title={t('postAward.conflictTitle')}
        settings={NO_CATEGORIES}
      />
    </div>
  );
}

import { useMemo, useState } from 'react';
import { Alert, App, Button, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { FOLLOW_UP_REPORT_STATE_LABELS } from '../../../domain/follow-up-report';
import { followUpContextOf } from '../../../domain/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import {
  FOLLOW_UP_STATE_COLORS,
  followUpListKey,
  followUpPath,
  type AwardView,
} from '../../lib/follow-ups';
import { formatDateTime, formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaign, useMe } from '../../lib/queries';
import {
  followUpKey,
  useFollowUp,
  useFollowUpForm,
  type FollowUpDetail,
  type FollowUpReport,
} from './api';
import { FollowUpEditor } from './FollowUpEditor';
import { ReportView } from './ReportView';
import { ReturnModal } from './ReturnModal';

export function AwardFacts(props: { award: AwardView; report: FollowUpReport | null }) {
  const { t, lang } = useI18n();
  const { award, report } = props;
  const state = report?.state ?? 'not_started';
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('followUp.awardYear')}>{award.year}</Descriptions.Item>
      <Descriptions.Item label={t('followUp.category')}>{award.category}</Descriptions.Item>
      <Descriptions.Item label={t('followUp.enterprise')}>{award.enterpriseName}</Descriptions.Item>
      <Descriptions.Item label={t('followUp.uscc')}>{award.uscc}</Descriptions.Item>
      <Descriptions.Item label={t('followUp.recommender')}>
        {award.recommenderName}
      </Descriptions.Item>
      <Descriptions.Item label={t('followUp.state')}>
        <Space size={4} wrap>
          <Tag color={FOLLOW_UP_STATE_COLORS[state]} data-testid="follow-up-state">
            {FOLLOW_UP_REPORT_STATE_LABELS[state][lang]}
          </Tag>
          {report?.submittedAt && (
            <Typography.Text type="secondary">
              {t('followUp.submittedAtValue', { time: formatDateTime(report.submittedAt) })}
            </Typography.Text>
          )}
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** /follow-ups/:campaignId/:awardId — the enterprise fills in 附件4; the others read it. */
export function FollowUpPage() {
  const { campaignId, awardId } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const campaign = useCampaign(campaignId ?? '');
  const detail = useFollowUp(campaignId, awardId);
  const declaration = useFollowUpForm(campaign.data?.id);
  const settings = campaign.data?.settings;
  const awardYear = detail.data?.award.year;
  const campaignYear = campaign.data?.year;
  const ctx = useMemo(
    () =>
      settings && awardYear !== undefined && campaignYear !== undefined
        ? followUpContextOf(settings, { awardYear, campaignYear })
        : null,
    [settings, awardYear, campaignYear],
  );
  // the form starts over only when the page reloads the report on purpose
  const [generation, setGeneration] = useState(0);
  const [returning, setReturning] = useState(false);

  if (me.isPending || campaign.isPending || detail.isPending || declaration.isPending)
    return <Loading />;
  const failed = me.error ?? campaign.error ?? detail.error ?? declaration.error;
  if (failed || !me.data || !campaign.data || !detail.data || !declaration.data || !ctx)
    return (
      <ErrorAlert
        error={failed}
        onRetry={() => {
          void campaign.refetch();
          void detail.refetch();
          void declaration.refetch();
        }}
      />
    );
  const decl = declaration.data.form;
  const c = campaign.data;
  const { award, report, deadline } = detail.data;
  const role = me.data.user.role;
  const editable =
    role === 'enterprise' && (!report || report.state === 'draft' || report.state === 'returned');
  const key = followUpKey(c.id, award.id);
  const setReport = (r: FollowUpReport) => {
    qc.setQueryData<FollowUpDetail>(key, (old) => (old ? { ...old, report: r } : old));
    void qc.invalidateQueries({ queryKey: followUpListKey(c.id), exact: true });
  };
  const reload = async () => {
    await detail.refetch();
    setGeneration((g) => g + 1);
  };

  return (
    <div data-testid="follow-up-page">
      <Link to={followUpPath(c.id)}>
        <ArrowLeftOutlined /> {t('followUp.backToList')}
      </Link>
      <Typography.Title level={3} style={{ marginTop: 12, marginBottom: 4 }}>
        {t('followUp.formTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {c.title} · {t('followUp.deadline', { at: formatDeadline(deadline, lang) })}
      </Typography.Paragraph>
      <Flex justify="space-between" align="start" wrap gap={12}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="follow-up-solution">
          {award.solutionName}
        </Typography.Title>
        {role === 'recommender' && report?.state === 'submitted' && (
          <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
            {t('followUp.return')}
          </Button>
        )}
      </Flex>
      <AwardFacts award={award} report={report} />
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        {editable && <Alert type="info" showIcon title={t('followUp.intro')} />}
        {report?.state === 'returned' && (
          <Alert
            type="warning"
            showIcon
            data-testid="return-comment-shown"
            title={t('followUp.returned')}
            description={
              <span style={{ whiteSpace: 'pre-wrap' }}>{report.returnComment ?? ''}</span>
            }
          />
        )}
        {report?.state === 'submitted' && (
          <Alert
            type="success"
            showIcon
            title={
              role === 'enterprise' ? t('followUp.readOnlySubmitted') : t('followUp.readOnlyOther')
            }
          />
        )}
      </Space>
      {editable ? (
        <FollowUpEditor
          key={generation}
          campaignId={c.id}
          awardId={award.id}
          decl={decl}
          ctx={ctx}
          settings={c.settings}
          report={report}
          deadline={deadline}
          onSaved={setReport}
          reload={reload}
          onSubmitted={(r) => {
            setReport(r);
            setGeneration((g) => g + 1);
          }}
        />
      ) : report ? (
        <ReportView campaignId={c.id} data={report.data} />
      ) : (
        <Alert type="info" showIcon title={t('followUp.notStarted')} />
      )}
      {report?.state === 'submitted' && (
        <ReturnModal
          open={returning}
          campaignId={c.id}
          awardId={award.id}
          title={award.solutionName}
          onClose={() => setReturning(false)}
          onReturned={(r) => {
            setReturning(false);
            setReport(r);
            message.success(t('followUp.returnedDone'));
          }}
        />
      )}
    </div>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Descriptions, Flex, Input, Modal, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { FormDeclaration } from '../../../domain/form';
import { POST_AWARD_KIND_LABELS, POST_AWARD_REPORT_STATE_LABELS } from '../../../domain/post-award';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormView } from '../../components/form/FormView';
import { Loading } from '../../components/Loading';
import type { Attachment } from '../../lib/applications';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/queries';
import {
  forwardReport,
  reportKey,
  returnReport,
  useReport,
  type PostAwardReportDetail,
  type ReportState,
} from './api';
import { STATE_COLORS } from './labels';
import { ReportEditor } from './ReportEditor';

/** /post-award/reports/:reportId — the enterprise fills its report in; its unit reviews it. */
export function ReportPage() {
  const { reportId } = useParams();
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const detail = useReport(reportId);
  const me = useMe();
  const [generation, setGeneration] = useState(0);
  const [review, setReview] = useState<'return' | 'forward' | null>(null);
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: (what: 'return' | 'forward') =>
      what === 'return'
        ? returnReport(reportId!, comment.trim())
        : forwardReport(reportId!, comment.trim()),
    onSuccess: (_r, what) => {
      message.success(t(what === 'return' ? 'postAward.returnedDone' : 'postAward.forwardedDone'));
      setReview(null);
      setComment('');
      void qc.invalidateQueries({ queryKey: ['post-award-reports'] });
      void qc.invalidateQueries({ queryKey: ['post-award-rounds'] });
    },
  });
  if (detail.isPending) return <Loading />;
  if (detail.error || !detail.data)
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const r = d.report;
  const setState = (s: ReportState) => {
    qc.setQueryData<PostAwardReportDetail>(reportKey(r.id), (old) =>
      old ? { ...old, report: { ...old.report, ...s } } : old,
    );
    void qc.invalidateQueries({ queryKey: ['post-award-reports'], exact: true });
  };
  const files = new Map(d.files.map((f) => [f.id, f as unknown as Attachment]));
  const role = me.data?.user.role;
  const back =
    role === 'organizer'
      ? `/admin/post-award/${r.roundId}`
      : role === 'recommender'
        ? `/recommender/post-award/${r.roundId}`
        : '/post-award';
  return (
    <div data-testid="post-award-report-page">
      <Link to={back}>
        <ArrowLeftOutlined /> {t('postAward.back')}
      </Link>
      <Typography.Title level={3} style={{ marginTop: 12, marginBottom: 4 }}>
        {r.roundTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {POST_AWARD_KIND_LABELS[r.kind][lang]} · {t('postAward.deadline')}{' '}
        {formatDateTime(r.deadline)}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('postAward.col.publicId')}>{r.publicId}</Descriptions.Item>
        <Descriptions.Item label={t('postAward.col.solution')}>{r.solutionName}</Descriptions.Item>
        <Descriptions.Item label={t('postAward.col.enterprise')}>
          {r.enterpriseName}
        </Descriptions.Item>
        <Descriptions.Item label={t('postAward.col.unit')}>{r.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('postAward.col.state')}>
          <Tag color={STATE_COLORS[r.state]} data-testid="post-award-state">
            {POST_AWARD_REPORT_STATE_LABELS[r.state][lang]}
          </Tag>
          {r.submittedAt && (
            <Typography.Text type="secondary">
              {t('postAward.submittedAt', { time: formatDateTime(r.submittedAt) })}
            </Typography.Text>
          )}
        </Descriptions.Item>
        {r.reviewComment && (
          <Descriptions.Item label={t('postAward.reviewComment')}>
            {r.reviewComment}
          </Descriptions.Item>
        )}
      </Descriptions>
      {r.state === 'returned' && r.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('postAward.returnedBecause', { comment: r.returnComment })}
        />
      )}
      {d.canReview && (
        <Space style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => setReview('forward')}
            data-testid="post-award-forward"
          >
            {t('postAward.forward')}
          </Button>
          <Button danger icon={<RollbackOutlined />} onClick={() => setReview('return')}>
            {t('postAward.return')}
          </Button>
        </Space>
      )}
      {d.canEdit ? (
        <ReportEditor
          key={generation}
          detail={d}
          onSaved={setState}
          onSubmitted={setState}
          reload={async () => {
            await detail.refetch();
            setGeneration((g) => g + 1);
          }}
        />
      ) : (
        <Flex vertical gap={12}>
          <FormView
            decl={d.form as unknown as FormDeclaration}
            data={r.data}
            attachments={files}
            testId="post-award-view"
          />
        </Flex>
      )}
      <Modal
        open={review !== null}
        title={t(review === 'return' ? 'postAward.returnTitle' : 'postAward.forwardTitle')}
        okText={t(review === 'return' ? 'postAward.return' : 'postAward.forward')}
        okButtonProps={{
          danger: review === 'return',
          loading: act.isPending,
          disabled: review === 'return' && comment.trim().length < 2,
        }}
        cancelText={t('common.cancel')}
        onCancel={() => setReview(null)}
        onOk={() => review && act.mutate(review)}
        destroyOnHidden
      >
        {act.error != null && (
          <Alert type="error" showIcon title={errorText(act.error)} style={{ marginBottom: 12 }} />
        )}
        <Typography.Paragraph type="secondary">
          {t(review === 'return' ? 'postAward.returnHint' : 'postAward.forwardHint')}
        </Typography.Paragraph>
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          data-testid="post-award-comment"
        />
      </Modal>
    </div>
  );
}

// /expert/reviews/:assignmentId — the frozen application on the left (as the recommender's desk shows
// it; in an anonymous round without the applicant's identity), the rubric form on the right.
import { useState } from 'react';
import { Alert, Card, Col, Descriptions, Flex, Result, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { FormDeclaration } from '../../../domain/form';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ReadOnlyApplication } from '../../components/ReadOnlyApplication';
import { ApiError } from '../../lib/api';
import { formatSize } from '../../lib/applications';
import { formatDateTime, formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { myReviewsKey } from '../../lib/reviews';
import {
  myReviewKey,
  reviewAttachmentUrl,
  saveReview,
  submitReview,
  useMyReview,
  type MyReview,
  type MyReviewDetail,
} from './api';
import { RubricForm } from './RubricForm';
import { ReviewStateTag } from './ReviewStateTag';

export function ScoringPage() {
  const { assignmentId = '' } = useParams();
  const { t, lang, errorText } = useI18n();
  const qc = useQueryClient();
  const q = useMyReview(assignmentId);
  // the form starts over only when the expert reloads (after a conflict)
  const [generation, setGeneration] = useState(0);
  const back = (
    <Link to="/expert">
      <ArrowLeftOutlined /> {t('expert.review.back')}
    </Link>
  );
  if (q.error instanceof ApiError && [400, 404].includes(q.error.status))
    return <Result status="404" title={errorText(q.error)} extra={back} />;
  if (q.error instanceof ApiError && q.error.code === 'ASSIGNMENT_INACTIVE')
    return <Result status="warning" title={errorText(q.error)} extra={back} />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const d = q.data;
  const a = d.assignment;
  /** The list is stale; this page's cached review is the one just saved. */
  const saved = (review: MyReview) => {
    qc.setQueryData<MyReviewDetail>(myReviewKey(assignmentId), (old) => old && { ...old, review });
    void qc.invalidateQueries({ queryKey: myReviewsKey, exact: true });
    return review;
  };

  return (
    <Flex vertical gap={16}>
      {back}
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="scoring-title">
            {a.solutionName}
          </Typography.Title>
        }
        extra={<ReviewStateTag state={d.review.state} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'r', label: t('expert.col.panel'), children: `${a.roundName} · ${a.panelName}` },
            { key: 'c', label: t('expert.col.category'), children: a.categoryName ?? '—' },
            {
              key: 'e',
              label: t('expert.col.applicant'),
              children: a.anonymous ? <Tag>{t('expert.anonymous')}</Tag> : (a.applicantName ?? '—'),
            },
            {
              key: 'v',
              label: t('desk.col.version'),
              children: t('expert.review.version', {
                n: d.application.versionNo,
                at: formatDateTime(d.application.submittedAt),
              }),
            },
            {
              key: 'd',
              label: t('expert.col.deadline'),
              children: (
                <Typography.Text type={a.closed ? 'danger' : undefined}>
                  {formatDeadline(a.deadline, lang)}
                  {a.closed ? ` · ${t('expert.closed')}` : ''}
                </Typography.Text>
              ),
            },
          ]}
        />
        {a.anonymous && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('expert.review.anonymousNote')}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('expert.review.files')}>
              {d.application.attachments.length === 0 ? (
                <Typography.Text type="secondary">{t('expert.review.noFiles')}</Typography.Text>
              ) : (
                <Space direction="vertical">
                  {d.application.attachments.map((f) => (
                    <a
                      key={f.id}
                      href={reviewAttachmentUrl(assignmentId, f.id)}
                      download={f.filename}
                    >
                      <PaperClipOutlined /> {f.filename}
                      <Tag style={{ marginInlineStart: 6 }}>{formatSize(f.size)}</Tag>
                    </a>
                  ))}
                </Space>
              )}
            </Card>
            <ReadOnlyApplication
              appId={a.applicationId}
              form={d.application.form as unknown as FormDeclaration}
              data={d.application.data}
              attachments={d.application.attachments}
              settings={{ categories: d.categories }}
              attachmentHref={(id) => reviewAttachmentUrl(assignmentId, id)}
            />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          {/* the scores stay in sight while the application scrolls */}
          <div
            style={{
              position: 'sticky',
              top: 16,
              maxHeight: 'calc(100vh - 32px)',
              overflowY: 'auto',
            }}
          >
            <RubricForm
              key={generation}
              detail={d}
              save={(base, content) => saveReview(assignmentId, base, content).then(saved)}
              submit={(base) => submitReview(assignmentId, base).then(saved)}
              onReload={() => void q.refetch().then(() => setGeneration((g) => g + 1))}
            />
          </div>
        </Col>
      </Row>
    </Flex>
  );
}

import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { factsOf } from '../../../domain/facts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import {
  attachmentUrl,
  formatSize,
  pdfUrl,
  useApplication,
  useApplicationForm,
} from '../../lib/applications';
import { embeddedComment, formatDateTime } from '../../lib/format';
import { isMessageKey, useI18n } from '../../lib/i18n';
import { useHistory, useVersion, type HistoryItem, type ReviewedApplication } from './api';
import { Decisions } from './Decisions';
import { DeskFrame, type Desk } from './DeskFrame';
import { DuplicatePanel } from './DuplicatePanel';
import { ReadOnlyApplication } from '../../components/ReadOnlyApplication';
import { DeskStateTag } from './StateTag';
import { VerificationCard } from '../../components/verification/VerificationCard';
import { FormalCheckResult } from '../../components/FormalCheckResult';
import { PublicationResult } from '../../components/PublicationResult';

function StateName({ state }: { state: string | null }) {
  const { t } = useI18n();
  if (!state) return null;
  const key = `desk.state.${state}`;
  const fallback = `appState.${state}`;
  return <>{isMessageKey(key) ? t(key) : isMessageKey(fallback) ? t(fallback) : state}</>;
}

function History({ appId }: { appId: string }) {
  const { t } = useI18n();
  const history = useHistory(appId);
  if (history.error)
    return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Loading />;
  if (!history.data.length) return <Empty description={t('desk.history.empty')} />;
  const label = (h: HistoryItem) => {
    const key = `desk.action.${h.action}`;
    return isMessageKey(key) ? t(key) : h.actionLabel;
  };
  return (
    <Timeline
      data-testid="history"
      items={history.data.map((h, i) => ({
        key: i,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>{label(h)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(h.at)} · {h.actorName}
              {h.actorOrg ? `（${h.actorOrg}）` : ''}
            </Typography.Text>
            {h.fromState && h.toState && h.fromState !== h.toState && (
              <Typography.Text style={{ fontSize: 12 }}>
                <StateName state={h.fromState} /> → <StateName state={h.toState} />
              </Typography.Text>
            )}
            {h.note && (
              <Typography.Text style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
                {h.note}
              </Typography.Text>
            )}
          </Flex>
        ),
      }))}
    />
  );
}

function Review({ desk, appId }: { desk: Desk; appId: string }) {
  const { t } = useI18n();
  const detail = useApplication(appId);
  const app = detail.data?.application as ReviewedApplication | undefined;
  const version = useVersion(appId, app?.currentVersionNo);
  const form = useApplicationForm(app?.campaignId);

  if (detail.error instanceof ApiError && [400, 403, 404].includes(detail.error.status))
    return <Result status="404" title={t('editor.notFound')} />;
  const error = detail.error ?? version.error ?? form.error;
  if (error) return <ErrorAlert error={error} onRetry={() => void detail.refetch()} />;
  if (!app || !form.data) return <Loading />;
  if (!app.currentVersionNo) return <Result status="404" title={t('editor.notFound')} />;
  if (!version.data) return <Loading />;
  const v = version.data;
  const facts = factsOf(form.data.form, v.data);
  const categoryName =
    desk.campaign.settings.categories.find((c) => c.code === facts.category)?.name ??
    facts.category ??
    '—';

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={17}>
        <Flex vertical gap={16}>
          <Card
            title={
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-title">
                {app.solutionName || t('apps.untitled')}
              </Typography.Title>
            }
            extra={<DeskStateTag state={app.state} />}
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'e', label: t('desk.col.enterprise'), children: facts.applicantName || '—' },
                { key: 'u', label: t('field.uscc'), children: facts.uscc || '—' },
                { key: 'c', label: t('desk.col.category'), children: categoryName },
                {
                  key: 'v',
                  label: t('desk.col.version'),
                  children: `${t('apps.version', { n: v.versionNo })} · ${t('editor.verificationCode')} ${v.verificationCode}`,
                },
                {
                  key: 's',
                  label: t('desk.col.submittedAt'),
                  children: formatDateTime(v.submittedAt),
                },
                { key: 'w', label: t('apps.words'), children: v.wordCount },
                ...(app.recommendRank !== null
                  ? [{ key: 'r', label: t('desk.col.rank'), children: app.recommendRank }]
                  : []),
              ]}
            />
            {app.state === 'returned' && app.returnComment && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                title={t('desk.review.returnComment', {
                  comment: embeddedComment(app.returnComment),
                })}
              />
            )}
            {app.state === 'rejected_by_recommender' && app.rejectReason && (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 12 }}
                title={t('desk.review.rejectReason', {
                  reason: embeddedComment(app.rejectReason),
                })}
              />
            )}
          </Card>
          <PublicationResult
            applicationId={appId}
            publication={detail.data?.publication}
            canDownload={false}
            canViewShowcase
          />
          <FormalCheckResult outcome={detail.data?.formalCheck} />
          <DuplicatePanel appId={appId} />
          <ReadOnlyApplication
            appId={appId}
            form={form.data.form}
            data={v.data}
            attachments={v.attachments}
            settings={desk.campaign.settings}
          />
        </Flex>
      </Col>
      <Col xs={24} xl={7}>
        {/* the decision stays in sight while the form scrolls (below the sticky quota bar) */}
        <Flex vertical gap={16} style={{ position: 'sticky', top: 80 }}>
          <Card size="small" title={t('desk.review.decide')}>
            <Decisions desk={desk} app={app} />
          </Card>
          <VerificationCard enterpriseId={app.enterpriseId} />
          <Card size="small" title={t('desk.review.files')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Button
                  icon={<DownloadOutlined />}
                  size="small"
                  href={pdfUrl(appId, v.versionNo, 'pdf')}
                  data-testid="download-pdf"
                >
                  {t('editor.downloadPdf')}
                </Button>
                <Button
                  icon={<DownloadOutlined />}
                  size="small"
                  href={pdfUrl(appId, v.versionNo, 'docx')}
                >
                  {t('editor.downloadWord')}
                </Button>
              </Space>
              {v.attachments.length === 0 ? (
                <Typography.Text type="secondary">{t('desk.review.noFiles')}</Typography.Text>
              ) : (
                v.attachments.map((a) => (
                  <a key={a.id} href={attachmentUrl(appId, a.id)} download={a.filename}>
                    <PaperClipOutlined /> {a.filename}
                    <Tag style={{ marginInlineStart: 6 }}>{formatSize(a.size)}</Tag>
                  </a>
                ))
              )}
            </Space>
          </Card>
          <Card size="small" title={t('desk.review.history')}>
            <History appId={appId} />
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}

/** /desk/:campaignId/applications/:id — the frozen version, files, history and the decision. */
export function ReviewPage() {
  const { campaignId = '', id = '' } = useParams();
  return (
    <DeskFrame campaignId={campaignId} view="review">
      {(desk) => <Review desk={desk} appId={id} />}
    </DeskFrame>
  );
}

// /admin/review-results/:roundId — 评审结果: each panel's ranking (mean, trimmed mean, median,
// spread, normalised score, flags), the experts' leniency with their reviews (重新开放 with a
// reason), the workbook and each expert's 评分表 PDF.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  resultsXlsxUrl,
  scoreSheetUrl,
  useReopenReview,
  useReviewResults,
  type ResultExpert,
  type ResultPanel,
  type ResultRow,
} from './api';

const FLAG_COLORS: Record<string, string> = {
  high_disagreement: 'orange',
  missing_reviews: 'gold',
  outlier_expert: 'purple',
};
const num = (v: number | null) => (v === null ? '—' : String(v));

type Reopening = { assignmentId: string; expert: string; name: string };

function ReopenModal(props: { roundId: string; target: Reopening | null; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useReopenReview(props.roundId);
  return (
    <Modal
      open={!!props.target}
      title={
        props.target &&
        t('reviewResults.reopenTitle', { expert: props.target.expert, name: props.target.name })
      }
      okText={t('reviewResults.reopen')}
      cancelText={t('common.cancel')}
      confirmLoading={reopen.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reopen-ok' } as ButtonProps}
      onCancel={props.onClose}
      onOk={async () => {
        // the field shows what is wrong; the modal stays open
        const values = await form.validateFields().catch(() => null);
        if (!values) return;
        try {
          await reopen.mutateAsync({
            assignmentId: props.target!.assignmentId,
            reason: values.reason.trim(),
          });
          void message.success(t('reviewResults.reopened'));
          form.resetFields();
          props.onClose();
        } catch (e) {
          void message.error(errorText(e));
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('reviewResults.reopenReason')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                [...(v ?? '').trim()].length >= 4
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('reviewResults.reopenReasonShort'))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="reopen-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RankingTable({ panel }: { panel: ResultPanel }) {
  const { t } = useI18n();
  return (
    <Table<ResultRow>
      rowKey="applicationId"
      size="small"
      dataSource={panel.rows}
      pagination={panel.rows.length > 50 ? { defaultPageSize: 50 } : false}
      scroll={{ x: 1300 }}
      data-testid="ranking-table"
      columns={[
        {
          title: t('reviewResults.col.rank'),
          dataIndex: 'rank',
          width: 56,
          fixed: 'left',
          render: num,
        },
        {
          title: t('reviewResults.col.solution'),
          dataIndex: 'solutionName',
          width: 220,
          fixed: 'left',
        },
        { title: t('reviewResults.col.applicant'), dataIndex: 'applicantName', width: 180 },
        { title: t('reviewResults.col.unit'), dataIndex: 'unitName', width: 90 },
        {
          title: t('reviewResults.col.reviews'),
          key: 'n',
          width: 80,
          render: (_, r) => (
            <Typography.Text type={r.submitted < r.needed ? 'warning' : undefined}>
              {r.submitted}/{r.needed}
            </Typography.Text>
          ),
        },
        { title: t('reviewResults.col.mean'), dataIndex: 'mean', width: 70, render: num },
        {
          title: t('reviewResults.col.trimmed'),
          dataIndex: 'trimmedMean',
          width: 100,
          render: (v: number | null, r) =>
            r.trimmed || v === null ? (
              num(v)
            ) : (
              <Tooltip title={t('reviewResults.trimmedIsMean')}>
                <span>{v}*</span>
              </Tooltip>
            ),
        },
        { title: t('reviewResults.col.median'), dataIndex: 'median', width: 70, render: num },
        { title: t('reviewResults.col.sd'), dataIndex: 'sd', width: 70, render: num },
        { title: t('reviewResults.col.range'), dataIndex: 'range', width: 60, render: num },
        {
          title: t('reviewResults.col.normalised'),
          dataIndex: 'normalisedMean',
          width: 90,
          render: (v: number | null) => <Typography.Text strong>{num(v)}</Typography.Text>,
        },
        {
          title: t('reviewResults.col.flags'),
          key: 'flags',
          width: 220,
          render: (_, r) => (
            <Flex gap={4} wrap>
              {r.flags.map((f) => (
                <Tooltip key={f.code} title={f.detail}>
                  <Tag color={FLAG_COLORS[f.code]} data-testid={`flag-${f.code}`}>
                    {f.label}
                  </Tag>
                </Tooltip>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

function ExpertTable(props: {
  roundId: string;
  panel: ResultPanel;
  onReopen: (r: Reopening) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<ResultExpert>
      rowKey="expertId"
      size="small"
      dataSource={props.panel.experts}
      pagination={false}
      scroll={{ x: 1000 }}
      data-testid="expert-table"
      expandable={{
        expandedRowRender: (e) => (
          <Table
            rowKey="assignmentId"
            size="small"
            pagination={false}
            dataSource={e.reviews}
            columns={[
              { title: t('reviewResults.col.solution'), dataIndex: 'solutionName' },
              {
                title: t('expert.col.state'),
                dataIndex: 'state',
                width: 100,
                render: (s: string) => t(`expert.state.${s as 'draft'}`),
              },
              { title: t('expert.col.total'), dataIndex: 'total', width: 80, render: num },
              {
                title: t('expert.col.savedAt'),
                dataIndex: 'submittedAt',
                width: 170,
                render: (v: string | null) => formatDateTime(v),
              },
              {
                title: t('common.actions'),
                key: 'reopen',
                width: 110,
                render: (_, r) =>
                  r.state === 'submitted' && (
                    <Button
                      size="small"
                      data-testid={`reopen-${r.assignmentId}`}
                      onClick={() =>
                        props.onReopen({
                          assignmentId: r.assignmentId,
                          expert: e.name,
                          name: r.solutionName,
                        })
                      }
                    >
                      {t('reviewResults.reopen')}
                    </Button>
                  ),
              },
            ]}
          />
        ),
      }}
      columns={[
        { title: t('reviewResults.col.expert'), dataIndex: 'name', width: 120 },
        { title: t('reviewResults.col.employer'), dataIndex: 'employerName', width: 220 },
        {
          title: t('reviewResults.col.assigned'),
          key: 'n',
          width: 90,
          render: (_, e) => `${e.n}/${e.assigned}`,
        },
        { title: t('reviewResults.col.mean'), dataIndex: 'mean', width: 80, render: num },
        { title: t('reviewResults.col.sd'), dataIndex: 'sd', width: 80, render: num },
        {
          title: t('reviewResults.col.leniency'),
          dataIndex: 'leniency',
          width: 90,
          render: (v: number | null) => (
            <Typography.Text type={v !== null && v < 0 ? 'danger' : undefined}>
              {v === null ? '—' : v > 0 ? `+${v}` : String(v)}
            </Typography.Text>
          ),
        },
        {
          title: t('reviewResults.col.correlation'),
          dataIndex: 'correlation',
          width: 90,
          render: num,
        },
        {
          title: t('reviewResults.col.flags'),
          key: 'reasons',
          width: 200,
          render: (_, e) =>
            e.reasons.map((r) => (
              <Tag key={r.code} color="purple">
                {r.label}
              </Tag>
            )),
        },
        {
          title: t('common.actions'),
          key: 'sheet',
          width: 130,
          render: (_, e) => (
            <Button
              size="small"
              icon={<FilePdfOutlined />}
              href={scoreSheetUrl(props.roundId, e.expertId)}
              aria-label={`${t('reviewResults.scoreSheet')}：${e.name}`}
            >
              {t('reviewResults.scoreSheet')}
            </Button>
          ),
        },
      ]}
    />
  );
}

export function ReviewResultsPage() {
  const { roundId = '' } = useParams();
  return <ReviewResults roundId={roundId} />;
}

export function ReviewResults({ roundId }: { roundId: string }) {
  const { t, lang, errorText } = useI18n();
  const results = useReviewResults(roundId);
  const [reopening, setReopening] = useState<Reopening | null>(null);
  if (results.error instanceof ApiError && [400, 404].includes(results.error.status))
    return <Result status="404" title={errorText(results.error)} />;
  if (results.error)
    return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) return <Loading />;
  const { round, panels } = results.data;
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="results-title">
            {round.name} · {t('reviewResults.nav')}
          </Typography.Title>
        }
        extra={
          <Button
            icon={<FileExcelOutlined />}
            href={resultsXlsxUrl(roundId)}
            data-testid="results-export"
          >
            {t('reviewResults.export')}
          </Button>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'c', label: t('progress.campaign'), children: round.campaignTitle },
            {
              key: 'd',
              label: t('expert.col.deadline'),
              children: formatDeadline(round.deadline, lang),
            },
            {
              key: 'n',
              label: t('reviewResults.requirement'),
              children: (
                <>
                  {t('reviewResults.reviewsPer', { n: round.reviewsPerApplication })}
                  {round.anonymous && (
                    <Tag style={{ marginInlineStart: 8 }}>{t('expert.anonymous')}</Tag>
                  )}
                </>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('reviewResults.note')}
        </Typography.Paragraph>
      </Card>
      {panels.map((p) => (
        <Card key={p.panelId} title={p.name} data-testid="results-panel">
          {p.rows.length === 0 && p.experts.length === 0 ? (
            <Typography.Text type="secondary">{t('reviewResults.emptyPanel')}</Typography.Text>
          ) : (
            <Flex vertical gap={16}>
              <Row gutter={16}>
                <Col xs={8} md={4}>
                  <Statistic title={t('reviewResults.panelReviews')} value={p.n} />
                </Col>
                <Col xs={8} md={4}>
                  <Statistic title={t('reviewResults.panelMean')} value={num(p.mean)} />
                </Col>
                <Col xs={8} md={4}>
                  <Statistic title={t('reviewResults.panelSd')} value={num(p.sd)} />
                </Col>
              </Row>
              {p.n === 0 && (
                <Typography.Text type="secondary">{t('reviewResults.noReviews')}</Typography.Text>
              )}
              <ScrollRegion label={t('reviewResults.rankingOf', { panel: p.name })}>
                <RankingTable panel={p} />
              </ScrollRegion>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('reviewResults.experts')}
              </Typography.Title>
              <ScrollRegion label={`${p.name} · ${t('reviewResults.experts')}`}>
                <ExpertTable roundId={roundId} panel={p} onReopen={setReopening} />
              </ScrollRegion>
            </Flex>
          )}
        </Card>
      ))}
      <ReopenModal roundId={roundId} target={reopening} onClose={() => setReopening(null)} />
    </Flex>
  );
}

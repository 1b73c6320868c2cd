// /expert/spot-checks and /expert/spot-checks/:taskId — the expert's own 抽查核查 tasks: the sampled
// solution's published facts and its application (as the review shows it), and the finding
// (合格 / 基本合格（需整改） / 不合格, at least 10 字), which can change until the spot check closes.
import { useEffect } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { ArrowLeftOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import {
  FINDING_MIN_CHARS,
  SPOT_CHECK_CONCLUSION_LABELS,
  SPOT_CHECK_CONCLUSIONS,
  SPOT_CHECK_METHOD_LABELS,
  type SpotCheckConclusion,
} from '../../../domain/api/spot-checks';
import type { FormDeclaration } from '../../../domain/form';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ReadOnlyApplication } from '../../components/ReadOnlyApplication';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  evidenceUrl,
  taskAttachmentUrl,
  useMySpotCheckTask,
  useUploadEvidence,
  useMySpotCheckTasks,
  useRecordFinding,
  type MySpotCheckTask,
} from './api';
import { CONCLUSION_COLORS } from './AdminSpotCheckPage';

function ConclusionTag({ c }: { c: SpotCheckConclusion | null }) {
  const { t } = useI18n();
  return c ? (
    <Tag color={CONCLUSION_COLORS[c]}>{SPOT_CHECK_CONCLUSION_LABELS[c]}</Tag>
  ) : (
    <Tag>{t('spot.noFinding')}</Tag>
  );
}

export function ExpertSpotChecksPage() {
  const { t } = useI18n();
  const q = useMySpotCheckTasks();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Link to="/expert">
        <ArrowLeftOutlined /> {t('expert.nav')}
      </Link>
      <Table<MySpotCheckTask>
        rowKey="id"
        dataSource={q.data.items}
        pagination={false}
        locale={{ emptyText: t('spot.expert.none') }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('spot.col.title'), dataIndex: 'spotCheckTitle' },
          {
            title: t('spot.col.solution'),
            render: (_, r) => <Link to={`/expert/spot-checks/${r.id}`}>{r.solutionName}</Link>,
          },
          { title: t('spot.col.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('spot.col.method'),
            render: (_, r) => SPOT_CHECK_METHOD_LABELS[r.method],
          },
          {
            title: t('spot.col.conclusion'),
            render: (_, r) => (
              <>
                <ConclusionTag c={r.conclusion} />
                {r.closed && <Tag>{t('spot.state.closed')}</Tag>}
              </>
            ),
          },
        ]}
      />
    </Flex>
  );
}

function EvidenceCard({ task }: { task: MySpotCheckTask }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const upload = useUploadEvidence(task.id);
  return (
    <Card size="small" title={t('spot.evidence')}>
      <Typography.Paragraph type="secondary">{t('spot.evidence.help')}</Typography.Paragraph>
      {task.evidence && (
        <Typography.Paragraph>
          <a href={evidenceUrl(task.id)} download={task.evidence.filename}>
            <PaperClipOutlined /> {task.evidence.filename}
          </a>
        </Typography.Paragraph>
      )}
      <Upload
        showUploadList={false}
        disabled={task.closed}
        beforeUpload={(file) => {
          upload.mutate(file, {
            onSuccess: () => void message.success(t('spot.evidence.saved')),
          });
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={task.closed}>
          {task.evidence ? t('spot.evidence.replace') : t('spot.evidence.upload')}
        </Button>
      </Upload>
      {upload.error && (
        <Alert type="error" showIcon title={errorText(upload.error)} style={{ marginTop: 12 }} />
      )}
    </Card>
  );
}

function FindingForm({ task }: { task: MySpotCheckTask }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const record = useRecordFinding(task.id);
  const [form] = Form.useForm<{ conclusion: SpotCheckConclusion; finding: string }>();
  useEffect(() => {
    form.setFieldsValue({ conclusion: task.conclusion ?? undefined, finding: task.finding ?? '' });
  }, [form, task.conclusion, task.finding]);
  return (
    <Card size="small" title={t('spot.finding')}>
      {task.closed && (
        <Alert type="info" showIcon title={t('spot.expert.closed')} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={task.closed}
        onFinish={(v) =>
          record.mutate(v, { onSuccess: () => void message.success(t('spot.finding.saved')) })
        }
      >
        <Form.Item name="conclusion" label={t('spot.col.conclusion')} rules={[{ required: true }]}>
          <Radio.Group
            options={SPOT_CHECK_CONCLUSIONS.map((c) => ({
              value: c,
              label: SPOT_CHECK_CONCLUSION_LABELS[c],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="finding"
          label={t('spot.finding.text')}
          extra={t('spot.finding.help', { min: FINDING_MIN_CHARS })}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                [...(v ?? '').replace(/\s+/g, '')].length >= FINDING_MIN_CHARS
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('spot.finding.short', { min: FINDING_MIN_CHARS }))),
            },
          ]}
        >
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
        {record.error && (
          <Alert
            type="error"
            showIcon
            title={errorText(record.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('spot.finding.save')}
        </Button>
        {task.recordedAt && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
            {t('spot.finding.at', { at: formatDateTime(task.recordedAt) })}
          </Typography.Text>
        )}
      </Form>
    </Card>
  );
}

export function ExpertSpotCheckTaskPage() {
  const { taskId = '' } = useParams();
  const { t, errorText } = useI18n();
  const q = useMySpotCheckTask(taskId);
  const back = (
    <Link to="/expert/spot-checks">
      <ArrowLeftOutlined /> {t('spot.expert.back')}
    </Link>
  );
  if (q.error instanceof ApiError && [400, 404].includes(q.error.status))
    return <Result status="404" title={errorText(q.error)} extra={back} />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending) return <Loading />;
  const { task, solution: s, application } = q.data;
  return (
    <Flex vertical gap={16}>
      {back}
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {s.solutionName}
          </Typography.Title>
        }
        extra={<Tag color="blue">{SPOT_CHECK_METHOD_LABELS[task.method]}</Tag>}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'sc', label: t('spot.col.title'), children: task.spotCheckTitle },
            {
              key: 'id',
              label: t('spot.col.publicId'),
              children: <a href={`/solutions/${encodeURIComponent(s.publicId)}`}>{s.publicId}</a>,
            },
            { key: 'e', label: t('spot.col.enterprise'), children: s.enterpriseName },
            { key: 'u', label: t('spot.col.unit'), children: s.unitName },
            { key: 'c', label: t('spot.col.category'), children: s.categoryName },
            { key: 'r', label: t('spot.col.region'), children: s.regionName },
            {
              key: 'i',
              label: t('spot.col.industries'),
              children: s.industries.map((i) => i.name).join('、') || '—',
            },
            {
              key: 'a',
              label: t('spot.col.apps'),
              children: s.apps.map((a) => `${a.name} ${a.version}`).join('、') || '—',
            },
            {
              key: 'v',
              label: t('spot.col.validity'),
              children: `${s.validFrom} — ${s.validUntil}`,
            },
            { key: 's', label: t('spot.col.summary'), children: s.summary, span: 2 },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {application ? (
            <ReadOnlyApplication
              appId={application.applicationId}
              form={application.form as unknown as FormDeclaration}
              data={application.data}
              attachments={application.attachments}
              settings={{ categories: q.data.categories }}
              attachmentHref={(id) => taskAttachmentUrl(task.id, id)}
            />
          ) : (
            <Alert type="info" showIcon title={t('spot.expert.noApplication')} />
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
            <FindingForm task={task} />
            <EvidenceCard task={task} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

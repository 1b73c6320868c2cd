// /admin/spot-checks/:id — one 随机抽查 (organizers): its commitment; the draw (with the organizer's
// seed when it kept one); the strata and the sample; experts assigned to each sampled solution
// (书面核查 / 现场核查) under the conflict rules, a broken rule overridden only with a reason; the
// findings, a 不合格 one linking to the solution's lifecycle page; closing the spot check.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import {
  SPOT_CHECK_CONCLUSION_LABELS,
  SPOT_CHECK_METHOD_LABELS,
  type SpotCheckMethod,
} from '../../../domain/api/spot-checks';
import { CONFLICT_RULE_LABELS, type ConflictRule } from '../../../domain/review-assignment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  evidenceUrl,
  useActiveExperts,
  useAssignSpotCheckTask,
  useCloseSpotCheck,
  useDrawSpotCheck,
  useSpotCheckDetail,
  type SpotCheckDetail,
} from './api';
import { Hex, StateTag, useSizesText } from './PublicSpotChecksPage';

type Sampled = SpotCheckDetail['sample'][number];
type Task = Sampled['tasks'][number];

export const CONCLUSION_COLORS = { pass: 'green', minor: 'gold', fail: 'red' } as const;

function DrawCard({ d }: { d: SpotCheckDetail }) {
  const { t, errorText } = useI18n();
  const draw = useDrawSpotCheck(d.id);
  const [seed, setSeed] = useState('');
  return (
    <Card size="small" title={t('spot.draw')}>
      <Typography.Paragraph type="secondary">{t('spot.draw.note')}</Typography.Paragraph>
      <Space wrap>
        {d.seedSource === 'organizer' && (
          <Input
            aria-label={t('spot.seed')}
            placeholder={t('spot.seed.enter')}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            style={{ width: 560, fontFamily: 'monospace' }}
            maxLength={64}
          />
        )}
        <Popconfirm
          title={t('spot.draw.confirm')}
          onConfirm={() => draw.mutate(d.seedSource === 'organizer' ? { seed } : {})}
        >
          <Button type="primary" loading={draw.isPending}>
            {t('spot.draw')}
          </Button>
        </Popconfirm>
      </Space>
      {draw.error && (
        <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(draw.error)} />
      )}
    </Card>
  );
}

function AssignModal({
  d,
  target,
  onClose,
}: {
  d: SpotCheckDetail;
  target: Sampled | null;
  onClose: () => void;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const experts = useActiveExperts(q);
  const assign = useAssignSpotCheckTask(d.id);
  const [form] = Form.useForm<{
    expertId: string;
    method: SpotCheckMethod;
    avoidSameRegion: boolean;
    overrideReason?: string;
  }>();
  const broken =
    assign.error instanceof ApiError && assign.error.code === 'ASSIGNMENT_RULES_BROKEN'
      ? ((assign.error.details as { rules?: ConflictRule[] })?.rules ?? [])
      : [];
  const close = () => {
    assign.reset();
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={!!target}
      title={target ? t('spot.assign.title', { name: target.solutionName }) : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('spot.assign')}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'document', avoidSameRegion: true }}
        onFinish={(v) =>
          assign.mutate(
            {
              publicId: target!.publicId,
              expertId: v.expertId,
              method: v.method,
              avoidSameRegion: v.avoidSameRegion,
              ...(v.overrideReason ? { overrideReason: v.overrideReason } : {}),
            },
            {
              onSuccess: () => {
                void message.success(t('spot.assigned'));
                close();
              },
            },
          )
        }
      >
        <Form.Item name="expertId" label={t('spot.col.expert')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={experts.isFetching}
            options={(experts.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.name}（${e.employerName}，${e.regionName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="method" label={t('spot.col.method')}>
          <Radio.Group
            options={(['document', 'site'] as const).map((m) => ({
              value: m,
              label: SPOT_CHECK_METHOD_LABELS[m],
            }))}
          />
        </Form.Item>
        <Form.Item name="avoidSameRegion" valuePropName="checked">
          <Checkbox>{t('spot.avoidSameRegion')}</Checkbox>
        </Form.Item>
        {broken.length > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('spot.assign.broken')}
              description={broken.map((r) => CONFLICT_RULE_LABELS[r] ?? r).join('；')}
              style={{ marginBottom: 12 }}
            />
            <Form.Item
              name="overrideReason"
              label={t('spot.overrideReason')}
              rules={[{ required: true, min: 4 }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {assign.error && broken.length === 0 && (
          <Alert type="error" showIcon title={errorText(assign.error)} />
        )}
      </Form>
    </Modal>
  );
}

function TaskLine({ task }: { task: Task }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={2} style={{ marginBottom: 6 }}>
      <Space wrap size={4}>
        <Typography.Text strong>{task.expertName}</Typography.Text>
        <Typography.Text type="secondary">{task.employerName}</Typography.Text>
        <Tag>{SPOT_CHECK_METHOD_LABELS[task.method]}</Tag>
        {task.conclusion ? (
          <Tag color={CONCLUSION_COLORS[task.conclusion]}>
            {SPOT_CHECK_CONCLUSION_LABELS[task.conclusion]}
          </Tag>
        ) : (
          <Tag>{t('spot.noFinding')}</Tag>
        )}
        {task.conclusion === 'fail' && (
          <Link to={`/admin/lifecycle?publicId=${encodeURIComponent(task.publicId)}`}>
            {t('spot.toLifecycle')}
          </Link>
        )}
      </Space>
      {task.overrideReason && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('spot.overridden', {
            rules: task.overriddenRules
              .map((r) => CONFLICT_RULE_LABELS[r as ConflictRule] ?? r)
              .join('、'),
            reason: task.overrideReason,
          })}
        </Typography.Text>
      )}
      {task.evidence && (
        <a href={evidenceUrl(task.id)} download={task.evidence.filename}>
          {t('spot.evidence')}：{task.evidence.filename}
        </a>
      )}
      {task.finding && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {task.finding}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            （{formatDateTime(task.recordedAt)}）
          </Typography.Text>
        </Typography.Paragraph>
      )}
    </Flex>
  );
}

export function AdminSpotCheckPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const q = useSpotCheckDetail(id);
  const sizesText = useSizesText();
  const close = useCloseSpotCheck(id);
  const [target, setTarget] = useState<Sampled | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const tasks = d.sample.flatMap((s) => s.tasks);
  return (
    <Flex vertical gap={16}>
      <Link to="/admin/spot-checks">{t('spot.admin.back')}</Link>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {d.title}
          </Typography.Title>
        }
        extra={
          <Space>
            <StateTag state={d.state} />
            <Link to={`/spot-checks/${d.id}`}>{t('spot.public.page')}</Link>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, lg: 2 }}
          items={[
            {
              key: 'l',
              label: t('spot.col.lists'),
              children: d.lists.map((l) => l.title).join('、'),
            },
            { key: 's', label: t('spot.col.sizes'), children: sizesText(d) },
            {
              key: 'src',
              label: t('spot.seedSource'),
              children: t(
                d.seedSource === 'platform' ? 'spot.seed.platform' : 'spot.seed.organizer',
              ),
            },
            {
              key: 'ca',
              label: t('spot.committedAtLabel'),
              children: formatDateTime(d.committedAt),
            },
            { key: 'c', label: t('spot.col.commitment'), children: <Hex value={d.commitment} /> },
            {
              key: 'seed',
              label: t('spot.seed'),
              children: d.seed ? <Hex value={d.seed} /> : <Tag>{t('spot.seed.secret')}</Tag>,
            },
            ...(d.drawnAt
              ? [
                  { key: 'da', label: t('spot.drawnAt'), children: formatDateTime(d.drawnAt) },
                  {
                    key: 'p',
                    label: t('spot.population'),
                    children: t('spot.sampleOf', {
                      n: d.sampleSize ?? 0,
                      of: d.populationSize ?? 0,
                    }),
                  },
                  {
                    key: 'f',
                    label: t('spot.findings'),
                    children: t('spot.findingsCount', {
                      done: tasks.filter((x) => x.conclusion).length,
                      n: tasks.length,
                      fail: tasks.filter((x) => x.conclusion === 'fail').length,
                    }),
                  },
                ]
              : []),
          ]}
        />
        {d.state === 'drawn' && (
          <Popconfirm title={t('spot.close.confirm')} onConfirm={() => close.mutate()}>
            <Button style={{ marginTop: 12 }} loading={close.isPending}>
              {t('spot.close')}
            </Button>
          </Popconfirm>
        )}
        {close.error && <Alert type="error" showIcon title={errorText(close.error)} />}
      </Card>
      {d.state === 'committed' && <DrawCard d={d} />}
      {d.drawnAt && (
        <>
          <Card size="small" title={t('spot.sample', { n: d.sample.length })}>
            <Table<Sampled>
              rowKey="publicId"
              size="small"
              pagination={false}
              dataSource={d.sample}
              scroll={{ x: 1100 }}
              columns={[
                {
                  title: t('spot.col.publicId'),
                  dataIndex: 'publicId',
                  width: 150,
                  render: (p: string) => <a href={`/solutions/${encodeURIComponent(p)}`}>{p}</a>,
                },
                {
                  title: t('spot.col.solution'),
                  render: (_, r) => (
                    <Space direction="vertical" size={0}>
                      <span>{r.solutionName}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.enterpriseName} · {r.unitName}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('spot.col.stratum'),
                  width: 160,
                  render: (_, r) => `${r.categoryName} · ${r.regionName}`,
                },
                {
                  title: t('spot.col.tasks'),
                  width: 420,
                  render: (_, r) => (
                    <>
                      {r.tasks.map((x) => (
                        <TaskLine key={x.id} task={x} />
                      ))}
                      {d.state === 'drawn' && (
                        <Button size="small" onClick={() => setTarget(r)}>
                          {t('spot.assign')}
                        </Button>
                      )}
                    </>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('spot.strata')}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={d.strata}
              columns={[
                { title: t('spot.col.category'), dataIndex: 'categoryName' },
                { title: t('spot.col.province'), dataIndex: 'provinceName' },
                { title: t('spot.col.stratumSize'), dataIndex: 'size', align: 'right' },
                { title: t('spot.col.drawn'), dataIndex: 'drawn', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
      <AssignModal d={d} target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}

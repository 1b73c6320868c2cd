// /admin/evaluation?round=<id> — 系统评价: the rounds; a new one over published lists (the rubric
// the campaign declares shown before it is frozen); a round's proposal with the solutions short of
// experts and why, publishing, progress and closing; its results (per-dimension means, normalised
// totals, ranks) and the bands with a live count per band.
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { bandCounts } from '../../../domain/evaluation';
import { maxScoreOf } from '../../../domain/review';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaign } from '../../lib/queries';
import {
  useCreateEvaluationRound,
  useEvaluationResults,
  useEvaluationRound,
  useEvaluationRounds,
  usePublishedLists,
  useRoundAction,
  useSetBands,
  type EvaluationBand,
  type EvaluationRoundDetail,
  type EvaluationRoundView,
} from './api';

const STATE_COLORS: Record<EvaluationRoundView['state'], string> = {
  draft: 'gold',
  published: 'green',
  closed: 'default',
};

export function EvaluationStateTag({ state }: { state: EvaluationRoundView['state'] }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`eval.state.${state}`)}</Tag>;
}

export function EvaluationAdminPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const rounds = useEvaluationRounds();
  const [creating, setCreating] = useState(false);
  const list = rounds.data ?? [];
  const selected = params.get('round') ?? list[0]?.id;
  if (rounds.error)
    return <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />;
  if (!rounds.data) return <Loading />;
  const pick = (id: string) => setParams({ round: id });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('eval.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="eval-new"
        >
          {t('eval.new')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('eval.intro')}
      </Typography.Paragraph>
      {creating && (
        <CreateRoundCard
          onCancel={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            pick(id);
          }}
        />
      )}
      <Card size="small" title={t('eval.rounds')}>
        <Table<EvaluationRoundView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={list}
          locale={{ emptyText: <Empty description={t('eval.noRounds')} /> }}
          rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => pick(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('eval.col.title'), dataIndex: 'title' },
            {
              title: t('eval.col.state'),
              width: 100,
              render: (_, r) => <EvaluationStateTag state={r.state} />,
            },
            {
              title: t('eval.col.deadline'),
              width: 260,
              render: (_, r) => formatDeadline(r.deadline, lang),
            },
            {
              title: t('eval.col.progress'),
              width: 220,
              render: (_, r) => (
                <Progress
                  size="small"
                  percent={
                    r.progress.pairs
                      ? Math.round((r.progress.submitted / r.progress.pairs) * 100)
                      : 0
                  }
                  format={() => `${r.progress.submitted}/${r.progress.pairs}`}
                />
              ),
            },
          ]}
        />
      </Card>
      {selected && <RoundView id={selected} />}
    </Flex>
  );
}

const fromPicker = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

interface CreateValues {
  title: string;
  listCampaignIds: string[];
  reviewsPerSolution: number;
  maxLoad: number;
  deadline: Dayjs | null;
}

function CreateRoundCard(props: { onCancel: () => void; onCreated: (id: string) => void }) {
  const { t, errorText } = useI18n();
  const lists = usePublishedLists();
  const create = useCreateEvaluationRound();
  const [form] = Form.useForm<CreateValues>();
  const chosen = Form.useWatch('listCampaignIds', form) ?? [];
  const options = lists.data ?? [];
  // the rubric comes from the newest chosen list's campaign
  const newest = options.find((l) => chosen.includes(l.campaignId));
  const total = options
    .filter((l) => chosen.includes(l.campaignId))
    .reduce((n, l) => n + l.evaluable, 0);
  return (
    <Card size="small" title={t('eval.new')} data-testid="eval-create">
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{
          title: '',
          listCampaignIds: [],
          reviewsPerSolution: 3,
          maxLoad: 20,
          deadline: null,
        }}
        onFinish={(v) =>
          create.mutate(
            {
              title: v.title,
              listCampaignIds: v.listCampaignIds,
              reviewsPerSolution: v.reviewsPerSolution,
              maxLoad: v.maxLoad,
              deadline: fromPicker(v.deadline!),
            },
            { onSuccess: (d) => props.onCreated(d.id) },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('eval.form.title')}
          rules={[{ required: true, whitespace: true, message: t('eval.form.titleRequired') }]}
        >
          <Input maxLength={100} placeholder={t('eval.form.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="listCampaignIds"
          label={t('eval.form.lists')}
          extra={t('eval.form.listsHelp', { n: total })}
          rules={[{ required: true, message: t('eval.form.listsRequired') }]}
        >
          <Select
            mode="multiple"
            loading={lists.isLoading}
            data-testid="eval-lists"
            options={options.map((l) => ({
              value: l.campaignId,
              label: `${l.title}（${l.documentNo}，${t('eval.form.evaluable', { n: l.evaluable })}）`,
            }))}
          />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item
            name="reviewsPerSolution"
            label={t('eval.form.reviews')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: 1,
                max: 15,
                message: t('eval.form.reviewsRange'),
              },
            ]}
          >
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="maxLoad"
            label={t('eval.form.maxLoad')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: 1,
                max: 500,
                message: t('eval.form.maxLoadRange'),
              },
            ]}
          >
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('eval.form.deadline')}
            rules={[{ required: true, message: t('eval.form.deadlineRequired') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
              style={{ width: 220 }}
            />
          </Form.Item>
        </Flex>
        {newest && <CampaignRubric campaignId={newest.campaignId} />}
        {create.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={errorText(create.error)}
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('eval.form.create')}
          </Button>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** The rubric a new round will freeze: the campaign's post-award dimensions. */
function CampaignRubric({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const c = useCampaign(campaignId);
  const dims = c.data?.settings.postAwardDimensions ?? [];
  return (
    <Form.Item label={t('eval.form.rubric')} extra={t('eval.form.rubricHelp')}>
      <RubricTable rubric={dims.map((d) => ({ ...d, maxScore: maxScoreOf(d) }))} />
    </Form.Item>
  );
}

function RubricTable(props: { rubric: EvaluationRoundView['rubric'] }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={props.rubric}
      data-testid="eval-rubric"
      columns={[
        { title: t('eval.rubric.name'), dataIndex: 'name', width: 160 },
        { title: t('eval.rubric.max'), dataIndex: 'maxScore', width: 80 },
        { title: t('eval.rubric.weight'), dataIndex: 'weight', width: 80 },
        { title: t('eval.rubric.guidance'), dataIndex: 'guidance' },
      ]}
    />
  );
}

function RoundView({ id }: { id: string }) {
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const q = useEvaluationRound(id);
  const propose = useRoundAction('propose');
  const publish = useRoundAction('publish');
  const close = useRoundAction('close');
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const r = q.data;
  const act = (m: typeof publish, done: string) =>
    m.mutate(r.id, {
      onSuccess: () => void message.success(done),
      onError: (e) => void message.error(errorText(e)),
    });
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={
          <Space>
            {r.title}
            <EvaluationStateTag state={r.state} />
          </Space>
        }
        extra={
          <Space>
            {r.state === 'draft' && (
              <>
                <Button
                  loading={propose.isPending}
                  onClick={() => act(propose, t('eval.proposed'))}
                >
                  {t('eval.propose')}
                </Button>
                <Button
                  type="primary"
                  loading={publish.isPending}
                  onClick={() => act(publish, t('eval.published'))}
                  data-testid="eval-publish"
                >
                  {t('eval.publish')}
                </Button>
              </>
            )}
            {r.state === 'published' && (
              <Button danger loading={close.isPending} onClick={() => act(close, t('eval.closed'))}>
                {t('eval.close')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 's', label: t('eval.solutions'), children: r.solutions },
            { key: 'n', label: t('eval.form.reviews'), children: r.reviewsPerSolution },
            { key: 'l', label: t('eval.form.maxLoad'), children: r.maxLoad },
            { key: 'd', label: t('eval.col.deadline'), children: formatDeadline(r.deadline, lang) },
            {
              key: 'p',
              label: t('eval.col.progress'),
              children: t('eval.progress', {
                submitted: r.progress.submitted,
                pairs: r.progress.pairs,
                experts: r.progress.experts,
              }),
            },
          ]}
        />
        <Typography.Title level={5}>{t('eval.form.rubric')}</Typography.Title>
        <RubricTable rubric={r.rubric} />
      </Card>
      <Shortfalls round={r} />
      <Pairs round={r} />
      {r.state !== 'draft' && <Results id={r.id} closed={r.state === 'closed'} />}
    </Flex>
  );
}

function Shortfalls({ round: r }: { round: EvaluationRoundDetail }) {
  const { t } = useI18n();
  if (!r.shortfalls.length) return <Alert type="success" showIcon title={t('eval.noShortfalls')} />;
  return (
    <Card
      size="small"
      title={t('eval.shortfalls', { n: r.shortfalls.length })}
      data-testid="eval-shortfalls"
    >
      <Table
        size="small"
        rowKey="publicId"
        pagination={false}
        dataSource={r.shortfalls}
        columns={[
          { title: t('eval.col.publicId'), dataIndex: 'publicId', width: 150 },
          { title: t('eval.col.solution'), dataIndex: 'solutionName' },
          { title: t('eval.col.missing'), dataIndex: 'missing', width: 90 },
          { title: t('eval.col.reason'), dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}

function Pairs({ round: r }: { round: EvaluationRoundDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('eval.pairs', { n: r.pairs.length })}>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={r.pairs}
        columns={[
          { title: t('eval.col.publicId'), dataIndex: 'publicId', width: 150 },
          { title: t('eval.col.solution'), dataIndex: 'solutionName' },
          {
            title: t('eval.col.expert'),
            render: (_, p) => `${p.expertName}（${p.expertEmployer}）`,
          },
          { title: t('eval.col.fit'), dataIndex: 'fit', width: 80 },
          {
            title: t('eval.col.scoreState'),
            width: 100,
            render: (_, p) => t(`eval.score.${p.scoreState}`),
          },
        ]}
      />
    </Card>
  );
}

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(2));

function Results({ id, closed }: { id: string; closed: boolean }) {
  const { t } = useI18n();
  const q = useEvaluationResults(id);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const d = q.data;
  return (
    <>
      <BandsCard
        key={JSON.stringify(d.bands)}
        id={id}
        saved={d.bands}
        totals={d.results.map((r) => r.normalisedTotal)}
        closed={closed}
      />
      <Card size="small" title={t('eval.results')} data-testid="eval-results">
        <Typography.Paragraph type="secondary">{t('eval.resultsHelp')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="publicId"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={d.results}
          scroll={{ x: 1400 }}
          columns={[
            { title: t('eval.col.rank'), dataIndex: 'rank', width: 60, render: (x) => x ?? '—' },
            { title: t('eval.col.publicId'), dataIndex: 'publicId', width: 140 },
            {
              title: t('eval.col.solution'),
              width: 300,
              render: (_, r) => (
                <Flex vertical>
                  <span>{r.solutionName}</span>
                  <Typography.Text type="secondary">{r.enterpriseName}</Typography.Text>
                </Flex>
              ),
            },
            ...d.round.rubric.map((dim) => ({
              title: `${dim.name}（${dim.maxScore}）`,
              width: 100,
              render: (_: unknown, r: (typeof d.results)[number]) => fmt(r.means[dim.code] ?? null),
            })),
            { title: t('eval.col.raw'), dataIndex: 'rawTotal', width: 90, render: fmt },
            {
              title: t('eval.col.normalised'),
              dataIndex: 'normalisedTotal',
              width: 100,
              render: (x: number | null) => <strong>{fmt(x)}</strong>,
            },
            {
              title: t('eval.col.band'),
              dataIndex: 'band',
              width: 80,
              render: (b: string | null) => (b ? <Tag color="blue">{b}</Tag> : '—'),
            },
            {
              title: t('eval.col.submitted'),
              width: 90,
              render: (_, r) => `${r.submitted}/${r.needed}`,
            },
            {
              title: t('eval.col.flags'),
              width: 180,
              render: (_, r) => r.flags.map((f) => <Tag key={f.code}>{f.label}</Tag>),
            },
          ]}
        />
      </Card>
    </>
  );
}

/** 设置等级: the lines from the highest, with the count each would take as they are typed. */
function BandsCard(props: {
  id: string;
  saved: EvaluationBand[];
  totals: (number | null)[];
  closed: boolean;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const set = useSetBands(props.id);
  const initial = props.saved.length
    ? props.saved
    : [
        { name: 'A类', min: 85 },
        { name: 'B类', min: 70 },
        { name: 'C类', min: 0 },
      ];
  const [bands, setBands] = useState<EvaluationBand[]>(initial);
  const counts = useMemo(() => bandCounts(bands, props.totals), [bands, props.totals]);
  const change = (i: number, patch: Partial<EvaluationBand>) =>
    setBands(bands.map((b, k) => (k === i ? { ...b, ...patch } : b)));
  return (
    <Card
      size="small"
      title={t('eval.bands')}
      data-testid="eval-bands"
      extra={
        props.saved.length ? (
          <Typography.Text type="secondary">{t('eval.bandsSaved')}</Typography.Text>
        ) : (
          <Typography.Text type="warning">{t('eval.bandsUnset')}</Typography.Text>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('eval.bandsHelp')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        {bands.map((b, i) => (
          <Flex key={i} gap={8} align="center">
            <Input
              aria-label={t('eval.band.name')}
              value={b.name}
              style={{ width: 140 }}
              disabled={props.closed}
              onChange={(e) => change(i, { name: e.target.value })}
            />
            <span>≥</span>
            <InputNumber
              aria-label={t('eval.band.min')}
              value={b.min}
              min={0}
              max={100}
              step={0.5}
              disabled={props.closed}
              onChange={(n) => n !== null && change(i, { min: n })}
            />
            <Tag color="blue" data-testid={`eval-band-count-${i}`}>
              {t('eval.band.count', { n: counts.find((c) => c.name === b.name)?.count ?? 0 })}
            </Tag>
            {!props.closed && (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('cfg.remove')}
                onClick={() => setBands(bands.filter((_, k) => k !== i))}
              />
            )}
          </Flex>
        ))}
        <Typography.Text type="secondary" data-testid="eval-band-none">
          {t('eval.band.none', { n: counts.find((c) => c.name === null)?.count ?? 0 })}
        </Typography.Text>
        {!props.closed && (
          <Space>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setBands([...bands, { name: '', min: 0 }])}
            >
              {t('eval.band.add')}
            </Button>
            <Button
              type="primary"
              loading={set.isPending}
              data-testid="eval-bands-save"
              onClick={() =>
                set.mutate(bands, {
                  onSuccess: () => void message.success(t('eval.bandsSavedNow')),
                  onError: (e) => void message.error(errorText(e)),
                })
              }
            >
              {t('eval.band.save')}
            </Button>
          </Space>
        )}
      </Flex>
    </Card>
  );
}

// /spot-checks and /spot-checks/:id (public, no sign-in) — 随机抽查公示: each spot check's seed
// commitment (the hash, published before the draw, and when); after the draw the seed, the sample
// (public ids linking to the published solution), the population to download, and a
// "重新计算验证" that redraws the sample in this browser with the same domain function.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { drawSpotCheck, planOf, seedCommitment } from '../../../domain/spot-check';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import {
  populationCsvUrl,
  useSpotCheckVerification,
  useSpotChecks,
  type PublicSpotCheck,
  type SpotCheckVerification,
} from './api';

export const STATE_KEYS: Record<PublicSpotCheck['state'], [MessageKey, string]> = {
  committed: ['spot.state.committed', 'blue'],
  drawn: ['spot.state.drawn', 'green'],
  closed: ['spot.state.closed', 'default'],
};

export function StateTag({ state }: { state: PublicSpotCheck['state'] }) {
  const { t } = useI18n();
  const [k, color] = STATE_KEYS[state];
  return <Tag color={color}>{t(k)}</Tag>;
}

/** A 64-digit hash or seed, monospaced and copyable. */
export function Hex({ value }: { value: string }) {
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
      {value}
    </Typography.Text>
  );
}

export function useSizesText() {
  const { t } = useI18n();
  return (r: Pick<PublicSpotCheck, 'sizes' | 'categoryNames'>) =>
    r.sizes.total !== undefined
      ? t('spot.sizes.total', { n: r.sizes.total })
      : Object.entries(r.sizes.byCategory ?? {})
          .map(([c, n]) => `${r.categoryNames[c] ?? c} ${n}`)
          .join('，');
}

export function PublicSpotChecksPage() {
  const { t } = useI18n();
  const q = useSpotChecks();
  const sizesText = useSizesText();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('spot.public.intro')}
        </Typography.Paragraph>
        <Link to="/spot-checks/algorithm">{t('spot.algorithm.link')}</Link>
      </Card>
      <Table<PublicSpotCheck>
        rowKey="id"
        dataSource={q.data.items}
        pagination={false}
        locale={{ emptyText: t('spot.public.none') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('spot.col.title'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/spot-checks/${r.id}`}>{v}</Link>,
          },
          {
            title: t('spot.col.lists'),
            render: (_, r) => r.lists.map((l) => l.title).join('、'),
          },
          { title: t('spot.col.sizes'), render: (_, r) => sizesText(r) },
          {
            title: t('spot.col.commitment'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text code style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {r.commitment}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('spot.committedAt', { at: formatDateTime(r.committedAt) })}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('spot.col.state'), render: (_, r) => <StateTag state={r.state} /> },
          {
            title: t('spot.col.sample'),
            render: (_, r) =>
              r.sampleSize === null
                ? t('spot.notDrawn')
                : t('spot.sampleOf', { n: r.sampleSize, of: r.populationSize ?? 0 }),
          },
        ]}
      />
    </Flex>
  );
}

/** The draw redone here, with the published seed, population and sizes. */
function recomputeHere(v: SpotCheckVerification) {
  const s = v.spotCheck;
  const population = (v.population ?? []).map((p) => ({
    publicId: p.publicId,
    category: p.category,
    regionCode: p.region,
  }));
  const draw = drawSpotCheck(s.seed!, population, planOf(s.seed!, population, s.sizes));
  const published = (v.sample ?? []).map((x) => x.publicId);
  const seedOk = seedCommitment(s.seed!) === s.commitment;
  const sampleOk =
    draw.sample.length === published.length && draw.sample.every((id, i) => id === published[i]);
  const digestOk = draw.populationDigest === s.populationDigest;
  return { seedOk, sampleOk, digestOk, sample: draw.sample };
}

function downloadJson(v: SpotCheckVerification) {
  const body = JSON.stringify(
    { seed: v.spotCheck.seed, sizes: v.spotCheck.sizes, population: v.population },
    null,
    2,
  );
  const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `spot-check-${v.spotCheck.id}-population.json`;
  a.click();
  URL.revokeObjectURL(url);
}

export function PublicSpotCheckPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useSpotCheckVerification(id);
  const sizesText = useSizesText();
  const [mine, setMine] = useState<ReturnType<typeof recomputeHere> | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const v = q.data;
  const s = v.spotCheck;
  const drawn = s.seed !== null;
  const ok = mine && mine.seedOk && mine.sampleOk && mine.digestOk;
  return (
    <Flex vertical gap={16}>
      <Link to="/spot-checks">{t('spot.back')}</Link>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {s.title}
          </Typography.Title>
        }
        extra={<StateTag state={s.state} />}
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'l',
              label: t('spot.col.lists'),
              children: s.lists.map((l) => l.title).join('、'),
            },
            { key: 's', label: t('spot.col.sizes'), children: sizesText(s) },
            {
              key: 'src',
              label: t('spot.seedSource'),
              children: t(
                s.seedSource === 'platform' ? 'spot.seed.platform' : 'spot.seed.organizer',
              ),
            },
            { key: 'c', label: t('spot.col.commitment'), children: <Hex value={s.commitment} /> },
            {
              key: 'ca',
              label: t('spot.committedAtLabel'),
              children: formatDateTime(s.committedAt),
            },
            {
              key: 'seed',
              label: t('spot.seed'),
              children: s.seed ? <Hex value={s.seed} /> : <Tag>{t('spot.seed.secret')}</Tag>,
            },
            ...(drawn
              ? [
                  { key: 'da', label: t('spot.drawnAt'), children: formatDateTime(s.drawnAt) },
                  {
                    key: 'p',
                    label: t('spot.population'),
                    children: t('spot.populationSize', { n: s.populationSize ?? 0 }),
                  },
                  {
                    key: 'pd',
                    label: t('spot.populationDigest'),
                    children: <Hex value={s.populationDigest ?? ''} />,
                  },
                  {
                    key: 'server',
                    label: t('spot.serverCheck'),
                    children: v.recomputed?.match ? (
                      <Tag color="green">{t('spot.match')}</Tag>
                    ) : (
                      <Tag color="red">{t('spot.mismatch')}</Tag>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Space wrap style={{ marginTop: 12 }}>
          <Link to="/spot-checks/algorithm">{t('spot.algorithm.link')}</Link>
          {drawn && (
            <>
              <Button icon={<DownloadOutlined />} href={populationCsvUrl(s.id)}>
                {t('spot.download.csv')}
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => downloadJson(v)}>
                {t('spot.download.json')}
              </Button>
              <Button type="primary" onClick={() => setMine(recomputeHere(v))}>
                {t('spot.recompute')}
              </Button>
            </>
          )}
        </Space>
        {!drawn && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('spot.beforeDraw')} />
        )}
        {mine && (
          <Alert
            role="status"
            style={{ marginTop: 12 }}
            type={ok ? 'success' : 'error'}
            icon={ok ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
            showIcon
            title={ok ? t('spot.recompute.same') : t('spot.recompute.different')}
            description={[
              `${t('spot.check.seed')}：${mine.seedOk ? t('spot.match') : t('spot.mismatch')}`,
              `${t('spot.check.population')}：${mine.digestOk ? t('spot.match') : t('spot.mismatch')}`,
              `${t('spot.check.sample')}：${mine.sampleOk ? t('spot.match') : t('spot.mismatch')}`,
            ].join('；')}
          />
        )}
      </Card>
      {drawn && (
        <>
          <Card size="small" title={t('spot.strata')}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={v.strata ?? []}
              columns={[
                { title: t('spot.col.category'), dataIndex: 'categoryName' },
                { title: t('spot.col.province'), dataIndex: 'provinceName' },
                { title: t('spot.col.stratumSize'), dataIndex: 'size', align: 'right' },
                { title: t('spot.col.drawn'), dataIndex: 'drawn', align: 'right' },
              ]}
            />
          </Card>
          <Card size="small" title={t('spot.sample', { n: v.sample?.length ?? 0 })}>
            <Table
              rowKey="publicId"
              size="small"
              pagination={false}
              dataSource={v.sample ?? []}
              scroll={{ x: 800 }}
              columns={[
                {
                  title: t('spot.col.publicId'),
                  dataIndex: 'publicId',
                  render: (p: string) => <a href={`/solutions/${encodeURIComponent(p)}`}>{p}</a>,
                },
                { title: t('spot.col.solution'), dataIndex: 'solutionName' },
                { title: t('spot.col.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('spot.col.category'), dataIndex: 'categoryName' },
                { title: t('spot.col.region'), dataIndex: 'regionName' },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}

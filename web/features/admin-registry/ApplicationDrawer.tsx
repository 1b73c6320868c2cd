// One application of the registry: its frozen version as submitted (read-only, with attachments and
// the printed PDF), its history, its duplicate findings and the paper copies received.
import {
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { DuplicateEvidence } from '../../components/DuplicateEvidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormView } from '../../components/form/FormView';
import { Loading } from '../../components/Loading';
import {
  attachmentUrl,
  formatSize,
  pdfUrl,
  useApplication,
  useApplicationForm,
} from '../../lib/applications';
import { useApplicationFindings } from '../../lib/duplicates';
import { formatDateTime } from '../../lib/format';
import { isMessageKey, useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';
import {
  useFrozenVersion,
  useHistory,
  useReceipts,
  type PaperReceipt,
  type RegistryRow,
} from './api';
import { FormalCheckTag, PaperTag, ReceiptStatusTag } from './Tags';

function Frozen({ campaign, row }: { campaign: Campaign; row: RegistryRow }) {
  const { t } = useI18n();
  const detail = useApplication(row.id);
  const version = useFrozenVersion(row.id, row.currentVersionNo);
  const form = useApplicationForm(campaign.id);
  const error = detail.error ?? version.error ?? form.error;
  if (error) return <ErrorAlert error={error} onRetry={() => void version.refetch()} />;
  if (!version.data || !form.data || !detail.data) return <Loading />;
  const v = version.data;
  const uploaded = new Map(detail.data.attachments.map((a) => [a.id, a]));
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Typography.Text>
          {t('registry.detail.frozen', { n: v.versionNo })} ·{' '}
          {t('registry.detail.code', { code: v.verificationCode })} ·{' '}
          {formatDateTime(v.submittedAt)}
        </Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          href={pdfUrl(row.id, v.versionNo, 'pdf')}
          data-testid="registry-pdf"
        >
          {t('registry.detail.pdf')}
        </Button>
      </Flex>
      {v.attachments.length > 0 && (
        <Flex vertical gap={2} data-testid="registry-attachments">
          {v.attachments.map((a) => (
            <a key={a.id} href={attachmentUrl(row.id, a.id)} download={a.filename}>
              <PaperClipOutlined /> {a.filename}（{formatSize(a.size)}）
            </a>
          ))}
        </Flex>
      )}
      <FormView
        decl={form.data.form}
        data={v.data}
        settings={campaign.settings}
        attachments={uploaded}
        testId="registry-frozen"
      />
    </Flex>
  );
}

function History({ appId }: { appId: string }) {
  const { t } = useI18n();
  const history = useHistory(appId);
  if (history.error)
    return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Loading />;
  if (!history.data.length) return <Empty description={t('registry.detail.historyEmpty')} />;
  const stateName = (s: string | null) => {
    const key = `appState.${s}`;
    return s && isMessageKey(key) ? t(key) : (s ?? '');
  };
  return (
    <Timeline
      data-testid="registry-history"
      items={history.data.map((h, i) => ({
        key: i,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>{h.actionLabel}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(h.at)} · {h.actorName}
              {h.actorOrg ? `（${h.actorOrg}）` : ''}
            </Typography.Text>
            {h.fromState && h.toState && h.fromState !== h.toState && (
              <Typography.Text style={{ fontSize: 12 }}>
                {stateName(h.fromState)} → {stateName(h.toState)}
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

function Findings({ appId }: { appId: string }) {
  const findings = useApplicationFindings(appId);
  if (findings.error)
    return <ErrorAlert error={findings.error} onRetry={() => void findings.refetch()} />;
  if (!findings.data) return <Loading />;
  return <DuplicateEvidence findings={findings.data.findings} text={findings.data.text} />;
}

export function ReceiptsTable(props: { items: PaperReceipt[]; testId?: string; empty: string }) {
  const { t } = useI18n();
  return (
    <Table<PaperReceipt>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={props.items}
      locale={{ emptyText: props.empty }}
      data-testid={props.testId}
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('paper.col.time'),
          dataIndex: 'createdAt',
          width: 150,
          render: (at: string) => formatDateTime(at),
        },
        {
          title: t('paper.col.kind'),
          dataIndex: 'kind',
          width: 110,
          render: (k: PaperReceipt['kind']) => t(`paper.kind.${k}`),
        },
        {
          title: t('paper.col.what'),
          key: 'what',
          render: (_, r) =>
            r.kind === 'application' ? (
              <Flex vertical gap={0}>
                <span>{r.solutionName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.applicantName} · {r.unitName}
                </Typography.Text>
              </Flex>
            ) : (
              r.unitName
            ),
        },
        {
          title: t('paper.col.version'),
          key: 'version',
          width: 90,
          render: (_, r) => (r.versionNo ? t('registry.version', { n: r.versionNo }) : '—'),
        },
        {
          title: t('paper.col.status'),
          key: 'status',
          width: 150,
          render: (_, r) => (
            <Flex gap={4} wrap>
              <ReceiptStatusTag status={r.status} />
              {r.late && <Tag color="orange">{t('paper.lateTag')}</Tag>}
            </Flex>
          ),
        },
        { title: t('paper.receivedOn'), dataIndex: 'receivedOn', width: 110 },
        {
          title: t('paper.col.postmark'),
          dataIndex: 'postmarkedOn',
          width: 110,
          render: (d: string | null) => d ?? '—',
        },
        { title: t('paper.col.by'), dataIndex: 'receivedByName', width: 100 },
      ]}
    />
  );
}

function Receipts({ campaignId, appId }: { campaignId: string; appId: string }) {
  const { t } = useI18n();
  const receipts = useReceipts(campaignId, { applicationId: appId });
  if (receipts.error)
    return <ErrorAlert error={receipts.error} onRetry={() => void receipts.refetch()} />;
  return (
    <ReceiptsTable
      items={receipts.data?.items ?? []}
      empty={t('registry.detail.noReceipts')}
      testId="registry-receipts"
    />
  );
}

export function ApplicationDrawer(props: {
  campaign: Campaign;
  row: RegistryRow | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const r = props.row;
  return (
    <Drawer
      open={!!r}
      onClose={props.onClose}
      size={1000}
      title={r ? t('registry.detail.title', { name: r.solutionName }) : ''}
      destroyOnHidden
      data-testid="registry-drawer"
    >
      {r && (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'a', label: t('registry.col.applicant'), children: r.applicantName },
              { key: 'u', label: t('registry.col.uscc'), children: r.uscc },
              { key: 'c', label: t('registry.col.category'), children: r.categoryLabel },
              { key: 'g', label: t('registry.col.region'), children: r.regionName || '—' },
              {
                key: 'n',
                label: t('registry.col.unit'),
                children: `${r.unitName}${r.rank ? ` · ${t('registry.col.rank')} ${r.rank}` : ''}`,
              },
              {
                key: 's',
                label: t('registry.col.state'),
                children: <Tag>{t(`appState.${r.state}`)}</Tag>,
              },
              { key: 'p', label: t('registry.col.paper'), children: <PaperTag paper={r.paper} /> },
              {
                key: 'f',
                label: t('registry.col.formalCheck'),
                children: <FormalCheckTag result={r.formalCheck} />,
              },
            ]}
          />
          <Tabs
            items={[
              {
                key: 'content',
                label: t('registry.detail.tabContent'),
                children: <Frozen campaign={props.campaign} row={r} />,
              },
              {
                key: 'history',
                label: t('registry.detail.history'),
                children: <History appId={r.id} />,
              },
              {
                key: 'findings',
                label: t('registry.detail.findings'),
                children: <Findings appId={r.id} />,
              },
              {
                key: 'paper',
                label: t('registry.detail.paper'),
                children: <Receipts campaignId={props.campaign.id} appId={r.id} />,
              },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}

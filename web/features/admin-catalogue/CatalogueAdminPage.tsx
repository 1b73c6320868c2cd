// /admin/catalogue — 目录清单 (issue 15): the versions published (each with its public page), and
// the next version's draft: title, 文号, date, and the entries table (public id and band, edited
// in place, started from the last version, or read from an XLSX/CSV with its row problems). The
// preview resolves the entries and shows what stops them and what changes against the last
// version; publishing (confirmed, it cannot be undone) needs a preview of the entries as they are.
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ButtonProps } from 'antd';
import {
  BarChartOutlined,
  CopyOutlined,
  DeleteOutlined,
  EyeOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { CatalogueEntry } from '../../../domain/api/catalogue-versions';
import { bandOrder, type CatalogueEntryInput } from '../../../domain/catalogue-versions';
import { beijingDay } from '../../../domain/registry';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  fetchCatalogue,
  fetchEvaluationResults,
  importCatalogueFile,
  previewCatalogue,
  useBandedEvaluationRounds,
  useCatalogueVersions,
  usePublishCatalogue,
  type CatalogueImport,
  type CataloguePreview,
} from './api';

interface Row {
  key: number;
  publicId: string;
  band: string;
}

interface FormValues {
  title: string;
  documentNo: string;
  publishedOn: Dayjs | null;
}

let nextKey = 1;
const rowOf = (e: { publicId: string; band: string }): Row => ({
  key: nextKey++,
  publicId: e.publicId,
  band: e.band,
});

/** The draft's entries as the server reads them (trimmed; empty rows left out). */
const entriesOf = (rows: Row[]): CatalogueEntryInput[] =>
  rows
    .map((r) => ({ publicId: r.publicId.trim().toUpperCase(), band: r.band.trim() }))
    .filter((r) => r.publicId || r.band);

export function CatalogueAdminPage() {
  return (
    <Flex vertical gap={16} data-testid="catalogue-admin-page">
      <VersionsCard />
      <DraftCard />
    </Flex>
  );
}

function VersionsCard() {
  const { t, lang } = useI18n();
  const versions = useCatalogueVersions();
  return (
    <Card
      title={t('catalogueVersions.title')}
      extra={
        <a href="/catalogue" target="_blank" rel="noreferrer">
          {t('catalogueVersions.publicPage')}
        </a>
      }
    >
      {versions.error != null && (
        <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      )}
      <Table
        size="small"
        rowKey="version"
        loading={versions.isPending}
        dataSource={versions.data?.items ?? []}
        pagination={false}
        data-testid="catalogue-versions"
        locale={{ emptyText: t('catalogueVersions.none') }}
        columns={[
          {
            title: t('catalogueVersions.col.version'),
            dataIndex: 'version',
            width: 90,
            render: (v: number) => t('catalogueVersions.versionN', { n: v }),
          },
          { title: t('catalogueVersions.col.title'), dataIndex: 'title' },
          { title: t('catalogueVersions.col.documentNo'), dataIndex: 'documentNo', width: 220 },
          {
            title: t('catalogueVersions.col.publishedOn'),
            dataIndex: 'publishedOn',
            width: 140,
            render: (d: string) => formatPlainDate(d, lang),
          },
          { title: t('catalogueVersions.col.count'), dataIndex: 'count', width: 80 },
          {
            title: t('catalogueVersions.col.page'),
            dataIndex: 'version',
            key: 'page',
            width: 110,
            render: (v: number) => (
              <a href={`/catalogue/v/${v}`} target="_blank" rel="noreferrer">
                {t('catalogueVersions.open')}
              </a>
            ),
          },
        ]}
      />
    </Card>
  );
}

function DraftCard() {
  const { t, lang, errorText } = useI18n();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const versions = useCatalogueVersions();
  const publish = usePublishCatalogue();
  const [rows, setRows] = useState<Row[]>([]);
  const [imported, setImported] = useState<(CatalogueImport & { filename: string }) | null>(null);
  const [preview, setPreview] = useState<{ key: string; result: CataloguePreview } | null>(null);
  const [busy, setBusy] = useState<'copy' | 'import' | 'preview' | 'evaluation' | null>(null);
  const rounds = useBandedEvaluationRounds();
  const [roundId, setRoundId] = useState<string | undefined>();
  /** the 系统评价 the entries were started from (kept with the version, with each score) */
  const [fromRound, setFromRound] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [today] = useState(() => beijingDay(new Date()));

  const latest = versions.data?.items[0];
  const entries = useMemo(() => entriesOf(rows), [rows]);
  const draftKey = JSON.stringify(entries);
  const current = preview?.key === draftKey ? preview.result : null;
  const facts = useMemo(
    () => new Map((current?.entries ?? []).map((e) => [e.publicId, e])),
    [current],
  );
  const rowProblems = useMemo(
    () => new Map((current?.rowProblems ?? []).map((p) => [p.publicId, p.message])),
    [current],
  );
  const bands = bandOrder(entries.filter((e) => e.band));

  const edit = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const startFrom = async (version: number) => {
    setBusy('copy');
    setFailure(null);
    try {
      const v = await fetchCatalogue(version);
      setRows(v.bands.flatMap((b) => b.categories.flatMap((c) => c.entries)).map(rowOf));
      setImported(null);
      setFromRound(null);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    setBusy('import');
    setFailure(null);
    try {
      const res = await importCatalogueFile(file);
      setRows(res.entries.map(rowOf));
      setImported({ ...res, filename: file.name });
      setFromRound(null);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  /** The round's banded solutions, highest total first; those without a band are left out. */
  const startFromEvaluation = async (id: string) => {
    setBusy('evaluation');
    setFailure(null);
    try {
      const res = await fetchEvaluationResults(id);
      setRows(
        [...res.results]
          .filter((r) => r.band)
          .sort((a, b) => (b.normalisedTotal ?? -Infinity) - (a.normalisedTotal ?? -Infinity))
          .map((r) => rowOf({ publicId: r.publicId, band: r.band! })),
      );
      setImported(null);
      setFromRound(id);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  const runPreview = async () => {
    setBusy('preview');
    setFailure(null);
    try {
      setPreview({ key: draftKey, result: await previewCatalogue(entries) });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  const onFinish = (v: FormValues) => {
    if (!v.publishedOn || !current || current.problems.length) return;
    const body = {
      title: v.title.trim(),
      documentNo: v.documentNo.trim(),
      publishedOn: v.publishedOn.format('YYYY-MM-DD'),
      entries,
      ...(fromRound ? { evaluationRoundId: fromRound } : {}),
    };
    modal.confirm({
      title: t('catalogueVersions.confirmTitle', { n: current.version }),
      width: 560,
      content: (
        <div data-testid="catalogue-confirm">
          <Typography.Paragraph strong>
            {t('catalogueVersions.confirmBody', {
              title: body.title,
              documentNo: body.documentNo,
              date: formatPlainDate(body.publishedOn, lang),
              n: entries.length,
            })}
          </Typography.Paragraph>
          <Typography.Paragraph strong type="danger" style={{ marginBottom: 0 }}>
            {t('catalogueVersions.confirmWarn')}
          </Typography.Paragraph>
        </div>
      ),
      okText: t('catalogueVersions.publish'),
      okButtonProps: { danger: true, 'data-testid': 'catalogue-confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () =>
        publish
          .mutateAsync(body)
          .then((view) => {
            void message.success(t('catalogueVersions.done', { n: view.version }));
            setRows([]);
            setPreview(null);
            setImported(null);
            setFromRound(null);
            form.resetFields();
          })
          .catch((e: unknown) => void message.error(errorText(e))),
    });
  };

  const nextVersion = (latest?.version ?? 0) + 1;
  return (
    <Card
      title={t('catalogueVersions.draftTitle', { n: nextVersion })}
      data-testid="catalogue-draft"
    >
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('catalogueVersions.intro')} />
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ title: '', documentNo: '', publishedOn: dayjs(today) }}
          style={{ maxWidth: 720 }}
        >
          <Form.Item
            name="title"
            label={t('catalogueVersions.field.title')}
            rules={[{ required: true, min: 4, message: t('catalogueVersions.field.titleRule') }]}
          >
            <Input maxLength={200} data-testid="catalogue-title" />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              name="documentNo"
              label={t('catalogueVersions.field.documentNo')}
              rules={[
                { required: true, min: 4, message: t('catalogueVersions.field.documentNoRule') },
              ]}
              style={{ flex: '1 1 280px' }}
            >
              <Input
                maxLength={100}
                placeholder="工信厅信发函〔2026〕100号"
                data-testid="catalogue-document-no"
              />
            </Form.Item>
            <Form.Item
              name="publishedOn"
              label={t('catalogueVersions.field.publishedOn')}
              rules={[{ required: true, message: t('catalogueVersions.field.publishedOnRule') }]}
              style={{ flex: '0 1 200px' }}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) =>
                  d.format('YYYY-MM-DD') > today ||
                  (!!latest && d.format('YYYY-MM-DD') < latest.publishedOn)
                }
              />
            </Form.Item>
          </Flex>
        </Form>

        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('catalogueVersions.entries', { n: entries.length })}
        </Typography.Title>
        <Flex gap={8} wrap>
          {latest && (
            <Button
              icon={<CopyOutlined />}
              loading={busy === 'copy'}
              onClick={() => void startFrom(latest.version)}
              data-testid="catalogue-copy-latest"
            >
              {t('catalogueVersions.copyLatest', { n: latest.version })}
            </Button>
          )}
          {(rounds.data?.length ?? 0) > 0 && (
            <Space.Compact>
              <Select
                style={{ minWidth: 240 }}
                placeholder={t('catalogueVersions.evaluationPick')}
                aria-label={t('catalogueVersions.evaluationPick')}
                value={roundId}
                onChange={setRoundId}
                options={rounds.data!.map((r) => ({ value: r.id, label: r.title }))}
                data-testid="catalogue-evaluation-round"
              />
              <Button
                icon={<BarChartOutlined />}
                disabled={!roundId}
                loading={busy === 'evaluation'}
                onClick={() => roundId && void startFromEvaluation(roundId)}
                data-testid="catalogue-from-evaluation"
              >
                {t('catalogueVersions.fromEvaluation')}
              </Button>
            </Space.Compact>
          )}
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={busy === 'import'}
              data-testid="catalogue-import"
            >
              {t('catalogueVersions.import')}
            </Button>
          </Upload>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setRows((rs) => [...rs, rowOf({ publicId: '', band: bands.at(-1) ?? '' })])
            }
            data-testid="catalogue-add-row"
          >
            {t('catalogueVersions.addRow')}
          </Button>
          {rows.length > 0 && (
            <Button onClick={() => setRows([])}>{t('catalogueVersions.clear')}</Button>
          )}
        </Flex>
        <Typography.Text type="secondary">{t('catalogueVersions.importHint')}</Typography.Text>
        {fromRound && (
          <Alert
            type="info"
            showIcon
            data-testid="catalogue-from-evaluation-note"
            title={t('catalogueVersions.fromEvaluationNote', {
              title: rounds.data?.find((r) => r.id === fromRound)?.title ?? '',
            })}
          />
        )}
        {failure != null && <ErrorAlert error={failure} />}
        {imported && <ImportOutcome result={imported} />}

        <Table<Row>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
          data-testid="catalogue-entries"
          locale={{ emptyText: t('catalogueVersions.noEntries') }}
          columns={[
            {
              title: '#',
              key: 'n',
              width: 50,
              render: (_: unknown, _r: Row, i: number) => i + 1,
            },
            {
              title: t('catalogueVersions.col.publicId'),
              key: 'publicId',
              width: 190,
              render: (_: unknown, r: Row) => (
                <Input
                  value={r.publicId}
                  onChange={(e) => edit(r.key, { publicId: e.target.value })}
                  placeholder="2021-IIAPP-001"
                  aria-label={t('catalogueVersions.col.publicId')}
                  style={{ fontFamily: 'monospace' }}
                />
              ),
            },
            {
              title: t('catalogueVersions.col.band'),
              key: 'band',
              width: 140,
              render: (_: unknown, r: Row) => (
                <AutoComplete
                  value={r.band}
                  options={bands.map((b) => ({ value: b }))}
                  onChange={(v: string) => edit(r.key, { band: v })}
                  placeholder="A类"
                  aria-label={t('catalogueVersions.col.band')}
                  style={{ width: '100%' }}
                />
              ),
            },
            {
              title: t('catalogueVersions.col.solution'),
              key: 'solution',
              render: (_: unknown, r: Row) => {
                const id = r.publicId.trim().toUpperCase();
                const problem = rowProblems.get(id);
                return (
                  <>
                    {problem && (
                      <Tag color="error" data-testid="catalogue-row-problem">
                        {problem}
                      </Tag>
                    )}
                    {facts.get(id)?.solutionName ??
                      (problem ? null : <Typography.Text type="secondary">—</Typography.Text>)}
                  </>
                );
              },
            },
            {
              title: t('catalogueVersions.col.enterprise'),
              key: 'enterprise',
              render: (_: unknown, r: Row) =>
                facts.get(r.publicId.trim().toUpperCase())?.enterpriseName ?? '',
            },
            {
              title: t('catalogueVersions.col.category'),
              key: 'category',
              width: 130,
              render: (_: unknown, r: Row) =>
                facts.get(r.publicId.trim().toUpperCase())?.categoryName ?? '',
            },
            {
              title: '',
              key: 'delete',
              width: 50,
              render: (_: unknown, r: Row) => (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('catalogueVersions.deleteRow')}
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                />
              ),
            },
          ]}
        />

        <Space wrap>
          <Button
            icon={<EyeOutlined />}
            disabled={entries.length === 0}
            loading={busy === 'preview'}
            onClick={() => void runPreview()}
            data-testid="catalogue-preview"
          >
            {t('catalogueVersions.preview')}
          </Button>
          <Button
            type="primary"
            danger
            disabled={!current || current.problems.length > 0}
            loading={publish.isPending}
            onClick={() => form.submit()}
            data-testid="catalogue-publish"
          >
            {t('catalogueVersions.publishN', { n: nextVersion })}
          </Button>
          {!current && entries.length > 0 && (
            <Typography.Text type="secondary">
              {t('catalogueVersions.previewFirst')}
            </Typography.Text>
          )}
        </Space>
        {current && <PreviewResult preview={current} />}
      </Flex>
    </Card>
  );
}

function ImportOutcome({ result }: { result: CatalogueImport & { filename: string } }) {
  const { t } = useI18n();
  return (
    <Alert
      type={result.problems.length ? 'warning' : 'success'}
      showIcon
      data-testid="catalogue-import-result"
      title={t('catalogueVersions.imported', {
        file: result.filename,
        n: result.entries.length,
        p: result.problems.length,
      })}
      description={
        result.problems.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {result.problems.map((p, i) => (
              <li key={i}>
                {t('catalogueVersions.problemRow', { row: p.row })}
                {p.column ? `（${p.column}）` : ''}：{p.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

function ChangeList(props: {
  title: string;
  items: { entry: CatalogueEntry; extra: string }[];
  testId: string;
}) {
  if (!props.items.length) return null;
  return (
    <div data-testid={props.testId}>
      <Typography.Text strong>
        {props.title}（{props.items.length}）
      </Typography.Text>
      <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
        {props.items.map(({ entry, extra }) => (
          <li key={entry.publicId}>
            <span style={{ fontFamily: 'monospace' }}>{entry.publicId}</span> {entry.solutionName}（
            {entry.enterpriseName}） <Tag>{extra}</Tag>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PreviewResult({ preview }: { preview: CataloguePreview }) {
  const { t } = useI18n();
  const c = preview.changes;
  if (preview.problems.length)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="catalogue-problems"
        title={t('catalogueVersions.notReady')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {preview.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        }
      />
    );
  return (
    <Card size="small" title={t('catalogueVersions.changesTitle')} data-testid="catalogue-changes">
      <Typography.Paragraph>
        {c.previousVersion === null
          ? t('catalogueVersions.firstVersion', { n: preview.entries.length })
          : t('catalogueVersions.changesSummary', {
              v: c.previousVersion,
              added: c.added.length,
              removed: c.removed.length,
              moved: c.bandChanged.length,
            })}
      </Typography.Paragraph>
      {c.previousVersion !== null && (
        <>
          <ChangeList
            title={t('catalogueVersions.added')}
            testId="catalogue-added"
            items={c.added.map((entry) => ({ entry, extra: entry.band }))}
          />
          <ChangeList
            title={t('catalogueVersions.removed')}
            testId="catalogue-removed"
            items={c.removed.map((entry) => ({ entry, extra: entry.band }))}
          />
          <ChangeList
            title={t('catalogueVersions.bandChanged')}
            testId="catalogue-band-changed"
            items={c.bandChanged.map((b) => ({ entry: b.entry, extra: `${b.from} → ${b.to}` }))}
          />
        </>
      )}
    </Card>
  );
}

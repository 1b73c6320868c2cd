import { useState } from 'react';
import { Alert, Button, Flex, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { AwardImportResult } from '../../../domain/api/awards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api, ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { downloadTemplate, TEMPLATE_HEADER } from './template';

export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

type Outcome =
  | { kind: 'imported'; filename: string; imported: number; total: number }
  | { kind: 'rejected'; filename: string; total: number | null; problems: ImportProblem[] }
  | { kind: 'failed'; filename: string; error: unknown };

/** IMPORT_REJECTED details: { total, problems: [{ row, column, message }] }. */
export function problemsOf(e: ApiError): { total: number | null; problems: ImportProblem[] } {
  const d = (e.details ?? {}) as { total?: unknown; problems?: unknown };
  const list = Array.isArray(d.problems) ? d.problems : Array.isArray(e.details) ? e.details : [];
  const problems = (list as unknown[])
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
    .map((p) => ({
      row: Number(p.row ?? 0),
      column: p.column == null || p.column === '' ? null : String(p.column),
      message: String(p.message ?? ''),
    }));
  return { total: typeof d.total === 'number' ? d.total : null, problems };
}

/** The problems of a refused import, one line per row and column. */
export function ImportProblems(props: { problems: ImportProblem[] }) {
  const { t } = useI18n();
  return (
    <Table<ImportProblem & { key: number }>
      data-testid="import-problems"
      size="small"
      rowKey="key"
      dataSource={props.problems.map((p, key) => ({ ...p, key }))}
      pagination={props.problems.length > 20 ? { pageSize: 20 } : false}
      columns={[
        {
          title: t('awards.problemRow'),
          dataIndex: 'row',
          width: 90,
          render: (n: number) => (n > 0 ? n : '—'),
        },
        {
          title: t('awards.problemColumn'),
          dataIndex: 'column',
          width: 180,
          render: (c: string | null) => c ?? t('awards.problemWholeRow'),
        },
        { title: t('awards.problemMessage'), dataIndex: 'message' },
      ]}
    />
  );
}

/** Upload of a past-awards list (XLSX or CSV); all rows or none. */
export function ImportAwards() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const res = await api<AwardImportResult>('/awards/import', {
        method: 'POST',
        body,
      });
      setOutcome({ kind: 'imported', filename: file.name, ...res });
      void qc.invalidateQueries({ queryKey: ['awards'] });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_REJECTED')
        setOutcome({ kind: 'rejected', filename: file.name, ...problemsOf(e) });
      else setOutcome({ kind: 'failed', filename: file.name, error: e });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="awards-import">
      <Typography.Paragraph type="secondary">
        {t('awards.importHint', { columns: TEMPLATE_HEADER.join('、') })}
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Upload
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          showUploadList={false}
          maxCount={1}
          disabled={busy}
          customRequest={({ file }) => void upload(file as File)}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={busy}>
            {t('awards.importButton')}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
          {t('awards.template')}
        </Button>
      </Flex>
      {outcome?.kind === 'imported' && (
        <Alert
          type="success"
          showIcon
          data-testid="import-success"
          title={t('awards.imported', { n: outcome.imported, file: outcome.filename })}
          description={t('awards.importedTotal', { total: outcome.total })}
          closable
          onClose={() => setOutcome(null)}
        />
      )}
      {outcome?.kind === 'rejected' && (
        <Flex vertical gap={8}>
          <Alert
            type="error"
            showIcon
            data-testid="import-rejected"
            title={t('awards.rejected', { file: outcome.filename })}
            description={t('awards.rejectedDetail', {
              n: outcome.problems.length,
              total: outcome.total ?? '—',
            })}
          />
          <ImportProblems problems={outcome.problems} />
        </Flex>
      )}
      {outcome?.kind === 'failed' && <ErrorAlert error={outcome.error} />}
    </div>
  );
}

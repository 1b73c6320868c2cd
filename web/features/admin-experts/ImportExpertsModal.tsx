// 导入专家: the template, the upload (all rows or none), then either every problem by row and
// column, or the new accounts with their one-time passwords — shown this once.
import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import {
  CopyOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { useI18n, type Translate } from '../../lib/i18n';
import {
  importProblemsOf,
  templateUrl,
  useImportExperts,
  type ExpertImportResult,
  type ImportProblem,
} from './api';

type Account = ExpertImportResult['accounts'][number];

type Outcome =
  | { kind: 'imported'; filename: string; result: ExpertImportResult }
  | { kind: 'rejected'; filename: string; total: number | null; problems: ImportProblem[] }
  | { kind: 'failed'; filename: string; error: unknown };

/** The problems of a refused file: 行号 / 列 / 问题, in the file's order. */
export function ImportProblemsTable(props: { problems: ImportProblem[] }) {
  const { t } = useI18n();
  return (
    <Table<ImportProblem & { key: number }>
      data-testid="expert-import-problems"
      size="small"
      rowKey="key"
      dataSource={props.problems.map((p, key) => ({ ...p, key }))}
      pagination={props.problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        {
          title: t('experts.import.row'),
          dataIndex: 'row',
          width: 80,
          render: (n: number) => (n > 0 ? n : '—'),
        },
        {
          title: t('experts.import.column'),
          dataIndex: 'column',
          width: 180,
          render: (c: string) => c || t('experts.import.wholeRow'),
        },
        { title: t('experts.import.problem'), dataIndex: 'message' },
      ]}
    />
  );
}

const credentialOf = (t: Translate, a: Account) =>
  a.oneTimePassword ?? t('experts.import.linkSent', { email: a.linkSentTo ?? a.email });

/** The accounts as a table of text: tab-separated for pasting, or CSV for a file. */
export function accountsText(t: Translate, accounts: Account[], sep: '\t' | ','): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return sep === ',' && /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = [
    t('experts.import.row'),
    t('experts.col.name'),
    t('experts.field.email'),
    t('experts.col.login'),
    t('experts.import.password'),
  ];
  const lines = [
    header,
    ...accounts.map((a) => [a.row, a.name, a.email, a.login, credentialOf(t, a)]),
  ];
  return lines.map((l) => l.map(cell).join(sep)).join(sep === ',' ? '\r\n' : '\n');
}

function downloadCsv(text: string, filename: string) {
  // UTF-8 with a BOM, so Excel and WPS open the Chinese correctly
  const blob = new Blob([`\uFEFF${text}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The accounts just opened, each with its one-time password or where its link went. */
function ImportedAccounts(props: { result: ExpertImportResult; filename: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { accounts } = props.result;
  const withPassword = accounts.filter((a) => a.oneTimePassword).length;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(accountsText(t, accounts, '\t'));
      void message.success(t('experts.import.copied'));
    } catch {
      void message.error(t('experts.import.copyFailed'));
    }
  };
  return (
    <Flex vertical gap={12}>
      <Alert
        type="success"
        showIcon
        data-testid="expert-import-success"
        title={t('experts.import.imported', {
          n: props.result.imported,
          file: props.filename,
        })}
      />
      {withPassword > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="expert-import-once"
          title={t('experts.import.onceTitle')}
          description={t('experts.import.onceHint', { n: withPassword })}
        />
      )}
      <Flex gap={8} wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('experts.import.copyAll')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            downloadCsv(accountsText(t, accounts, ','), t('experts.import.accountsFile'))
          }
        >
          {t('experts.import.downloadAccounts')}
        </Button>
      </Flex>
      <Table<Account>
        data-testid="expert-import-accounts"
        size="small"
        rowKey="expertId"
        dataSource={accounts}
        pagination={accounts.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          { title: t('experts.import.row'), dataIndex: 'row', width: 70 },
          { title: t('experts.col.name'), dataIndex: 'name', width: 110 },
          { title: t('experts.field.email'), dataIndex: 'email', ellipsis: true },
          {
            title: t('experts.col.login'),
            dataIndex: 'login',
            width: 130,
            render: (l: string) => <Typography.Text code>{l}</Typography.Text>,
          },
          {
            title: t('experts.import.password'),
            key: 'password',
            width: 190,
            render: (_, a) =>
              a.oneTimePassword ? (
                <Typography.Text
                  code
                  copyable={{
                    text: a.oneTimePassword,
                    tooltips: [t('common.copy'), t('common.copied')],
                  }}
                  data-testid="expert-one-time-password"
                >
                  {a.oneTimePassword}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{credentialOf(t, a)}</Typography.Text>
              ),
          },
        ]}
      />
    </Flex>
  );
}

export function ImportExpertsModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const importing = useImportExperts();

  const upload = async (file: File) => {
    setOutcome(null);
    try {
      const result = await importing.mutateAsync(file);
      setOutcome({ kind: 'imported', filename: file.name, result });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_REJECTED')
        setOutcome({ kind: 'rejected', filename: file.name, ...importProblemsOf(e) });
      else setOutcome({ kind: 'failed', filename: file.name, error: e });
    }
  };

  const close = () => {
    setOutcome(null);
    importing.reset();
    props.onClose();
  };
  const passwordsShown =
    outcome?.kind === 'imported' && outcome.result.accounts.some((a) => a.oneTimePassword);
  const requestClose = () => {
    if (!passwordsShown) return close();
    modal.confirm({
      title: t('experts.import.closeTitle'),
      content: t('experts.import.closeHint'),
      okText: t('experts.import.closeOk'),
      cancelText: t('experts.import.closeBack'),
      onOk: close,
    });
  };

  const rows = outcome?.kind === 'rejected' ? new Set(outcome.problems.map((p) => p.row)).size : 0;
  return (
    <Modal
      open={props.open}
      title={t('experts.import.title')}
      width={outcome?.kind === 'imported' ? 880 : 760}
      onCancel={requestClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={<Button onClick={requestClose}>{t('experts.import.close')}</Button>}
    >
      <Flex vertical gap={12} data-testid="expert-import">
        {outcome?.kind !== 'imported' && (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('experts.import.hint')}
            </Typography.Paragraph>
            <Flex gap={8} wrap align="center">
              <Button icon={<FileExcelOutlined />} href={templateUrl} download>
                {t('experts.import.template')}
              </Button>
              <Upload
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                showUploadList={false}
                maxCount={1}
                disabled={importing.isPending}
                customRequest={({ file }) => void upload(file as File)}
              >
                <Button type="primary" icon={<UploadOutlined />} loading={importing.isPending}>
                  {outcome ? t('experts.import.uploadAgain') : t('experts.import.upload')}
                </Button>
              </Upload>
            </Flex>
          </>
        )}
        {outcome?.kind === 'rejected' && (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="expert-import-rejected"
              title={t('experts.import.rejected', { file: outcome.filename })}
              description={t('experts.import.rejectedDetail', {
                n: outcome.problems.length,
                rows,
                total: outcome.total ?? '—',
              })}
            />
            <ImportProblemsTable problems={outcome.problems} />
          </>
        )}
        {outcome?.kind === 'failed' && <ErrorAlert error={outcome.error} />}
        {outcome?.kind === 'imported' && (
          <ImportedAccounts result={outcome.result} filename={outcome.filename} />
        )}
      </Flex>
    </Modal>
  );
}

import { App, Button, Modal, Popconfirm, Space, Spin, Table, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import type { CampaignSettings } from '../../../domain/campaign';
import type { FormDeclaration } from '../../../domain/form';
import { displayValue, formDiff } from '../../../domain/form-values';
import type { Attachment } from '../../lib/applications';
import { industryCodesIn, useValueNames } from '../../lib/form-display';
import { labelOfPath, pathKey } from '../../lib/form-paths';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

/** The person's data against the newer version's (or, when that failed to load, the last saved). */
export interface ConflictComparison {
  mine: unknown;
  /** undefined while the newer version loads. */
  other: unknown;
  kind: 'latest' | 'saved';
}

/**
 * A save was refused because someone saved a newer version. The person's own input stays on the
 * page; the dialog shows the fields that differ, by label and as they read; they choose: copy
 * theirs, load the newer version, or overwrite on purpose.
 */
export function ConflictDialog(props: {
  open: boolean;
  title?: string;
  decl: FormDeclaration;
  comparison: ConflictComparison;
  settings?: Pick<CampaignSettings, 'categories'>;
  attachments?: ReadonlyMap<string, Attachment>;
  currentVersion?: number;
  updatedAt?: string | null;
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
  busy?: boolean;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { mine, other, kind } = props.comparison;
  const loading = other === undefined;
  const diff = props.open && !loading ? formDiff(props.decl, mine, other) : [];
  const codes = industryCodesIn(
    diff.flatMap((d) => [
      { type: d.field.type, value: d.mine },
      { type: d.field.type, value: d.theirs },
    ]),
  );
  const names = useValueNames({
    settings: props.settings,
    attachments: props.attachments,
    industryCodes: codes,
  });
  const rows = diff.map((d) => ({
    key: pathKey(d.path),
    label: labelOfPath(props.decl, d.path, lang),
    mine: displayValue(d.field, d.mine, names),
    theirs: displayValue(d.field, d.theirs, names),
  }));
  const empty = <Typography.Text type="secondary">{t('conflict.empty')}</Typography.Text>;
  const copy = async () => {
    const text = rows.map((r) => `【${r.label}】\n${r.mine}`).join('\n\n');
    try {
      await navigator.clipboard.writeText(text);
      message.success(t('common.copied'));
    } catch {
      // no clipboard permission: the values are selectable in the dialog
      message.info(t('conflict.mine'));
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title ?? t('conflict.title')}
      onCancel={props.onClose}
      width={820}
      mask={{ closable: false }}
      footer={
        <Space wrap>
          <Button onClick={props.onClose}>{t('conflict.later')}</Button>
          <Button icon={<CopyOutlined />} onClick={() => void copy()} disabled={!rows.length}>
            {t('conflict.copy')}
          </Button>
          <Button onClick={props.onReload} disabled={props.busy}>
            {t('conflict.reload')}
          </Button>
          <Popconfirm title={t('conflict.overwriteConfirm')} onConfirm={props.onOverwrite}>
            <Button type="primary" danger loading={props.busy}>
              {t('conflict.overwrite')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Typography.Paragraph>
        {t('conflict.body', {
          version: props.currentVersion ?? '?',
          time: props.updatedAt ? formatDateTime(props.updatedAt) : '—',
        })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('conflict.reloadHint')}</Typography.Paragraph>
      {loading ? (
        <Spin description={t('conflict.loading')} />
      ) : (
        <div data-testid="conflict-mine">
          <Typography.Text strong>
            {rows.length
              ? t(kind === 'latest' ? 'conflict.differ' : 'conflict.differSaved', {
                  n: rows.length,
                })
              : t('conflict.none')}
          </Typography.Text>
          {rows.length > 0 && (
            <Table
              size="small"
              pagination={false}
              style={{ marginTop: 8 }}
              dataSource={rows}
              onRow={() => ({ 'data-testid': 'conflict-field' }) as object}
              columns={[
                { title: t('conflict.field'), dataIndex: 'label', width: '28%' },
                {
                  title: t('conflict.mineColumn'),
                  dataIndex: 'mine',
                  render: (v: string) =>
                    v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : empty,
                },
                {
                  title: t(kind === 'latest' ? 'conflict.theirs' : 'conflict.saved'),
                  dataIndex: 'theirs',
                  render: (v: string) =>
                    v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : empty,
                },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}

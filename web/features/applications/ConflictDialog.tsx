import { App, Button, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

/**
 * A save was refused because someone saved a newer version. The person's own text stays on the
 * page and in the dialog; they choose: copy it, load the newer version, or overwrite on purpose.
 */
export function ConflictDialog(props: {
  open: boolean;
  myText: string;
  currentVersion?: number;
  updatedAt?: string;
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.myText);
      message.success(t('common.copied'));
    } catch {
      // no clipboard permission: the text is selectable in the box
      message.info(t('conflict.mine'));
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('conflict.title')}
      onCancel={props.onClose}
      width={720}
      mask={{ closable: false }}
      footer={
        <Space wrap>
          <Button onClick={props.onClose}>{t('conflict.later')}</Button>
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
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
      <Typography.Text strong>{t('conflict.mine')}</Typography.Text>
      <Input.TextArea
        readOnly
        value={props.myText}
        autoSize={{ minRows: 4, maxRows: 12 }}
        data-testid="conflict-mine"
        style={{ marginTop: 8 }}
      />
    </Modal>
  );
}

import { Button, Popconfirm } from 'antd';
import {
  DeleteOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { pdfUrl, type Application, type VersionSummary } from '../../lib/applications';
import { useI18n } from '../../lib/i18n';

/** What the person can do now: save and submit a draft, print a submitted one, withdraw it. */
export function ApplicationActions(props: {
  app: Application;
  canEdit: boolean;
  isOwner: boolean;
  saving: boolean;
  latestVersion: VersionSummary | undefined;
  onSave: () => void;
  onSubmit: () => void;
  onWithdraw: () => void;
  onDelete: () => void;
}) {
  const { app, canEdit, latestVersion } = props;
  const { t } = useI18n();
  return (
    <>
      {canEdit && (
        <>
          <Button icon={<SaveOutlined />} onClick={props.onSave} loading={props.saving}>
            {t('editor.save')}
          </Button>
          <Button type="primary" icon={<SendOutlined />} onClick={props.onSubmit}>
            {t('editor.submit')}
          </Button>
        </>
      )}
      {!canEdit && latestVersion && (
        <>
          <Button icon={<FilePdfOutlined />} href={pdfUrl(app.id, latestVersion.versionNo, 'pdf')}>
            {t('editor.downloadPdf')}
          </Button>
          <Button
            icon={<FileWordOutlined />}
            href={pdfUrl(app.id, latestVersion.versionNo, 'docx')}
          >
            {t('editor.downloadWord')}
          </Button>
        </>
      )}
      {props.isOwner && app.state === 'draft' && app.currentVersionNo === null && (
        <Popconfirm
          title={t('editor.deleteDraftConfirm')}
          okText={t('editor.deleteDraft')}
          okButtonProps={{ danger: true }}
          onConfirm={props.onDelete}
        >
          <Button icon={<DeleteOutlined />} danger>
            {t('editor.deleteDraft')}
          </Button>
        </Popconfirm>
      )}
      {props.isOwner && app.state === 'submitted' && (
        <Popconfirm title={t('editor.withdrawConfirm')} onConfirm={props.onWithdraw}>
          <Button icon={<RollbackOutlined />} danger>
            {t('editor.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}

import { App, Button, Card, Descriptions, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatSize } from '../../lib/applications';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { batchFileUrl, useUploadScan } from './api';
import type { Desk } from './DeskFrame';

/** The stamped 附件3 scan: what is uploaded, and (until signed off) upload or replace it. */
export function StampedScanCard({ desk }: { desk: Desk }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { batch, campaign, unitId, signedOff } = desk;
  const upload = useUploadScan(campaign.id, unitId);
  return (
    <Card title={t('desk.scan.title')}>
      <Typography.Paragraph type="secondary">{t('desk.scan.hint')}</Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('desk.scan.current')}>
          {batch.stampedScan ? (
            <a
              href={batchFileUrl(campaign.id, unitId, 'stamped-scan')}
              download={batch.stampedScan.filename}
              data-testid="stamped-scan"
            >
              <PaperClipOutlined /> {batch.stampedScan.filename}（
              {formatSize(batch.stampedScan.size)}，{formatDateTime(batch.stampedScan.createdAt)}）
            </a>
          ) : (
            <Typography.Text type="secondary" data-testid="stamped-scan-none">
              {t('desk.scan.none')}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={upload.error} />
      {!signedOff && (
        <Upload
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          showUploadList={false}
          maxCount={1}
          customRequest={({ file }) => {
            upload.mutate(file as File, {
              onSuccess: () => message.success(t('desk.scan.uploaded')),
            });
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="upload-scan">
            {batch.stampedScan ? t('desk.scan.replace') : t('desk.scan.upload')}
          </Button>
        </Upload>
      )}
    </Card>
  );
}

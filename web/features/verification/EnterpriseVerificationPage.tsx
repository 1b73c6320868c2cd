// /account/verification — 企业认证: the enterprise uploads its licence (and letter) and sees where
// the check stands. Submitting needs the documents; the recommender verifies while reviewing.
import { Alert, App, Button, Card, Flex, Radio, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { VerificationDocumentKind } from '../../../domain/enterprise-verification';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/queries';
import {
  useSetFiler,
  useUploadProof,
  useVerification,
  type EnterpriseVerification,
} from '../../lib/verification';
import { ProofList } from '../../components/verification/ProofList';
import { VerificationStatusTag } from '../../components/verification/VerificationStatusTag';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

function StatusAlert({ v }: { v: EnterpriseVerification }) {
  const { t } = useI18n();
  if (v.status === 'verified')
    return (
      <Alert
        type="success"
        showIcon
        title={t('ev.verified', { by: v.verifiedBy ?? '', at: formatDateTime(v.verifiedAt) })}
      />
    );
  if (v.status === 'rejected')
    return (
      <Alert
        type="error"
        showIcon
        title={t('ev.rejected', { by: v.verifiedBy ?? '', reason: v.reason ?? '' })}
        description={t('ev.rejectedNext')}
        data-testid="verification-reason"
      />
    );
  if (v.status === 'pending') return <Alert type="info" showIcon title={t('ev.pending')} />;
  return <Alert type="warning" showIcon title={t('ev.unsubmitted')} />;
}

function UploadButton({
  id,
  kind,
  v,
}: {
  id: string;
  kind: VerificationDocumentKind;
  v: EnterpriseVerification;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const upload = useUploadProof(id);
  return (
    <Flex vertical gap={4}>
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        maxCount={1}
        customRequest={({ file }) =>
          upload.mutate(
            { kind, file: file as File },
            { onSuccess: () => message.success(t('ev.uploaded')) },
          )
        }
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid={`upload-${kind}`}>
          {v[kind] ? t(`ev.replace.${kind}`) : t(`ev.upload.${kind}`)}
        </Button>
      </Upload>
      <ErrorAlert error={upload.error} />
    </Flex>
  );
}

export function EnterpriseVerificationPage() {
  const { t } = useI18n();
  const me = useMe();
  const id = me.data?.enterprise?.id;
  const v = useVerification(id);
  const filer = useSetFiler(id ?? '');
  if (!me.data) return <Loading />;
  if (!id) return <Alert type="info" title={t('common.forbidden')} />;
  if (v.error) return <ErrorAlert error={v.error} onRetry={() => void v.refetch()} />;
  if (!v.data) return <Loading />;
  const data = v.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('ev.title')}
          </Typography.Title>
        }
        extra={<VerificationStatusTag status={data.status} />}
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('ev.intro', { name: data.enterpriseName, uscc: data.uscc })}
          </Typography.Paragraph>
          <StatusAlert v={data} />
        </Space>
      </Card>
      <Card title={t('ev.materials')}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Text strong id="filer-label">
              {t('ev.filer')}
            </Typography.Text>
            <div style={{ marginTop: 8 }}>
              <Radio.Group
                aria-labelledby="filer-label"
                value={data.filerIsLegalRep}
                disabled={filer.isPending}
                onChange={(e) => filer.mutate(e.target.value as boolean)}
                options={[
                  { value: true, label: t('ev.filer.legalRep') },
                  { value: false, label: t('ev.filer.authorised') },
                ]}
                data-testid="filer"
              />
            </div>
            <ErrorAlert error={filer.error} />
          </div>
          <ProofList v={data} />
          <Flex wrap gap={16}>
            <UploadButton id={id} kind="licence" v={data} />
            {!data.filerIsLegalRep && <UploadButton id={id} kind="authorisation" v={data} />}
          </Flex>
          <Typography.Text type="secondary">{t('ev.fileHint')}</Typography.Text>
        </Space>
      </Card>
    </Space>
  );
}

// On the desk's review page: the enterprise's licence (and letter), 核验通过 / 核验不通过.
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { ErrorAlert } from '../ErrorAlert';
import { Loading } from '../Loading';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useDecideVerification, useVerification } from '../../lib/verification';
import { ProofList } from './ProofList';
import { VerificationStatusTag } from './VerificationStatusTag';

export function VerificationCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const v = useVerification(enterpriseId);
  const decide = useDecideVerification(enterpriseId);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (v.error) return <ErrorAlert error={v.error} onRetry={() => void v.refetch()} />;
  if (!v.data) return <Loading />;
  const data = v.data;
  return (
    <Card
      size="small"
      title={t('ev.card.title')}
      extra={<VerificationStatusTag status={data.status} />}
      data-testid="verification-card"
    >
      <Flex vertical gap={8}>
        {data.status === 'verified' && (
          <Typography.Text type="secondary">
            {t('ev.card.verifiedBy', {
              by: data.verifiedBy ?? '',
              at: formatDateTime(data.verifiedAt),
            })}
          </Typography.Text>
        )}
        {data.status === 'rejected' && (
          <Alert
            type="error"
            showIcon
            title={t('ev.card.rejected', { reason: data.reason ?? '' })}
          />
        )}
        {data.status !== 'verified' && (
          <Alert type="warning" showIcon title={t('ev.card.needed')} />
        )}
        <ProofList v={data} />
        {data.missing.length > 0 && (
          <Typography.Text type="secondary">{t('ev.card.askUpload')}</Typography.Text>
        )}
        {!rejecting && <ErrorAlert error={decide.error} />}
        {data.mayDecide && data.missing.length === 0 && (
          <Flex wrap gap={8}>
            {data.status !== 'verified' && (
              <Button
                type="primary"
                loading={decide.isPending}
                onClick={() =>
                  decide.mutate(
                    { decision: 'verified' },
                    { onSuccess: () => message.success(t('ev.card.doneVerified')) },
                  )
                }
                data-testid="verify-enterprise"
              >
                {t('ev.card.verify')}
              </Button>
            )}
            <Button
              danger
              onClick={() => {
                decide.reset();
                setRejecting(true);
              }}
              data-testid="reject-verification"
            >
              {t('ev.card.reject')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Modal
        open={rejecting}
        title={t('ev.card.rejectTitle')}
        okText={t('ev.card.reject')}
        okButtonProps={{ danger: true, loading: decide.isPending }}
        cancelText={t('common.cancel')}
        onCancel={() => setRejecting(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {rejecting && <ErrorAlert error={decide.error} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(f) =>
            decide.mutate(
              { decision: 'rejected', reason: f.reason.trim() },
              {
                onSuccess: () => {
                  setRejecting(false);
                  message.success(t('ev.card.doneRejected'));
                },
              },
            )
          }
        >
          <Form.Item
            name="reason"
            label={t('ev.card.reason')}
            rules={[
              { required: true, whitespace: true, message: t('ev.card.reasonRequired') },
              { min: 2, message: t('ev.card.reasonRequired') },
            ]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

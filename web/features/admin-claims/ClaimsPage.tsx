// /admin/claims — 代码申诉: the organizer checks the claimant's licence, upholds or dismisses with a
// reason, and, upholding, may move the code to a new account for the claimant.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Radio,
  Segmented,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OneTimePasswordModal } from '../../components/OneTimePasswordModal';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims, useResolveClaim, type UsccClaimView } from '../../lib/verification';
import { VerificationStatusTag } from '../../components/verification/VerificationStatusTag';

type Filter = 'open' | 'all';
interface ResolveValues {
  decision: 'upheld' | 'dismissed';
  reason: string;
  moveCode: boolean;
}

function ResolveModal({ claim, onClose }: { claim: UsccClaimView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ResolveValues>();
  const resolve = useResolveClaim();
  const [account, setAccount] = useState<{ login: string; oneTimePassword: string } | null>(null);
  const decision = Form.useWatch('decision', form);
  return (
    <>
      <Modal
        open={!!claim}
        title={t('claim.resolveTitle', { uscc: claim?.uscc ?? '' })}
        okText={t('claim.resolve')}
        okButtonProps={{ loading: resolve.isPending }}
        cancelText={t('common.cancel')}
        onCancel={onClose}
        onOk={() => form.submit()}
        afterClose={() => {
          form.resetFields();
          resolve.reset();
        }}
        destroyOnHidden
        data-testid="resolve-modal"
      >
        <ErrorAlert error={resolve.error} />
        <Form<ResolveValues>
          form={form}
          layout="vertical"
          initialValues={{ decision: 'upheld', moveCode: true }}
          onFinish={(v) =>
            claim &&
            resolve.mutate(
              {
                id: claim.id,
                decision: v.decision,
                reason: v.reason.trim(),
                moveCode: v.decision === 'upheld' && v.moveCode,
              },
              {
                onSuccess: (res) => {
                  message.success(t('claim.resolved'));
                  onClose();
                  const acc = res.account;
                  if (acc?.oneTimePassword)
                    setAccount({ login: acc.login, oneTimePassword: acc.oneTimePassword });
                  else if (acc?.linkSentTo)
                    modal.success({
                      title: t('users.linkSentTitle'),
                      content: t('users.linkSent', { email: acc.linkSentTo }),
                    });
                },
              },
            )
          }
        >
          <Form.Item name="decision" label={t('claim.decision')}>
            <Radio.Group
              options={[
                { value: 'upheld', label: t('claim.state.upheld') },
                { value: 'dismissed', label: t('claim.state.dismissed') },
              ]}
            />
          </Form.Item>
          {decision !== 'dismissed' && (
            <Form.Item name="moveCode" valuePropName="checked" extra={t('claim.moveHint')}>
              <Checkbox data-testid="move-code">{t('claim.moveCode')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('claim.reason')}
            rules={[
              { required: true, whitespace: true, message: t('claim.reasonRequired') },
              { min: 2, message: t('claim.reasonRequired') },
            ]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <OneTimePasswordModal
        login={account?.login ?? ''}
        password={account?.oneTimePassword ?? null}
        onClose={() => setAccount(null)}
      />
    </>
  );
}

export function ClaimsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const claims = useClaims(filter === 'open' ? 'open' : undefined);
  const [resolving, setResolving] = useState<UsccClaimView | null>(null);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('claim.admin.title')}
        </Typography.Title>
      }
      extra={
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'open', label: t('claim.state.open') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      }
    >
      <Alert type="info" showIcon title={t('claim.admin.hint')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={claims.error} onRetry={() => void claims.refetch()} />
      <Table<UsccClaimView>
        rowKey="id"
        loading={claims.isLoading}
        dataSource={claims.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="claims"
        columns={[
          {
            title: t('claim.col.claimant'),
            key: 'claimant',
            render: (_, c) => (
              <>
                <div>{c.enterpriseName}</div>
                <Typography.Text code>{c.uscc}</Typography.Text>
                <div>
                  {c.contactName} · {c.phone} · {c.email}
                </div>
                {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
              </>
            ),
          },
          {
            title: t('ev.doc.licence'),
            key: 'licence',
            render: (_, c) => (
              <a href={`/api/v1/uscc-claims/${c.id}/licence`} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> {c.licence.filename}
              </a>
            ),
          },
          {
            title: t('claim.col.holder'),
            key: 'holder',
            render: (_, c) =>
              c.holder ? (
                <>
                  <div>{c.holder.name}</div>
                  <div>
                    {c.holder.contactName} · {c.holder.email}
                  </div>
                  <VerificationStatusTag status={c.holder.verificationStatus} />
                  {c.holder.releasedAt && <Tag>{t('claim.released')}</Tag>}
                </>
              ) : (
                <Typography.Text type="secondary">{t('claim.noHolder')}</Typography.Text>
              ),
          },
          {
            title: t('claim.col.filedAt'),
            key: 'at',
            width: 150,
            render: (_, c) => formatDateTime(c.createdAt),
          },
          {
            title: t('common.status'),
            key: 'state',
            width: 200,
            render: (_, c) => (
              <>
                <Tag
                  color={
                    c.state === 'open' ? 'processing' : c.state === 'upheld' ? 'success' : 'default'
                  }
                >
                  {t(`claim.state.${c.state}`)}
                </Tag>
                {c.decisionReason && <div>{c.decisionReason}</div>}
              </>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_, c) =>
              c.state === 'open' && (
                <Button size="small" onClick={() => setResolving(c)} data-testid="resolve-claim">
                  {t('claim.resolve')}
                </Button>
              ),
          },
        ]}
      />
      <ResolveModal claim={resolving} onClose={() => setResolving(null)} />
    </Card>
  );
}

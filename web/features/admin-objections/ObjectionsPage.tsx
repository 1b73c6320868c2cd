// /admin/objections/:campaignId? — 公示异议处理: the campaign's objections (待处理 first), each opened
// in a drawer with the objector's details, the reasons and the attachment; the organizer upholds
// (维持异议: the solution is withdrawn from the list — confirmed first) or dismisses (不予采纳), with
// a reason. When the objector left no e-mail the page says to telephone them, with the number.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import {
  resolveObjectionSchema,
  type ObjectionOutcome,
  type ObjectionState,
} from '../../../domain/objections';
import { CampaignRoute, type CampaignChoice } from '../../components/CampaignRoute';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatSize } from '../../lib/applications';
import { formatDateTime } from '../../lib/format';
import { isMessageKey, useI18n } from '../../lib/i18n';
import { usePublicNotice } from '../../lib/public-notice';
import { fieldRule } from '../../lib/zod-form';
import {
  attachmentUrl,
  useObjections,
  useResolveObjection,
  type ObjectionView,
  type ResolvedObjection,
} from './api';

type Filter = ObjectionState | 'all';
const STATE_COLORS: Record<ObjectionState, string> = {
  received: 'processing',
  upheld: 'red',
  dismissed: 'default',
};

export function ObjectionsPage() {
  return (
    <CampaignRoute base="/admin/objections">
      {(choice) => <ObjectionsPanel {...choice} />}
    </CampaignRoute>
  );
}

function StateTag({ state }: { state: ObjectionState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`objection.state.${state}`)}</Tag>;
}

export function ObjectionsPanel(props: CampaignChoice) {
  const { t } = useI18n();
  const c = props.campaign;
  const [filter, setFilter] = useState<Filter>('received');
  const [openId, setOpenId] = useState<string | null>(null);
  const [told, setTold] = useState<ResolvedObjection | null>(null);
  const notice = usePublicNotice(c?.id);
  const list = useObjections(c?.id, filter === 'all' ? undefined : filter);
  const items = list.data?.items ?? [];
  const open = items.find((o) => o.id === openId) ?? null;
  return (
    <Card
      title={t('objection.admin.title')}
      extra={
        <Select
          aria-label={t('objection.admin.campaign')}
          style={{ width: 320 }}
          value={c?.id}
          placeholder={t('objection.admin.campaign')}
          onChange={props.onPick}
          options={props.campaigns.map((x) => ({ value: x.id, label: x.title }))}
          data-testid="objections-campaign"
        />
      }
    >
      {!c ? (
        <Typography.Text type="secondary">{t('objection.admin.pickCampaign')}</Typography.Text>
      ) : notice.data === null ? (
        <Typography.Text type="secondary" data-testid="objections-no-notice">
          {t('objection.admin.noNotice')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          {notice.data && (
            <Typography.Text data-testid="objections-period">
              {t('objection.admin.period', { period: notice.data.period.text })}{' '}
              <Tag>{t(`notice.state.${notice.data.state}`)}</Tag>
            </Typography.Text>
          )}
          <Alert type="info" showIcon title={t('objection.admin.hint')} />
          {told && <ToldAlert told={told} onClose={() => setTold(null)} />}
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'received', label: t('objection.state.received') },
              { value: 'upheld', label: t('objection.state.upheld') },
              { value: 'dismissed', label: t('objection.state.dismissed') },
              { value: 'all', label: t('objection.filter.all') },
            ]}
            data-testid="objections-filter"
          />
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          <Table<ObjectionView>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={items}
            pagination={items.length > 50 ? { defaultPageSize: 50 } : false}
            locale={{ emptyText: t('objection.empty') }}
            scroll={{ x: 900 }}
            data-testid="objections"
            columns={[
              {
                title: t('objection.col.ref'),
                dataIndex: 'referenceNo',
                width: 140,
                render: (ref: string) => <Typography.Text code>{ref}</Typography.Text>,
              },
              {
                title: t('objection.col.solution'),
                key: 'solution',
                render: (_, o) => (
                  <>
                    <div>{o.solutionName}</div>
                    <Typography.Text type="secondary">
                      {o.applicantName} · {o.unitName}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: t('objection.col.objector'),
                key: 'objector',
                width: 220,
                render: (_, o) => (
                  <>
                    <div>{o.name}</div>
                    <Typography.Text type="secondary">{o.organisation}</Typography.Text>
                  </>
                ),
              },
              {
                title: t('objection.col.submittedAt'),
                key: 'at',
                width: 150,
                render: (_, o) => formatDateTime(o.submittedAt),
              },
              {
                title: t('objection.col.state'),
                key: 'state',
                width: 150,
                render: (_, o) => <StateTag state={o.state} />,
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 90,
                render: (_, o) => (
                  <Button
                    size="small"
                    type={o.state === 'received' ? 'primary' : 'default'}
                    onClick={() => setOpenId(o.id)}
                    data-testid={`objection-open-${o.referenceNo}`}
                  >
                    {o.state === 'received' ? t('objection.handle') : t('objection.view')}
                  </Button>
                ),
              },
            ]}
          />
        </Flex>
      )}
      {c && (
        <ObjectionDrawer
          campaignId={c.id}
          objection={open}
          onClose={() => setOpenId(null)}
          onResolved={(r) => {
            setTold(r);
            setOpenId(null);
          }}
        />
      )}
    </Card>
  );
}

/** After a resolution: how the objector learns it — the telephone number when there is no e-mail. */
function ToldAlert({ told, onClose }: { told: ResolvedObjection; onClose: () => void }) {
  const { t } = useI18n();
  const o = told.objection;
  return (
    <Alert
      type={told.toldBy === 'phone' ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      data-testid="objection-told"
      title={t('objection.resolved', { ref: o.referenceNo })}
      description={
        <>
          <div>
            {told.toldBy === 'phone'
              ? t('objection.resolved.phone', { phone: o.phone })
              : t('objection.resolved.email')}
          </div>
          {told.outcome === 'upheld' && !told.withdrawn && (
            <div>{t('objection.resolved.alreadyWithdrawn')}</div>
          )}
        </>
      }
    />
  );
}

interface ResolveValues {
  outcome: ObjectionOutcome;
  resolution: string;
}

function ObjectionDrawer(props: {
  campaignId: string;
  objection: ObjectionView | null;
  onClose: () => void;
  onResolved: (r: ResolvedObjection) => void;
}) {
  const { t } = useI18n();
  const o = props.objection;
  const appState = o ? `appState.${o.applicationState}` : '';
  return (
    <Drawer
      open={!!o}
      onClose={props.onClose}
      size="large"
      destroyOnHidden
      title={o ? t('objection.detail.title', { ref: o.referenceNo }) : ''}
      data-testid="objection-drawer"
    >
      {o && (
        <Flex vertical gap={16}>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { label: t('objection.col.state'), children: <StateTag state={o.state} /> },
              { label: t('objection.detail.solution'), children: o.solutionName },
              { label: t('objection.detail.applicant'), children: o.applicantName },
              { label: t('objection.detail.unit'), children: o.unitName },
              {
                label: t('objection.detail.applicationState'),
                children: isMessageKey(appState) ? t(appState) : o.applicationState,
              },
              { label: t('objection.detail.name'), children: o.name },
              { label: t('objection.detail.organisation'), children: o.organisation },
              {
                label: t('objection.detail.phone'),
                children: <span data-testid="objection-phone">{o.phone}</span>,
              },
              {
                label: t('objection.detail.email'),
                children: o.email ?? (
                  <Typography.Text type="warning">{t('objection.detail.noEmail')}</Typography.Text>
                ),
              },
              {
                label: t('objection.detail.submittedAt'),
                children: formatDateTime(o.submittedAt),
              },
              {
                label: t('objection.detail.reasons'),
                children: (
                  <Typography.Paragraph
                    style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                    data-testid="objection-reasons"
                  >
                    {o.reasons}
                  </Typography.Paragraph>
                ),
              },
              {
                label: t('objection.detail.attachment'),
                children: o.attachment ? (
                  <a
                    href={attachmentUrl(props.campaignId, o.id)}
                    target="_blank"
                    rel="noreferrer"
                    data-testid="objection-attachment"
                  >
                    <PaperClipOutlined /> {o.attachment.filename}（{formatSize(o.attachment.size)}）
                  </a>
                ) : (
                  t('objection.detail.noAttachment')
                ),
              },
              ...(o.state === 'received'
                ? []
                : [
                    { label: t('objection.detail.resolution'), children: o.resolution },
                    { label: t('objection.detail.resolvedBy'), children: o.resolvedBy },
                    {
                      label: t('objection.detail.resolvedAt'),
                      children: formatDateTime(o.resolvedAt),
                    },
                  ]),
            ]}
          />
          {o.state === 'received' && (
            <ResolveForm
              campaignId={props.campaignId}
              objection={o}
              onResolved={props.onResolved}
            />
          )}
        </Flex>
      )}
    </Drawer>
  );
}

function ResolveForm(props: {
  campaignId: string;
  objection: ObjectionView;
  onResolved: (r: ResolvedObjection) => void;
}) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<ResolveValues>();
  const resolve = useResolveObjection(props.campaignId);
  const o = props.objection;
  const send = (v: ResolveValues) =>
    resolve.mutate(
      { objectionId: o.id, outcome: v.outcome, resolution: v.resolution.trim() },
      {
        onSuccess: (r) => {
          void message.success(t('objection.resolved', { ref: o.referenceNo }));
          props.onResolved(r);
        },
      },
    );
  return (
    <Card size="small" title={t('objection.handle')}>
      <ErrorAlert error={resolve.error} />
      <Form<ResolveValues>
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'dismissed' }}
        onFinish={(v) => {
          if (v.outcome !== 'upheld') return send(v);
          modal.confirm({
            title: t('objection.resolve.confirmTitle', { name: o.solutionName }),
            content: t('objection.resolve.confirmBody'),
            okText: t('objection.resolve.confirmOk'),
            okButtonProps: { danger: true },
            cancelText: t('common.cancel'),
            onOk: () => send(v),
          });
        }}
        data-testid="objection-resolve"
      >
        <Form.Item name="outcome" label={t('objection.resolve.outcome')} required>
          <Radio.Group
            options={[
              { value: 'upheld', label: t('objection.resolve.upheld') },
              { value: 'dismissed', label: t('objection.resolve.dismissed') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="resolution"
          label={t('objection.resolve.reason')}
          required
          extra={t('objection.resolve.reasonHint')}
          rules={[fieldRule(resolveObjectionSchema, 'resolution')]}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="objection-resolution" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={resolve.isPending}
          data-testid="objection-resolve-submit"
        >
          {t('objection.resolve.submit')}
        </Button>
      </Form>
    </Card>
  );
}

// 通知公告: organizers write one (to roles and/or units, optionally within a campaign; in-app,
// optionally by e-mail and on the campaign page) and see all they published; anyone else sees
// the announcements that reached them. A message's link (?id=…) opens its announcement.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Pagination,
  Select,
  Space,
  Tag,
} from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ANNOUNCEMENT_AUDIENCES, announcementInputSchema } from '../../../domain/api/notifications';
import { ROLE_LABELS } from '../../../domain/roles';
import { AnnouncementList } from '../../components/AnnouncementList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import {
  useAnnouncementUnitOptions,
  useAnnouncements,
  usePublishAnnouncement,
  type AnnouncementInput,
  type AnnouncementView,
} from '../../lib/announcements';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaigns, useMe } from '../../lib/queries';
import { applyServerErrors, validateWith } from '../../lib/zod-form';

const FIELDS = ['title', 'body', 'roles', 'unitIds', 'campaignId', 'email', 'public'];
const PAGE_SIZE = 20;

function PublishForm() {
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnnouncementInput>();
  const units = useAnnouncementUnitOptions(true);
  const campaigns = useCampaigns();
  const publish = usePublishAnnouncement();
  const onFinish = (values: AnnouncementInput) => {
    const input = validateWith(
      announcementInputSchema,
      {
        ...values,
        roles: values.roles ?? [],
        unitIds: values.unitIds ?? [],
        campaignId: values.campaignId || undefined,
      },
      form,
    );
    if (!input) return;
    publish.mutate(input, {
      onSuccess: (a) => {
        void message.success(t('ann.published', { n: a.recipients ?? 0 }));
        form.resetFields();
      },
      onError: (e) => applyServerErrors(form, e, FIELDS),
    });
  };
  const generic = publish.error instanceof ApiError && publish.error.code !== 'VALIDATION_FAILED';
  return (
    <Card title={t('ann.write')} size="small">
      {generic && (
        <Alert
          type="error"
          showIcon
          title={errorText(publish.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ roles: [], unitIds: [], email: false, public: false }}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="title" label={t('ann.title')} required>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="body" label={t('ann.body')} extra={t('ann.bodyHint')} required>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={10_000} />
        </Form.Item>
        <Form.Item name="roles" label={t('ann.roles')} extra={t('ann.rolesHint')}>
          <Checkbox.Group
            options={ANNOUNCEMENT_AUDIENCES.map((r) => ({
              value: r,
              label: ROLE_LABELS[r][lang],
            }))}
          />
        </Form.Item>
        <Form.Item name="unitIds" label={t('ann.units')}>
          <Select
            mode="multiple"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('ann.unitsPlaceholder')}
            options={units.data ?? []}
            loading={units.isPending}
            aria-label={t('ann.units')}
          />
        </Form.Item>
        <Form.Item name="campaignId" label={t('ann.campaign')}>
          <Select
            allowClear
            placeholder={t('ann.campaignPlaceholder')}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            loading={campaigns.isPending}
            aria-label={t('ann.campaign')}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="email" valuePropName="checked">
            <Checkbox>{t('ann.email')}</Checkbox>
          </Form.Item>
          <Form.Item name="public" valuePropName="checked">
            <Checkbox>{t('ann.public')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={publish.isPending}>
            {t('ann.publish')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Whom it reached, how, and whether it is public (organizers only). */
function Addressing({ a, campaignTitle }: { a: AnnouncementView; campaignTitle?: string }) {
  const { t, lang } = useI18n();
  if (a.recipients === null) return null;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
      <Descriptions.Item label={t('ann.publishedAt')}>
        {formatDateTime(a.createdAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('ann.campaign')}>{campaignTitle ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('ann.audience')}>
        <Space size={4} wrap>
          {(a.roles ?? []).map((r) => (
            <Tag key={r}>{ROLE_LABELS[r][lang]}</Tag>
          ))}
          {(a.unitNames ?? []).map((u) => (
            <Tag key={u} color="blue">
              {u}
            </Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('ann.recipients')}>{a.recipients}</Descriptions.Item>
      <Descriptions.Item label={t('ann.channels')}>
        {a.email ? t('ann.byEmail') : t('ann.inApp')}
        {a.public && (
          <Tag color="green" style={{ marginInlineStart: 8 }}>
            {t('ann.isPublic')}
          </Tag>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function AnnouncementsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params] = useSearchParams();
  const organizer = me.data?.user.role === 'organizer';
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const campaigns = useCampaigns();
  const list = useAnnouncements({ campaignId, page, pageSize: PAGE_SIZE });
  const titles = new Map((campaigns.data ?? []).map((c) => [c.id, c.title]));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {organizer && <PublishForm />}
      <Card
        title={organizer ? t('ann.list') : t('ann.mine')}
        size="small"
        extra={
          organizer && (
            <Select
              allowClear
              style={{ minWidth: 240 }}
              placeholder={t('ann.filterCampaign')}
              aria-label={t('ann.filterCampaign')}
              value={campaignId}
              onChange={(v: string | undefined) => {
                setCampaignId(v);
                setPage(1);
              }}
              options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            />
          )
        }
      >
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <AnnouncementList
              items={list.data.items}
              openId={params.get('id')}
              extra={(a) => (
                <Addressing
                  a={a}
                  campaignTitle={a.campaignId ? titles.get(a.campaignId) : undefined}
                />
              )}
            />
            {list.data.total > PAGE_SIZE && (
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={list.data.total}
                onChange={setPage}
                showSizeChanger={false}
              />
            )}
          </Space>
        )}
      </Card>
    </Space>
  );
}

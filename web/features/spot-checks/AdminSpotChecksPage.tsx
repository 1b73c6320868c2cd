// /admin/spot-checks — 随机抽查 (organizers): the spot checks with their commitments, and a new one
// committed here: its lists, its sizes (a total, or per category), and whose seed (the platform's,
// secret until the draw, or only the hash of a seed the organizer keeps).
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { CommitSpotCheckInput } from '../../../domain/api/spot-checks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  useCommitSpotCheck,
  useSpotCheckSources,
  useSpotChecks,
  type PublicSpotCheck,
} from './api';
import { StateTag, useSizesText } from './PublicSpotChecksPage';

interface CommitForm {
  title: string;
  listCampaignIds: string[];
  sizeMode: 'total' | 'byCategory';
  total?: number;
  byCategory?: Record<string, number | null>;
  seedMode: 'platform' | 'organizer';
  seedHash?: string;
}

function CommitModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CommitForm>();
  const sources = useSpotCheckSources(open);
  const commit = useCommitSpotCheck();
  const sizeMode = Form.useWatch('sizeMode', form);
  const seedMode = Form.useWatch('seedMode', form);
  const submit = (v: CommitForm) => {
    const byCategory = Object.fromEntries(
      Object.entries(v.byCategory ?? {}).filter((e): e is [string, number] => !!e[1]),
    );
    const body: CommitSpotCheckInput = {
      title: v.title,
      listCampaignIds: v.listCampaignIds,
      sizes: v.sizeMode === 'total' ? { total: v.total } : { byCategory },
      ...(v.seedMode === 'organizer' ? { seedHash: v.seedHash } : {}),
    };
    commit.mutate(body, {
      onSuccess: () => {
        void message.success(t('spot.committed'));
        form.resetFields();
        onClose();
      },
    });
  };
  return (
    <Modal
      open={open}
      title={t('spot.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('spot.commit')}
      confirmLoading={commit.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<CommitForm>
        form={form}
        layout="vertical"
        initialValues={{ sizeMode: 'total', seedMode: 'platform', total: 10 }}
        onFinish={submit}
      >
        <Form.Item name="title" label={t('spot.col.title')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} placeholder={t('spot.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="listCampaignIds" label={t('spot.col.lists')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            loading={sources.isPending}
            options={(sources.data?.lists ?? []).map((l) => ({
              value: l.campaignId,
              label: l.title,
            }))}
          />
        </Form.Item>
        <Form.Item name="sizeMode" label={t('spot.col.sizes')}>
          <Radio.Group
            options={[
              { value: 'total', label: t('spot.sizes.modeTotal') },
              { value: 'byCategory', label: t('spot.sizes.modeCategory') },
            ]}
          />
        </Form.Item>
        {sizeMode === 'byCategory' ? (
          <Space wrap>
            {(sources.data?.categories ?? []).map((c) => (
              <Form.Item key={c.code} name={['byCategory', c.code]} label={c.name}>
                <InputNumber min={0} max={1000} precision={0} />
              </Form.Item>
            ))}
          </Space>
        ) : (
          <Form.Item name="total" label={t('spot.sizes.totalLabel')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
        )}
        <Typography.Paragraph type="secondary">{t('spot.sizes.note')}</Typography.Paragraph>
        <Form.Item name="seedMode" label={t('spot.seedSource')}>
          <Radio.Group
            options={[
              { value: 'platform', label: t('spot.seed.platform') },
              { value: 'organizer', label: t('spot.seed.organizer') },
            ]}
          />
        </Form.Item>
        {seedMode === 'organizer' && (
          <Form.Item
            name="seedHash"
            label={t('spot.seedHash')}
            extra={t('spot.seedHash.help')}
            rules={[
              { required: true, pattern: /^[0-9a-fA-F]{64}$/, message: t('spot.seedHash.bad') },
            ]}
          >
            <Input style={{ fontFamily: 'monospace' }} maxLength={64} />
          </Form.Item>
        )}
        <Alert type="info" showIcon title={t('spot.commitNote')} />
        {commit.error && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(commit.error)} />
        )}
      </Form>
    </Modal>
  );
}

export function AdminSpotChecksPage() {
  const { t } = useI18n();
  const q = useSpotChecks();
  const sizesText = useSizesText();
  const [open, setOpen] = useState(false);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">{t('spot.admin.intro')}</Typography.Text>
          <Space>
            <Link to="/spot-checks">{t('spot.public.link')}</Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('spot.new')}
            </Button>
          </Space>
        </Flex>
      </Card>
      <Table<PublicSpotCheck>
        rowKey="id"
        dataSource={q.data.items}
        pagination={false}
        locale={{ emptyText: t('spot.public.none') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('spot.col.title'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/admin/spot-checks/${r.id}`}>{v}</Link>,
          },
          { title: t('spot.col.lists'), render: (_, r) => r.lists.map((l) => l.title).join('、') },
          { title: t('spot.col.sizes'), render: (_, r) => sizesText(r) },
          {
            title: t('spot.col.commitment'),
            render: (_, r) => (
              <Typography.Text code style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {r.commitment}
              </Typography.Text>
            ),
          },
          {
            title: t('spot.committedAtLabel'),
            render: (_, r) => formatDateTime(r.committedAt),
          },
          { title: t('spot.col.state'), render: (_, r) => <StateTag state={r.state} /> },
        ]}
      />
      <CommitModal open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}

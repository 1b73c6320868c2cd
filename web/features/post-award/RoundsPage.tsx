import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { endOfDayShanghai } from '../../../domain/campaign';
import { POST_AWARD_KIND_LABELS } from '../../../domain/post-award';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaigns, useMe } from '../../lib/queries';
import {
  openMonitoringRound,
  openSelfEvaluation,
  roundsKey,
  useRounds,
  type PostAwardRound,
} from './api';

type Opening = 'monitoring' | 'self_evaluation';

/**
 * /admin/post-award (organizer) and /recommender/post-award (its own unit's part): the rounds of
 * 年度运行监测 and 自查评估 with their reports counted by state; organizers open new ones.
 */
export function RoundsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const rounds = useRounds();
  const [opening, setOpening] = useState<Opening | null>(null);
  const organizer = me.data?.user.role === 'organizer';
  const base = organizer ? '/admin/post-award' : '/recommender/post-award';
  if (rounds.error)
    return <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />;
  return (
    <div data-testid="post-award-rounds">
      <Typography.Paragraph type="secondary">
        {t(organizer ? 'postAward.roundsIntroOrganizer' : 'postAward.roundsIntroUnit')}
      </Typography.Paragraph>
      {organizer && (
        <Space style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpening('monitoring')}
            data-testid="open-monitoring"
          >
            {t('postAward.openMonitoring')}
          </Button>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setOpening('self_evaluation')}
            data-testid="open-self-evaluation"
          >
            {t('postAward.openSelfEvaluation')}
          </Button>
        </Space>
      )}
      <Table<PostAwardRound>
        rowKey="id"
        loading={rounds.isPending}
        dataSource={rounds.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('postAward.noRounds')} /> }}
        columns={[
          {
            title: t('postAward.col.round'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`${base}/${r.id}`}>{v}</Link>,
          },
          {
            title: t('postAward.col.kind'),
            dataIndex: 'kind',
            render: (k: PostAwardRound['kind'], r) => (
              <Space size={4}>
                {POST_AWARD_KIND_LABELS[k][lang]}
                {r.automatic && <Tag>{t('postAward.automatic')}</Tag>}
              </Space>
            ),
          },
          { title: t('postAward.col.year'), dataIndex: 'year' },
          {
            title: t('postAward.deadline'),
            dataIndex: 'deadline',
            render: (v: string) => formatDateTime(v),
          },
          { title: t('postAward.col.total'), render: (_: unknown, r) => r.counts.total },
          { title: t('postAward.col.submitted'), render: (_: unknown, r) => r.counts.submitted },
          { title: t('postAward.col.returned'), render: (_: unknown, r) => r.counts.returned },
          { title: t('postAward.col.forwarded'), render: (_: unknown, r) => r.counts.forwarded },
        ]}
      />
      {organizer && <OpenRoundModal kind={opening} onClose={() => setOpening(null)} />}
    </div>
  );
}

function OpenRoundModal(props: { kind: Opening | null; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const campaigns = useCampaigns();
  const [form] = Form.useForm<{ year?: number; listCampaignId?: string; deadline: Dayjs }>();
  const open = useMutation({
    mutationFn: (v: { year?: number; listCampaignId?: string; deadline: Dayjs }) => {
      const deadline = new Date(endOfDayShanghai(v.deadline.format('YYYY-MM-DD'))).toISOString();
      return props.kind === 'monitoring'
        ? openMonitoringRound({ year: v.year!, deadline })
        : openSelfEvaluation({ listCampaignId: v.listCampaignId!, deadline });
    },
    onSuccess: (r) => {
      message.success(t('postAward.opened', { n: r.reports }));
      void qc.invalidateQueries({ queryKey: roundsKey });
      form.resetFields();
      props.onClose();
    },
  });
  return (
    <Modal
      open={props.kind !== null}
      title={t(
        props.kind === 'monitoring' ? 'postAward.openMonitoring' : 'postAward.openSelfEvaluation',
      )}
      okText={t('postAward.open')}
      okButtonProps={{ loading: open.isPending }}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() =>
        form.validateFields().then(
          (v) => open.mutate(v),
          () => undefined,
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(
          props.kind === 'monitoring'
            ? 'postAward.openMonitoringHint'
            : 'postAward.openSelfEvaluationHint',
        )}
      </Typography.Paragraph>
      {open.error != null && (
        <Alert type="error" showIcon title={errorText(open.error)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" name="open-round" preserve={false}>
        {props.kind === 'monitoring' ? (
          <Form.Item
            name="year"
            label={t('postAward.col.year')}
            initialValue={new Date().getFullYear() - 1}
            rules={[{ required: true }]}
          >
            <InputNumber min={2000} max={2100} style={{ width: 160 }} />
          </Form.Item>
        ) : (
          <Form.Item
            name="listCampaignId"
            label={t('postAward.list')}
            rules={[{ required: true, message: t('postAward.listRequired') }]}
          >
            <Select
              loading={campaigns.isPending}
              options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="deadline"
          label={t('postAward.deadline')}
          rules={[{ required: true, message: t('postAward.deadlineRequired') }]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

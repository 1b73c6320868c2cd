import { useState } from 'react';
import { App, Button, Card, Table } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PhaseTag } from '../../components/PhaseTag';
import { formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';
import type { Campaign } from '../../lib/types';
import { CopyCampaignModal } from './CopyCampaignModal';

export function CampaignsAdminPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const campaigns = useCampaigns();
  const [source, setSource] = useState<Campaign | null>(null);
  return (
    <Card title={t('campaignsAdmin.title')}>
      <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      <Table<Campaign>
        rowKey="id"
        loading={campaigns.isFetching}
        dataSource={campaigns.data}
        pagination={false}
        columns={[
          { title: t('campaignsAdmin.year'), dataIndex: 'year', width: 80 },
          {
            title: t('campaignsAdmin.title.field'),
            render: (_, c) => <Link to={`/campaigns/${c.code}`}>{c.title}</Link>,
          },
          {
            title: t('campaignsAdmin.code'),
            dataIndex: 'code',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          {
            title: t('common.status'),
            render: (_, c) => <PhaseTag phase={c.phase} isDemo={c.isDemo} />,
          },
          {
            title: t('campaign.onlineDeadline'),
            render: (_, c) => formatDeadline(c.onlineDeadline, lang),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          {
            title: t('common.actions'),
            render: (_, c) => (
              <Button size="small" icon={<CopyOutlined />} onClick={() => setSource(c)}>
                {t('campaignsAdmin.copy')}
              </Button>
            ),
          },
        ]}
      />
      <CopyCampaignModal
        source={source}
        onClose={(created) => {
          setSource(null);
          if (created) message.success(t('campaignsAdmin.created', { title: created.title }));
        }}
      />
    </Card>
  );
}

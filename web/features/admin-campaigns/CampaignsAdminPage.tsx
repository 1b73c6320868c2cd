import { useEffect, useState } from 'react';
import { Button, Card, Flex, Table } from 'antd';
import {
  CopyOutlined,
  DownloadOutlined,
  ImportOutlined,
  PlusOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PhaseTag } from '../../components/PhaseTag';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';
import type { Campaign } from '../../lib/types';
import { exportConfigUrl } from './api';
import { ImportConfigModal } from './ImportConfigModal';
import { NewCampaignModal, type NewCampaignSource } from './NewCampaignModal';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** 活动管理: every call with its phase and deadlines; new from a template or a past call; import, export. */
export function CampaignsAdminPage() {
  const { t } = useI18n();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState<NewCampaignSource | null>(null);
  const [importing, setImporting] = useState(false);
  // ?copy=<code>: 新建活动 from that campaign (a locked form's way to change)
  const [params, setParams] = useSearchParams();
  const copy = params.get('copy');
  useEffect(() => {
    const c = copy && campaigns.data?.find((x) => x.code === copy);
    if (!c) return;
    setCreating({ kind: 'campaign', campaign: c });
    setParams({}, { replace: true });
  }, [copy, campaigns.data, setParams]);
  return (
    <Card
      title={t('campaignsAdmin.title')}
      extra={
        <Flex gap={8}>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('cfg.import')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating({ kind: 'template' })}
          >
            {t('cfg.new')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      <Table<Campaign>
        rowKey="id"
        loading={campaigns.isFetching}
        dataSource={campaigns.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(c) => ({ 'data-testid': `campaign-row-${c.code}` }) as object}
        columns={[
          { title: t('campaignsAdmin.year'), dataIndex: 'year', width: 72 },
          {
            title: t('campaignsAdmin.title.field'),
            render: (_, c) => <Link to={`/campaigns/${c.code}`}>{c.title}</Link>,
          },
          { title: t('campaignsAdmin.code'), dataIndex: 'code', onCell: nowrap },
          {
            title: t('common.status'),
            render: (_, c) => <PhaseTag phase={c.phase} isDemo={c.isDemo} />,
            onCell: nowrap,
          },
          {
            title: t('cfg.deadlines'),
            render: (_, c) => (
              <Flex vertical style={{ fontSize: 12 }}>
                <span>
                  {t('cfg.opens')} {formatDateTime(c.opensAt).slice(0, 16)}
                </span>
                <span>
                  {t('cfg.online')} {formatDateTime(c.onlineDeadline).slice(0, 16)}
                </span>
                <span>
                  {t('cfg.paper')} {formatDateTime(c.paperDeadline).slice(0, 16)}
                </span>
              </Flex>
            ),
            onCell: nowrap,
          },
          {
            title: t('common.actions'),
            onCell: nowrap,
            render: (_, c) => (
              <Flex gap={4} wrap>
                <Link to={`/admin/campaigns/${c.code}/config`} data-testid={`configure-${c.code}`}>
                  <Button size="small" type="primary" ghost icon={<SettingOutlined />}>
                    {t('cfg.configure')}
                  </Button>
                </Link>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  href={exportConfigUrl(c.code)}
                  data-testid={`export-${c.code}`}
                >
                  {t('cfg.export')}
                </Button>
                <Button
                  size="small"
                  icon={<CopyOutlined />}
                  onClick={() => setCreating({ kind: 'campaign', campaign: c })}
                >
                  {t('campaignsAdmin.copy')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <NewCampaignModal source={creating} onClose={() => setCreating(null)} />
      <ImportConfigModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}

import { Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../lib/api';
import { useI18n, type MessageKey } from '../../lib/i18n';
import type { Items } from '../../lib/types';
import { OpenCampaigns } from './OpenCampaigns';

function useCount(path: string, query?: Record<string, string>) {
  return useQuery({
    queryKey: ['count', path, query],
    queryFn: () => api<Items<unknown>>(path, { query }),
    select: (d) => d.items.length,
  });
}

function Tile({ title, value, to }: { title: MessageKey; value: number | undefined; to: string }) {
  const { t } = useI18n();
  return (
    <Col xs={12} md={6}>
      <Card>
        <Statistic title={t(title)} value={value ?? '—'} />
        <Link to={to}>{t('home.organizer.manage')} →</Link>
      </Card>
    </Col>
  );
}

export function OrganizerHome() {
  const campaigns = useCount('/campaigns');
  const units = useCount('/recommender-units');
  const users = useCount('/users');
  const enterprises = useCount('/enterprises');
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }} data-testid="organizer-counts">
        <Tile title="home.organizer.campaigns" value={campaigns.data} to="/admin/campaigns" />
        <Tile title="home.organizer.units" value={units.data} to="/admin/units" />
        <Tile title="home.organizer.users" value={users.data} to="/admin/users" />
        <Tile title="home.organizer.enterprises" value={enterprises.data} to="/admin/enterprises" />
      </Row>
      <OpenCampaigns />
    </>
  );
}

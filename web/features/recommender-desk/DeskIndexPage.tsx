import { Button, Card, Empty, List } from 'antd';
import { Link, Navigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PhaseTag } from '../../components/PhaseTag';
import { deskPath, isDeskCampaign } from '../../lib/desk';
import { formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';

/** /desk — straight to the one campaign being worked on, or a choice between several. */
export function DeskIndexPage() {
  const { t, lang } = useI18n();
  const campaigns = useCampaigns();
  if (campaigns.error)
    return <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  if (!campaigns.data) return <Loading />;
  const current = campaigns.data.filter((c) => isDeskCampaign(c));
  if (current.length === 1) return <Navigate to={deskPath(current[0]!.id)} replace />;
  return (
    <Card title={t('desk.title')}>
      {current.length === 0 ? (
        <Empty description={t('desk.index.none')} />
      ) : (
        <List
          dataSource={current}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Link key="go" to={deskPath(c.id)}>
                  <Button type="primary">{t('desk.enter')}</Button>
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    {c.title} <PhaseTag phase={c.phase} isDemo={c.isDemo} />
                  </>
                }
                description={t('desk.index.paperDeadline', {
                  at: formatDeadline(c.paperDeadline, lang),
                })}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

import { Card } from 'antd';
import { AnnouncementList } from '../../components/AnnouncementList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePublicAnnouncements } from '../../lib/announcements';
import { useI18n } from '../../lib/i18n';

/**
 * 通知公告 on the campaign page: its public announcements, newest first, each opening to its text.
 * A campaign without any shows no section.
 */
export function CampaignAnnouncements({ idOrCode }: { idOrCode: string }) {
  const { t } = useI18n();
  const q = usePublicAnnouncements(idOrCode);
  if (q.isPending || (q.isSuccess && q.data.length === 0)) return null;
  return (
    <Card title={t('ann.section')} size="small" id="announcements">
      {q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <AnnouncementList items={q.data} />
      )}
    </Card>
  );
}

import { Card, Flex, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { History, HistoryItem } from '../../../domain/api/applications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { isMessageKey, useI18n } from '../../lib/i18n';

/** Who acted, as the enterprise reads it: itself, its recommending unit, the ministry. */
function actorKey(role: string | null) {
  return role === 'enterprise' || role === 'recommender' || role === 'organizer'
    ? (`editor.actor.${role}` as const)
    : ('editor.actor.other' as const);
}

/**
 * 处理记录 for the enterprise: what happened to its application, who (by role) and the comment
 * or reason given — a return, a 不予推荐, a recommendation, the forwarding.
 */
export function HistoryCard({ appId, channelName }: { appId: string; channelName: string }) {
  const { t } = useI18n();
  const history = useQuery({
    queryKey: ['applications', appId, 'history'],
    queryFn: () => api<History>(`/applications/${encodeURIComponent(appId)}/history`),
    select: (d) => d.items.filter((h) => h.action !== 'application.attachment_upload'),
  });
  const label = (h: HistoryItem) => {
    const key = `desk.action.${h.action}`;
    return isMessageKey(key) ? t(key) : h.action;
  };
  if (history.data && !history.data.length) return null;
  return (
    <Card title={t('editor.history')} style={{ marginTop: 16 }} data-testid="application-history">
      <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      <Timeline
        items={(history.data ?? []).map((h, i) => ({
          key: i,
          content: (
            <Flex vertical gap={2} data-testid="history-item">
              <Typography.Text strong>{label(h)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(h.at)} ·{' '}
                {h.actorRole === 'recommender' && channelName !== '—'
                  ? channelName
                  : t(actorKey(h.actorRole))}
              </Typography.Text>
              {h.note && (
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="history-note">
                  {h.note}
                </Typography.Text>
              )}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

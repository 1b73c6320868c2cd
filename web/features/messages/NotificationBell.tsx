import { Badge } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../lib/i18n';
import { BADGE_OVERFLOW, bellLabel, useUnreadCount } from '../../lib/notifications';

/** The top bar's bell: the unread count, a link to 消息中心 (named with the count for screen readers). */
export function NotificationBell() {
  const { t } = useI18n();
  const unread = useUnreadCount();
  const label = bellLabel(t, unread.data);
  return (
    <Link
      to="/messages"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="notification-bell"
    >
      <Badge
        count={unread.data ?? 0}
        overflowCount={BADGE_OVERFLOW}
        size="small"
        color="#cf1322"
        aria-hidden
        data-testid="notification-count"
      >
        <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
      </Badge>
    </Link>
  );
}

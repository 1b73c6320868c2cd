import type { NotificationView } from '../../../domain/api/notifications';
import type { NotificationRow } from './repository';
import { notificationKindLabel } from './service';

export function notificationView(n: NotificationRow): NotificationView {
  return {
    id: n.id,
    kind: n.kind as NotificationView['kind'],
    kindLabel: notificationKindLabel(n.kind),
    subject: n.subject,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

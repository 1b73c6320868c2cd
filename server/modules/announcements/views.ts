import type { AnnouncementView, PublicAnnouncementView } from '../../../domain/api/notifications';
import type { ANNOUNCEMENT_AUDIENCES } from '../../../domain/api/notifications';
import type { AnnouncementRow } from './repository';

type Audience = (typeof ANNOUNCEMENT_AUDIENCES)[number];

/** With whom it reached (organizers), or without (`unitNames` undefined: anyone else). */
export function announcementView(
  a: AnnouncementRow,
  unitNames: ReadonlyMap<string, string> | undefined,
): AnnouncementView {
  return {
    id: a.id,
    campaignId: a.campaignId,
    title: a.title,
    body: a.body,
    roles: unitNames ? (a.roles as Audience[]) : null,
    unitNames: unitNames ? a.unitIds.map((id) => unitNames.get(id) ?? id) : null,
    email: unitNames ? a.email : null,
    public: a.isPublic,
    recipients: unitNames ? a.recipients : null,
    createdAt: a.createdAt.toISOString(),
  };
}

export function publicAnnouncementView(a: AnnouncementRow): PublicAnnouncementView {
  return { id: a.id, title: a.title, body: a.body, createdAt: a.createdAt.toISOString() };
}

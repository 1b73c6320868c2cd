import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** Only organizers write announcements. */
export function authorizeCreateAnnouncement(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}

/**
 * Which announcements a signed-in user lists: organizers all of them, with whom they reached;
 * anyone else those addressed to them (the ones that reached them in 消息中心), without.
 */
export type AnnouncementScope = { kind: 'all' } | { kind: 'addressed'; userId: string };

export function announcementScopeOf(user: SignedInUser): AnnouncementScope {
  return user.role === 'organizer' ? { kind: 'all' } : { kind: 'addressed', userId: user.id };
}

import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** Campaigns are public to read; organizers configure them. */
export function authorizeConfigureCampaigns(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}

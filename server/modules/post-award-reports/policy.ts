// Who does what with post-award reports: organizers open rounds and read everything; the
// solution's own enterprise fills and submits its report; the recommending unit of the solution
// returns, forwards and stamps its unit's summary. Experts see nothing here.
import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

export type PostAwardScope =
  { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'enterprise'; enterpriseId: string };

export function scopeOf(user: SignedInUser): PostAwardScope {
  if (user.role === 'organizer') return { kind: 'all' };
  if (user.role === 'recommender' && user.recommenderUnitId)
    return { kind: 'unit', unitId: user.recommenderUnitId };
  if (user.role === 'enterprise' && user.enterpriseId)
    return { kind: 'enterprise', enterpriseId: user.enterpriseId };
  throw new AppError('FORBIDDEN');
}

export function authorizeOpenRound(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}

/** Round lists and summaries: organizers and recommenders (their own unit's part). */
export function authorizeDesk(user: SignedInUser): Exclude<PostAwardScope, { kind: 'enterprise' }> {
  const scope = scopeOf(user);
  if (scope.kind === 'enterprise') throw new AppError('FORBIDDEN');
  return scope;
}

type ReportRef = { enterpriseId: string; unitId: string };

export function authorizeRead(scope: PostAwardScope, r: ReportRef) {
  if (scope.kind === 'all') return;
  if (scope.kind === 'unit' && scope.unitId === r.unitId) return;
  if (scope.kind === 'enterprise' && scope.enterpriseId === r.enterpriseId) return;
  throw new AppError('FORBIDDEN');
}

/** Only the solution's own enterprise writes its report. */
export function authorizeEdit(scope: PostAwardScope, r: ReportRef) {
  if (scope.kind !== 'enterprise' || scope.enterpriseId !== r.enterpriseId)
    throw new AppError('FORBIDDEN');
}

/** Only the unit that recommended the solution returns or forwards its report. */
export function authorizeReview(scope: PostAwardScope, r: ReportRef) {
  if (scope.kind !== 'unit' || scope.unitId !== r.unitId) throw new AppError('FORBIDDEN');
}

/** A unit's stamped summary: that unit writes it; the unit and organizers read it. */
export function authorizeStamp(scope: PostAwardScope, unitId: string) {
  if (scope.kind !== 'unit' || scope.unitId !== unitId) throw new AppError('FORBIDDEN');
}

export function authorizeUnitRead(scope: PostAwardScope, unitId: string) {
  if (scope.kind === 'all') return;
  if (scope.kind === 'unit' && scope.unitId === unitId) return;
  throw new AppError('FORBIDDEN');
}

import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';
import {
  mayOpenAwardReport,
  type VerificationFacts,
} from '../../../domain/enterprise-verification';

/** Whose 附件4 reports a caller deals with: an enterprise its own awards, a unit its own, organizers all. */
export type FollowUpScope =
  | {
      kind: 'enterprise';
      enterpriseId: string;
      uscc: string;
      verification: Pick<VerificationFacts, 'verificationStatus' | 'verifiedByUnitId'>;
    }
  | { kind: 'unit'; unitId: string }
  | { kind: 'all' };

type AwardRef = { uscc: string; recommenderUnitId: string | null };

export function followUpScopeOf(
  user: SignedInUser,
  enterprise:
    | ({ id: string; uscc: string } & Pick<
        VerificationFacts,
        'verificationStatus' | 'verifiedByUnitId'
      >)
    | undefined,
): FollowUpScope {
  if (user.role === 'organizer') return { kind: 'all' };
  if (user.role === 'recommender' && user.recommenderUnitId)
    return { kind: 'unit', unitId: user.recommenderUnitId };
  if (user.role === 'enterprise' && enterprise)
    return {
      kind: 'enterprise',
      enterpriseId: enterprise.id,
      uscc: enterprise.uscc,
      verification: {
        verificationStatus: enterprise.verificationStatus,
        verifiedByUnitId: enterprise.verifiedByUnitId,
      },
    };
  throw new AppError('FORBIDDEN');
}

function owns(scope: FollowUpScope, award: AwardRef) {
  return (
    (scope.kind === 'enterprise' && scope.uscc === award.uscc) ||
    (scope.kind === 'unit' && scope.unitId === award.recommenderUnitId)
  );
}

/**
 * A past winner's report opens to the enterprise only when its account was verified by the
 * award's recommender or an organizer: a code registered by someone else opens nothing.
 */
function assertVerifiedForAward(scope: FollowUpScope, award: AwardRef) {
  if (
    scope.kind === 'enterprise' &&
    !mayOpenAwardReport(scope.verification, award.recommenderUnitId)
  )
    throw new AppError('FOLLOW_UP_NEEDS_VERIFICATION', {
      details: { verificationStatus: scope.verification.verificationStatus },
    });
}

export function authorizeViewFollowUp(scope: FollowUpScope, award: AwardRef) {
  if (scope.kind !== 'all' && !owns(scope, award)) throw new AppError('FORBIDDEN');
  assertVerifiedForAward(scope, award);
}

/** Only the awarded enterprise fills in and submits its report. */
export function authorizeEditFollowUp(scope: FollowUpScope, award: AwardRef): string {
  if (scope.kind !== 'enterprise' || !owns(scope, award)) throw new AppError('FORBIDDEN');
  assertVerifiedForAward(scope, award);
  return scope.enterpriseId;
}

/** Only the unit that recommended the award returns its report. */
export function authorizeReturnFollowUp(scope: FollowUpScope, award: AwardRef) {
  if (scope.kind !== 'unit' || !owns(scope, award)) throw new AppError('FORBIDDEN');
}

/** The summary for stamping: a unit's own, or everything for organizers. */
export function authorizeExportFollowUps(
  scope: FollowUpScope,
): asserts scope is Exclude<FollowUpScope, { kind: 'enterprise' }> {
  if (scope.kind === 'enterprise') throw new AppError('FORBIDDEN');
}

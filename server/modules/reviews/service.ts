// 专家评分: an expert's list, the frozen application with the rubric, autosave over a version,
// submit (which locks the review), and the organizer's reopening with a reason.
import type { CampaignSettings } from '../../../domain/campaign';
import { formatBeijingDeadline } from '../../../domain/notifications';
import { DEFAULT_REVIEW_SETTINGS, maxScoreOf, weightedTotal } from '../../../domain/review';
import {
  anonymisedData,
  provinceOf,
  scoreProblems,
  submitProblems,
} from '../../../domain/review-scoring';
import type { SaveReviewBody } from '../../../domain/api/reviews';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { findApplicationHead, findVersion, readAttachment } from '../applications';
import { recordAudit } from '../audit';
import { formOfCampaign } from '../campaigns';
import { notify } from '../notifications';
import { ASSIGNMENT_NOT_FOUND, checkOwnAssignment } from './policy';
import * as repo from './repository';

/** The campaign's review settings: its own, else the defaults. */
export function reviewSettingsOf(settings: CampaignSettings) {
  return settings.review ?? DEFAULT_REVIEW_SETTINGS;
}

export function rubricOf(settings: CampaignSettings) {
  return settings.rubric.map((c) => ({
    code: c.code,
    name: c.name,
    weight: c.weight,
    maxScore: maxScoreOf(c),
    guidance: c.guidance,
  }));
}

/** A round no longer takes scores: closed, or its deadline has passed. */
export function roundClosed(round: { state: string; deadline: Date }, now: Date): boolean {
  return round.state === 'closed' || now > round.deadline;
}

function closedError(round: { state: string; deadline: Date }) {
  return new AppError('REVIEW_CLOSED', {
    message:
      round.state === 'closed'
        ? '本轮评审已结束，不能再保存或提交评分'
        : `本轮评审已于${formatBeijingDeadline(round.deadline)}（北京时间）截止，不能再保存或提交评分`,
    messageEn: `The review round closed${round.state === 'closed' ? '' : ` at ${round.deadline.toISOString()}`}`,
  });
}

/** What an expert may read of an application: no identity in an anonymous round. */
export function visibleIdentity(
  anonymous: boolean,
  app: { applicantName: string | null; region: string | null },
) {
  return anonymous
    ? { applicantName: null, region: provinceOf(app.region) }
    : { applicantName: app.applicantName || null, region: app.region };
}

export function categoryNameOf(settings: CampaignSettings, code: string | null) {
  return settings.categories.find((c) => c.code === code)?.name ?? null;
}

// ------------------------------------------------------------------ the expert's side

/** The expert's published assignments, each with its own review's state. */
export async function listMyReviews(deps: Pick<Deps, 'db'>, user: SignedInUser) {
  const expert = await repo.findExpertByUser(deps.db, user.id);
  if (!expert) return [];
  return repo.listMyAssignments(deps.db, expert.id);
}

async function ownAssignment(deps: Pick<Deps, 'db'>, user: SignedInUser, assignmentId: string) {
  const [expert, found] = await Promise.all([
    repo.findExpertByUser(deps.db, user.id),
    repo.findAssignment(deps.db, assignmentId),
  ]);
  checkOwnAssignment(expert?.id, found?.assignment);
  return found!;
}

/** The application's current frozen version (what was forwarded). */
async function frozenVersionOf(deps: Pick<Deps, 'db'>, found: repo.AssignmentDetail) {
  const app = await findApplicationHead(deps.db, found.application.id);
  const version =
    app?.currentVersionNo != null
      ? await findVersion(deps.db, app.id, app.currentVersionNo)
      : undefined;
  if (!version) throw new AppError('NOT_FOUND', { message: '该申报书没有已提交的版本' });
  return version;
}

/** The assignment as the expert reads it: the frozen version (anonymised if so), rubric, review. */
export async function myReviewOf(deps: Pick<Deps, 'db'>, user: SignedInUser, assignmentId: string) {
  const found = await ownAssignment(deps, user, assignmentId);
  const [version, form, review] = await Promise.all([
    frozenVersionOf(deps, found),
    formOfCampaign(deps.db, found.campaign),
    repo.findReview(deps.db, assignmentId),
  ]);
  const data = found.round.anonymous ? anonymisedData(form, version.data) : version.data;
  return { found, version, form, data, review };
}

/** An attachment of the frozen version the expert reviews (only those of that version). */
export async function myReviewAttachment(
  deps: Deps,
  user: SignedInUser,
  assignmentId: string,
  attachmentId: string,
) {
  const found = await ownAssignment(deps, user, assignmentId);
  const version = await frozenVersionOf(deps, found);
  if (!version.attachments.some((a) => a.id === attachmentId))
    throw new AppError('NOT_FOUND', { message: '未找到该附件' });
  return readAttachment(deps, found.application.id, attachmentId);
}

function invalid(issues: { path: string; message: string }[]) {
  return new AppError('VALIDATION_FAILED', {
    message: issues.map((i) => i.message).join('；'),
    details: issues,
  });
}

/**
 * Autosave: over exactly the version the expert edited (0 for the first save), partial scores
 * allowed, each in range. Refused once submitted, after the deadline, for a withdrawn assignment.
 */
export async function saveReview(
  deps: Deps,
  user: SignedInUser,
  assignmentId: string,
  body: SaveReviewBody,
): Promise<{ review: repo.ReviewRow; settings: CampaignSettings }> {
  const found = await ownAssignment(deps, user, assignmentId);
  const settings = found.campaign.settings;
  const issues = scoreProblems(settings.rubric, body.scores);
  const recommendation = body.recommendation ?? null;
  if (
    recommendation !== null &&
    !reviewSettingsOf(settings).recommendations.some((r) => r.code === recommendation)
  )
    issues.push({ path: 'recommendation', message: `没有“${recommendation}”这一推荐意见` });
  if (issues.length) throw invalid(issues);

  const review = await deps.db.transaction(async (tx) => {
    const locked = await repo.lockAssignmentAndRound(tx, assignmentId);
    if (!locked) throw new AppError('NOT_FOUND', { message: ASSIGNMENT_NOT_FOUND });
    if (locked.assignment.state !== 'published') throw new AppError('ASSIGNMENT_INACTIVE');
    const now = deps.clock.now();
    if (roundClosed(locked.round, now)) throw closedError(locked.round);
    const patch = { scores: body.scores, recommendation, comment: body.comment, savedAt: now };
    const current = await repo.findReview(tx, assignmentId);
    if (current?.state === 'submitted') throw new AppError('REVIEW_SUBMITTED');
    const saved =
      body.baseVersion === 0 && !current
        ? await repo.insertReview(tx, {
            assignmentId,
            roundId: locked.assignment.roundId,
            applicationId: locked.assignment.applicationId,
            expertId: locked.assignment.expertId,
            ...patch,
            state: 'draft',
            version: 1,
          })
        : body.baseVersion > 0
          ? await repo.updateDraftReview(tx, assignmentId, body.baseVersion, patch)
          : undefined;
    if (saved) return saved;
    const latest = await repo.findReview(tx, assignmentId);
    if (latest?.state === 'submitted') throw new AppError('REVIEW_SUBMITTED');
    throw new AppError('REVIEW_CONFLICT', {
      details: {
        currentVersion: latest?.version ?? 0,
        savedAt: latest?.savedAt.toISOString() ?? null,
      },
    });
  });
  return { review, settings };
}

/**
 * Submits the review: every criterion scored, a recommendation, the comment's 字数. In one
 * transaction the assignment, round and review are locked and state, deadline and version
 * checked again; the review is locked (submitted) and the audit row written.
 */
export async function submitReview(
  deps: Deps,
  user: SignedInUser,
  assignmentId: string,
  body: { baseVersion: number },
  actor: Actor,
): Promise<{ review: repo.ReviewRow; settings: CampaignSettings }> {
  const found = await ownAssignment(deps, user, assignmentId);
  const settings = found.campaign.settings;
  const review = await deps.db.transaction(async (tx) => {
    const locked = await repo.lockAssignmentAndRound(tx, assignmentId);
    if (!locked) throw new AppError('NOT_FOUND', { message: ASSIGNMENT_NOT_FOUND });
    if (locked.assignment.state !== 'published') throw new AppError('ASSIGNMENT_INACTIVE');
    const now = deps.clock.now();
    if (roundClosed(locked.round, now)) throw closedError(locked.round);
    const review = await repo.lockReview(tx, assignmentId);
    if (!review)
      throw new AppError('REVIEW_INCOMPLETE', { message: '尚未评分，请先打分并填写评审意见' });
    if (review.state === 'submitted') throw new AppError('REVIEW_SUBMITTED');
    if (review.version !== body.baseVersion)
      throw new AppError('REVIEW_CONFLICT', {
        details: { currentVersion: review.version, savedAt: review.savedAt.toISOString() },
      });
    const problems = submitProblems(settings.rubric, reviewSettingsOf(settings), review);
    if (problems.length)
      throw new AppError('REVIEW_INCOMPLETE', {
        message: `评分尚未完成：${problems.map((p) => p.message).join('；')}`,
        details: problems,
      });
    const submitted = await repo.updateReview(tx, assignmentId, {
      state: 'submitted',
      submittedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'review.submit',
      targetType: 'review',
      targetId: assignmentId,
      before: { state: 'draft', version: review.version },
      after: {
        state: 'submitted',
        roundId: review.roundId,
        applicationId: review.applicationId,
        scores: review.scores,
        total: weightedTotal(settings.rubric, review.scores),
        recommendation: review.recommendation,
      },
    });
    return submitted;
  });
  return { review, settings };
}

// ------------------------------------------------------------------ the organizer's side

/**
 * 重新开放: a submitted review back to the expert as a draft, with the reason (audited, the expert
 * notified). Only before the round's deadline: after it the expert could not save anyway.
 */
export async function reopenReview(
  deps: Deps,
  roundId: string,
  assignmentId: string,
  reason: string,
  actor: Actor,
): Promise<repo.ReviewRow> {
  const found = await repo.findAssignment(deps.db, assignmentId);
  if (!found || found.assignment.roundId !== roundId)
    throw new AppError('NOT_FOUND', { message: ASSIGNMENT_NOT_FOUND });
  return deps.db.transaction(async (tx) => {
    const locked = await repo.lockAssignmentAndRound(tx, assignmentId);
    if (!locked) throw new AppError('NOT_FOUND', { message: ASSIGNMENT_NOT_FOUND });
    if (locked.assignment.state !== 'published') throw new AppError('ASSIGNMENT_INACTIVE');
    const review = await repo.lockReview(tx, assignmentId);
    if (review?.state !== 'submitted')
      throw new AppError('WRONG_STATE', {
        message: '该评分尚未提交，无需重新开放',
        messageEn: 'The review is not submitted',
      });
    const now = deps.clock.now();
    if (roundClosed(locked.round, now))
      throw new AppError('REVIEW_CLOSED', {
        message: '本轮评审已截止：请先延长本轮的截止时间，再重新开放评分',
        messageEn: 'The round has closed; extend its deadline first',
      });
    const reopened = await repo.updateReview(tx, assignmentId, {
      state: 'draft',
      submittedAt: null,
      reopenedAt: now,
      reopenReason: reason,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'review.reopen',
      targetType: 'review',
      targetId: assignmentId,
      before: { state: 'submitted', version: review.version },
      after: { state: 'draft', roundId, applicationId: review.applicationId },
      note: reason,
    });
    const expert = (await repo.findExpert(tx, review.expertId))!;
    await notify(tx, deps, {
      kind: 'review.reopened',
      to: { userIds: [expert.userId] },
      campaignId: found.campaign.id,
      link: `/expert/reviews/${assignmentId}`,
      values: {
        活动名称: found.campaign.title,
        评审轮次: locked.round.name,
        解决方案名称: found.application.solutionName || '（未命名）',
        原因: reason,
        截止时间: formatBeijingDeadline(locked.round.deadline),
      },
    });
    return reopened;
  });
}

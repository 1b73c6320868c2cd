// Response bodies of the reviews module (shapes in domain/api/reviews).
import type {
  MyReview,
  MyReviewDetail,
  MyReviewItem,
  ResultExpert,
  ReviewResults,
} from '../../../domain/api/reviews';
import type { CampaignSettings } from '../../../domain/campaign';
import { weightedTotal } from '../../../domain/review';
import {
  APPLICATION_FLAG_LABELS,
  OUTLIER_REASON_LABELS,
  RESULT_DEFAULTS,
  type ApplicationFlag,
} from '../../../domain/review-results';
import type { ReviewState } from '../../../domain/review-scoring';
import type { MyAssignmentRow, ReviewRow } from './repository';
import type { RoundResults } from './results';
import {
  categoryNameOf,
  reviewSettingsOf,
  roundClosed,
  rubricOf,
  visibleIdentity,
} from './service';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
/** Two decimals, as every figure of the results is shown. */
export const round2 = (x: number | null | undefined): number | null =>
  x === null || x === undefined ? null : Math.round(x * 100) / 100;

const stateOf = (r: { state: string | null } | null | undefined): ReviewState =>
  r?.state === 'submitted' ? 'submitted' : r?.state === 'draft' ? 'draft' : 'not_started';

export function myReviewItemView(r: MyAssignmentRow, now: Date): MyReviewItem {
  const rubric = r.settings.rubric;
  return {
    assignmentId: r.assignmentId,
    roundId: r.roundId,
    roundName: r.roundName,
    campaignId: r.campaignId,
    campaignTitle: r.campaignTitle,
    deadline: r.deadline.toISOString(),
    closed: roundClosed({ state: r.roundState, deadline: r.deadline }, now),
    anonymous: r.anonymous,
    panelName: r.panelName,
    applicationId: r.applicationId,
    solutionName: r.solutionName,
    category: r.category,
    categoryName: categoryNameOf(r.settings, r.category),
    ...visibleIdentity(r.anonymous, r),
    state: stateOf(r.review),
    total: r.review?.scores ? weightedTotal(rubric, r.review.scores) : null,
    savedAt: iso(r.review?.savedAt),
    submittedAt: iso(r.review?.submittedAt),
  };
}

export function myReviewView(
  review: ReviewRow | undefined,
  settings: Pick<CampaignSettings, 'rubric'>,
): MyReview {
  return {
    state: stateOf(review),
    scores: review?.scores ?? {},
    recommendation: review?.recommendation ?? null,
    comment: review?.comment ?? '',
    version: review?.version ?? 0,
    total: weightedTotal(settings.rubric, review?.scores ?? {}),
    savedAt: iso(review?.savedAt),
    submittedAt: iso(review?.submittedAt),
    reopenedAt: iso(review?.reopenedAt),
    reopenReason: review?.reopenReason ?? null,
  };
}

export function myReviewDetailView(
  d: {
    found: import('./repository').AssignmentDetail;
    version: {
      versionNo: number;
      submittedAt: Date;
      wordCount: number;
      attachments: MyReviewDetail['application']['attachments'];
    };
    form: unknown;
    data: Record<string, unknown>;
    review: ReviewRow | undefined;
  },
  now: Date,
): MyReviewDetail {
  const { found } = d;
  const settings = found.campaign.settings;
  const review = reviewSettingsOf(settings);
  return {
    assignment: {
      assignmentId: found.assignment.id,
      roundId: found.round.id,
      roundName: found.round.name,
      campaignId: found.campaign.id,
      campaignTitle: found.campaign.title,
      deadline: found.round.deadline.toISOString(),
      closed: roundClosed(found.round, now),
      anonymous: found.round.anonymous,
      panelName: found.panelName,
      applicationId: found.application.id,
      solutionName: found.application.solutionName,
      category: found.application.category,
      categoryName: categoryNameOf(settings, found.application.category),
      ...visibleIdentity(found.round.anonymous, found.application),
    },
    categories: settings.categories,
    application: {
      versionNo: d.version.versionNo,
      submittedAt: d.version.submittedAt.toISOString(),
      wordCount: d.version.wordCount,
      form: d.form as Record<string, unknown>,
      data: d.data,
      attachments: d.version.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        kind: a.kind,
        size: a.size,
        sha256: a.sha256,
      })),
    },
    rubric: rubricOf(settings),
    recommendations: review.recommendations,
    commentMinChars: review.commentMinChars,
    review: myReviewView(d.review, settings),
  };
}

// ------------------------------------------------------------------ 评审结果

function flagView(f: ApplicationFlag, expertNames: Map<string, string>) {
  const detail =
    f.code === 'high_disagreement'
      ? `标准差 ${f.sd.toFixed(1)}，极差 ${f.range.toFixed(1)}`
      : f.code === 'missing_reviews'
        ? `已提交${f.submitted}份，应评${f.needed}份，缺${f.missing}份`
        : f.expertIds.map((id) => expertNames.get(id) ?? id).join('、');
  return { code: f.code, label: APPLICATION_FLAG_LABELS[f.code], detail };
}

export function reviewResultsView(r: RoundResults): ReviewResults {
  const settings = r.campaign.settings;
  const recommendations = reviewSettingsOf(settings).recommendations;
  const expertNames = new Map(r.assignments.map((a) => [a.expertId, a.expertName]));
  return {
    round: {
      id: r.round.id,
      name: r.round.name,
      campaignId: r.campaign.id,
      campaignTitle: r.campaign.title,
      deadline: r.round.deadline.toISOString(),
      state: r.round.state,
      anonymous: r.round.anonymous,
      reviewsPerApplication: r.round.reviewsPerApplication,
    },
    rubric: rubricOf(settings),
    recommendations,
    thresholds: {
      disagreementSd: RESULT_DEFAULTS.disagreementSd,
      disagreementRange: RESULT_DEFAULTS.disagreementRange,
      outlierFactor: RESULT_DEFAULTS.outlierFactor,
    },
    panels: r.results.map((p) => {
      const panel = r.panels.find((x) => x.id === p.panelId)!;
      const published = r.assignments.filter(
        (a) => a.panelId === p.panelId && a.state === 'published',
      );
      const stats = new Map(p.experts.map((e) => [e.expertId, e]));
      const expertIds = [...new Set(published.map((a) => a.expertId))];
      const experts: ResultExpert[] = expertIds.map((id) => {
        const s = stats.get(id);
        const mine = published.filter((a) => a.expertId === id);
        return {
          expertId: id,
          name: mine[0]!.expertName,
          employerName: mine[0]!.employerName,
          assigned: mine.length,
          n: s?.n ?? 0,
          mean: round2(s?.mean),
          sd: round2(s?.sd),
          leniency: round2(s?.leniency),
          correlation: round2(s?.correlation),
          outlier: s?.outlier ?? false,
          reasons: (s?.reasons ?? []).map((code) => ({
            code,
            label: OUTLIER_REASON_LABELS[code],
          })),
          reviews: mine.map((a) => ({
            assignmentId: a.assignmentId,
            applicationId: a.applicationId,
            solutionName: a.solutionName,
            state: stateOf(a.review),
            total: a.review.scores ? round2(weightedTotal(settings.rubric, a.review.scores)) : null,
            recommendation: a.review.recommendation,
            submittedAt: iso(a.review.submittedAt),
          })),
        };
      });
      // as the domain orders them (harshest first), then those without a submitted review
      const order = new Map(p.experts.map((e, i) => [e.expertId, i]));
      experts.sort(
        (a, b) =>
          (order.get(a.expertId) ?? Infinity) - (order.get(b.expertId) ?? Infinity) ||
          a.name.localeCompare(b.name, 'zh-CN'),
      );
      return {
        panelId: p.panelId,
        name: panel.name,
        n: p.n,
        mean: round2(p.mean),
        sd: round2(p.sd),
        expertMeansSd: round2(p.expertMeansSd),
        rows: p.applications.map((a) => {
          const info = r.applications.get(a.applicationId)!;
          return {
            applicationId: a.applicationId,
            solutionName: info.solutionName,
            applicantName: info.applicantName,
            unitName: info.unitName,
            category: info.category,
            categoryName: categoryNameOf(settings, info.category),
            submitted: a.n,
            needed: a.needed,
            mean: round2(a.mean),
            trimmedMean: round2(a.trimmedMean),
            trimmed: a.trimmed,
            median: round2(a.median),
            sd: round2(a.sd),
            range: round2(a.range),
            normalisedMean: round2(a.normalisedMean),
            rank: a.rank,
            flags: a.flags.map((f) => flagView(f, expertNames)),
          };
        }),
        experts,
      };
    }),
  };
}

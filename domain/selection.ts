// 遴选决定 (issue 14): after review the organizer decides, per application under review, 入选 or
// 不入选 with a reason, against a target per category, from a review round's ranking; records the
// 评审会 minutes; and freezes the decision. Shared by the API routes and the web. No I/O.
import { reasonSchema } from './review-rounds';
import { z } from './zod';

export const SELECTION_STATES = ['open', 'frozen'] as const;
export type SelectionState = (typeof SELECTION_STATES)[number];
export const SELECTION_STATE_LABELS: Record<SelectionState, string> = {
  open: '遴选中',
  frozen: '已冻结',
};

export const SELECTION_DECISIONS = ['selected', 'not_selected'] as const;
export type SelectionDecision = (typeof SELECTION_DECISIONS)[number];
export const SELECTION_DECISION_LABELS: Record<SelectionDecision, string> = {
  selected: '入选',
  not_selected: '不入选',
};

/** How many to select per category (category code → count). */
export const targetsSchema = z.record(
  z.string().trim().min(1).max(60),
  z.number().int('名额须为整数').min(0, '名额不能为负数').max(10_000, '名额最多10000'),
);
export type SelectionTargets = z.infer<typeof targetsSchema>;

/** saveSelectionSettings: the round whose ranking is used, and the targets (while open). */
export const selectionSettingsSchema = z.object({
  /** 0 when the selection has not been started */
  baseRevision: z.number().int().min(0),
  roundId: z.string().uuid('请选择评审轮次'),
  targets: targetsSchema,
});
export type SelectionSettingsInput = z.infer<typeof selectionSettingsSchema>;

/** decideSelection: one application, with the reason (at least 4 字). */
export const decideSelectionSchema = z.object({
  decision: z.enum(SELECTION_DECISIONS, { error: '请选择入选或不入选' }),
  reason: reasonSchema('理由'),
});
export type DecideSelectionInput = z.infer<typeof decideSelectionSchema>;

/** preselectByRanking and freezeSelection: over the revision the organizer saw. */
export const selectionRevisionSchema = z.object({ baseRevision: z.number().int().min(1) });

/** An application as 按排名预选 reads it. */
export interface RankedApplication {
  applicationId: string;
  category: string | null;
  /** the normalised score the round ranks by; null: no submitted review */
  score: number | null;
  /** the raw mean, to break ties */
  mean: number | null;
}

export interface Preselection {
  applicationId: string;
  decision: SelectionDecision;
  reason: string;
  /** its place in its category (1 = best) */
  place: number;
}

/**
 * Each scored application's place in its category (1 = best) by normalised score; ties: the raw
 * mean, then the id. Applications without a score (no review submitted) have no place.
 */
export function placesInCategories(
  rows: readonly RankedApplication[],
): Array<RankedApplication & { category: string; place: number }> {
  const byCategory = new Map<string, RankedApplication[]>();
  for (const r of rows) {
    if (r.score === null || r.category === null) continue;
    byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  }
  return [...byCategory]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([category, list]) =>
      [...list]
        .sort(
          (a, b) =>
            b.score! - a.score! ||
            (b.mean ?? 0) - (a.mean ?? 0) ||
            a.applicationId.localeCompare(b.applicationId),
        )
        .map((r, i) => ({ ...r, category, place: i + 1 })),
    );
}

/**
 * 按排名预选: in each category, the best `targets[category]` by place are 入选, the rest 不入选; each
 * with the reason in Chinese. Applications without a score are left for the organizer to decide.
 */
export function preselect(
  rows: readonly RankedApplication[],
  targets: SelectionTargets,
  categoryName: (code: string) => string = (c) => c,
): Preselection[] {
  return placesInCategories(rows).map(({ applicationId, category, place }) => {
    const target = targets[category] ?? 0;
    const name = categoryName(category);
    return {
      applicationId,
      decision: place <= target ? 'selected' : 'not_selected',
      reason:
        place <= target
          ? `按评审排名预选：${name}第${place}名，名额${target}个`
          : `按评审排名预选：${name}第${place}名，超出名额${target}个`,
      place,
    };
  });
}

/** What stops the freeze, in Chinese (empty: it may be frozen). */
export function freezeProblems(v: {
  undecided: number;
  minutesUploaded: boolean;
  applications: number;
}): string[] {
  const out: string[] = [];
  if (v.applications === 0) out.push('本活动没有处于专家评审中的项目');
  if (v.undecided > 0) out.push(`还有${v.undecided}个项目未作入选决定`);
  if (!v.minutesUploaded) out.push('尚未上传评审会纪要');
  return out;
}

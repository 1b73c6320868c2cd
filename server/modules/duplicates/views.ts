import { z } from '../../../domain/zod';
import type { Evidence } from '../../lib/duplicates';
import { isoDate } from '../../lib/views';
import type { FindingListRow } from './repository';

const spanSchema = z.object({
  start: z.number().describe('UTF-16 offset into that side’s text, inclusive'),
  end: z.number().describe('exclusive'),
  excerpt: z.string(),
});

export const evidenceSchema = z.object({
  similarity: z.number(),
  application: spanSchema.describe('offsets into the flagged application’s comparable text'),
  match: spanSchema.describe('offsets into the matched award’s or application’s text'),
});

export const findingViewSchema = z.object({
  id: z.string().nullable().describe('null for a check that is not stored'),
  applicationId: z.string(),
  applicationName: z.string(),
  enterpriseName: z.string(),
  channelUnitName: z.string(),
  kind: z.enum(['award', 'application']),
  score: z.number().describe('strength, 0–1'),
  reasons: z.array(z.string()),
  state: z.enum(['open', 'confirmed', 'dismissed']),
  decisionReason: z.string().nullable(),
  decidedAt: isoDate.nullable(),
  match: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('award'),
      awardId: z.string(),
      year: z.number(),
      solutionName: z.string(),
      enterpriseName: z.string(),
      uscc: z.string(),
      recommenderName: z.string(),
    }),
    z.object({
      kind: z.literal('application'),
      applicationId: z.string(),
      solutionName: z.string(),
      enterpriseName: z.string(),
      channelUnitName: z.string(),
    }),
  ]),
  evidence: z.array(evidenceSchema),
});
export type FindingView = z.infer<typeof findingViewSchema>;

export const applicationFindingsSchema = z.object({
  text: z
    .string()
    .describe(
      'the comparable text: word-counted text fields joined with "\\n"; offsets index into it',
    ),
  findings: z.array(findingViewSchema),
});

export const campaignParamsSchema = z.object({ idOrCode: z.string().min(1).max(80) });

export const findingsQuerySchema = z.object({
  state: z.enum(['open', 'confirmed', 'dismissed']).optional(),
  kind: z.enum(['award', 'application']).optional(),
});

export const sweepResultSchema = z.object({
  findings: z.number().describe('findings stored for the campaign after the sweep'),
  applications: z.number().describe('applications compared'),
  ms: z.number(),
});

/** Evidence as stored: round to keep the JSON small. */
export const evidenceView = (e: Evidence[]) =>
  e.map((x) => ({
    similarity: Math.round(x.similarity * 1000) / 1000,
    application: x.application,
    match: x.match,
  }));

/** A stored finding with both sides' names. */
export function findingView(r: FindingListRow): FindingView {
  const f = r.finding;
  return {
    id: f.id,
    applicationId: f.applicationId,
    applicationName: r.applicationName,
    enterpriseName: r.enterpriseName,
    channelUnitName: r.channelUnitName,
    kind: f.kind,
    score: f.score,
    reasons: f.reasons,
    state: f.state,
    decisionReason: f.decisionReason,
    decidedAt: f.decidedAt?.toISOString() ?? null,
    match:
      f.kind === 'award'
        ? {
            kind: 'award',
            awardId: f.matchAwardId!,
            year: r.award?.year ?? 0,
            solutionName: r.award?.solutionName ?? '',
            enterpriseName: r.award?.enterpriseName ?? '',
            uscc: r.award?.uscc ?? '',
            recommenderName: r.award?.recommenderName ?? '',
          }
        : {
            kind: 'application',
            applicationId: f.matchApplicationId!,
            solutionName: r.match?.solutionName ?? '',
            enterpriseName: r.match?.enterpriseName ?? '',
            channelUnitName: r.match?.channelUnitName ?? '',
          },
    evidence: f.evidence as FindingView['evidence'],
  };
}

/** An enterprise reads another enterprise's awarded text by its name only: no excerpts. */
export function forEnterprise(v: FindingView, uscc: string): FindingView {
  if (v.match.kind === 'award' && v.match.uscc === uscc) return v;
  return { ...v, evidence: v.evidence.map((e) => ({ ...e, match: { ...e.match, excerpt: '' } })) };
}

// What the expert reads beside a solution's published facts and application content: its
// 自查评估 (self-evaluation, from the post-award reports module) and the 随机抽查 findings on it
// (from the spot-check module) — the two dependencies this module has on them, declared here.
import type { Db } from '../../db/client';
import { selfEvaluationSummary } from '../post-award-reports';
import { spotCheckFindingsOf } from '../spot-checks';

export interface SelfEvaluationSummary {
  roundId: string;
  title: string;
  state: 'draft' | 'submitted' | 'returned' | 'forwarded';
  forwardedAt: string | null;
  sections: { label: string; value: string }[];
}

export interface SpotCheckFinding {
  spotCheckTitle: string;
  method: 'document' | 'site';
  conclusion: 'pass' | 'minor' | 'fail' | null;
  finding: string | null;
  recordedAt: string | null;
}

export interface EvaluationContextSources {
  selfEvaluationSummary(db: Db, publicId: string): Promise<SelfEvaluationSummary | null>;
  spotCheckFindingsOf(db: Db, publicId: string): Promise<SpotCheckFinding[]>;
}

export const evaluationContextSources: EvaluationContextSources = {
  selfEvaluationSummary,
  spotCheckFindingsOf,
};

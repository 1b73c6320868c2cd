// What the expert reads beside a solution's published facts and application content: its
// 自查评估 (self-evaluation, the post-award reports module) and the 随机抽查 findings on it (the
// spot-check module). Those modules are built in parallel; this file is the one place that wires
// them in. Integration: replace the two functions of `evaluationContextSources` with
//   import { selfEvaluationSummary } from '../post-award-reports';
//   import { spotCheckFindingsOf } from '../spot-checks';
// (`{ selfEvaluationSummary, spotCheckFindingsOf }`). Until then the sections say there is none.
import type { Db } from '../../db/client';

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
  selfEvaluationSummary: () => Promise.resolve(null),
  spotCheckFindingsOf: () => Promise.resolve([]),
};

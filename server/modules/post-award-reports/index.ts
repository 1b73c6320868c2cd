// The post-award reports module's public face (年度运行监测, 自查评估).
import type { PostAwardReportState } from '../../../domain/post-award';
import { reportSections } from '../../../domain/post-award';
import type { Db } from '../../db/client';
import { industryNames } from '../reference';
import * as repo from './repository';
import { formOfRound } from './service';

export { postAwardRoutes } from './routes';
export { startMonitoringOpeningWork } from './job';
export { runMonitoringOpening } from './service';

/**
 * The latest self-evaluation of a published solution, as label/value text for experts (the
 * evaluation module): its round, state and when it was forwarded. Only a forwarded one has passed
 * its recommender; the state is returned so the caller decides. Null when it has none.
 */
export async function selfEvaluationSummary(
  db: Db,
  publicId: string,
): Promise<{
  roundId: string;
  title: string;
  state: PostAwardReportState;
  forwardedAt: string | null;
  sections: { label: string; value: string }[];
} | null> {
  const found = await repo.latestSelfEvaluation(db, publicId);
  if (!found) return null;
  const solution = await repo.findSolution(db, publicId);
  const { form } = await formOfRound(db, found.round, { year: solution?.year ?? found.round.year });
  const codes = new Set<string>();
  for (const section of Object.values(found.report.data ?? {}))
    for (const v of Object.values((section ?? {}) as Record<string, unknown>))
      if (Array.isArray(v)) for (const c of v) if (typeof c === 'string') codes.add(c);
  const names = await industryNames(
    db,
    [...codes].filter((c) => /^[A-T]$|^\d{2,4}$/.test(c)),
  );
  const files = new Map(
    (
      await repo.findDocuments(
        db,
        [...codes].filter((c) => /^[0-9a-f-]{36}$/.test(c)),
      )
    ).map((d) => [d.id, d.filename]),
  );
  return {
    roundId: found.round.id,
    title: found.round.title,
    state: found.report.state,
    forwardedAt: found.report.forwardedAt?.toISOString() ?? null,
    sections: reportSections(form, found.report.data, {
      industry: (c) => names[c],
      attachment: (id) => files.get(id),
    }),
  };
}

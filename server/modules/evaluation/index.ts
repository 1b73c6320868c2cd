// The 系统评价 module's public face: its routes (wired with the sources of the expert's context),
// and each evaluated solution's band for the 目录清单.
import type { Db } from '../../db/client';
import type { Deps } from '../../lib/deps';
import { evaluationRoutes as routes } from './routes';
import * as service from './service';
import { evaluationContextSources } from './sources';

export function evaluationRoutes(deps: Deps) {
  return routes(deps, evaluationContextSources);
}

export async function bandedResultsOf(
  db: Db,
  roundId: string,
): Promise<{
  round: { id: string; title: string; state: string; bands: { name: string; min: number }[] };
  results: { publicId: string; band: string | null; score: number | null }[];
}> {
  return service.bandedResultsOf(db, roundId);
}

import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, enterprises } from '../../db/schema';
import type { ApplicationState } from '../../../domain/application-states';

/** A unit's inbox: what reached it, never drafts, never another unit's. */
export function listInbox(
  db: Db,
  unitId: string,
  f: { campaignId?: string; state?: ApplicationState; category?: string; q?: string },
) {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const where: SQL | undefined = and(
    eq(applications.channelUnitId, unitId),
    sql`${applications.state} <> 'draft'`,
    f.campaignId ? eq(applications.campaignId, f.campaignId) : undefined,
    f.state ? eq(applications.state, f.state) : undefined,
    f.category ? sql`${applications.data}->'solution'->>'category' = ${f.category}` : undefined,
    like
      ? or(
          ilike(applications.solutionName, like),
          ilike(enterprises.name, like),
          ilike(enterprises.uscc, like),
        )
      : undefined,
  );
  return db
    .select({
      id: applications.id,
      campaignId: applications.campaignId,
      state: applications.state,
      solutionName: applications.solutionName,
      category: sql<string | null>`${applications.data}->'solution'->>'category'`,
      enterpriseName: enterprises.name,
      uscc: enterprises.uscc,
      currentVersionNo: applications.currentVersionNo,
      recommendRank: applications.recommendRank,
      submittedAt: applications.submittedAt,
      decidedAt: applications.decidedAt,
    })
    .from(applications)
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .where(where)
    .orderBy(sql`${applications.recommendRank} asc nulls last`, asc(applications.submittedAt))
    .limit(1000);
}

/** How many applications the unit has recommended in the campaign. Call after locking the unit. */
export async function countRecommended(
  tx: Db,
  unitId: string,
  campaignId: string,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(
      and(
        eq(applications.channelUnitId, unitId),
        eq(applications.campaignId, campaignId),
        eq(applications.state, 'recommended'),
      ),
    );
  return row?.n ?? 0;
}

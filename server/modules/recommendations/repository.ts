import { STATES_REACHING } from '../../../domain/statistics';
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, enterprises } from '../../db/schema';
import type { ApplicationState } from '../../../domain/application-states';
import { openFindingsCount } from '../duplicates';

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
    f.category ? sql`${applications.facts}->>'category' = ${f.category}` : undefined,
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
      category: sql<string | null>`${applications.facts}->>'category'`,
      enterpriseName: enterprises.name,
      uscc: enterprises.uscc,
      currentVersionNo: applications.currentVersionNo,
      recommendRank: applications.recommendRank,
      submittedAt: applications.submittedAt,
      decidedAt: applications.decidedAt,
      findings: openFindingsCount(applications.id), // 疑似重复, open or confirmed
    })
    .from(applications)
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .where(where)
    .orderBy(sql`${applications.recommendRank} asc nulls last`, asc(applications.submittedAt))
    .limit(1000);
}

/** How much of its quota the unit has used: recommended, or recommended and since forwarded. */
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
        // every state reached once recommended: the review's states still use the quota
        inArray(applications.state, STATES_REACHING.recommended),
      ),
    );
  return row?.n ?? 0;
}

/** The unit's recommended applications in rank order. Call after locking the unit. */
export async function listRecommendedIds(
  tx: Db,
  unitId: string,
  campaignId: string,
): Promise<string[]> {
  const rows = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.channelUnitId, unitId),
        eq(applications.campaignId, campaignId),
        eq(applications.state, 'recommended'),
      ),
    )
    .orderBy(
      sql`${applications.recommendRank} asc nulls last`,
      asc(applications.submittedAt),
      asc(applications.id),
    );
  return rows.map((r) => r.id);
}

/** Ranks 1..n in the given order; rows already at their rank are left alone. */
export async function setRanks(tx: Db, orderedIds: string[]) {
  for (const [i, id] of orderedIds.entries()) {
    await tx
      .update(applications)
      .set({ recommendRank: i + 1 })
      .where(
        and(eq(applications.id, id), sql`${applications.recommendRank} is distinct from ${i + 1}`),
      );
  }
}

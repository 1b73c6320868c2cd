import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  applicationVersions,
  documents,
  enterprises,
  recommendationBatches,
} from '../../db/schema';
import type { ApplicationState } from '../../../domain/application-states';

export type BatchRow = typeof recommendationBatches.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;

/** What 附件3 lists: recommended applications, and once signed off the forwarded ones. */
export const SUMMARY_STATES = ['recommended', 'forwarded'] as const satisfies ApplicationState[];

export async function findBatch(db: Db, campaignId: string, unitId: string) {
  const [row] = await db
    .select()
    .from(recommendationBatches)
    .where(
      and(
        eq(recommendationBatches.campaignId, campaignId),
        eq(recommendationBatches.unitId, unitId),
      ),
    );
  return row;
}

/** The unit's batch row, created on the first write, locked for the transaction. */
export async function lockBatch(
  tx: Db,
  campaignId: string,
  unitId: string,
  now: Date,
): Promise<BatchRow> {
  await tx
    .insert(recommendationBatches)
    .values({ campaignId, unitId, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(recommendationBatches)
    .where(
      and(
        eq(recommendationBatches.campaignId, campaignId),
        eq(recommendationBatches.unitId, unitId),
      ),
    )
    .for('update');
  return row!;
}

export async function updateBatch(
  tx: Db,
  id: string,
  patch: Partial<typeof recommendationBatches.$inferInsert>,
) {
  const [row] = await tx
    .update(recommendationBatches)
    .set(patch)
    .where(eq(recommendationBatches.id, id))
    .returning();
  return row!;
}

/** Moves every application of the unit in `from` to `to`; returns the ids moved. */
export async function moveApplications(
  tx: Db,
  unit: { unitId: string; campaignId: string },
  from: ApplicationState,
  to: ApplicationState,
  now: Date,
): Promise<string[]> {
  const rows = await tx
    .update(applications)
    .set({ state: to, updatedAt: now })
    .where(
      and(
        eq(applications.channelUnitId, unit.unitId),
        eq(applications.campaignId, unit.campaignId),
        eq(applications.state, from),
      ),
    )
    .returning({ id: applications.id });
  return rows.map((r) => r.id);
}

/** The rows of 附件3 as frozen: each application's current version, in rank order. */
export function listSummarySources(db: Db, unitId: string, campaignId: string) {
  return db
    .select({
      applicationId: applications.id,
      rank: applications.recommendRank,
      enterpriseName: enterprises.name,
      data: applicationVersions.data,
    })
    .from(applications)
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(
      applicationVersions,
      and(
        eq(applicationVersions.applicationId, applications.id),
        eq(applicationVersions.versionNo, applications.currentVersionNo),
      ),
    )
    .where(
      and(
        eq(applications.channelUnitId, unitId),
        eq(applications.campaignId, campaignId),
        inArray(applications.state, [...SUMMARY_STATES]),
      ),
    )
    .orderBy(
      sql`${applications.recommendRank} asc nulls last`,
      asc(applications.submittedAt),
      asc(applications.id),
    );
}
export type SummarySource = Awaited<ReturnType<typeof listSummarySources>>[number];

export async function insertDocument(tx: Db, row: typeof documents.$inferInsert) {
  const [created] = await tx.insert(documents).values(row).returning();
  return created!;
}

export async function findDocument(db: Db, id: string) {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  awards,
  documents,
  enterprises,
  followUpReports,
  recommenderUnits,
  sessions,
  users,
  usccClaims,
} from '../../db/schema';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type ClaimRow = typeof usccClaims.$inferSelect;

export async function insertDocument(tx: Db, row: typeof documents.$inferInsert) {
  const [created] = await tx.insert(documents).values(row).returning();
  return created!;
}

export async function findDocument(db: Db, id: string | null) {
  if (!id) return undefined;
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

export async function lockEnterprise(tx: Db, id: string) {
  const [row] = await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update');
  return row;
}

export async function updateEnterprise(
  tx: Db,
  id: string,
  patch: Partial<typeof enterprises.$inferInsert>,
) {
  const [row] = await tx.update(enterprises).set(patch).where(eq(enterprises.id, id)).returning();
  return row!;
}

/** The enterprise currently holding a code (a released record holds it no longer). */
export async function findHolder(db: Db, uscc: string) {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.uscc, uscc), isNull(enterprises.releasedAt)));
  return row;
}

/** Has the enterprise filed (ever submitted) an application through the unit? */
export async function hasFiledThrough(db: Db, enterpriseId: string, unitId: string) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.enterpriseId, enterpriseId),
        eq(applications.channelUnitId, unitId),
        isNotNull(applications.currentVersionNo),
      ),
    )
    .limit(1);
  return !!row;
}

/** Did the unit recommend an award of this code? */
export async function hasAwardOf(db: Db, uscc: string, unitId: string) {
  const [row] = await db
    .select({ id: awards.id })
    .from(awards)
    .where(and(eq(awards.uscc, uscc), eq(awards.recommenderUnitId, unitId)))
    .limit(1);
  return !!row;
}

export async function nameOfVerifier(db: Db, e: EnterpriseRow) {
  if (!e.verifiedAt) return null;
  if (!e.verifiedByUnitId) return '主管部门';
  const [unit] = await db
    .select({ name: recommenderUnits.name })
    .from(recommenderUnits)
    .where(eq(recommenderUnits.id, e.verifiedByUnitId));
  return unit?.name ?? null;
}

export async function insertClaim(tx: Db, row: typeof usccClaims.$inferInsert) {
  const [created] = await tx.insert(usccClaims).values(row).returning();
  return created!;
}

export async function lockClaim(tx: Db, id: string) {
  const [row] = await tx.select().from(usccClaims).where(eq(usccClaims.id, id)).for('update');
  return row;
}

export async function updateClaim(
  tx: Db,
  id: string,
  patch: Partial<typeof usccClaims.$inferInsert>,
) {
  const [row] = await tx.update(usccClaims).set(patch).where(eq(usccClaims.id, id)).returning();
  return row!;
}

export async function findClaim(db: Db, id: string) {
  const [row] = await db.select().from(usccClaims).where(eq(usccClaims.id, id));
  return row;
}

export function listClaims(db: Db, state?: ClaimRow['state']) {
  return db
    .select({ claim: usccClaims, licence: documents, holder: enterprises })
    .from(usccClaims)
    .innerJoin(documents, eq(documents.id, usccClaims.licenceDocumentId))
    .leftJoin(enterprises, eq(enterprises.id, usccClaims.holderEnterpriseId))
    .where(state ? eq(usccClaims.state, state) : undefined)
    .orderBy(desc(usccClaims.createdAt))
    .limit(500);
}

export async function findClaimListing(db: Db, id: string) {
  const [row] = await db
    .select({ claim: usccClaims, licence: documents, holder: enterprises })
    .from(usccClaims)
    .innerJoin(documents, eq(documents.id, usccClaims.licenceDocumentId))
    .leftJoin(enterprises, eq(enterprises.id, usccClaims.holderEnterpriseId))
    .where(eq(usccClaims.id, id));
  return row;
}

/**
 * The old holder gives its code up: its record is marked released (the code's unique index
 * skips it), its accounts are disabled, renamed out of the way and signed out.
 */
export async function releaseHolder(tx: Db, enterpriseId: string, now: Date) {
  await tx.update(enterprises).set({ releasedAt: now }).where(eq(enterprises.id, enterpriseId));
  const accounts = await tx
    .update(users)
    .set({
      status: 'disabled',
      login: sql`${users.login} || '~released-' || substr(${users.id}::text, 1, 8)`,
      email: sql`${users.email} || '~released-' || substr(${users.id}::text, 1, 8)`,
    })
    .where(eq(users.enterpriseId, enterpriseId))
    .returning({ id: users.id, login: users.login });
  if (accounts.length)
    await tx.delete(sessions).where(
      inArray(
        sessions.userId,
        accounts.map((a) => a.id),
      ),
    );
  return accounts;
}

/** 附件4 reports are about the award, which follows the code: they move to the new holder. */
export async function moveFollowUpReports(tx: Db, from: string, to: string) {
  const moved = await tx
    .update(followUpReports)
    .set({ enterpriseId: to })
    .where(eq(followUpReports.enterpriseId, from))
    .returning({ id: followUpReports.id });
  return moved.length;
}

export async function insertEnterprise(tx: Db, row: typeof enterprises.$inferInsert) {
  const [created] = await tx.insert(enterprises).values(row).returning();
  return created!;
}

export async function setDocumentOwner(tx: Db, id: string, enterpriseId: string) {
  await tx.update(documents).set({ ownerEnterpriseId: enterpriseId }).where(eq(documents.id, id));
}

export async function findHolderById(db: Db, id: string) {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row;
}

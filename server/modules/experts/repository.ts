import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { experts, regions, users } from '../../db/schema';

export type ExpertRow = typeof experts.$inferSelect;
export type NewExpert = typeof experts.$inferInsert;

const listed = {
  expert: experts,
  login: users.login,
  accountStatus: users.status,
  regionName: sql<string>`coalesce(${regions.name}, '')`,
};
export type ExpertListing = {
  expert: ExpertRow;
  login: string;
  accountStatus: 'active' | 'disabled';
  regionName: string;
};

function listingQuery(db: Db) {
  return db
    .select(listed)
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .leftJoin(regions, eq(regions.code, experts.regionCode));
}

export interface ExpertFilter {
  q?: string;
  category?: string;
  industry?: string;
  region?: string;
  active?: boolean;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

function whereOf(f: ExpertFilter): SQL | undefined {
  const like = f.q ? `%${escapeLike(f.q)}%` : undefined;
  // a province or a city takes in the places under it
  const region = f.region
    ? f.region.endsWith('0000')
      ? `${f.region.slice(0, 2)}%`
      : f.region.endsWith('00')
        ? `${f.region.slice(0, 4)}%`
        : f.region
    : undefined;
  return and(
    like ? or(ilike(experts.name, like), ilike(experts.employerName, like)) : undefined,
    f.category ? sql`${experts.categories} @> ${JSON.stringify([f.category])}::jsonb` : undefined,
    // an industry takes in its sub-classes: 34 finds 3451
    f.industry
      ? sql`exists (select 1 from jsonb_array_elements_text(${experts.industries}) i(code)
          where i.code like ${`${escapeLike(f.industry)}%`})`
      : undefined,
    region ? sql`${experts.regionCode} like ${region}` : undefined,
    f.active === undefined ? undefined : eq(experts.active, f.active),
  );
}

export async function listExpertRows(
  db: Db,
  f: ExpertFilter & { page: number; pageSize: number },
): Promise<{ items: ExpertListing[]; total: number }> {
  const where = whereOf(f);
  const [items, [total]] = await Promise.all([
    listingQuery(db)
      .where(where)
      .orderBy(asc(experts.name), asc(experts.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(experts).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findExpertListing(db: Db, id: string): Promise<ExpertListing | undefined> {
  const [row] = await listingQuery(db).where(eq(experts.id, id));
  return row;
}

/** Experts by id (any state), as the review rounds read them. */
export function findExpertRows(db: Db, ids: string[]): Promise<ExpertRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(experts).where(inArray(experts.id, ids));
}

/** The active experts, by name: a new round's default panels. */
export function listActiveExpertRows(db: Db): Promise<ExpertRow[]> {
  return db
    .select()
    .from(experts)
    .where(eq(experts.active, true))
    .orderBy(asc(experts.name), asc(experts.id));
}

/** The expert behind a signed-in expert account. */
export async function findExpertOfUser(db: Db, userId: string): Promise<ExpertRow | undefined> {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId));
  return row;
}

export async function insertExpert(tx: Db, row: NewExpert): Promise<ExpertRow> {
  const [created] = await tx.insert(experts).values(row).returning();
  return created!;
}

export async function lockExpert(tx: Db, id: string): Promise<ExpertRow | undefined> {
  const [row] = await tx.select().from(experts).where(eq(experts.id, id)).for('update');
  return row;
}

export async function updateExpertRow(tx: Db, id: string, patch: Partial<NewExpert>) {
  await tx.update(experts).set(patch).where(eq(experts.id, id));
}

/** Which of these logins and e-mails accounts hold already (an import checks its rows at once). */
export async function takenLoginsAndEmails(
  db: Db,
  logins: string[],
  emails: string[],
): Promise<{ logins: Set<string>; emails: Set<string> }> {
  const rows =
    logins.length || emails.length
      ? await db
          .select({ login: users.login, email: users.email })
          .from(users)
          .where(
            or(
              logins.length ? inArray(users.login, logins) : undefined,
              emails.length ? inArray(users.email, emails) : undefined,
            ),
          )
      : [];
  return {
    logins: new Set(rows.map((r) => r.login)),
    emails: new Set(rows.map((r) => r.email)),
  };
}

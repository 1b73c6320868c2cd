import { eq, and } from 'drizzle-orm';
import { loadConfig } from './server/config';
import { openConfiguredDatabase } from './server/bootstrap';
import { systemClock } from './server/lib/clock';
import { generatePublishedList } from './test/fixtures/published';
import { enterprises, publishedSolutions, users } from './server/db/schema';
import { DEMO_ENTERPRISE_USCC } from './server/db/seed/demo';

const config = loadConfig({ ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/post_award_demo' });
const { database } = await openConfiguredDatabase(config, systemClock, { demo: true });
const db = database.db;
const recent = await generatePublishedList(db, { n: 12, year: 2025, publishedOn: '2025-12-01', revoked: 1 });
const old = await generatePublishedList(db, { n: 6, year: 2023, publishedOn: '2023-12-01', revoked: 0 });
const [ent] = await db.select().from(enterprises).where(eq(enterprises.uscc, DEMO_ENTERPRISE_USCC));
const [bj] = await db.select().from(users).where(eq(users.login, 'beijing'));
const ids = [recent.publicIds[0]!, recent.publicIds[1]!, old.publicIds[0]!];
for (const [i, id] of ids.entries())
  await db
    .update(publishedSolutions)
    .set({ unitId: bj!.recommenderUnitId!, unitName: '北京市', ...(i !== 1 ? { enterpriseId: ent!.id, enterpriseName: ent!.name } : {}) })
    .where(and(eq(publishedSolutions.publicId, id)));
console.log(JSON.stringify({ recent: recent.campaignId, old: old.campaignId, ids }));
await database.close();

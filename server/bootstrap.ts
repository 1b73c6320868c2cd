import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { seedDemoAccounts, seedDemoCampaign, type DemoAccount } from './db/seed/demo';
import { seedReference } from './db/seed/reference';
import type { Clock } from './lib/clock';
import { storageFromConfig } from './storage';

/** Opens (and locks) the configured database, migrates and seeds it. Shared by the server and the CLI. */
export async function openConfiguredDatabase(
  config: Config,
  clock: Clock,
  opts: { demo: boolean },
) {
  const database: Database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({
        kind: 'pglite',
        dataDir: config.dataDir,
        sharedBuffersMb: config.pgliteSharedBuffersMb,
      });
  let demoAccounts: DemoAccount[] = [];
  try {
    // several nodes may start at once on one PostgreSQL: one seeds, the others find it done
    await database.exclusive(async () => {
      await seedReference(database.db);
      const deps = { db: database.db, clock, config, files: storageFromConfig(config) };
      if (opts.demo && config.demoCampaign) await seedDemoCampaign(deps);
      if (opts.demo && config.demoAccounts) demoAccounts = await seedDemoAccounts(deps);
    });
  } catch (e) {
    await database.close();
    throw e;
  }
  return { database, demoAccounts };
}

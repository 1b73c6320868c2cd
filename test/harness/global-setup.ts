import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/db/client';
import { seedReference } from '../../server/db/seed/reference';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';

export const TEMPLATE_FILE = path.resolve('.tmp/pglite-template.tar');

/**
 * initdb in PGlite takes seconds; migrating and seeding once and loading the
 * resulting data folder into each test file's database takes well under one.
 */
export default async function setup(project: TestProject) {
  if (!project.name.endsWith('pglite')) return;
  const database = await openDatabase({ kind: 'pglite-memory' });
  await seedReference(database.db);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

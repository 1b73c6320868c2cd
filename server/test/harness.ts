import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../db/client';
import { seedReference } from '../db/seed/reference';
import {
  seedDemoAccounts,
  seedDemoCampaign,
  DEMO_PASSWORD,
  DEMO_ENTERPRISE_USCC,
} from '../db/seed/demo';
import type { Clock } from '../lib/clock';
import type { Deps } from '../lib/deps';
import { TEMPLATE_FILE } from './global-setup';

export { DEMO_PASSWORD, DEMO_ENTERPRISE_USCC };

/** A clock the test moves by hand; sleeping only advances it. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-01T09:00:00+08:00')) {}
  now() {
    return new Date(this.current);
  }
  set(iso: string) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  async sleep(ms: number) {
    this.advance(ms);
  }
}

export const testDbKind = (process.env.ZX_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** A fresh, migrated, seeded database of the kind this project runs (ZX_TEST_DB). */
export async function openTestDatabase(): Promise<Database> {
  if (testDbKind === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `zx_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
    await seedReference(database.db);
    return {
      ...database,
      async close() {
        await database.close();
        const again = new pg.Client({ connectionString: adminUrl });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      },
    };
  }
  const loadDataDir = fs.existsSync(TEMPLATE_FILE)
    ? new Blob([fs.readFileSync(TEMPLATE_FILE)])
    : undefined;
  const database = await openDatabase({ kind: 'pglite-memory', loadDataDir });
  await seedReference(database.db);
  return database;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: TestClock;
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { demo?: boolean; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new TestClock();
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' }),
    ...opts.config,
  };
  const deps: Deps = { db: database.db, clock, config };
  if (opts.demo ?? true) {
    await seedDemoCampaign(deps);
    await seedDemoAccounts(deps);
  }
  const app = await buildApp(deps);
  return {
    app,
    deps,
    clock,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in (or anonymous) HTTP client against the app: keeps the cookie, sends the CSRF token. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      payload: body as InjectOptions['payload'],
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
    });
    const set = res.cookies.find((c) => c.name === 'zx_session');
    if (set) this.cookie = set.value ? `zx_session=${set.value}` : undefined;
    let json: any;
    try {
      json = res.json();
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, body: json, headers: res.headers, raw: res };
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }

  async signIn(login: string, password = DEMO_PASSWORD) {
    const res = await this.post('/api/v1/auth/sign-in', { login, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }
}

export async function signedIn(app: FastifyInstance, login: string, password = DEMO_PASSWORD) {
  const c = new Client(app);
  const res = await c.signIn(login, password);
  if (res.status !== 200)
    throw new Error(`sign-in as ${login} failed: ${JSON.stringify(res.body)}`);
  return c;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localFileStorage } from '../../server/lib/files';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { usccCheckCharacter } from '../../domain/uscc';
import { buildApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/client';
import { seedReference } from '../../server/db/seed/reference';
import {
  seedDemoAccounts,
  seedDemoCampaign,
  DEMO_PASSWORD,
  DEMO_ENTERPRISE_USCC,
} from '../../server/db/seed/demo';
import type { Clock } from '../../server/lib/clock';
import type { Deps } from '../../server/lib/deps';
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
        // pool.end() does not wait for the backends to go; forcing the drop while they are
        // still leaving makes their clients report a FATAL error nobody listens to.
        for (let i = 0; i < 100; i++) {
          const { rows } = await again.query(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
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
  /** the local folder the app's files are stored in */
  filesDir: string;
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
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-files-'));
  const deps: Deps = { db: database.db, clock, config, files: localFileStorage(filesDir) };
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
    filesDir,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in (or anonymous) HTTP client against the app: keeps the cookie, sends the CSRF token. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  /** `ip`: the client's address as the server sees it (rate limits and audit rows are per IP). */
  constructor(
    /** the app itself (requests injected), or the address of a running server (real HTTP) */
    private readonly app: FastifyInstance | string,
    readonly ip = '127.0.0.1',
  ) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    if (typeof this.app === 'string') return this.overHttp(this.app, method, url, body, headers);
    const res = await this.app.inject({
      method,
      url,
      payload: body as InjectOptions['payload'],
      remoteAddress: this.ip,
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
  /**
   * Over a socket to a running server (behind a proxy that trusts X-Forwarded-For, the client's
   * address is sent there). A refused or broken connection throws, as it would in a browser.
   */
  private async overHttp(
    base: string,
    method: InjectOptions['method'],
    url: string,
    body: unknown,
    headers: Record<string, string>,
  ) {
    const isBuffer = Buffer.isBuffer(body);
    const res = await fetch(`${base}${url}`, {
      method: String(method),
      redirect: 'manual',
      headers: {
        'x-forwarded-for': this.ip,
        ...(body !== undefined && !isBuffer ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isBuffer ? new Uint8Array(body) : JSON.stringify(body),
    });
    for (const set of res.headers.getSetCookie()) {
      const m = /^zx_session=([^;]*)/.exec(set);
      if (m) this.cookie = m[1] ? `zx_session=${m[1]}` : undefined;
    }
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      body: json,
      headers: Object.fromEntries(res.headers) as Record<string, string>,
      raw: undefined as unknown as Awaited<ReturnType<FastifyInstance['inject']>>,
    };
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
  /** A copy sharing nothing: the same session, but later cookie changes stay apart. */
  clone() {
    const c = new Client(this.app, this.ip);
    c.cookie = this.cookie;
    c.csrf = this.csrf;
    return c;
  }

  async signIn(login: string, password = DEMO_PASSWORD) {
    const res = await this.post('/api/v1/auth/sign-in', { login, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }
}

export async function signedIn(
  app: FastifyInstance | string,
  login: string,
  password = DEMO_PASSWORD,
  ip?: string,
) {
  const c = new Client(app, ip);
  const res = await c.signIn(login, password);
  if (res.status !== 200)
    throw new Error(`sign-in as ${login} failed: ${JSON.stringify(res.body)}`);
  return c;
}

/**
 * The first sign-in of an account an organizer created: the server lets it do nothing but change
 * its password, so it does (keeping the same one, which the tests go on using).
 */
export async function firstSignIn(
  app: FastifyInstance | string,
  login: string,
  password: string,
  ip?: string,
) {
  const c = await signedIn(app, login, password, ip);
  const res = await c.post('/api/v1/me/password', {
    currentPassword: password,
    newPassword: password,
  });
  if (res.status !== 200)
    throw new Error(`changing ${login}'s password failed: ${JSON.stringify(res.body)}`);
  return c;
}

/** Runs SQL as the test database's owner (a superuser on both kinds); returns the rows. */
export async function query<T = Record<string, unknown>>(
  t: Pick<TestApp, 'deps'>,
  text: string,
): Promise<T[]> {
  const res = (await t.deps.db.execute(sql.raw(text))) as unknown as { rows: T[] };
  return res.rows;
}

export async function countRows(t: Pick<TestApp, 'deps'>, table: string): Promise<number> {
  const [row] = await query<{ n: number }>(t, `select count(*)::int as n from ${table}`);
  return Number(row!.n);
}

export async function userIdOf(t: Pick<TestApp, 'deps'>, login: string): Promise<string> {
  const [row] = await query<{ id: string }>(
    t,
    `select id from users where login = '${login.replace(/'/g, "''")}'`,
  );
  if (!row) throw new Error(`no user ${login}`);
  return row.id;
}

/** A well-formed 统一社会信用代码 with a correct check character, different for each `n`. */
export function makeUscc(n: number, prefix = '91110108MA'): string {
  const body = `${prefix}${String(n).padStart(17 - prefix.length, '0')}`;
  if (body.length !== 17) throw new Error(`bad prefix ${prefix}`);
  return body + usccCheckCharacter(body);
}

/** A valid body for POST /api/v1/enterprises (北京市 / 北京市 110100). */
export function registration(n: number, over: Record<string, unknown> = {}) {
  return {
    name: `测试企业${n}号科技有限公司`,
    uscc: makeUscc(n),
    provinceCode: '110000',
    cityCode: '110100',
    contactName: '王测试',
    phone: '13900000000',
    email: `company${n}@test.zhengxuan.invalid`,
    password: 'Secret2021pass',
    ...over,
  };
}

export interface RouteEntry {
  method: string;
  url: string;
}

/**
 * Every route the app has, from Fastify's own route tree (`printRoutes`), HEAD left out.
 * Lines look like `│   └── /:id (GET, HEAD)`; a child's path continues its parent's.
 */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const out: RouteEntry[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const url = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = url;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((x) => x.trim())) {
      if (method && method !== '-' && method !== 'HEAD') out.push({ method, url });
    }
  }
  return out;
}

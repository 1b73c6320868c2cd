// What an operator watches: one JSON log line per request (request id, user id, route pattern,
// method, status, time; no personal data), /api/ready (database, file storage, migrations) and
// Prometheus metrics at /metrics behind METRICS_TOKEN. docs/DEPLOYMENT.md describes their use.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appliedMigrationCount, databaseAnswers, jobQueueDepths } from '../db/observability';
import type { Deps } from './deps';
import { AppError } from './errors';
import { PROMETHEUS_CONTENT_TYPE, Registry } from './metrics';
import { projectPath } from './paths';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The request's id: the caller's (a proxy's) X-Request-Id when it is a plain token of at most 128
 * characters, so a line here joins nginx's; otherwise a new UUID. Anything else in the header
 * (spaces, quotes, newlines, personal data pasted in) is not written into the logs.
 */
export function requestIdOf(req: { headers: Record<string, string | string[] | undefined> }) {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && /^[A-Za-z0-9._:/+=-]{1,128}$/.test(given)
    ? given
    : randomUUID();
}

/** The route's pattern (/api/v1/applications/:id/draft), never the URL with its ids and query. */
const routeOf = (req: FastifyRequest) => req.routeOptions.url ?? '(unmatched)';

const DRAFT_SAVE = 'PUT /api/v1/applications/:id/draft';
const SUBMIT = 'POST /api/v1/applications/:id/submit';

/** Entries of server/db/migrations/meta/_journal.json: what a migrated database has applied. */
function journalLength(): number {
  const journal = JSON.parse(
    fs.readFileSync(projectPath('server/db/migrations/meta/_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  return journal.entries.length;
}

/** A readiness failure in our own words, safe to show on the public /api/ready. */
class NotReady extends Error {}

/** Fails when `work` takes longer than `ms`: a probe that hangs answers "not ready". */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new NotReady(`no answer in ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Bearer token check in constant time (both sides hashed to the same length first). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (\S+)$/.exec(header ?? '');
  const given = sha256(m?.[1] ?? '');
  return timingSafeEqual(given, sha256(token)) && m !== null;
}

const inFlightOf = new WeakMap<FastifyInstance, Map<FastifyRequest, number>>();

/** The requests an app is answering now: method, route pattern and milliseconds so far. */
export function requestsInFlight(app: FastifyInstance) {
  const now = performance.now();
  return [...(inFlightOf.get(app) ?? new Map<FastifyRequest, number>())].map(([req, since]) => ({
    op: `${req.method} ${routeOf(req)}`,
    ms: Math.round(now - since),
  }));
}

/** Hooks and routes on the root instance (before the API's routes, so they see every request). */
export function installObservability(app: FastifyInstance, deps: Deps): void {
  const inFlight = new Map<FastifyRequest, number>();
  inFlightOf.set(app, inFlight);
  app.addHook('onRequest', async (req) => {
    inFlight.set(req, performance.now());
  });
  app.addHook('onResponse', async (req) => {
    inFlight.delete(req);
  });
  app.addHook('onRequestAbort', async (req) => {
    inFlight.delete(req);
  });
  const registry = new Registry();
  const requests = registry.counter(
    'zx_http_requests_total',
    'HTTP requests answered, by route pattern, method and status',
  );
  const duration = registry.histogram(
    'zx_http_request_duration_seconds',
    'Time to answer an HTTP request, by route pattern',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  );
  const draftSaves = registry.counter(
    'zx_draft_saves_total',
    'Draft saves answered 200 (PUT /api/v1/applications/:id/draft)',
  );
  const submits = registry.counter(
    'zx_submits_total',
    'Applications submitted, answered 2xx (POST /api/v1/applications/:id/submit)',
  );
  registry.gauge(
    'zx_job_queue_depth',
    'Background jobs waiting (created, retry) or running (active), per queue',
    async () =>
      (await within(2000, jobQueueDepths(deps.db))).map((r) => ({
        labels: { queue: r.queue, state: r.state },
        value: r.jobs,
      })),
  );
  registry.gauge('process_resident_memory_bytes', 'Resident memory size in bytes', () =>
    process.memoryUsage.rss(),
  );
  registry.gauge(
    'nodejs_heap_used_bytes',
    'V8 heap in use, in bytes',
    () => process.memoryUsage().heapUsed,
  );
  registry.gauge('process_uptime_seconds', 'Seconds since the process started', () =>
    process.uptime(),
  );
  // event-loop delay since the previous scrape (then reset), and its utilisation over that span
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  app.addHook('onClose', async () => loopDelay.disable());
  registry.gauge(
    'nodejs_eventloop_lag_seconds',
    'Event-loop delay since the previous scrape: mean, p99 and max',
    () => {
      const s = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
      const out = [
        { labels: { stat: 'mean' }, value: s(loopDelay.mean) },
        { labels: { stat: 'p99' }, value: s(loopDelay.percentile(99)) },
        { labels: { stat: 'max' }, value: s(loopDelay.max) },
      ];
      loopDelay.reset();
      return out;
    },
  );
  let lastElu: EventLoopUtilization = performance.eventLoopUtilization();
  registry.gauge(
    'nodejs_eventloop_utilization',
    'Share of time the event loop was busy since the previous scrape (0–1)',
    () => {
      const now = performance.eventLoopUtilization();
      const span = performance.eventLoopUtilization(now, lastElu);
      lastElu = now;
      return span.utilization;
    },
  );

  // on every answer, refusals from earlier hooks included
  app.addHook('onSend', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = routeOf(req);
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    requests.inc({ route, method: req.method, status: String(status) });
    duration.observe({ route }, ms / 1000);
    const op = `${req.method} ${route}`;
    if (op === DRAFT_SAVE && status === 200) draftSaves.inc();
    if (op === SUBMIT && status >= 200 && status < 300) submits.inc();
    // the one line per request: ids and the pattern only (no URL, query, body, cookie or address)
    req.log.info(
      {
        userId: req.auth?.user.id,
        route,
        method: req.method,
        status,
        ms: Math.round(ms * 10) / 10,
      },
      'request completed',
    );
  });

  // /api/ready: this node may take traffic; 503 from the moment it starts to close (main.ts).
  const migrationsExpected = journalLength();
  let migrated = false; // migrations are never undone: once seen applied, not asked again
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.get('/api/ready', { schema: { hide: true } }, async (req, reply) => {
    const checks: Record<string, string> = {};
    const probe = async (name: string, work: () => Promise<void>) => {
      try {
        await within(3000, work());
        checks[name] = 'ok';
      } catch (e) {
        // the driver's own message (host names, paths) goes to the log, not to the public answer
        if (e instanceof NotReady) checks[name] = `failed: ${e.message}`;
        else {
          checks[name] = 'failed: unreachable';
          req.log.warn({ err: e, check: name }, 'readiness check failed');
        }
      }
    };
    await Promise.all([
      probe('database', () => databaseAnswers(deps.db)),
      probe('storage', () => deps.files.ready()),
      probe('migrations', async () => {
        if (migrated) return;
        const applied = await appliedMigrationCount(deps.db);
        if (applied < migrationsExpected)
          throw new NotReady(`${applied} of ${migrationsExpected} applied`);
        migrated = true;
      }),
    ]);
    if (closing) checks.closing = 'failed: shutting down';
    const ok = Object.values(checks).every((v) => v === 'ok');
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', checks });
  });

  // /metrics: only with METRICS_TOKEN set, and only for its bearer
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    const token = deps.config.metricsToken;
    if (!token) throw new AppError('NOT_FOUND');
    if (!bearerMatches(req.headers.authorization, token)) throw new AppError('UNAUTHENTICATED');
    const text = await registry.render();
    return reply
      .header('content-type', PROMETHEUS_CONTENT_TYPE)
      .header('cache-control', 'no-store')
      .send(text);
  });
}

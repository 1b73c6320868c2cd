import fs from 'node:fs';
import path from 'node:path';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { FieldIssue } from '../domain/errors';
import { CSRF_HEADER, SESSION_COOKIE } from './lib/auth-context';
import type { Deps } from './lib/deps';
import { AppError } from './lib/errors';
import { assertStorableRequest } from './lib/input-text';
import { installObservability, requestIdOf } from './lib/observability';
import { acquireWorkerPool, releaseWorkerPool } from './lib/worker-pool';
import { resolveSession } from './modules/auth';
import { cataloguePages } from './modules/catalogue';
import { catalogueVersionPages } from './modules/catalogue-versions';
import { apiRoutes } from './routes';
import { databaseRateLimitStore } from './lib/rate-limit-store';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Builds the whole application. It never listens: main.ts and tests decide that.
 * `logStream`: where the JSON log lines go (default standard output).
 */
export async function buildApp(
  deps: Deps,
  opts: { logStream?: { write(line: string): void } } = {},
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    // one line per request, written by server/lib/observability.ts without URL, query or address
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: requestIdOf,
    trustProxy: config.trustProxy,
    // While a node stops (SIGTERM, main.ts) its listening socket is closed first; a request that
    // still reaches it on a connection already open is served as usual, not answered 503, which a
    // proxy would pass on to the client instead of trying another node.
    return503OnClosing: false,
    bodyLimit: 1024 * 1024,
    // Errors the router raises before any hook (a malformed or over-long URL) get the envelope too.
    frameworkErrors: (err, _req, reply) => {
      const body = new AppError('BAD_REQUEST', {
        message: `请求地址不正确：${err.message}`,
        messageEn: err.message,
      }).toBody();
      void (reply as FastifyReply).status(err.statusCode ?? 400).send(body);
    },
  });
  // the render threads (server/lib/worker-pool.ts) end with the last app that used them
  acquireWorkerPool();
  app.addHook('onClose', releaseWorkerPool);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd's CSS-in-JS
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, {
    limits: { files: 1, fields: 5, fileSize: config.maxFileBytes + 1 },
  });
  await app.register(rateLimit, {
    global: false,
    // counted in the database, so that the limits hold across nodes behind a load balancer
    store: databaseRateLimitStore(deps.db),
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Zhengxuan 征选 API',
        description:
          '政府征集遴选平台 REST API。错误统一为 { error: { code, message, messageEn, details } }。',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: withoutUnusedComponents,
  });

  app.decorateRequest('auth', null);
  app.decorateRequest('passwordChangePending', false);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token && token.length < 200) req.auth = (await resolveSession(deps, token)) ?? null;
    // Until a one-time password is changed the session only reads the account, changes the
    // password or signs out; elsewhere it counts as none (public routes stay public).
    if (req.auth?.user.mustChangePassword && !req.routeOptions.config?.beforePasswordChange) {
      req.auth = null;
      req.passwordChangePending = true;
    }
    if (!UNSAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    // CSRF: a signed-in request must carry its session's token; an anonymous one (register,
    // sign-in) must not come from another site.
    if (req.auth) {
      if (req.headers[CSRF_HEADER] !== req.auth.session.csrfToken)
        throw new AppError('CSRF_REJECTED');
    } else if (req.headers.origin) {
      let originHost = '';
      try {
        originHost = new URL(req.headers.origin).host;
      } catch {
        /* malformed origin */
      }
      if (originHost !== req.headers.host) throw new AppError('CSRF_REJECTED');
    }
  });

  // Text PostgreSQL cannot store (U+0000, a lone UTF-16 surrogate) is refused here, naming the
  // field, for every route, rather than failing in the database or turning into U+FFFD.
  app.addHook('preValidation', async (req) => assertStorableRequest(req));

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(err.toBody());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: FieldIssue[] = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: v.message ?? '',
      }));
      return reply.status(400).send(new AppError('VALIDATION_FAILED', { details }).toBody());
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = status === 413 ? '请求内容过大' : '请求格式不正确';
      return reply.status(status).send(
        new AppError('BAD_REQUEST', {
          message: `${code}：${err.message}`,
          messageEn: err.message,
        }).toBody(),
      );
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(new AppError('INTERNAL').toBody());
  });

  // request ids and log lines, /api/ready, /metrics (before the routes, so their hooks see all)
  installObservability(app, deps);
  // Stopping under load: Fastify answers `Connection: close` to requests that arrive once it is
  // closing, but not to those already being answered then — their keep-alive connections go
  // idle afterwards and stay open as long as the proxy keeps them (nginx: 60 s), holding the
  // node's close. Every answer sent from the start of the close ends its connection.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  app.get('/api/health', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(apiRoutes(deps), { prefix: '/api/v1' });
  // server-rendered public pages (the 优秀解决方案 catalogue), before the SPA's fallback
  await app.register(cataloguePages(deps));
  await app.register(catalogueVersionPages(deps));

  const webDist = config.webDist;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // Hashed assets (assets/x-<hash>.js) never change: cached for a year, and sent as the
    // brotli or gzip copy the build made (x.js.br, x.js.gz) when the browser accepts it.
    // Anything else (index.html) is revalidated on every load.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, filePath) {
        if (path.relative(webDist, filePath).startsWith(`assets${path.sep}`)) {
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
          res.setHeader('vary', 'accept-encoding');
        } else {
          res.setHeader('cache-control', 'no-cache');
        }
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // Only page routes fall back to the app; a missing file (/assets/x.js, /favicon.ico) is a 404.
    const pathname = req.url.split('?')[0]!;
    if (
      pathname.startsWith('/api/') ||
      req.method !== 'GET' ||
      !hasWeb ||
      /\.[a-z0-9]+$/i.test(pathname)
    ) {
      return reply.status(404).send(new AppError('NOT_FOUND').toBody());
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDist, { maxAge: 0 });
  });

  return app;
}

/**
 * Components from the zod registry (the error envelope): the provider adds an input copy of each
 * registered schema too; only responses use them, so the copies nothing refers to are dropped.
 */
const withoutUnusedComponents: typeof jsonSchemaTransformObject = (doc) => {
  const out = jsonSchemaTransformObject(doc) as ReturnType<typeof jsonSchemaTransformObject> & {
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = out.components?.schemas;
  if (!schemas) return out;
  const used = JSON.stringify({ ...out, components: { ...out.components, schemas: {} } });
  for (const name of Object.keys(schemas))
    if (name.endsWith('Input') && !used.includes(`"#/components/schemas/${name}"`))
      delete schemas[name];
  return out;
};

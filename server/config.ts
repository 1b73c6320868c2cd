import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['1', 'true', 'yes'].includes(v)));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Create the demo accounts. Default: yes on the embedded database, no on PostgreSQL. */
  DEMO_ACCOUNTS: flag,
  /** Seed a copy of the 2021 campaign for the current year, open now. Follows DEMO_ACCOUNTS by default. */
  DEMO_CAMPAIGN: flag,
  /** Set the Secure flag on the session cookie (serve over HTTPS). */
  COOKIE_SECURE: flag,
  SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Failed sign-ins before an account locks, and for how long. */
  SIGN_IN_LOCK_AFTER: z.coerce.number().int().min(1).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Added delay per failed sign-in after the second, in ms. */
  SIGN_IN_SLOWDOWN_MS: z.coerce.number().int().min(0).default(800),
  /** Sign-in attempts per IP per minute. */
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  TRUST_PROXY: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  WEB_DIST: z.string().default('web/dist'),
  /** The embedded database's page cache (PostgreSQL's shared_buffers), in MiB; PGlite's own default is 128. */
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(4096).default(32),
  /** Uploaded files: a local folder (default DATA_DIR/files) unless S3_BUCKET is set. */
  FILES_DIR: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: flag,
  MAX_FILE_MB: z.coerce.number().positive().max(200).default(20),
  MAX_APPLICATION_FILES_MB: z.coerce.number().positive().max(2000).default(100),
  /** The address people reach the platform at, printed into verification QR codes. */
  PUBLIC_URL: z.string().url().optional(),
  /** Outgoing e-mail, e.g. smtp://user:pass@mail.example.cn:587 or smtps://…:465; unset: e-mail is off. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  /** The sender of e-mail, e.g. "征选平台 <noreply@zx.example.cn>". */
  MAIL_FROM: z.string().min(3).default('征选平台 <noreply@localhost>'),
  /** Run background work (e-mail delivery, reminders) in this process. */
  WORKERS: flag,
  /** Threads that render PDFs, DOCX and XLSX off the event loop; 0: render on the main thread. Default: cores − 1 (at least 1). */
  WORKER_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  /** On SIGTERM, how long requests in flight and the jobs' current step may take before the process exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  /** Minutes between checkpoints of the audit chain's head in the file storage (0: only at start-up). */
  AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** Bearer token for GET /metrics (Prometheus); unset: /metrics answers 404. At least 16 characters. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
});

/** The environment variables the server reads (deploy/compose.yaml is checked against them). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  pgliteSharedBuffersMb: number;
  databaseUrl: string | undefined;
  demoAccounts: boolean;
  demoCampaign: boolean;
  cookieSecure: boolean;
  sessionHours: number;
  signInLockAfter: number;
  signInLockMinutes: number;
  signInSlowdownMs: number;
  signInRatePerMinute: number;
  trustProxy: boolean;
  logLevel: string;
  webDist: string;
  filesDir: string;
  s3: {
    endpoint: string;
    region: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
  } | null;
  maxFileBytes: number;
  maxApplicationFileBytes: number;
  publicUrl: string;
  auditCheckpointMinutes: number;
  shutdownGraceSeconds: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  workers: boolean;
  /** 0: render on the main thread */
  workerThreads: number;
  /** Bearer token for /metrics; undefined: /metrics answers 404 */
  metricsToken: string | undefined;
};

export class ConfigError extends Error {}

/** 127.0.0.0/8, ::1 and localhost: a server only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1'
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (`DATABASE_URL= npm start` means the embedded database).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(given);
  if (
    parsed.success &&
    parsed.data.S3_BUCKET &&
    !(parsed.data.S3_ACCESS_KEY_ID && parsed.data.S3_SECRET_ACCESS_KEY)
  ) {
    throw new ConfigError(
      '配置错误 / invalid configuration:\n  S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
    );
  }
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!e.PUBLIC_URL && !isLoopback(e.HOST)) {
    // a printed 申报书 carries its verification QR code: it must point where others can reach it
    throw new ConfigError(
      `配置错误 / invalid configuration:\n  PUBLIC_URL: 服务监听 ${e.HOST}（对外服务）时必须设置 PUBLIC_URL，即他人访问本平台的地址（如 https://zx.example.cn），申报书上的核验二维码指向该地址。\n  PUBLIC_URL is required when HOST (${e.HOST}) is not a loopback address: the address people reach the platform at (e.g. https://zx.example.cn), printed in the verification QR code.`,
    );
  }
  const embedded = !e.DATABASE_URL;
  const demoAccounts = e.DEMO_ACCOUNTS ?? embedded;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    pgliteSharedBuffersMb: e.PGLITE_SHARED_BUFFERS_MB,
    databaseUrl: e.DATABASE_URL,
    demoAccounts,
    demoCampaign: e.DEMO_CAMPAIGN ?? demoAccounts,
    cookieSecure: e.COOKIE_SECURE ?? false,
    sessionHours: e.SESSION_HOURS,
    signInLockAfter: e.SIGN_IN_LOCK_AFTER,
    signInLockMinutes: e.SIGN_IN_LOCK_MINUTES,
    signInSlowdownMs: e.SIGN_IN_SLOWDOWN_MS,
    signInRatePerMinute: e.SIGN_IN_RATE_PER_MINUTE,
    trustProxy: e.TRUST_PROXY ?? false,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST),
    filesDir: path.resolve(e.FILES_DIR ?? path.join(e.DATA_DIR, 'files')),
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT ?? `https://s3.${e.S3_REGION}.amazonaws.com`,
          region: e.S3_REGION,
          bucket: e.S3_BUCKET,
          accessKeyId: e.S3_ACCESS_KEY_ID ?? '',
          secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? '',
          forcePathStyle: e.S3_FORCE_PATH_STYLE ?? true,
        }
      : null,
    maxFileBytes: Math.round(e.MAX_FILE_MB * 1024 * 1024),
    maxApplicationFileBytes: Math.round(e.MAX_APPLICATION_FILES_MB * 1024 * 1024),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    auditCheckpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    workers: e.WORKERS ?? true,
    workerThreads: e.WORKER_THREADS ?? Math.max(1, os.availableParallelism() - 1),
    metricsToken: e.METRICS_TOKEN,
  };
}

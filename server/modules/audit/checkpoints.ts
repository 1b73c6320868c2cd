// Checkpoints anchor the hash chain outside the database: the chain's head (row count, last row id,
// its hash, the time) written to the file storage as one new object each time, never overwritten.
// Someone able to rewrite the database (a superuser with the trigger off) can rehash the whole chain
// or cut its newest rows so that the chain alone still verifies; the checkpoints written before
// then — and the copies the organizer took out of the system — still name the old head.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { z } from '../../../domain/zod';
import type { Deps } from '../../lib/deps';
import { auditChainHead } from './repository';

export const CHECKPOINT_PREFIX = 'audit-checkpoints/';
const FORMAT = 'zhengxuan-audit-checkpoint/1';

const checkpointFileSchema = z.object({
  format: z.literal(FORMAT),
  at: z.string(),
  count: z.number().int().positive(),
  lastId: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** why it was written: at start-up, on the timer, or on an organizer's request */
  source: z.string(),
  /** which server process wrote it (host and pid): checkpoints of several nodes live side by side */
  node: z.string(),
});
export type CheckpointFile = z.infer<typeof checkpointFileSchema>;
export interface AuditCheckpoint extends CheckpointFile {
  key: string;
}

/** `audit-checkpoints/20261101T010000.000Z-1234-3fa9c1.json`: sorts by time; the random tail keeps two nodes' keys apart. */
function keyOf(at: Date, count: number) {
  const time = at.toISOString().replace(/[-:]/g, '');
  return `${CHECKPOINT_PREFIX}${time}-${count}-${randomBytes(3).toString('hex')}.json`;
}

/** Writes a checkpoint of the chain's head now. Returns null when the log is still empty. */
export async function writeAuditCheckpoint(
  deps: Pick<Deps, 'db' | 'clock' | 'files'>,
  source: string,
): Promise<AuditCheckpoint | null> {
  const head = await auditChainHead(deps.db);
  if (!head) return null;
  const file: CheckpointFile = {
    format: FORMAT,
    at: deps.clock.now().toISOString(),
    ...head,
    source,
    node: `${os.hostname()}:${process.pid}`,
  };
  const key = keyOf(new Date(file.at), head.count);
  await deps.files.put(key, Buffer.from(`${JSON.stringify(file, null, 2)}\n`), 'application/json');
  return { key, ...file };
}

export type ReadCheckpoint = { ok: true; checkpoint: AuditCheckpoint } | { ok: false; key: string };

async function readCheckpoint(files: Deps['files'], key: string): Promise<ReadCheckpoint> {
  try {
    const parsed = checkpointFileSchema.safeParse(JSON.parse((await files.get(key)).toString()));
    return parsed.success ? { ok: true, checkpoint: { key, ...parsed.data } } : { ok: false, key };
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, key };
    throw e;
  }
}

async function readAll(files: Deps['files'], keys: string[]): Promise<ReadCheckpoint[]> {
  const out: ReadCheckpoint[] = [];
  for (let i = 0; i < keys.length; i += 16)
    out.push(...(await Promise.all(keys.slice(i, i + 16).map((k) => readCheckpoint(files, k)))));
  return out;
}

/** Every checkpoint there is, oldest first (for verification). */
export async function allAuditCheckpoints(files: Deps['files']) {
  return readAll(files, await files.list(CHECKPOINT_PREFIX));
}

/** The newest checkpoints (for the audit page), newest first, and how many there are. */
export async function latestAuditCheckpoints(files: Deps['files'], limit: number) {
  const keys = await files.list(CHECKPOINT_PREFIX);
  const read = await readAll(files, keys.slice(-limit).reverse());
  return {
    items: read.flatMap((r) => (r.ok ? [r.checkpoint] : [])),
    total: keys.length,
  };
}

/**
 * The server process's checkpoints: one at start-up, then every `minutes` when the head has moved.
 * Several processes may each run this: every checkpoint is its own object, so none overwrites
 * another, and each is checked on its own. Returns a function that stops the timer.
 */
export function startAuditCheckpoints(
  deps: Pick<Deps, 'db' | 'clock' | 'files'>,
  minutes: number,
  log: { error(obj: unknown, msg: string): void },
): () => void {
  let last: { lastId: number; hash: string } | null = null;
  const tick = async (source: string) => {
    try {
      const head = await auditChainHead(deps.db);
      if (!head || (last && last.lastId === head.lastId && last.hash === head.hash)) return;
      const written = await writeAuditCheckpoint(deps, source);
      if (written) last = written;
    } catch (e) {
      log.error(e, 'audit checkpoint failed / 审计检查点写入失败');
    }
  };
  void tick('startup');
  if (minutes <= 0) return () => {};
  const timer = setInterval(() => void tick('timer'), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

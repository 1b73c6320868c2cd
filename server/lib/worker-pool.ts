// CPU-heavy rendering (PDF, DOCX, XLSX) off the event loop: a pool of worker threads (piscina).
// The caller fetches everything on the main thread and sends plain, structured-cloneable data; the
// worker (server/workers/<name>.worker.ts) renders and hands the bytes back without a copy.
//
// One pool per process, created on the first task, sized by config.workerThreads (WORKER_THREADS;
// default one thread fewer than the machine has, at least one). WORKER_THREADS=0 renders on the main thread, as before:
// for a one-core machine where a thread would only add its start-up and memory.
import { Piscina } from 'piscina';
import type { tasks as printTasks } from '../workers/print.worker';
import type { tasks as xlsxTasks } from '../workers/xlsx.worker';

/** Every worker entry file and the tasks it runs (server/workers/<name>.worker.ts). */
interface Workers {
  print: typeof printTasks;
  xlsx: typeof xlsxTasks;
}
export type WorkerName = keyof Workers;
type Task = (input: never) => Promise<Uint8Array>;
type Tasks = Record<string, Task>;

// Under tsx or vitest this file is TypeScript and so are the workers: Node 20 cannot run them by
// itself (and vitest's transform does not reach a worker thread), so each worker loads tsx. In the
// compiled bundle (dist-server/main.js) the workers are dist-server/workers/<name>.worker.js.
const fromSource = import.meta.url.endsWith('.ts');

/** The entry file of a worker, beside this file's source or the compiled bundle. */
export function workerFile(name: WorkerName): URL {
  return fromSource
    ? new URL(`../workers/${name}.worker.ts`, import.meta.url)
    : new URL(`./workers/${name}.worker.js`, import.meta.url);
}

let pool: Piscina | null = null;
/** Apps (buildApp) using the pool: the last one to close closes it. */
let users = 0;

function poolOf(threads: number): Piscina {
  pool ??= new Piscina({
    minThreads: 0,
    maxThreads: threads,
    // a thread idle for 5 minutes ends (its fonts and libraries with it); the next task starts one
    idleTimeout: 5 * 60_000,
    // tasks queue without bound: each is a request someone is waiting for
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  });
  return pool;
}

/**
 * Runs `task` of worker `name` on `input` in the pool (threads > 0) or on this thread (threads 0),
 * and returns its bytes. `input` must be structured-cloneable: no functions, class instances or
 * handles (a Buffer arrives as a Uint8Array).
 */
export async function runInWorker<W extends WorkerName, T extends keyof Workers[W] & string>(
  config: { workerThreads: number },
  name: W,
  task: T,
  input: Workers[W][T] extends (input: infer I) => Promise<Uint8Array> ? I : never,
): Promise<Buffer> {
  const file = workerFile(name);
  if (config.workerThreads <= 0) {
    const mod = (await import(file.href)) as { tasks: Tasks };
    return asBuffer(await mod.tasks[task]!(input as never));
  }
  const out = (await poolOf(config.workerThreads).run(
    { task, input },
    { filename: file.href },
  )) as Uint8Array;
  return asBuffer(out);
}

/** A worker file's default export: runs the named task and moves its bytes back to the caller. */
export function serveTasks(tasks: Tasks) {
  return async ({ task, input }: { task: string; input: unknown }) => {
    const run = tasks[task];
    if (!run) throw new Error(`no task ${task}`);
    const bytes = await run(input as never);
    // a small Buffer is a slice of Node's shared pool: moving that would take the whole pool along
    const own =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? bytes
        : new Uint8Array(bytes);
    return Piscina.move(own);
  };
}

/** Bytes as a Buffer, without a copy. */
export function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** Called by buildApp: the app uses the pool until it closes (see releaseWorkerPool). */
export function acquireWorkerPool(): void {
  users++;
}

/** Called when an app closes: the last one out ends the threads (a later task starts new ones). */
export async function releaseWorkerPool(): Promise<void> {
  users = Math.max(0, users - 1);
  if (users > 0 || !pool) return;
  const closing = pool;
  pool = null;
  await closing.close();
}

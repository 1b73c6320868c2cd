// Load generator for bench/draft-save.ts, run as its own process so that its CPU does not
// share the event loop of the servers it measures. Reads one JSON job on stdin, prints one
// JSON result on stdout.
//
// Each virtual client owns one application and saves it again and again, carrying the
// draftVersion the previous response returned (optimistic concurrency).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadJob {
  /** http://127.0.0.1:port */
  origin: string;
  /** path with `{id}` in it */
  pathTemplate: string;
  headers: Record<string, string>;
  /** the `data` JSON, already serialised */
  dataJson: string;
  /** one virtual client per application: id → its current draftVersion */
  versions: Record<string, number>;
  seconds: number;
  maxRequests: number;
}

export interface LoadResult {
  requests: number;
  ok: number;
  /** status → count, for everything that was not 200 (and 'error' for transport errors) */
  failures: Record<string, number>;
  elapsedMs: number;
  /** per-request latencies of the 200s, sorted, ms */
  latencies: number[];
  versions: Record<string, number>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function put(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'PUT',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const ids = Object.keys(job.versions);
  const versions = { ...job.versions };
  const agent = new http.Agent({ keepAlive: true, maxSockets: ids.length });
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let requests = 0;
  const started = performance.now();
  const deadline = started + job.seconds * 1000;

  async function client(id: string) {
    const url = new URL(job.pathTemplate.replace('{id}', id), job.origin);
    while (performance.now() < deadline && requests < job.maxRequests) {
      requests++;
      const body = `{"baseVersion":${versions[id]},"data":${job.dataJson}}`;
      const t = performance.now();
      try {
        const res = await put(agent, url, job.headers, body);
        const ms = performance.now() - t;
        if (res.status === 200) {
          latencies.push(ms);
          const m = /"draftVersion":(\d+)/.exec(res.text);
          if (!m) throw new Error(`no draftVersion in ${res.text.slice(0, 200)}`);
          versions[id] = Number(m[1]);
        } else {
          failures[res.status] = (failures[res.status] ?? 0) + 1;
          if (res.status === 409) {
            // resynchronise from the conflict details so one miss does not cascade
            const m = /"currentVersion":(\d+)/.exec(res.text);
            if (m) versions[id] = Number(m[1]);
          }
          if ((failures[res.status] ?? 0) <= 3)
            process.stderr.write(`load-client: ${res.status} ${res.text.slice(0, 300)}\n`);
        }
      } catch (e) {
        failures.error = (failures.error ?? 0) + 1;
        if (failures.error <= 3) process.stderr.write(`load-client: ${String(e)}\n`);
      }
    }
  }

  await Promise.all(ids.map(client));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests, ok: latencies.length, failures, elapsedMs, latencies, versions };
}

const job = JSON.parse(await readStdin()) as LoadJob;
const result = await run(job);
process.stdout.write(JSON.stringify(result));

// A store for @fastify/rate-limit that keeps its counters in the platform's database
// (server/db/rate-limits.ts) instead of each process's memory: the limits hold across nodes.
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/client';
import { countHit, forgetEndedWindows } from '../db/rate-limits';

/** Every this many counted requests a process clears ended windows (no job needed). */
const SWEEP_EVERY = 500;

export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let counted = 0;
  class DatabaseStore {
    private readonly prefix: string;
    /** the plugin constructs the root store with its options; children get their route's prefix */
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : '';
    }
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      if (++counted % SWEEP_EVERY === 0) void forgetEndedWindows(db).catch(() => {});
      countHit(db, this.prefix + key, timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (e: Error) => callback(e),
      );
    }
    /** one counter per route: method and path, as the plugin's Redis store keys them */
    child(routeOptions: { routeInfo: { method?: string | string[]; url?: string } }) {
      const { method, url } = routeOptions.routeInfo;
      return new DatabaseStore(`${[method].flat().join(',')} ${url ?? ''} `);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}

// The rate limits' counters in the database (table rate_limit_counters), so that every node behind
// a load balancer counts a client's requests together. Time is the database's: nodes whose clocks
// differ still agree on when a window ends.
import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Counts one request under `key` in a window of `windowMs` that starts with the first request
 * (as @fastify/rate-limit's own store does): the count so far and the milliseconds left.
 */
export async function countHit(
  db: Db,
  key: string,
  windowMs: number,
): Promise<{ hits: number; ttlMs: number }> {
  // A window that ends later than a whole window from now began "in the future": the clock was
  // set back since (NTP, a restored VM, a test clock). It is over, not years long.
  const result = (await db.execute(sql`
    insert into rate_limit_counters as c (key, hits, resets_at)
    values (${key}, 1, clock_timestamp() + ${windowMs} * interval '1 millisecond')
    on conflict (key) do update set
      hits = case when c.resets_at <= clock_timestamp()
                    or c.resets_at > clock_timestamp() + ${windowMs} * interval '1 millisecond'
                  then 1 else c.hits + 1 end,
      resets_at = case when c.resets_at <= clock_timestamp()
                         or c.resets_at > clock_timestamp() + ${windowMs} * interval '1 millisecond'
                       then excluded.resets_at else c.resets_at end
    returning hits,
      least(${windowMs}, greatest(0, ceil(extract(epoch from c.resets_at - clock_timestamp()) * 1000)))::bigint as ttl
  `)) as unknown as { rows: { hits: number; ttl: number }[] };
  const row = result.rows[0]!;
  return { hits: Number(row.hits), ttlMs: Number(row.ttl) };
}

/** Forgets windows that ended more than an hour ago (the table holds one row per route and address). */
export async function forgetEndedWindows(db: Db): Promise<void> {
  await db.execute(
    sql`delete from rate_limit_counters where resets_at < clock_timestamp() - interval '1 hour'`,
  );
}

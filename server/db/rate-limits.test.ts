// The rate limits' shared counters: counted per key, a window that starts with its first request,
// a new window once it has ended, ended windows forgotten.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openTestDatabase } from '../../test/harness';
import type { Database } from './client';
import { countHit, forgetEndedWindows } from './rate-limits';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

test('counts per key within a window; a new window starts after it ended', async () => {
  const { db } = database;
  const first = await countHit(db, 'POST /api/v1/auth/sign-in 10.0.0.1', 400);
  expect(first.hits).toBe(1);
  expect(first.ttlMs).toBeGreaterThan(0);
  expect(first.ttlMs).toBeLessThanOrEqual(400);
  expect((await countHit(db, 'POST /api/v1/auth/sign-in 10.0.0.1', 400)).hits).toBe(2);
  // all at once, as from several nodes: every request counted once
  const burst = await Promise.all(
    Array.from({ length: 20 }, () => countHit(db, 'POST /api/v1/enterprises 10.0.0.1', 60_000)),
  );
  expect(burst.map((b) => b.hits).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  expect((await countHit(db, 'POST /api/v1/auth/sign-in 10.0.0.2', 400)).hits).toBe(1);
  await new Promise((r) => setTimeout(r, 450));
  const again = await countHit(db, 'POST /api/v1/auth/sign-in 10.0.0.1', 60_000);
  expect(again.hits).toBe(1);
  expect(again.ttlMs).toBeGreaterThan(59_000);
});

test('windows that ended more than an hour ago are forgotten, others kept', async () => {
  const { db } = database;
  await countHit(db, 'old', -2 * 3_600_000); // a window that ended two hours ago
  await countHit(db, 'live', 60_000);
  await forgetEndedWindows(db);
  expect((await countHit(db, 'old', 60_000)).hits).toBe(1);
  expect((await countHit(db, 'live', 60_000)).hits).toBe(2);
});

test('a window that would end years from now (the clock was set back since) is over, not an error', async () => {
  const { db } = database;
  const key = 'POST /api/v1/auth/sign-in 10.0.0.3';
  // as if counted while the clock stood three years ahead
  await countHit(db, key, 3 * 365 * 86_400_000);
  const next = await countHit(db, key, 60_000);
  expect(next.hits).toBe(1);
  expect(next.ttlMs).toBeGreaterThan(59_000);
  expect(next.ttlMs).toBeLessThanOrEqual(60_000);
  expect((await countHit(db, key, 60_000)).hits).toBe(2);
});

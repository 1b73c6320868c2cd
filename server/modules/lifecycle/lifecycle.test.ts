// 动态管理 (issue 15) through the schedule's run and the API, with a test clock: a list published
// on 2026-11-07 is valid through 2028-11-06 and expires at 00:00 Beijing on 2028-11-07, its
// enterprise and recommender reminded 90 days (2028-08-09) and 30 days (2028-10-08) before; a
// second list (valid through 2028-08-31) whose 90-day reminder was missed gets only the 30-day
// one. Every piece of work happens once across concurrent runs; a midnight missed while the
// server was down is made up by the run at start. Revocation and withdrawal: the organizer's
// alone, refused when already done, visible at once on the public list, open data and /verify.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBackground, type Background } from '../../background';
import { generatePublishedList, type PublishedList } from '../../../test/fixtures/published';
import { publishedWorld, type PublishedWorld } from '../../../test/fixtures/showcase';
import { createTestApp, query, userIdOf, type TestApp } from '../../../test/harness';
import { runLifecycle } from './index';

let t: TestApp;
let w: PublishedWorld;
let b: PublishedList; // the second list, valid through 2028-08-31
let bg: Background | undefined;
let bjUser: string;
let bjUnitUser: string;
let all: string[]; // the first list's public ids

const at = (iso: string) => t.clock.set(iso);
const run = () => runLifecycle(t.deps);
const keysOf = (publicId: string) =>
  query<{ key: string; day: string }>(
    t,
    `select key, day from lifecycle_actions where public_id = '${publicId}' order by key`,
  );
const messages = (userId: string, kind: string) =>
  query<{ subject: string; body: string; link: string }>(
    t,
    `select subject, body, link from notifications where user_id = '${userId}' and kind = '${kind}' order by created_at`,
  );
const statusOf = async (publicId: string) =>
  (
    await query<{ status: string }>(
      t,
      `select status from published_solutions where public_id = '${publicId}'`,
    )
  )[0]!.status;
const eventsOf = (publicId: string) =>
  query<{ kind: string; day: string; note: string; reason_code: string | null }>(
    t,
    `select kind, day, note, reason_code from published_solution_events where public_id = '${publicId}' order by at, id`,
  );

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000, sessionHours: 24 * 365 * 3 } });
  w = await publishedWorld(t, 9801);
  all = [...w.bjPublicIds, ...w.shPublicIds];
  b = await generatePublishedList(t.deps.db, {
    n: 3,
    year: 2026,
    series: 'LCB',
    publishedOn: '2026-09-01',
    revoked: 0,
    showcases: 0,
  });
  bjUser = (await w.bjEnterprise.get('/api/v1/me')).body.user.id;
  bjUnitUser = await userIdOf(t, 'beijing');
});
afterAll(async () => {
  await bg?.stop();
  await t?.close();
});

describe('reminders', () => {
  test('nothing is due the day before a reminder', async () => {
    at('2028-06-02T23:59:59+08:00');
    expect(await run()).toEqual({ expired: 0, reminded: 0 });
  });

  test('90 days before: the enterprise and its recommender are reminded once, across concurrent runs', async () => {
    at('2028-08-09T00:00:00+08:00');
    const [r1, r2] = await Promise.all([run(), run()]);
    // the first list's 4 get their 90-day reminder; the second list's 3 only the 30-day one
    expect(r1.reminded + r2.reminded).toBe(all.length + b.publicIds.length);
    expect(await run()).toEqual({ expired: 0, reminded: 0 });
    for (const id of all) expect((await keysOf(id)).map((k) => k.key)).toEqual([`remind-90:${id}`]);
    const mine = await messages(bjUser, 'award.expiry_reminder');
    expect(mine.length).toBe(w.bjPublicIds.length);
    expect(mine[0]!.subject).toContain('将于2028年11月7日到期（还有90天）');
    expect(mine[0]!.body).toContain('入选有效期至2028年11月6日');
    // (the second list's solutions are spread over the units: 北京市 may have one of those too)
    const unit = (await messages(bjUnitUser, 'award.expiry_reminder')).filter((m) =>
      m.subject.includes('2028年11月7日'),
    );
    expect(unit.length).toBe(w.bjPublicIds.length);
    expect(unit[0]!.link).toMatch(/^\/desk\//);
  });

  test('a reminder overtaken by a later one is skipped, not sent late', async () => {
    for (const id of b.publicIds)
      expect(await keysOf(id)).toEqual([{ key: `remind-30:${id}`, day: '2028-08-09' }]);
  });

  test('30 days before: the second reminder, once', async () => {
    at('2028-10-07T23:59:00+08:00');
    // the second list expired on 2028-09-01: made up now (tested below), no reminder for the first
    const before = await run();
    expect(before.reminded).toBe(0);
    at('2028-10-08T08:00:00+08:00');
    expect((await run()).reminded).toBe(all.length);
    expect((await run()).reminded).toBe(0);
    const mine = await messages(bjUser, 'award.expiry_reminder');
    expect(mine.length).toBe(w.bjPublicIds.length * 2);
    expect(mine.at(-1)!.subject).toContain('（还有30天）');
  });
});

describe('expiry', () => {
  test('the second list expired on the day after its last valid day, once, with its history', async () => {
    for (const id of b.publicIds) {
      expect(await statusOf(id)).toBe('expired');
      const events = await eventsOf(id);
      expect(events.filter((e) => e.kind === 'expired')).toEqual([
        {
          kind: 'expired',
          day: '2028-09-01',
          note: '入选有效期已于2028年8月31日届满，自次日起过期',
          reason_code: null,
        },
      ]);
    }
    const audits = await query<{ n: number }>(
      t,
      `select count(*)::int as n from audit_log where action = 'published_solution.expire'`,
    );
    expect(audits[0]!.n).toBe(b.publicIds.length);
  });

  test('not on the last valid day; at 00:00 Beijing of the next, once across concurrent runs', async () => {
    at('2028-11-06T23:59:59+08:00');
    expect((await run()).expired).toBe(0);
    expect(await statusOf(all[0]!)).toBe('valid');
    at('2028-11-07T00:00:00+08:00');
    const [r1, r2] = await Promise.all([run(), run()]);
    expect(r1.expired + r2.expired).toBe(all.length);
    expect((await run()).expired).toBe(0);
    for (const id of all) {
      expect(await statusOf(id)).toBe('expired');
      expect((await eventsOf(id)).filter((e) => e.kind === 'expired').length).toBe(1);
    }
  });
});

describe('a missed midnight', () => {
  test('is made up by the run at start', async () => {
    // a third list, valid through 2028-11-30: nobody runs anything until 3 December
    const c = await generatePublishedList(t.deps.db, {
      n: 2,
      year: 2026,
      series: 'LCC',
      publishedOn: '2026-12-01',
      revoked: 0,
      showcases: 0,
    });
    at('2028-12-03T10:00:00+08:00');
    bg = await startBackground(t.database, t.deps, console, { pollingIntervalSeconds: 0.5 });
    for (let i = 0; i < 100 && (await statusOf(c.publicIds[1]!)) !== 'expired'; i++)
      await new Promise((r) => setTimeout(r, 100));
    for (const id of c.publicIds) {
      expect(await statusOf(id)).toBe('expired');
      // the day it took effect, not the day of the run
      expect((await eventsOf(id)).find((e) => e.kind === 'expired')?.day).toBe('2028-12-01');
      // the 90- and 30-day reminders were overtaken by the expiry: none was sent late
      expect((await keysOf(id)).map((k) => k.key)).toEqual([`expire:${id}`]);
    }
  });
});

// The index is built in slices that let other requests run (issue 17): whoever needs the index
// while it is being built waits for that one build, and a filing submitted meanwhile is compared
// all the same.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { insertAwards } from '../awards/repository';
import { deskWorld, newCampaign, type DeskWorld } from '../../../test/fixtures/desk';
import {
  draftWith,
  fileWith,
  FURNACE,
  FURNACE_REWORDED,
  submit,
} from '../../../test/fixtures/duplicate-filings';
import {
  composeSections,
  newEnterprise,
  newSpec,
  pickIndustry,
  textOf,
} from '../../../test/duplicates-eval/compose';
import { createRng } from '../../../test/duplicates-eval/random';
import { createTestApp, query, type TestApp } from '../../../test/harness';
import * as repo from './repository';

let t: TestApp;
let w: DeskWorld;

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await deskWorld(t, 7400);
});
afterAll(() => t.close());

/** Past awards of invented enterprises in other trades: enough for a build of many slices. */
async function pastAwards(n: number, seed: number) {
  const rng = createRng(seed);
  const rows = Array.from({ length: n }, () => {
    const e = newEnterprise(rng, pickIndustry(rng));
    const spec = newSpec(rng, e, 2019);
    return {
      year: 2019,
      solutionName: spec.name,
      enterpriseName: e.name,
      uscc: e.uscc,
      category: '基础共性',
      recommenderName: '北京市经济和信息化局',
      source: 'imported' as const,
      text: textOf(
        composeSections(spec, rng, { words: 0.3, clauses: 0.1, openers: 0.05, figures: 0 }),
      ),
      createdAt: t.clock.now(),
    };
  });
  await insertAwards(t.deps.db, rows);
}

async function until(condition: () => Promise<boolean>) {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met in 10 s');
}

test('a check and a submit during one build share it; the filing submitted meanwhile is in the index', async () => {
  await pastAwards(1_500, 17);
  const c = await newCampaign(w.org);
  const a = await draftWith(w.bjEnterprise, c.id, {
    uscc: w.bjUscc,
    name: '高炉智能炼铁优化解决方案',
    texts: FURNACE,
  });

  // The build reads the campaign's filings, then the awards: it waits there until A is filed,
  // so A is certainly submitted after the build has read the filings and before it is done.
  const readAwards = repo.awardSourcePages;
  let release!: () => void;
  const filed = new Promise<void>((resolve) => (release = resolve));
  const builds = vi.spyOn(repo, 'awardSourcePages').mockImplementation(async function* (db, size) {
    await filed;
    yield* readAwards(db, size);
  });
  try {
    const checking = w.bjEnterprise.post(`/api/v1/applications/${a.id}/duplicate-check`, {});
    await until(async () => builds.mock.calls.length > 0);
    const submitting = submit(w.bjEnterprise, a);
    await until(async () => {
      const [row] = await query<{ state: string }>(
        t,
        `select state from applications where id = '${a.id}'`,
      );
      return row!.state !== 'draft';
    });
    release();
    const [check] = await Promise.all([checking, submitting]);
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    // the submit's own comparison waited for the check's build instead of starting another
    expect(builds).toHaveBeenCalledTimes(1);

    // B, the same solution through another channel, is compared against A
    const b = await fileWith(w.shEnterprise, c.id, {
      uscc: w.shUscc,
      name: '基于数字孪生的高炉炉况诊断平台',
      texts: FURNACE_REWORDED,
    });
    expect(builds).toHaveBeenCalledTimes(1);
    const found = await w.org.get(`/api/v1/campaigns/${c.id}/findings`);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const pairs = (found.body.items as any[])
      .filter((f) => f.kind === 'application')
      .map((f) => `${f.applicationId}>${f.match.applicationId}`)
      .sort();
    expect(pairs).toEqual([`${a.id}>${b}`, `${b}>${a.id}`].sort());
  } finally {
    builds.mockRestore();
  }
});

test('a sweep asked for during a build joins it and still sees what was filed meanwhile', async () => {
  const c = await newCampaign(w.org);
  const a = await fileWith(w.bjEnterprise, c.id, {
    uscc: w.bjUscc,
    name: '高炉智能炼铁优化解决方案',
    texts: FURNACE,
  });
  const b = await draftWith(w.shEnterprise, c.id, {
    uscc: w.shUscc,
    name: '基于数字孪生的高炉炉况诊断平台',
    texts: FURNACE_REWORDED,
  });
  // a new award: the next use of the campaign's index builds it again
  await pastAwards(1, 18);

  const readAwards = repo.awardSourcePages;
  let release!: () => void;
  const filed = new Promise<void>((resolve) => (release = resolve));
  const builds = vi.spyOn(repo, 'awardSourcePages').mockImplementation(async function* (db, size) {
    await filed;
    yield* readAwards(db, size);
  });
  try {
    const checking = w.bjEnterprise.post(`/api/v1/applications/${a}/duplicate-check`, {});
    await until(async () => builds.mock.calls.length > 0);
    const sweeping = w.org.post(`/api/v1/campaigns/${c.id}/findings/sweep`, {});
    const submitting = submit(w.shEnterprise, b);
    await until(async () => {
      const [row] = await query<{ state: string }>(
        t,
        `select state from applications where id = '${b.id}'`,
      );
      return row!.state !== 'draft';
    });
    release();
    const [check, sweep] = await Promise.all([checking, sweeping, submitting]);
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(sweep.status, JSON.stringify(sweep.body)).toBe(200);
    expect(sweep.body).toMatchObject({ applications: 2 });
    expect(builds).toHaveBeenCalledTimes(1);
    const found = await w.org.get(`/api/v1/campaigns/${c.id}/findings`);
    const pairs = (found.body.items as any[])
      .filter((f) => f.kind === 'application')
      .map((f) => `${f.applicationId}>${f.match.applicationId}`)
      .sort();
    expect(pairs).toEqual([`${a}>${b.id}`, `${b.id}>${a}`].sort());
  } finally {
    builds.mockRestore();
  }
});

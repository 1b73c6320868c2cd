// A database from before forms were data: campaigns without stored forms or a 附件3 table, and
// applications without facts. The next start fills them in, once, and changes nothing else.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MIIT_2021_FORM } from '../../../domain/forms/miit-2021-form';
import {
  DEMO_ENTERPRISE_USCC,
  createTestApp,
  makeUscc,
  query,
  signedIn,
  type TestApp,
} from '../../../test/harness';
import { submittedApplication } from '../../../test/fixtures/applications';
import { seedReference } from './reference';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test('campaigns get their template forms and 附件3, applications their facts; a second start changes nothing', async () => {
  const enterprise = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
  const [demo] = await query<{ id: string; code: string }>(
    t,
    `select id, code from campaigns where is_demo`,
  );
  const appId = await submittedApplication(enterprise, demo!.code);

  // as an older database holds them: a campaign made before forms were data, an application's
  // facts never computed (the column's default)
  const [old] = await query<{ id: string }>(
    t,
    `insert into campaigns (code, year, title, doc_number, issuer, published_on, opens_at,
       online_deadline, paper_deadline, settings)
     select 'old-2020', 2020, '2020年的活动', '', issuer, '2020-09-01', opens_at, online_deadline,
       paper_deadline, settings - 'summaryTable'
     from campaigns where id = '${demo!.id}' returning id`,
  );
  await query(t, `update applications set facts = '{}'::jsonb`);
  const before = await query<{ updated_at: Date; draft_version: number }>(
    t,
    `select updated_at, draft_version from applications where id = '${appId}'`,
  );

  await seedReference(t.deps.db);

  const forms = await query<{ kind: string; declaration: { id: string } }>(
    t,
    `select kind, declaration from campaign_forms where campaign_id = '${old!.id}' order by kind`,
  );
  expect(forms.map((f) => [f.kind, f.declaration.id])).toEqual([
    ['application', MIIT_2021_FORM.id],
    ['followUp', 'miit-iiapp-2021-follow-up'],
    ['monitoring', 'miit-iiapp-2021-monitoring'],
    ['selfEvaluation', 'miit-iiapp-2021-self-evaluation'],
  ]);
  const [settings] = await query<{ title: string; n: number }>(
    t,
    `select settings->'summaryTable'->>'title' as title,
       jsonb_array_length(settings->'summaryTable'->'columns') as n
     from campaigns where id = '${old!.id}'`,
  );
  expect(settings).toEqual({ title: '2020年工业互联网APP应用解决方案报送信息汇总表', n: 11 });

  const [app] = await query<{
    facts: Record<string, unknown>;
    updated_at: Date;
    draft_version: number;
  }>(t, `select facts, updated_at, draft_version from applications where id = '${appId}'`);
  expect(app!.facts).toMatchObject({
    uscc: DEMO_ENTERPRISE_USCC,
    category: expect.any(String),
    solutionName: expect.any(String),
    appCount: expect.any(Number),
  });
  expect((app!.facts.solutionName as string).length).toBeGreaterThan(0);
  // the data did not change, nor did its version or the time it was last changed
  expect({ updated_at: app!.updated_at, draft_version: app!.draft_version }).toEqual(before[0]);

  const count = async () =>
    (await query<{ n: number }>(t, `select count(*)::int as n from campaign_forms`))[0]!.n;
  const n = await count();
  await seedReference(t.deps.db);
  expect(await count()).toBe(n);
});

test('facts stored before 联合申报单位 was a fact get them at the next start, the rest untouched', async () => {
  const enterprise = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
  const [demo] = await query<{ code: string }>(t, `select code from campaigns where is_demo`);
  const co = { name: '上海合作科技有限公司', uscc: makeUscc(4242), role: '联合开发' };
  const appId = await submittedApplication(enterprise, demo!.code, DEMO_ENTERPRISE_USCC, (d) => {
    d.applicant.coApplicants = [co];
  });
  const [stored] = await query<{ facts: Record<string, unknown> }>(
    t,
    `select facts from applications where id = '${appId}'`,
  );
  expect(stored!.facts.coApplicants).toEqual([{ name: co.name, uscc: co.uscc }]);

  // as a database from before holds it: every other fact, no co-applicants
  await query(t, `update applications set facts = facts - 'coApplicants' where id = '${appId}'`);
  await seedReference(t.deps.db);
  const [after] = await query<{ facts: Record<string, unknown> }>(
    t,
    `select facts from applications where id = '${appId}'`,
  );
  expect(after!.facts).toEqual(stored!.facts);
});

test('系统评价 dimensions stored as bare names become the rubric at the next start, once', async () => {
  const [demo] = await query<{ id: string }>(t, `select id from campaigns where is_demo`);
  await query(
    t,
    `update campaigns set settings = jsonb_set(settings, '{postAwardDimensions}',
       '["综合实力","关键技术创新","经济社会效益","产业化推广价值"]'::jsonb) where id = '${demo!.id}'`,
  );
  await seedReference(t.deps.db);
  const read = async () =>
    (
      await query<{ dims: { code: string; name: string; weight: number; guidance: string }[] }>(
        t,
        `select settings->'postAwardDimensions' as dims from campaigns where id = '${demo!.id}'`,
      )
    )[0]!.dims;
  const dims = await read();
  expect(dims.map((d) => [d.code, d.name, d.weight])).toEqual([
    ['strength', '综合实力', 25],
    ['innovation', '关键技术创新', 25],
    ['benefit', '经济社会效益', 25],
    ['promotion', '产业化推广价值', 25],
  ]);
  await seedReference(t.deps.db);
  expect(await read()).toEqual(dims);
});

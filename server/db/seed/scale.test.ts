// seed-scale: the operator's scale data. What it writes must look like what the platform itself
// writes — facts computed from the data, data that the form accepts, decisions within quotas,
// awards of the winners, 附件4 reports the follow-up form accepts — and the same seed must give
// the same data.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applicationDataSchema, type FormDeclaration } from '../../../domain/form';
import { factsOf } from '../../../domain/facts';
import { followUpContextOf, formContextOf } from '../../../domain/forms';
import { isValidUscc } from '../../../domain/uscc';
import type { CampaignSettings } from '../../../domain/campaign';
import { createTestApp, query, type TestApp } from '../../../test/harness';
import { findCampaign, formOfCampaign } from '../../modules/campaigns';
import {
  applicationsPerCampaign,
  loadScaleReference,
  planScale,
  seedScale,
  ScaleSeededError,
  type ScaleCampaign,
  type ScaleTotals,
} from './scale';

/** a raw query's timestamp: a Date on PostgreSQL, a string on PGlite */
const ms = (d: Date | string | null) => new Date(d!).getTime();

let t: TestApp;
let totals: ScaleTotals;
const CODES = ['scale-miit-iiapp-2020', 'miit-iiapp-2021'];

interface AppRow {
  id: string;
  code: string;
  state: string;
  data: Record<string, unknown>;
  facts: Record<string, unknown>;
  submitted_at: Date | string | null;
  created_at: Date | string;
  online_deadline: Date | string;
  opens_at: Date | string;
  channel_unit_id: string;
  recommend_rank: number | null;
  versions: number;
  uscc: string;
}

async function campaignsOf(): Promise<ScaleCampaign[]> {
  return Promise.all(
    CODES.map(async (code) => {
      const c = (await findCampaign(t.deps.db, code))!;
      return {
        ...c,
        form: await formOfCampaign(t.deps.db, c),
        followUpForm: await formOfCampaign(t.deps.db, c, 'followUp'),
      };
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  totals = await seedScale(t.deps, { campaigns: 2, applications: 300, seed: 7, chunk: 70 });
});
afterAll(() => t.close());

describe('seed-scale --campaigns 2 --applications 300', () => {
  test('the 2021 call and a copy of it for 2020, with the filings split between them', async () => {
    const rows = await query<{ code: string; year: number; n: number; follow: number[] }>(
      t,
      `select c.code, c.year, count(a.id)::int as n, c.settings->'followUpAwardYears' as follow
       from campaigns c join applications a on a.campaign_id = c.id
       where c.code like 'scale-%' or c.code = 'miit-iiapp-2021'
       group by c.id order by c.year`,
    );
    const [older, newer] = applicationsPerCampaign(300, 2);
    expect(rows).toEqual([
      { code: CODES[0], year: 2020, n: older, follow: [2018, 2019] },
      { code: CODES[1], year: 2021, n: newer, follow: [2019, 2020] },
    ]);
    expect(newer! > older!).toBe(true);
    expect(totals.rows.applications).toBe(300);
    expect(totals.campaigns.map((c) => c.applications)).toEqual([older, newer]);
    // every enterprise has its account, every account its enterprise
    const [accounts] = await query<{ e: number; u: number }>(
      t,
      `select (select count(*)::int from enterprises where email like '%@scale.zhengxuan.invalid') as e,
              (select count(*)::int from users where email like '%@scale.zhengxuan.invalid'
                and role = 'enterprise' and enterprise_id is not null) as u`,
    );
    expect(accounts).toEqual({ e: totals.rows.enterprises, u: totals.rows.enterprises });
  });

  test('states: the newest call stops at 报送, the older one went on to awards', async () => {
    const rows = await query<{ code: string; state: string; n: number }>(
      t,
      `select c.code, a.state::text as state, count(*)::int as n
       from applications a join campaigns c on c.id = a.campaign_id
       where c.code in ('${CODES.join("','")}') group by 1, 2`,
    );
    const states = (code: string) =>
      new Set(rows.filter((r) => r.code === code).map((r) => r.state));
    const newest = states(CODES[1]!);
    const older = states(CODES[0]!);
    for (const s of newest)
      expect([
        'draft',
        'returned',
        'submitted',
        'recommended',
        'rejected_by_recommender',
        'forwarded',
      ]).toContain(s);
    for (const s of ['draft', 'submitted', 'forwarded']) expect(newest).toContain(s);
    for (const s of ['draft', 'submitted', 'not_selected', 'awarded']) expect(older).toContain(s);
    expect(older).not.toContain('forwarded'); // every forwarded filing was decided
    expect(Object.values(totals.states).reduce((a, b) => a + b, 0)).toBe(300);
  });

  test('every application: data the form accepts, facts computed from it, dates in the call', async () => {
    const apps = await query<AppRow>(
      t,
      `select a.id, c.code, a.state::text as state, a.data, a.facts, a.submitted_at, a.created_at,
              c.online_deadline, c.opens_at, a.channel_unit_id, a.recommend_rank, e.uscc,
              (select count(*)::int from application_versions v where v.application_id = a.id) as versions
       from applications a join campaigns c on c.id = a.campaign_id
       join enterprises e on e.id = a.enterprise_id
       where c.code in ('${CODES.join("','")}')`,
    );
    const campaigns = await campaignsOf();
    const industries = new Set(
      (await query<{ code: string }>(t, `select code from industries`)).map((r) => r.code),
    );
    const schemas = new Map(
      campaigns.map((c) => [
        c.code,
        {
          form: c.form,
          submit: applicationDataSchema(c.form, formContextOf(c.settings), 'submit'),
          draft: applicationDataSchema(c.form, formContextOf(c.settings), 'draft'),
        },
      ]),
    );
    for (const a of apps) {
      const { form, submit, draft } = schemas.get(a.code)!;
      expect(a.facts).toEqual(JSON.parse(JSON.stringify(factsOf(form, a.data))));
      expect(isValidUscc(a.facts.uscc as string)).toBe(true);
      expect(a.facts.uscc).toBe(a.uscc);
      expect(a.facts.region).toMatch(/^\d{6}$/);
      for (const code of a.facts.industries as string[]) expect(industries).toContain(code);
      expect(draft.safeParse(a.data).success).toBe(true);
      if (a.state === 'draft') {
        expect(a.submitted_at).toBeNull();
        expect(a.versions).toBe(0);
        continue;
      }
      // a submission: complete but for the files (the generator uploads none)
      const r = submit.safeParse(a.data);
      const problems = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
      expect(problems.filter((p) => p !== 'ip.certificates')).toEqual([]);
      expect(a.versions).toBe(1);
      expect(ms(a.submitted_at)).toBeLessThanOrEqual(ms(a.online_deadline));
      expect(ms(a.submitted_at)).toBeGreaterThanOrEqual(ms(a.opens_at));
      expect(ms(a.created_at)).toBeLessThanOrEqual(ms(a.submitted_at));
    }
    // the last three days hold the surge
    const submitted = apps.filter((a) => a.submitted_at);
    const lastDays = submitted.filter(
      (a) => ms(a.online_deadline) - ms(a.submitted_at) < 3 * 86_400_000,
    );
    expect(lastDays.length / submitted.length).toBeGreaterThan(0.35);
  });

  test('recommendations within each unit’s quota, ranked; winners are awards; 附件4 the form accepts', async () => {
    const overQuota = await query<{ n: number }>(
      t,
      `select count(*)::int as n from applications a join campaigns c on c.id = a.campaign_id
       where c.code in ('${CODES.join("','")}') and a.recommend_rank is not null
       group by a.campaign_id, a.channel_unit_id having count(*) > 10`,
    );
    expect(overQuota).toEqual([]);
    const [awards] = await query<{ awards: number; winners: number; mismatched: number }>(
      t,
      `select (select count(*)::int from awards w join applications a on a.id = w.application_id
                join campaigns c on c.id = a.campaign_id where c.code = '${CODES[0]}'
                and w.year = 2020) as awards,
              (select count(*)::int from applications a join campaigns c on c.id = a.campaign_id
                where c.code = '${CODES[0]}' and a.state in ('awarded', 'expired', 'revoked')) as winners,
              (select count(*)::int from awards w join applications a on a.id = w.application_id
                join enterprises e on e.id = a.enterprise_id
                where w.uscc <> e.uscc or w.solution_name <> a.solution_name) as mismatched`,
    );
    expect(awards!.awards).toBeGreaterThan(0);
    expect(awards).toEqual({ awards: awards!.winners, winners: awards!.winners, mismatched: 0 });

    const reports = await query<{
      state: string;
      data: Record<string, unknown>;
      award_year: number;
      settings: CampaignSettings;
      code: string;
      same_enterprise: boolean;
    }>(
      t,
      `select r.state::text as state, r.data, w.year as award_year, c.settings, c.code,
              (e.uscc = w.uscc) as same_enterprise
       from follow_up_reports r join awards w on w.id = r.award_id
       join campaigns c on c.id = r.campaign_id join enterprises e on e.id = r.enterprise_id
       where c.code in ('${CODES.join("','")}')`,
    );
    expect(reports.length).toBeGreaterThan(0);
    const campaigns = await campaignsOf();
    for (const r of reports) {
      const c = campaigns.find((x) => x.code === r.code)!;
      expect(r.code).toBe(CODES[1]); // the 2020 winners report in 2021
      expect(r.award_year).toBe(2020);
      expect(r.same_enterprise).toBe(true);
      const ctx = followUpContextOf(r.settings, { awardYear: r.award_year, campaignYear: 2021 });
      const form: FormDeclaration = c.followUpForm;
      const check = applicationDataSchema(form, ctx, 'submit').safeParse(r.data);
      expect(check.success ? [] : check.error.issues).toEqual([]);
    }
  });

  test('a second run is refused: the database has its scale data', async () => {
    await expect(
      seedScale(t.deps, { campaigns: 2, applications: 10, seed: 7 }),
    ).rejects.toBeInstanceOf(ScaleSeededError);
  });

  test('the same seed plans the same rows; another seed other rows', async () => {
    const campaigns = await campaignsOf();
    const plan = async (seed: number) => {
      const ref = await loadScaleReference(t.deps.db);
      return JSON.stringify([...planScale(ref, campaigns, { applications: 120, seed })]);
    };
    const a = await plan(11);
    expect(await plan(11)).toBe(a);
    expect(await plan(12)).not.toBe(a);
  });
});

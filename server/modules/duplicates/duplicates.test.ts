// 不得重复上报 / 多头申报 through the routes: flags on submit with the award named, the pair of
// filings through two channels flagged on both sides with evidence into the returned text,
// each recommender seeing only its side, the enterprise's check before submitting, the
// organizer's override blocking and then allowing the sign-off, the sweep, and findings going
// away when an application is taken back.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertAwards } from '../awards/repository';
import {
  batchUrl,
  deskWorld,
  newCampaign,
  recommend,
  uploadScan,
  type DeskWorld,
} from '../../../test/fixtures/desk';
import type { Db } from '../../db/client';
import { buildApp } from '../../app';
import { Client, createTestApp, query, signedIn, type TestApp } from '../../../test/harness';
import {
  draftWith,
  fileWith,
  FURNACE,
  FURNACE_REWORDED,
  submit,
  TEXTILE,
} from '../../../test/fixtures/duplicate-filings';

let t: TestApp;
let w: DeskWorld;

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await deskWorld(t, 7300);
});
afterAll(() => t.close());

const BJ_NAME = '测试企业7300号科技有限公司';

async function award(solutionName: string, uscc: string, enterpriseName: string, year = 2019) {
  await insertAwards(t.deps.db, [
    {
      year,
      solutionName,
      enterpriseName,
      uscc,
      category: '基础共性',
      recommenderName: '北京市经济和信息化局',
      source: 'imported',
      createdAt: t.clock.now(),
    },
  ]);
}

async function findingsOf(c: typeof w.org, id: string) {
  const res = await c.get(`/api/v1/applications/${id}/findings`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { text: string; findings: any[] };
}

async function campaignFindings(campaignId: string, q = '') {
  const res = await w.org.get(`/api/v1/campaigns/${campaignId}/findings${q}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as any[];
}

/** The pair A (北京市) / B (上海市): the same blast-furnace solution filed through both. */
async function filedPair(campaignId: string, suffix: string) {
  const a = await fileWith(w.bjEnterprise, campaignId, {
    uscc: w.bjUscc,
    name: `高炉智能炼铁优化解决方案${suffix}`,
    texts: FURNACE,
  });
  const b = await fileWith(w.shEnterprise, campaignId, {
    uscc: w.shUscc,
    name: `基于数字孪生的高炉炉况诊断平台${suffix}`,
    texts: FURNACE_REWORDED,
  });
  return { a, b };
}

describe('past awards', () => {
  test('the enterprise is warned before submitting; on submit the application is flagged naming the award', async () => {
    const c = await newCampaign(w.org);
    await award('基于5G的风电齿轮箱远程运维APP', w.bjUscc, BJ_NAME, 2019);
    const draft = await draftWith(w.bjEnterprise, c.id, {
      uscc: w.bjUscc,
      name: '基于5G的风电齿轮箱远程运维解决方案',
      texts: TEXTILE,
    });

    const check = await w.bjEnterprise.post(`/api/v1/applications/${draft.id}/duplicate-check`, {});
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.findings).toHaveLength(1);
    expect(check.body.findings[0]).toMatchObject({
      id: null,
      kind: 'award',
      match: { kind: 'award', year: 2019, solutionName: '基于5G的风电齿轮箱远程运维APP' },
    });
    expect(check.body.findings[0].reasons.join('；')).toContain('基于5G的风电齿轮箱远程运维APP');
    expect(check.body.findings[0].reasons.join('；')).toContain('2019');
    // nothing stored by a check, and nobody else may run it
    expect(await campaignFindings(c.id)).toEqual([]);
    expect(
      (await w.beijing.post(`/api/v1/applications/${draft.id}/duplicate-check`, {})).status,
    ).toBe(403);
    expect(
      (await w.shEnterprise.post(`/api/v1/applications/${draft.id}/duplicate-check`, {})).status,
    ).toBe(403);

    await submit(w.bjEnterprise, draft);
    const seen = await findingsOf(w.beijing, draft.id);
    expect(seen.findings).toHaveLength(1);
    expect(seen.findings[0]).toMatchObject({
      kind: 'award',
      relation: 'same_enterprise', // its own past award (the same 统一社会信用代码)
      state: 'open',
      applicationId: draft.id,
      enterpriseName: BJ_NAME,
      channelUnitName: '北京市',
    });
    expect(seen.findings[0].reasons[0]).toContain('《基于5G的风电齿轮箱远程运维APP》');
    // the enterprise sees its award finding too
    expect((await findingsOf(w.bjEnterprise, draft.id)).findings).toHaveLength(1);
    const inbox = await w.beijing.get(`/api/v1/inbox?campaignId=${c.id}`);
    expect(inbox.body.items.find((i: any) => i.id === draft.id).findings).toBe(1);
  });

  test('a different solution of the same enterprise is not flagged', async () => {
    const c = await newCampaign(w.org);
    await award('纺织印染智能配色系统', w.bjUscc, BJ_NAME, 2020);
    const id = await fileWith(w.bjEnterprise, c.id, {
      uscc: w.bjUscc,
      name: '冷链物流温控追溯APP',
      texts: FURNACE,
    });
    expect((await findingsOf(w.org, id)).findings).toEqual([]);
  });
});

describe('the same solution through two channels', () => {
  test('flagged on both sides with evidence pointing into the returned text; each unit sees only its side', async () => {
    const c = await newCampaign(w.org);
    const { a, b } = await filedPair(c.id, '');
    const unrelated = await fileWith(w.shEnterprise, c.id, {
      uscc: w.shUscc,
      name: '印染智能配色APP',
      texts: TEXTILE,
    });

    const mine = await findingsOf(w.beijing, a);
    expect(mine.findings).toHaveLength(1);
    const fa = mine.findings[0];
    expect(fa).toMatchObject({
      kind: 'application',
      // labelled by how the enterprises relate, whatever the channel: these two fixture
      // enterprises share the 字号 "测试企业…", so they are related, as the reasons say
      relation: 'related_enterprise',
      applicationId: a,
      channelUnitName: '北京市',
      state: 'open',
      match: { kind: 'application', applicationId: b, channelUnitName: '上海市' },
    });
    expect(fa.score).toBeGreaterThan(0.5);
    expect(fa.reasons.join('；')).toContain('上海市');
    expect(fa.reasons.join('；')).toContain('疑似关联企业');
    expect(mine.text).toBe(Object.values(FURNACE).join('\n'));
    expect(fa.evidence.length).toBeGreaterThan(0);
    for (const e of fa.evidence) {
      const span = mine.text.slice(e.application.start, e.application.end);
      expect(span.length).toBeGreaterThan(0);
      // the excerpt is the passage, perhaps shortened: they share a good part
      const head = e.application.excerpt.replace(/…/g, '').slice(0, 8);
      expect(span).toContain(head);
    }

    const theirs = await findingsOf(w.shanghai, b);
    expect(theirs.findings).toHaveLength(1);
    expect(theirs.findings[0]).toMatchObject({
      applicationId: b,
      match: { kind: 'application', applicationId: a, channelUnitName: '北京市' },
    });
    expect(theirs.text).toBe(Object.values(FURNACE_REWORDED).join('\n'));
    for (const e of theirs.findings[0].evidence) {
      const span = theirs.text.slice(e.application.start, e.application.end);
      expect(span).toContain(e.application.excerpt.replace(/…/g, '').slice(0, 8));
    }

    // another unit's application, whatever its findings: 403
    expect((await w.beijing.get(`/api/v1/applications/${b}/findings`)).status).toBe(403);
    expect((await w.shanghai.get(`/api/v1/applications/${a}/findings`)).status).toBe(403);
    const casic = await signedIn(t.app, 'casic');
    expect((await casic.get(`/api/v1/applications/${a}/findings`)).status).toBe(403);
    // the enterprise is not shown the other filing
    expect((await findingsOf(w.bjEnterprise, a)).findings).toEqual([]);
    expect((await findingsOf(w.org, unrelated)).findings).toEqual([]);

    const all = await campaignFindings(c.id);
    expect(all.map((f) => f.applicationId).sort()).toEqual([a, b].sort());
    expect(all[0].score).toBeGreaterThanOrEqual(all[1].score);
    expect(await campaignFindings(c.id, '?kind=award')).toEqual([]);
    expect((await w.beijing.get(`/api/v1/campaigns/${c.id}/findings`)).status).toBe(403);
  });

  test('withdrawing removes the open findings on both sides; submitting again brings them back', async () => {
    const c = await newCampaign(w.org);
    const { a, b } = await filedPair(c.id, '撤回');
    expect(await campaignFindings(c.id)).toHaveLength(2);
    const back = await w.shEnterprise.post(`/api/v1/applications/${b}/withdraw`, {});
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(await campaignFindings(c.id)).toEqual([]);
    expect((await findingsOf(w.beijing, a)).findings).toEqual([]);
    await submit(w.shEnterprise, { id: b, draftVersion: back.body.draftVersion });
    const again = await campaignFindings(c.id);
    expect(again).toHaveLength(2);

    // a dismissed finding survives the withdrawal and stays dismissed when the same text returns
    const onB = again.find((f) => f.applicationId === b);
    expect(
      (await w.org.post(`/api/v1/findings/${onB.id}/dismiss`, { reason: '已核实' })).status,
    ).toBe(200);
    const back2 = await w.shEnterprise.post(`/api/v1/applications/${b}/withdraw`, {});
    expect(back2.status).toBe(200);
    expect((await campaignFindings(c.id)).map((f) => [f.id, f.state])).toEqual([
      [onB.id, 'dismissed'],
    ]);
    await submit(w.shEnterprise, { id: b, draftVersion: back2.body.draftVersion });
    const third = await campaignFindings(c.id);
    expect(third).toHaveLength(2);
    expect(third.find((f) => f.applicationId === b)).toMatchObject({
      id: onB.id,
      state: 'dismissed',
    });
    expect(third.find((f) => f.applicationId === a).state).toBe('open');
  });

  test('a return by the recommender takes the application out of the comparison', async () => {
    const c = await newCampaign(w.org);
    const { a } = await filedPair(c.id, '退回');
    expect(await campaignFindings(c.id)).toHaveLength(2);
    const res = await w.beijing.post(`/api/v1/applications/${a}/return`, {
      comment: '请补充材料',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await campaignFindings(c.id)).toEqual([]);
  });
});

describe('override and sign-off', () => {
  test('sign-off refused while flagged; the organizer dismisses with a reason (audited); then it goes', async () => {
    const c = await newCampaign(w.org);
    const { a, b } = await filedPair(c.id, '报送');
    expect((await recommend(w.beijing, a, 1)).status).toBe(200);
    expect((await uploadScan(w.beijing, c.id, w.beijingUnit)).status).toBe(200);
    const base = batchUrl(c.id, w.beijingUnit);

    const batch = await w.beijing.get(base);
    expect(batch.body.rows.map((r: any) => [r.applicationId, r.flagged, r.duplicate])).toEqual([
      [a, true, 'open'],
    ]);
    const refused = await w.beijing.post(`${base}/sign-off`, {});
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.code).toBe('BATCH_NOT_READY');
    expect(refused.body.error.details.missing).toEqual(['duplicate_findings']);
    expect(refused.body.error.details.flagged).toEqual([a]);
    expect(refused.body.error.details).toMatchObject({ open: [a], confirmed: [] });
    expect(refused.body.error.message).toContain('1个');
    expect(refused.body.error.message).toContain('工业和信息化部');

    const [finding] = (await findingsOf(w.org, a)).findings;
    const url = `/api/v1/findings/${finding.id}/dismiss`;
    expect((await w.org.post(url, {})).status).toBe(400);
    expect((await w.org.post(url, { reason: ' ' })).status).toBe(400);
    expect((await w.beijing.post(url, { reason: '已核实不是重复申报' })).status).toBe(403);
    expect((await w.bjEnterprise.post(url, { reason: '已核实不是重复申报' })).status).toBe(403);
    expect((await w.beijing.post(`${base}/sign-off`, {})).status).toBe(409);

    const dismissed = await w.org.post(url, { reason: '已核实为两家企业联合开发，分别申报' });
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(200);
    expect(dismissed.body).toMatchObject({
      id: finding.id,
      state: 'dismissed',
      decisionReason: '已核实为两家企业联合开发，分别申报',
    });
    expect((await w.org.post(url, { reason: '再次忽略' })).status).toBe(409);
    const audit = await query<{ action: string; summary: any; actor_role: string }>(
      t,
      `select action, summary, actor_role from audit_log where target_id::text = '${finding.id}'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'duplicate_finding.dismiss',
      actor_role: 'organizer',
    });
    expect(audit[0]!.summary.note).toBe('已核实为两家企业联合开发，分别申报');

    expect((await w.beijing.get(base)).body.rows[0].flagged).toBe(false);
    const inbox = await w.beijing.get(`/api/v1/inbox?campaignId=${c.id}`);
    expect(inbox.body.items.find((i: any) => i.id === a).findings).toBe(0);
    const signed = await w.beijing.post(`${base}/sign-off`, {});
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    // the other side is still open for 上海市
    expect((await findingsOf(w.shanghai, b)).findings[0].state).toBe('open');
  });

  test('a confirmed finding blocks like an open one; confirming is the organizer’s, audited', async () => {
    const c = await newCampaign(w.org);
    const { a } = await filedPair(c.id, '确认');
    const [finding] = (await findingsOf(w.org, a)).findings;
    const url = `/api/v1/findings/${finding.id}/confirm`;
    expect((await w.beijing.post(url, { reason: '同一方案多头申报' })).status).toBe(403);
    // like a dismissal, a confirmation needs a reason: none, blank or one character is refused
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: '是' }]) {
      const refused = await w.org.post(url, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(refused.body.error.details)).toContain('reason');
    }
    expect((await findingsOf(w.org, a)).findings[0].state).toBe('open');
    const res = await w.org.post(url, { reason: '同一方案多头申报' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('confirmed');
    expect(res.body.decisionReason).toBe('同一方案多头申报');
    const audit = await query<{ action: string; summary: any }>(
      t,
      `select action, summary from audit_log where target_id::text = '${finding.id}'`,
    );
    expect(audit.map((r) => r.action)).toEqual(['duplicate_finding.confirm']);
    expect(audit[0]!.summary.note).toBe('同一方案多头申报');
    await recommend(w.beijing, a, 1);
    await uploadScan(w.beijing, c.id, w.beijingUnit);
    const refused = await w.beijing.post(`${batchUrl(c.id, w.beijingUnit)}/sign-off`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.flagged).toEqual([a]);
    // the recommender is told it is no longer a review to wait for: the recommendation must go
    expect(refused.body.error.details).toMatchObject({ confirmed: [a], open: [] });
    expect(refused.body.error.message).toContain('已被工业和信息化部确认为重复申报，须取消推荐');
    expect(refused.body.error.message).not.toContain('审核处理后方可报送');
    const row = (await w.beijing.get(batchUrl(c.id, w.beijingUnit))).body.rows[0];
    expect(row).toMatchObject({ applicationId: a, flagged: true, duplicate: 'confirmed' });
    expect(await campaignFindings(c.id, '?state=confirmed')).toHaveLength(1);
    expect(
      (
        await w.org.post('/api/v1/findings/00000000-0000-4000-8000-000000000000/confirm', {
          reason: '同一方案多头申报',
        })
      ).status,
    ).toBe(404);
  });
});

describe('sweep', () => {
  test('a sweep finds the same pairs and keeps decisions', async () => {
    const c = await newCampaign(w.org);
    const { a } = await filedPair(c.id, '全面');
    await fileWith(w.shEnterprise, c.id, { uscc: w.shUscc, name: '印染配色APP', texts: TEXTILE });
    const before = await campaignFindings(c.id);
    expect(before).toHaveLength(2);
    const onA = before.find((f) => f.applicationId === a);
    await w.org.post(`/api/v1/findings/${onA.id}/dismiss`, { reason: '已核实' });
    // a stale open row the detector would not find again
    await query(
      t,
      `update duplicate_findings set score = 0.01 where id = '${before.find((f) => f.applicationId !== a).id}'`,
    );

    const res = await w.org.post(`/api/v1/campaigns/${c.id}/findings/sweep`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ findings: 2, applications: 3 });
    const after = await campaignFindings(c.id);
    const key = (f: any) => `${f.applicationId}>${f.match.applicationId ?? f.match.awardId}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    expect(after.find((f) => f.applicationId === a).state).toBe('dismissed');
    for (const f of after) {
      const was = before.find((x) => key(x) === key(f));
      expect(f.score).toBeCloseTo(was.score, 5);
      expect(f.evidence).toEqual(was.evidence);
    }
    expect((await w.beijing.post(`/api/v1/campaigns/${c.id}/findings/sweep`, {})).status).toBe(403);
    const audit = await query(
      t,
      `select 1 from audit_log where action = 'duplicates.sweep' and target_id::text = '${c.id}'`,
    );
    expect(audit).toHaveLength(1);
  });
});

// Last: this award holds the blast-furnace text, so every later filing of it would match.
describe('awards made in the platform', () => {
  test('an award made in the platform is compared by its text; the enterprise sees no other enterprise’s text', async () => {
    const c = await newCampaign(w.org);
    const id = await fileWith(w.bjEnterprise, c.id, {
      uscc: w.bjUscc,
      name: '炼铁过程智能优化APP',
      texts: FURNACE,
    });
    expect((await findingsOf(w.org, id)).findings).toEqual([]);
    // added after the campaign's index was built: the next check must see it
    await insertAwards(t.deps.db, [
      {
        year: 2020,
        solutionName: '高炉数字孪生智能炼铁解决方案',
        enterpriseName: '某钢铁集团有限公司',
        uscc: '91110000100000000X',
        category: '基础共性',
        recommenderName: '河北省工业和信息化厅',
        source: 'platform',
        text: Object.values(FURNACE_REWORDED).join('\n'),
        createdAt: t.clock.now(),
      },
    ]);
    const draft = await draftWith(w.bjEnterprise, c.id, {
      uscc: w.bjUscc,
      name: '炼铁过程智能优化APP二期',
      texts: FURNACE,
    });
    const check = await w.bjEnterprise.post(`/api/v1/applications/${draft.id}/duplicate-check`, {});
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    const [f] = check.body.findings;
    expect(f).toMatchObject({
      kind: 'award',
      match: { solutionName: '高炉数字孪生智能炼铁解决方案' },
    });
    expect(f.evidence.length).toBeGreaterThan(0);
    expect(
      f.evidence.every((e: any) => e.match.excerpt === '' && e.application.excerpt !== ''),
    ).toBe(true);
    // the organizer sees both passages
    const swept = await w.org.post(`/api/v1/campaigns/${c.id}/findings/sweep`, {});
    expect(swept.status).toBe(200);
    const stored = (await findingsOf(w.org, id)).findings.find((x) => x.kind === 'award');
    expect(stored.evidence.some((e: any) => e.match.excerpt !== '')).toBe(true);
    const own = (await findingsOf(w.bjEnterprise, id)).findings;
    expect(own).toHaveLength(1);
    expect(own[0].evidence.every((e: any) => e.match.excerpt === '')).toBe(true);
  });
});

describe('several server processes', () => {
  test('a filing made through another process is compared: each process catches up from the database', async () => {
    // a second process: its own app and index cache over the same database
    const node2 = await buildApp({ ...t.deps, db: Object.create(t.deps.db) as Db });
    try {
      const via2 = (c: Client) =>
        Object.assign(new Client(node2), { cookie: c.cookie, csrf: c.csrf });
      const c = await newCampaign(w.org);
      // process 2 builds its index with an unrelated filing
      await fileWith(via2(w.shEnterprise), c.id, {
        uscc: w.shUscc,
        name: `纺织印染智能排产APP多进程`,
        texts: TEXTILE,
      });
      // A through process 1, then the same solution through process 2
      const a = await fileWith(w.bjEnterprise, c.id, {
        uscc: w.bjUscc,
        name: `高炉智能炼铁优化解决方案多进程`,
        texts: FURNACE,
      });
      const b = await fileWith(via2(w.shEnterprise), c.id, {
        uscc: w.shUscc,
        name: `基于数字孪生的高炉炉况诊断平台多进程`,
        texts: FURNACE_REWORDED,
      });
      const onB = await findingsOf(w.org, b);
      expect(onB.findings.map((f) => f.match.applicationId)).toContain(a);
      const onA = await findingsOf(w.org, a);
      expect(onA.findings.map((f) => f.match.applicationId)).toContain(b);
    } finally {
      await node2.close();
    }
  });
});

// 形式审查 through the routes: the platform's findings on each automatic rule (paper copy received
// or not, late or of another version; a required upload missing; a duplicate finding; focus areas
// outside the category and a text over the limit after the campaign changed them), the organizer's
// record (合格 → under_review, 不合格 → ineligible, each audited and announced), the refusals (a
// blocking item, a stale revision, a failed item without a reason, a state the check is not for,
// an application already in a published review round, anyone but the organizer), the bulk pass
// with its skips, and the result as the enterprise and the recommender read it — never who checked.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filed } from '../../../test/fixtures/desk';
import { publishedRound, receivePaper } from '../../../test/fixtures/formal-check';
import { forwardedWorld, reviewFiling, type ForwardedWorld } from '../../../test/fixtures/review';
import { createTestApp, query, signedIn, userIdOf, type TestApp } from '../../../test/harness';
import { campaignForms } from '../../db/schema';

let t: TestApp;
let w: ForwardedWorld;

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await forwardedWorld(t, 9200, 4);
});
afterAll(() => t.close());

const url = (id: string) => `/api/v1/applications/${id}/formal-check`;
const listUrl = (q = '') => `/api/v1/campaigns/${w.campaignId}/formal-check${q}`;

interface ItemView {
  code: string;
  label: string;
  rule: string | null;
  blocking: boolean;
  automatic: { pass: boolean; reason: string } | null;
  blocked: boolean;
  recorded: { pass: boolean; reason: string } | null;
}

async function checklist(id: string) {
  const res = await w.org.get(url(id));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    state: string;
    revision: number;
    recordable: boolean;
    notRecordableReason: string | null;
    items: ItemView[];
    record: { result: string; revision: number; checkedByName: string; summary: string } | null;
  };
}

const auto = (items: ItemView[], code: string) => items.find((i) => i.code === code)!.automatic!;

/** Every item passed, but for the codes given: those failed with the reason. */
function decided(items: ItemView[], failed: Record<string, string> = {}) {
  return items.map((i) => ({
    code: i.code,
    pass: !(i.code in failed),
    reason: failed[i.code] ?? '',
  }));
}

const record = (id: string, body: unknown, c = w.org) => c.request('PUT', url(id), body);

describe('automatic findings', () => {
  test('a clean forwarded application: every automatic item passes but the paper copy, until it arrives', async () => {
    const [b0] = w.bjForwarded;
    const before = await checklist(b0!);
    expect(before).toMatchObject({
      state: 'forwarded',
      revision: 0,
      recordable: true,
      record: null,
    });
    expect(before.items.map((i) => i.code)).toEqual([
      'category_focus',
      'app_not_platform',
      'own_ip',
      'deployed',
      'word_limit',
      'attachments',
      'paper',
      'not_duplicate',
    ]);
    // manual items carry no finding
    expect(before.items.find((i) => i.code === 'own_ip')).toMatchObject({
      rule: null,
      automatic: null,
      blocked: false,
    });
    expect(auto(before.items, 'category_focus')).toEqual({
      pass: true,
      reason: expect.stringContaining('“5G”'),
    });
    expect(auto(before.items, 'word_limit')).toEqual({
      pass: true,
      reason: expect.stringMatching(/^正文\d+字，未超过5000字$/),
    });
    expect(auto(before.items, 'attachments')).toEqual({ pass: true, reason: '必填附件均已上传' });
    expect(auto(before.items, 'not_duplicate')).toEqual({ pass: true, reason: '无疑似重复记录' });
    expect(auto(before.items, 'paper')).toEqual({ pass: false, reason: '尚未收到纸质申报书' });

    await receivePaper(t, w.campaignId, b0!, { kind: 'summary_table' }); // 附件3 is not the 申报书
    expect(auto((await checklist(b0!)).items, 'paper').pass).toBe(false);
    await receivePaper(t, w.campaignId, b0!);
    expect(auto((await checklist(b0!)).items, 'paper')).toEqual({
      pass: true,
      reason: '已于2026-11-02收到第1版纸质申报书',
    });
  });

  test('a paper copy of another version, or a late one, does not count', async () => {
    const [, , b2, b3] = w.bjForwarded;
    await receivePaper(t, w.campaignId, b2!, { late: true, postmarkedOn: '2027-01-05' });
    expect(auto((await checklist(b2!)).items, 'paper')).toEqual({
      pass: false,
      reason: '纸质申报书逾期寄达（邮戳2027-01-05）',
    });
    // an earlier version's copy (its code names version 0 here: not the current one)
    await receivePaper(t, w.campaignId, b3!, { versionNo: 0, status: 'superseded' });
    expect(auto((await checklist(b3!)).items, 'paper')).toEqual({
      pass: false,
      reason: '收到的纸质申报书为第0版，与网上当前的第1版不一致',
    });
  });

  test('an open duplicate finding blocks the item: it cannot be recorded as passed', async () => {
    const [, b1] = w.bjForwarded;
    // the same solution filed again through 上海市: both sides get an open finding
    await filed(
      w.shEnterprise,
      w.campaignId,
      reviewFiling(w.bjUscc, 1, { uscc: w.shUscc, region: '310104' }),
    );
    const view = await checklist(b1!);
    const dup = view.items.find((i) => i.code === 'not_duplicate')!;
    expect(dup).toMatchObject({
      blocking: true,
      blocked: true,
      automatic: { pass: false, reason: expect.stringContaining('未处理的疑似重复') },
    });
    const refused = await record(b1!, { items: decided(view.items) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('FORMAL_CHECK_BLOCKED');
    expect(refused.body.error.message).toContain(
      '有未处理或已确认的疑似重复记录的申报书不能通过形式审查',
    );
    expect((await checklist(b1!)).state).toBe('forwarded'); // nothing written
    // failing it is allowed, with a reason
    const failed = await record(b1!, {
      items: decided(view.items, { not_duplicate: '与上海市报送的申报书内容雷同' }),
    });
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    expect(failed.body).toMatchObject({ state: 'ineligible', record: { result: 'fail' } });
  });
});

describe('recording a result', () => {
  test('all items pass → 合格 and under_review; audited, both sides told, the checker hidden from them', async () => {
    const [b0] = w.bjForwarded;
    const view = await checklist(b0!);
    const res = await record(b0!, { items: decided(view.items), baseRevision: 0 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      state: 'under_review',
      revision: 1,
      record: { result: 'pass', revision: 1, checkedByName: '演示主管部门', summary: '' },
    });
    const [audit] = await query<{ action: string; summary: any }>(
      t,
      `select action, summary from audit_log where target_id = '${b0}' and action like 'application.formal_check%'`,
    );
    expect(audit).toMatchObject({
      action: 'application.formal_check_pass',
      summary: { before: { state: 'forwarded' }, after: { state: 'under_review', result: 'pass' } },
    });

    const organizerId = await userIdOf(t, 'organizer');
    for (const c of [w.bjEnterprise, w.beijing]) {
      const detail = await c.get(`/api/v1/applications/${b0}`);
      expect(detail.status).toBe(200);
      expect(detail.body.formalCheck).toEqual({
        result: 'pass',
        failedItems: [],
        checkedAt: expect.any(String),
      });
      const seen = JSON.stringify(detail.body);
      expect(seen).not.toContain('演示主管部门');
      expect(seen).not.toContain(organizerId);
      const history = (await c.get(`/api/v1/applications/${b0}/history`)).body.items;
      expect(history.at(-1)).toMatchObject({
        action: 'application.formal_check_pass',
        actionLabel: '形式审查合格',
        actorName: '主管部门',
        actorLabel: null,
        fromState: 'forwarded',
        toState: 'under_review',
      });
      expect(JSON.stringify(history)).not.toContain('演示主管部门');
      const inbox = (await c.get('/api/v1/notifications')).body.items as any[];
      const told = inbox.filter(
        (n) => n.kind === 'application.formal_check_result' && n.link?.endsWith(b0),
      );
      expect(told).toHaveLength(1);
      expect(told[0].subject).toContain('形式审查合格');
      expect(JSON.stringify(told)).not.toContain('演示主管部门');
    }
    // the other unit and enterprise see nothing of it
    expect((await w.shanghai.get(`/api/v1/applications/${b0}`)).status).toBe(403);
    const shInbox = (await w.shanghai.get('/api/v1/notifications')).body.items as any[];
    expect(shInbox.some((n) => n.kind === 'application.formal_check_result')).toBe(false);
  });

  test('a failed item → 不合格 and ineligible, with the reasons the enterprise and recommender read', async () => {
    const [, , , b3] = w.bjForwarded;
    const view = await checklist(b3!);
    const res = await record(b3!, {
      items: decided(view.items, {
        paper: '收到的纸质材料为旧版本',
        own_ip: '  软件著作权人与申报单位不一致  ',
      }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      state: 'ineligible',
      record: {
        result: 'fail',
        summary:
          '拥有自主知识产权：软件著作权人与申报单位不一致；纸质材料已收到且与网上一致：收到的纸质材料为旧版本',
      },
    });
    const expected = {
      result: 'fail',
      failedItems: [
        { label: '拥有自主知识产权', reason: '软件著作权人与申报单位不一致' },
        { label: '纸质材料已收到且与网上一致', reason: '收到的纸质材料为旧版本' },
      ],
      checkedAt: expect.any(String),
    };
    expect((await w.bjEnterprise.get(`/api/v1/applications/${b3}`)).body.formalCheck).toEqual(
      expected,
    );
    expect((await w.beijing.get(`/api/v1/applications/${b3}`)).body.formalCheck).toEqual(expected);
    const told = ((await w.bjEnterprise.get('/api/v1/notifications')).body.items as any[]).find(
      (n) => n.kind === 'application.formal_check_result' && n.link === `/applications/${b3}`,
    );
    expect(told.body).toContain('不合格原因：拥有自主知识产权：软件著作权人与申报单位不一致');
  });

  test('a result can be changed over the revision seen; a stale one is refused', async () => {
    const [, , , b3] = w.bjForwarded;
    const view = await checklist(b3!);
    expect(view.revision).toBe(1);
    // without naming the revision seen, or naming an older one: someone recorded meanwhile
    for (const baseRevision of [undefined, 0]) {
      const stale = await record(b3!, { items: decided(view.items), baseRevision });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({
        code: 'FORMAL_CHECK_CONFLICT',
        details: { currentRevision: 1 },
      });
    }
    // a non-blocking automatic item may be passed against the platform's finding
    expect(auto(view.items, 'paper').pass).toBe(false);
    const res = await record(b3!, { items: decided(view.items), baseRevision: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      state: 'under_review',
      revision: 2,
      record: { result: 'pass' },
    });
    expect((await w.bjEnterprise.get(`/api/v1/applications/${b3}`)).body.formalCheck).toMatchObject(
      {
        result: 'pass',
        failedItems: [],
      },
    );
  });

  test('bad items are refused and nothing is written', async () => {
    const [s1] = w.shForwarded.slice(1);
    const view = await checklist(s1!);
    const cases: [unknown, string][] = [
      [decided(view.items, { own_ip: '否' }), 'items.2.reason'], // a reason of one character
      [decided(view.items).slice(1), 'items'], // an item left out
      [[...decided(view.items), { code: 'nope', pass: true, reason: '' }], 'items.8.code'],
      [[...decided(view.items), decided(view.items)[0]], 'items.8.code'], // twice
    ];
    for (const [items, path] of cases) {
      const res = await record(s1!, { items });
      expect(res.status, JSON.stringify(items)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await checklist(s1!)).toMatchObject({ state: 'forwarded', revision: 0, record: null });
  });

  test('only a forwarded (or already checked) application, and only before its review round is published', async () => {
    const notForwarded = await record(w.bjNotForwarded, {
      items: decided((await checklist(w.bjNotForwarded)).items),
    });
    expect(notForwarded.status).toBe(409);
    expect(notForwarded.body.error).toMatchObject({
      code: 'WRONG_STATE',
      message: '只有已报送主管部门的申报书才能进行形式审查（当前状态：已提交）',
    });
    expect((await checklist(w.bjNotForwarded)).recordable).toBe(false);

    const [, , s2] = w.shForwarded;
    const items = decided((await checklist(s2!)).items);
    expect((await record(s2!, { items })).status).toBe(200);
    await publishedRound(t, w.campaignId, s2!);
    const view = await checklist(s2!);
    expect(view).toMatchObject({
      state: 'under_review',
      recordable: false,
      notRecordableReason: '该申报书已在已发布的评审轮次中，形式审查结果不能再修改',
    });
    const late = await record(s2!, {
      items: decided(view.items, { own_ip: '复核发现知识产权存疑' }),
      baseRevision: 1,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('WRONG_STATE');
    expect((await checklist(s2!)).state).toBe('under_review');
  });

  test('nobody but the organizer reads or records a formal check', async () => {
    const [s3] = w.shForwarded.slice(3);
    const items = decided((await checklist(s3!)).items);
    const expert = await signedIn(t.app, 'expert');
    for (const c of [w.beijing, w.shanghai, w.bjEnterprise, w.shEnterprise, expert]) {
      expect((await c.get(url(s3!))).status).toBe(403);
      expect((await record(s3!, { items }, c)).status).toBe(403);
      expect((await c.get(listUrl())).status).toBe(403);
      expect((await c.post(`${listUrl()}/bulk-pass`, { applicationIds: [s3] })).status).toBe(403);
    }
    expect((await checklist(s3!)).state).toBe('forwarded');
  });
});

describe('the list and the bulk pass', () => {
  test('lists the forwarded applications with their findings; bulk pass passes the clean ones and says why the rest were skipped', async () => {
    const [, b1, b2] = w.bjForwarded;
    const [, s1, , s3] = w.shForwarded;
    await receivePaper(t, w.campaignId, s1!);
    await receivePaper(t, w.campaignId, s3!);
    const list = await w.org.get(listUrl('?state=forwarded'));
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const rows = new Map((list.body.items as any[]).map((r) => [r.applicationId, r]));
    expect([...rows.keys()].sort()).toEqual([b2, w.shForwarded[0], s1, s3].sort());
    expect(rows.get(s1)).toMatchObject({
      enterpriseName: expect.stringContaining('测试企业'),
      channelUnitName: '上海市',
      autoPass: true,
      blocked: false,
      result: null,
      bulkPass: { eligible: true, reason: null },
    });
    expect(rows.get(s1).checks.map((c: any) => c.code)).toEqual([
      'category_focus',
      'word_limit',
      'attachments',
      'paper',
      'not_duplicate',
    ]);
    expect(rows.get(b2)).toMatchObject({
      autoPass: false,
      bulkPass: { eligible: false, reason: expect.stringContaining('逾期') },
    });
    // filters: by result, and what is not forwarded stays out
    const failed = (await w.org.get(listUrl('?result=fail'))).body.items as any[];
    expect(failed.map((r) => r.applicationId)).toEqual([b1]);
    const all = (await w.org.get(listUrl())).body.items as any[];
    expect(all.some((r) => r.applicationId === w.bjNotForwarded)).toBe(false);

    const res = await w.org.post(`${listUrl()}/bulk-pass`, {
      applicationIds: [s1, b2, b1, s3, w.bjNotForwarded],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ passed: 2, skipped: 3 });
    const outcome = new Map((res.body.items as any[]).map((i) => [i.applicationId, i]));
    expect(outcome.get(s1)).toMatchObject({ outcome: 'passed', reason: null });
    expect(outcome.get(s3)).toMatchObject({ outcome: 'passed' });
    expect(outcome.get(b2)).toMatchObject({
      outcome: 'skipped',
      reason: '纸质材料已收到且与网上一致：纸质申报书逾期寄达（邮戳2027-01-05）',
    });
    expect(outcome.get(b1)).toMatchObject({
      outcome: 'skipped',
      reason: '已有形式审查结果，请逐份审查修改',
    });
    expect(outcome.get(w.bjNotForwarded)).toMatchObject({
      outcome: 'skipped',
      reason: '不在本活动已报送的申报书中',
    });
    const passed = await checklist(s1!);
    expect(passed).toMatchObject({ state: 'under_review', record: { result: 'pass' } });
    expect(passed.items.find((i) => i.code === 'own_ip')!.recorded).toEqual({
      pass: true,
      reason: '批量通过',
    });
    expect(passed.items.find((i) => i.code === 'paper')!.recorded).toEqual({
      pass: true,
      reason: '已于2026-11-02收到第1版纸质申报书',
    });
    const audits = await query<{ target_id: string; summary: any }>(
      t,
      `select target_id, summary from audit_log where action = 'application.formal_check_bulk_pass'`,
    );
    expect(audits.map((a) => a.target_id).sort()).toEqual([s1, s3].sort());
    expect(audits[0]!.summary.note).toBe('批量通过');
    expect((await checklist(b2!)).state).toBe('forwarded');
  });
});

describe('the campaign changes what is checked', () => {
  let v: ForwardedWorld;
  beforeAll(async () => {
    v = await forwardedWorld(t, 9210, 1);
  });

  test('focus areas outside the category, a text over a lowered limit, a newly required upload; the checklist is campaign data', async () => {
    const cfg = `/api/v1/campaigns/${v.campaignId}/config`;
    const config = (await v.org.get(cfg)).body;
    // the form now asks for an upload the frozen versions do not hold (written past the form lock,
    // which keeps a form from changing once filed: the check reads whatever the form declares)
    const form = structuredClone(config.forms.application);
    form.sections.push({
      key: 'letter',
      title: '八、授权委托书',
      titleEn: 'Letter',
      fields: [
        {
          key: 'letter',
          type: 'attachments',
          maxFiles: 1,
          accept: ['pdf'],
          label: '授权委托书',
          labelEn: 'Letter',
          required: true,
        },
      ],
    });
    await t.deps.db.insert(campaignForms).values({
      campaignId: v.campaignId,
      kind: 'application',
      revision: config.revision + 1,
      declaration: form,
    });
    const settings = structuredClone(config.campaign.settings);
    settings.categories[0].focusAreas = settings.categories[0].focusAreas.filter(
      (f: string) => f !== '5G',
    );
    settings.wordLimit = 300;
    settings.formalChecklist = [
      { code: 'words', label: '字数合规', basis: '', rule: 'word_limit', blocking: true },
      { code: 'focus', label: '聚焦领域相符', basis: '', rule: 'category_focus', blocking: false },
      {
        code: 'files',
        label: '附件齐全',
        basis: '',
        rule: 'required_attachments',
        blocking: false,
      },
    ];
    const saved = await v.org.request('PUT', cfg, { baseRevision: config.revision, settings });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.revision).toBe(config.revision + 1);

    const checked = async (id: string) => {
      const res = await v.org.get(url(id));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items as ItemView[];
    };
    const [b0] = v.bjForwarded; // 安全可靠, 5G
    const [s0] = v.shForwarded;
    const items = await checked(b0!);
    expect(items.map((i) => i.code)).toEqual(['words', 'focus', 'files']);
    expect(auto(items, 'words')).toEqual({
      pass: false,
      reason: expect.stringMatching(/^正文\d+字，超过300字的限制（超出\d+字）$/),
    });
    expect(auto(items, 'focus')).toEqual({
      pass: false,
      reason: '聚焦领域“5G”不属于申报类别“安全可靠工业APP”',
    });
    expect(auto(items, 'files')).toEqual({ pass: false, reason: '缺少必填附件：授权委托书' });
    // the word limit now blocks: the item cannot be passed, though the others may be
    const refused = await record(b0!, { items: decided(items) }, v.org);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('FORMAL_CHECK_BLOCKED');
    const list = (await v.org.get(`/api/v1/campaigns/${v.campaignId}/formal-check`)).body.items;
    expect(list.map((r: { applicationId: string }) => r.applicationId).sort()).toEqual(
      [b0, s0].sort(),
    );
    expect(list.every((r: { blocked: boolean }) => r.blocked)).toBe(true);
  });

  test('the checklist, the rubric and the review settings lock once a review round is published', async () => {
    const cfg = `/api/v1/campaigns/${v.campaignId}/config`;
    const before = (await v.org.get(cfg)).body;
    expect(before.lock).toMatchObject({ reviewLocked: false, reviewReason: null });
    const [s0] = v.shForwarded;
    const items = decided((await checklist(s0!)).items, { words: '超过字数限制' });
    expect((await record(s0!, { items }, v.org)).status).toBe(200);
    await publishedRound(t, v.campaignId, s0!);
    const config = (await v.org.get(cfg)).body;
    expect(config.lock).toMatchObject({ reviewLocked: true, reviewReason: expect.any(String) });
    for (const change of [
      (s: any) => (s.rubric[0].weight = 30),
      (s: any) => (s.formalChecklist[0].blocking = false),
      (s: any) => (s.review = { reviewsPerApplication: 3 }),
    ]) {
      const settings = structuredClone(config.campaign.settings);
      change(settings);
      const res = await v.org.request('PUT', cfg, { baseRevision: config.revision, settings });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('REVIEW_SETTINGS_LOCKED');
    }
    // the same review parts (the defaults written out) and other settings still save
    const settings = {
      ...structuredClone(config.campaign.settings),
      review: { reviewsPerApplication: 5 },
      contact: '评审联系人：010-00000000',
    };
    const ok = await v.org.request('PUT', cfg, { baseRevision: config.revision, settings });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});

// 发布 (issue 14) through the API: the readiness before publishing, each refusal changing nothing
// (no 公示, the period not over, an objection not handled, a day outside the window, a second
// publication), the publication itself (ids in list order, two years' validity, 已入选 with audit,
// history events, the awards registry with the full text, the messages), the 入选证明 PDF and who
// may download it, and /verify for both kinds of code.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PublishedListView } from '../../../domain/api/publication';
import { AFTER_NOTICE, noticeWorld, type NoticeWorld } from '../../../test/fixtures/public-notice';
import { Client, createTestApp, query, type TestApp } from '../../../test/harness';
import { findCampaign } from '../campaigns';
import { comparableTextOf, listAwardSources } from '../duplicates';

let t: TestApp;
let w: NoticeWorld;
/** a second call of the same year, for the series clash and a withdrawn solution */
let w2: NoticeWorld;
let url: string;
let dir: string;

const DOC = '工信厅信发函〔2026〕300号';
const TITLE = '2026年工业互联网APP优秀解决方案名单';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zx-cert-'));
  // sessions outlive the clock's moves past the 公示 and to the end of the validity
  t = await createTestApp({ config: { signInRatePerMinute: 1000, sessionHours: 24 * 365 * 3 } });
  w = await noticeWorld(t, 9601, 3);
  w2 = await noticeWorld(t, 9611, 3);
  url = `/api/v1/campaigns/${w.campaignId}/published-list`;
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

/** What a refused publication must have left as it was. */
async function untouched(campaignId: string, inNotice: string[]) {
  const [n] = await query<{ lists: number; solutions: number; awards: number; audits: number }>(
    t,
    `select (select count(*)::int from published_lists where campaign_id = '${campaignId}') as lists,
            (select count(*)::int from published_solutions where campaign_id = '${campaignId}') as solutions,
            (select count(*)::int from awards where application_id in (${inNotice.map((id) => `'${id}'`).join(',')})) as awards,
            (select count(*)::int from audit_log where action in ('published_list.publish', 'application.awarded')
               and (target_id = '${campaignId}' or target_id in (${inNotice.map((id) => `'${id}'`).join(',')}))) as audits`,
  );
  expect(n).toEqual({ lists: 0, solutions: 0, awards: 0, audits: 0 });
  const states = await query<{ state: string }>(
    t,
    `select state from applications where id in (${inNotice.map((id) => `'${id}'`).join(',')})`,
  );
  expect(states.map((s) => s.state)).toEqual(inNotice.map(() => 'in_public_notice'));
}

async function addObjection(campaignId: string, applicationId: string, state: string, ref: string) {
  await t.deps.db.execute(sql`
    insert into objections (reference_no, campaign_id, application_id, name, organisation, phone, reasons, state, submitted_at)
    values (${ref}, ${campaignId}, ${applicationId}, '张异议', '某研究院', '13800000000',
      '该方案的核心功能与另一家企业的产品相同，申报材料中的用户数据与实际不符。', ${state}, now())`);
}

describe('before publishing', () => {
  test('the organizer sees what would be listed, with the ids it would get, and what stops it', async () => {
    const res = await w.org.get(url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const v = res.body as PublishedListView;
    expect(v.list).toBeNull();
    expect(v.defaultTitle).toBe(TITLE);
    expect(v.earliestPublishedOn).toBe('2026-11-07');
    expect(v.notice).toMatchObject({ from: '2026-11-02', to: '2026-11-06' });
    expect(v.problems).toEqual(['公示期未结束（至2026年11月6日），期满后方可发布名单']);
    expect(v.items.map((i) => i.applicationId).sort()).toEqual([...w.inNotice].sort());
    expect(v.items.map((i) => i.publicId)).toEqual([
      '2026-IIAPP-001',
      '2026-IIAPP-002',
      '2026-IIAPP-003',
      '2026-IIAPP-004',
    ]);
    expect(v.items.every((i) => i.validFrom === null && i.status === null)).toBe(true);
  });

  test('no one but the organizer reads or publishes it', async () => {
    for (const c of [w.bjEnterprise, w.beijing, w.shanghai]) {
      expect((await c.get(url)).status).toBe(403);
      expect((await c.post(url, { documentNo: DOC, publishedOn: '2026-11-09' })).status).toBe(403);
    }
    expect((await new Client(t.app).get(url)).status).toBe(401);
  });
});

describe('refused, nothing changed', () => {
  test('a campaign with no 公示', async () => {
    const res = await w.org.post('/api/v1/campaigns/miit-iiapp-2021/published-list', {
      documentNo: DOC,
      publishedOn: '2026-11-01',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('尚未开启公示：公示期满且异议处理完毕后方可发布名单');
  });

  test('during the 公示 period, saying when it ends', async () => {
    t.clock.set('2026-11-06T20:00:00+08:00');
    const res = await w.org.post(url, { documentNo: DOC, publishedOn: '2026-11-06' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('公示期未结束（至2026年11月6日），期满后方可发布名单');
    await untouched(w.campaignId, w.inNotice);
  });

  test('an objection not yet handled; once dismissed, it no longer stops it', async () => {
    t.clock.set(AFTER_NOTICE);
    await addObjection(w.campaignId, w.inNotice[0]!, 'received', '2026-YY-0001');
    const res = await w.org.post(url, { documentNo: DOC, publishedOn: '2026-11-07' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('尚有1件异议未处理，请先处理异议再发布名单');
    await untouched(w.campaignId, w.inNotice);
    const view = (await w.org.get(url)).body as PublishedListView;
    expect(view.problems).toEqual(['尚有1件异议未处理，请先处理异议再发布名单']);
    expect(view.objections).toEqual({ received: 1, upheld: 0, dismissed: 0 });
    await t.deps.db.execute(
      sql`update objections set state = 'dismissed', resolution = '经核实，异议不成立' where reference_no = '2026-YY-0001'`,
    );
    expect(((await w.org.get(url)).body as PublishedListView).problems).toEqual([]);
  });

  test('a day before the period ended or after today (Beijing), and a 文号 too short', async () => {
    t.clock.set(AFTER_NOTICE);
    const early = await w.org.post(url, { documentNo: DOC, publishedOn: '2026-11-06' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('发布日期不能早于公示期满后的第一天（2026年11月7日）');
    expect(early.body.error.details).toEqual([
      { path: 'publishedOn', message: '发布日期不能早于公示期满后的第一天（2026年11月7日）' },
    ]);
    const future = await w.org.post(url, { documentNo: DOC, publishedOn: '2026-11-08' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe('发布日期不能晚于今天');
    const noDoc = await w.org.post(url, { documentNo: '3号', publishedOn: '2026-11-07' });
    expect(noDoc.status).toBe(400);
    const notADay = await w.org.post(url, { documentNo: DOC, publishedOn: '2026-02-30' });
    expect(notADay.status).toBe(400);
    await untouched(w.campaignId, w.inNotice);
  });
});

describe('published', () => {
  let view: PublishedListView;

  beforeAll(async () => {
    t.clock.set(AFTER_NOTICE);
    const res = await w.org.post(url, { documentNo: `  ${DOC} `, publishedOn: '2026-11-07' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    view = res.body;
  });

  test('ids in list order (categories, then enterprise, then solution), valid two years', async () => {
    expect(view.list).toMatchObject({
      title: TITLE,
      documentNo: DOC,
      publishedOn: '2026-11-07',
      validUntil: '2028-11-06',
      publishedBy: expect.any(String),
    });
    expect(view.problems).toEqual([]);
    expect(view.items).toHaveLength(4);
    expect(view.items.map((i) => i.publicId)).toEqual([
      '2026-IIAPP-001',
      '2026-IIAPP-002',
      '2026-IIAPP-003',
      '2026-IIAPP-004',
    ]);
    // bj1 and sh1 are 基础共性, bj2 and sh2 行业通用 (in the campaign's order of categories)
    const [bj1, bj2, sh1, sh2] = [
      w.bjForwarded[1],
      w.bjForwarded[2],
      w.shForwarded[1],
      w.shForwarded[2],
    ];
    expect(view.items.map((i) => i.categoryName)).toEqual([
      '基础共性工业APP',
      '基础共性工业APP',
      '行业通用工业APP',
      '行业通用工业APP',
    ]);
    const byEnterprise = (a: string, b: string) => {
      const name = (id: string) => view.items.find((i) => i.applicationId === id)!.enterpriseName;
      return name(a).localeCompare(name(b), 'zh-CN') < 0 ? [a, b] : [b, a];
    };
    expect(view.items.map((i) => i.applicationId)).toEqual([
      ...byEnterprise(bj1!, sh1!),
      ...byEnterprise(bj2!, sh2!),
    ]);
    for (const i of view.items)
      expect(i).toMatchObject({
        validFrom: '2026-11-07',
        validUntil: '2028-11-06',
        status: 'valid',
      });
  });

  test('已入选 with an audit row each, the list audited; the not selected untouched', async () => {
    const states = await query<{ id: string; state: string }>(
      t,
      `select id, state from applications where campaign_id = '${w.campaignId}'`,
    );
    const stateOf = Object.fromEntries(states.map((s) => [s.id, s.state]));
    expect(w.inNotice.map((id) => stateOf[id])).toEqual(w.inNotice.map(() => 'awarded'));
    expect(w.notSelected.map((id) => stateOf[id])).toEqual(w.notSelected.map(() => 'not_selected'));
    const audit = await query<{ action: string; target_id: string; summary: any }>(
      t,
      `select action, target_id, summary from audit_log
       where action in ('application.awarded', 'published_list.publish') order by id`,
    );
    expect(
      audit
        .filter((a) => a.action === 'application.awarded')
        .map((a) => a.target_id)
        .sort(),
    ).toEqual([...w.inNotice].sort());
    const awarded = audit.find((a) => a.target_id === view.items[0]!.applicationId)!;
    expect(awarded.summary).toMatchObject({
      before: { state: 'in_public_notice' },
      after: { state: 'awarded', publicId: '2026-IIAPP-001', validUntil: '2028-11-06' },
    });
    const list = audit.filter((a) => a.action === 'published_list.publish');
    expect(list).toHaveLength(1);
    expect(list[0]!.summary.after).toMatchObject({ documentNo: DOC, solutions: 4 });
  });

  test('each a published solution with the facts, an event, a unique certificate code', async () => {
    const rows = await query<any>(
      t,
      `select s.*, (select count(*)::int from published_solution_events e where e.public_id = s.public_id) as events,
              (select note from published_solution_events e where e.public_id = s.public_id and kind = 'published') as note
       from published_solutions s where campaign_id = '${w.campaignId}' order by seq`,
    );
    expect(rows).toHaveLength(4);
    const first = rows[0]!;
    const [app] = await query<{ facts: any }>(
      t,
      `select facts from applications where id = '${first.application_id}'`,
    );
    expect(first).toMatchObject({
      solution_name: app!.facts.solutionName,
      enterprise_name: app!.facts.applicantName,
      uscc: app!.facts.uscc,
      category: 'basic_common',
      category_name: '基础共性工业APP',
      region_code: app!.facts.region,
      summary: app!.facts.summary,
      valid_from: '2026-11-07',
      valid_until: '2028-11-06',
      status: 'valid',
      events: 1,
      note: `列入《${TITLE}》（${DOC}）`,
    });
    expect(first.apps).toEqual(
      app!.facts.apps.map((a: { name: string; version: string }) => ({
        name: a.name,
        version: a.version,
      })),
    );
    expect(first.industries.map((i: { code: string }) => i.code)).toEqual(app!.facts.industries);
    expect(first.industries.every((i: { name: string }) => i.name.length > 0)).toBe(true);
    const regions = Object.fromEntries(rows.map((r: any) => [r.unit_name, r.region_name]));
    expect(regions).toEqual({ 北京市: '北京市', 上海市: '上海市' });
    const codes = rows.map((r: any) => r.certificate_code);
    expect(new Set(codes).size).toBe(4);
    for (const c of codes)
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  test('the awards registry holds them with their full text: the duplicate check reads it', async () => {
    const awards = await query<any>(
      t,
      `select a.*, s.public_id from awards a join published_solutions s on s.award_id = a.id
       where s.campaign_id = '${w.campaignId}' order by s.seq`,
    );
    expect(awards).toHaveLength(4);
    const campaign = (await findCampaign(t.deps.db, w.campaignId))!;
    for (const a of awards) {
      const [app] = await query<{ data: unknown; channel_unit_id: string }>(
        t,
        `select data, channel_unit_id from applications where id = '${a.application_id}'`,
      );
      expect(a).toMatchObject({
        source: 'platform',
        year: 2026,
        recommender_unit_id: app!.channel_unit_id,
        recommender_name: app!.channel_unit_id === w.beijingUnit ? '北京市' : '上海市',
      });
      expect(a.text.length).toBeGreaterThan(500);
      expect(a.text).toBe(await comparableTextOf(t.deps.db, campaign, app!.data));
    }
    // what next year's duplicate check compares against, without any import
    const sources = await listAwardSources(t.deps.db);
    for (const a of awards)
      expect(sources.find((s) => s.id === a.id)).toMatchObject({
        year: 2026,
        solutionName: a.solution_name,
        uscc: a.uscc,
        text: a.text,
      });
  });

  test('each enterprise and its recommender told, with the id and validity', async () => {
    const told = await query<{ login: string; subject: string; body: string; link: string }>(
      t,
      `select u.login, n.subject, n.body, n.link from notifications n join users u on u.id = n.user_id
       where n.kind = 'application.awarded' and n.campaign_id = '${w.campaignId}'`,
    );
    // 上海市 has two recommender accounts (the second call made one): each is told
    expect(told).toHaveLength(2 * 2 + 2 * 3);
    const item = view.items[0]!;
    const about = told.filter((m) => m.subject.includes(item.solutionName));
    const bj = w.bjForwarded.includes(item.applicationId);
    expect(about.map((m) => m.login).sort()).toEqual(
      (bj ? ['beijing', w.bjUscc] : ['shanghai9601', 'shanghai9611', w.shUscc]).sort(),
    );
    expect(about[0]!.subject).toContain(`已列入${TITLE}`);
    expect(about[0]!.body).toContain('公开编号 2026-IIAPP-001');
    expect(about[0]!.body).toContain('有效期：2026年11月7日至2028年11月6日');
    expect(about.map((m) => m.link).sort()).toEqual(
      [
        `/applications/${item.applicationId}`,
        `/desk/${w.campaignId}/applications/${item.applicationId}`,
      ].sort(),
    );
  });

  test('a second publication is refused', async () => {
    const again = await w.org.post(url, {
      documentNo: '工信厅信发函〔2026〕301号',
      publishedOn: '2026-11-07',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`名单已于2026年11月7日发布（${DOC}），不能再次发布`);
    const [n] = await query<{ n: number }>(
      t,
      `select count(*)::int as n from published_solutions where campaign_id = '${w.campaignId}'`,
    );
    expect(n!.n).toBe(4);
  });

  test('the list shows each status by the Beijing day: 已过期 the day after validity', async () => {
    const before = t.clock.now().toISOString();
    try {
      t.clock.set('2028-11-06T23:59:00+08:00');
      expect(((await w.org.get(url)).body as PublishedListView).items[0]!.status).toBe('valid');
      t.clock.set('2028-11-07T00:00:01+08:00');
      expect(((await w.org.get(url)).body as PublishedListView).items[0]!.status).toBe('expired');
    } finally {
      t.clock.set(before);
    }
  });

  test('the enterprise and its recommender see the result on the application', async () => {
    const item = view.items.find((i) => w.bjForwarded.includes(i.applicationId))!;
    for (const c of [w.bjEnterprise, w.beijing, w.org]) {
      const res = await c.get(`/api/v1/applications/${item.applicationId}`);
      expect(res.status).toBe(200);
      expect(res.body.application.state).toBe('awarded');
      expect(res.body.publication).toMatchObject({
        publicId: item.publicId,
        listTitle: TITLE,
        documentNo: DOC,
        validFrom: '2026-11-07',
        validUntil: '2028-11-06',
        status: 'valid',
        certificateCode: expect.any(String),
      });
    }
    const out = await w.bjEnterprise.get(`/api/v1/applications/${w.notSelected[0]}`);
    expect(out.body.publication).toBeNull();
  });

  describe('入选证明', () => {
    const hasPoppler = !spawnSync('pdftotext', ['-v']).error;
    const certUrl = (id: string) => `/api/v1/applications/${id}/certificate.pdf`;

    test('who may download it: the enterprise, its recommender, organizers', async () => {
      const bjApp = view.items.find((i) => w.bjForwarded.includes(i.applicationId))!.applicationId;
      const expected: [Client, number][] = [
        [w.bjEnterprise, 200],
        [w.beijing, 200],
        [w.org, 200],
        [w.shEnterprise, 403],
        [w.shanghai, 403],
        [new Client(t.app), 401],
      ];
      for (const [c, status] of expected) {
        const res = await c.get(certUrl(bjApp));
        expect(res.status).toBe(status);
        if (status === 200) expect(res.headers['content-type']).toBe('application/pdf');
      }
      // not on the list: a clear refusal; no such application: 404
      const notListed = await w.bjEnterprise.get(certUrl(w.notSelected[0]!));
      expect(notListed.status).toBe(409);
      expect(notListed.body.error.message).toBe(
        '该申报书尚未列入已发布的优秀解决方案名单，暂无入选证明',
      );
      const before = await w2.bjEnterprise.get(certUrl(w2.inNotice[0]!));
      expect(before.status).toBe(409);
      expect((await w.org.get(certUrl('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    });

    test.skipIf(!hasPoppler)(
      'says what it certifies, with the public id and the code',
      async () => {
        const item = view.items[0]!;
        const res = await w.org.get(certUrl(item.applicationId));
        expect(res.status).toBe(200);
        expect(res.headers['content-disposition']).toContain(
          encodeURIComponent('入选证明-2026-IIAPP-001.pdf'),
        );
        const file = path.join(dir, 'cert.pdf');
        writeFileSync(file, res.raw.rawPayload);
        if (process.env.CERT_SAMPLE) writeFileSync(process.env.CERT_SAMPLE, res.raw.rawPayload);
        const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
          encoding: 'utf8',
        }).replace(/\s+/g, '');
        const [code] = await query<{ certificate_code: string }>(
          t,
          `select certificate_code from published_solutions where public_id = '2026-IIAPP-001'`,
        );
        expect(text).toContain('入选证明');
        expect(text).toContain('2026-IIAPP-001');
        expect(text).toContain(`验证码：${code!.certificate_code}`);
        expect(text).toContain(item.solutionName);
        expect(text).toContain(item.enterpriseName);
        expect(text).toContain('有效期：2026年11月7日至2028年11月6日');
        expect(text).toContain(DOC.replace(/\s+/g, ''));
        expect(text).toContain(`${t.deps.config.publicUrl}/verify/${code!.certificate_code}`);
        const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(pages).toMatch(/Pages:\s+1\b/);
      },
    );
  });

  test('/verify recognises the certificate code (as typed too), and still the printed versions', async () => {
    const [row] = await query<{ certificate_code: string; application_id: string }>(
      t,
      `select certificate_code, application_id from published_solutions where public_id = '2026-IIAPP-002'`,
    );
    const anon = new Client(t.app);
    const typed = row!.certificate_code.toLowerCase().replace(/-/g, ' ');
    const res = await anon.get(`/api/v1/verify/${encodeURIComponent(typed)}`);
    expect(res.status).toBe(200);
    const item = view.items[1]!;
    expect(res.body).toEqual({
      found: true,
      code: row!.certificate_code,
      kind: 'certificate',
      publicId: '2026-IIAPP-002',
      solutionName: item.solutionName,
      enterpriseName: item.enterpriseName,
      categoryName: item.categoryName,
      channelName: item.unitName,
      campaignTitle: expect.any(String),
      listTitle: TITLE,
      documentNo: DOC,
      validFrom: '2026-11-07',
      validUntil: '2028-11-06',
      status: 'valid',
      statusChangedOn: null,
      statusReason: null,
    });
    // a revoked one says so
    await t.deps.db.execute(
      sql`update published_solutions set status = 'revoked' where public_id = '2026-IIAPP-002'`,
    );
    expect((await anon.get(`/api/v1/verify/${row!.certificate_code}`)).body.status).toBe('revoked');
    await t.deps.db.execute(
      sql`update published_solutions set status = 'valid' where public_id = '2026-IIAPP-002'`,
    );
    // a printed application version's code: as before, now saying what it is
    const [version] = await query<{ verification_code: string }>(
      t,
      `select verification_code from application_versions where application_id = '${row!.application_id}'`,
    );
    const printed = await anon.get(`/api/v1/verify/${version!.verification_code}`);
    expect(printed.body).toMatchObject({
      found: true,
      kind: 'application_version',
      versionNo: 1,
      isCurrent: true,
    });
    expect(printed.body.publicId).toBeUndefined();
  });
});

describe('a second call of the same year', () => {
  const url2 = () => `/api/v1/campaigns/${w2.campaignId}/published-list`;

  test('its ids would clash with the first list: refused until it has its own series', async () => {
    t.clock.set(AFTER_NOTICE);
    const view = (await w2.org.get(url2())).body as PublishedListView;
    expect(view.problems).toEqual([
      '公开编号 2026-IIAPP-001、2026-IIAPP-002、2026-IIAPP-003 等 已被其他名单使用，请在活动配置中为本活动设定另一个公开编号系列（publicIdSeries）',
    ]);
    const res = await w2.org.post(url2(), { documentNo: DOC, publishedOn: '2026-11-07' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(view.problems[0]);
    await untouched(w2.campaignId, w2.inNotice);
  });

  test('with its own series, and one solution withdrawn on an upheld objection, the list holds the rest', async () => {
    t.clock.set(AFTER_NOTICE);
    await t.deps.db.execute(
      sql`update campaigns set settings = jsonb_set(settings, '{publicIdSeries}', '"IIAPPB"') where id = ${w2.campaignId}`,
    );
    // what handling an upheld objection does to the solution (issue 14's objection handling)
    const withdrawn = w2.inNotice[0]!;
    await addObjection(w2.campaignId, withdrawn, 'upheld', '2026-YY-0101');
    await t.deps.db.execute(
      sql`update applications set state = 'not_selected' where id = ${withdrawn}`,
    );
    const res = await w2.org.post(url2(), {
      documentNo: '工信厅信发函〔2026〕301号',
      publishedOn: '2026-11-07',
      title: '2026年工业互联网APP优秀解决方案名单（第二批）',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const v = res.body as PublishedListView;
    expect(v.list!.title).toBe('2026年工业互联网APP优秀解决方案名单（第二批）');
    expect(v.objections).toEqual({ received: 0, upheld: 1, dismissed: 0 });
    expect(v.items.map((i) => i.publicId)).toEqual([
      '2026-IIAPPB-001',
      '2026-IIAPPB-002',
      '2026-IIAPPB-003',
    ]);
    expect(v.items.map((i) => i.applicationId)).not.toContain(withdrawn);
    const [state] = await query<{ state: string }>(
      t,
      `select state from applications where id = '${withdrawn}'`,
    );
    expect(state!.state).toBe('not_selected');
  });
});

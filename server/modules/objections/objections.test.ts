// 异议 (issue 14) through the API: anyone files during the 公示 (challenge answered, honeypot empty,
// rate-limited per address) and gets a reference number; every refusal — before or after the
// period, a solution not on the list, a wrong or expired challenge, the honeypot, bad fields, a
// bad file, over the limit — stores nothing. The organizer lists, downloads the attachment and
// resolves once: upheld withdraws the solution from the list (audited, the enterprise and its
// recommender told), dismissed keeps it; the objector is e-mailed when an address was given.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF } from '../../../test/fixtures/applications';
import { makeXlsx } from '../../../test/fixtures/files';
import {
  AFTER_NOTICE,
  NOTICE_OPENS,
  noticeWorld,
  type NoticeWorld,
} from '../../../test/fixtures/public-notice';
import {
  anonymous,
  answeredChallenge,
  fileObjection,
  objectionFields,
  solveChallenge,
} from '../../../test/fixtures/objections';
import { Client, createTestApp, query, type TestApp } from '../../../test/harness';

let t: TestApp;
let w: NoticeWorld;
let url: string;
let itemA: string; // 北京市's first in the notice
let itemB: string; // 上海市's first in the notice
const IN_PERIOD = '2026-11-03T10:00:00+08:00';

/** What a refusal must leave untouched: objection rows, their documents, their files. */
async function stored() {
  const [row] = await query<{ o: number; d: number; a: number }>(
    t,
    `select (select count(*)::int from objections) as o,
            (select count(*)::int from documents where purpose = 'objection_attachment') as d,
            (select count(*)::int from audit_log where action = 'objection.submit') as a`,
  );
  const dir = path.join(t.filesDir, 'objections');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0;
  return { ...row!, files };
}

async function expectNothingStoredBy(
  what: () => Promise<{ status: number; body: any }>,
  status: number,
) {
  const before = await stored();
  const res = await what();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await stored()).toEqual(before);
  return res.body.error as { code: string; message: string; details?: { path: string }[] };
}

/** Sessions lapse while the clock jumps days ahead: everyone signs in again. */
async function signInAgain() {
  for (const [c, login, password] of [
    [w.org, 'organizer', undefined],
    [w.beijing, 'beijing', undefined],
    [w.shanghai, 'shanghai9610', 'Shanghai2021desk'],
    [w.bjEnterprise, w.bjUscc, 'Secret2021pass'],
    [w.shEnterprise, w.shUscc, 'Secret2021pass'],
  ] as const) {
    const res = await c.signIn(login, password);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

const publicItems = async () =>
  (await new Client(t.app).get(w.noticeUrl)).body.items as { itemId: string; no: number }[];

beforeAll(async () => {
  t = await createTestApp({
    config: {
      signInRatePerMinute: 1000,
      smtpUrl: 'smtp://127.0.0.1:2525',
      publicUrl: 'https://zx.example.cn',
    },
  });
  w = await noticeWorld(t, 9610, 3);
  url = `/api/v1/campaigns/${w.campaignId}/objections`;
  [itemA, itemB] = [w.inNotice[0]!, w.inNotice[2]!];
});
afterAll(() => t?.close());

describe('the challenge', () => {
  test('a Chinese arithmetic question, a signed token good for ten minutes; the secret kept once', async () => {
    const c = anonymous(t);
    const res = await c.get('/api/v1/challenge');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.question).toMatch(/^\d+ (加|减|乘以) \d+ 等于多少？$/);
    expect(solveChallenge(res.body.question)).toBeGreaterThanOrEqual(0);
    expect(res.body.expiresAt).toBe(new Date(t.clock.now().getTime() + 600_000).toISOString());
    // its expiry, a nonce and the signature: the answer is not in it
    expect(res.body.token).toMatch(/^\d{13}\.[\w-]{16}\.[\w-]{43}$/);
    await c.get('/api/v1/challenge');
    const secrets = await query(t, `select 1 from meta where key = 'objection_challenge_secret'`);
    expect(secrets).toHaveLength(1);
  });

  test('the public list names each item by its itemId: the solutions in 公示', async () => {
    const items = await publicItems();
    expect(items.map((i) => i.itemId).sort()).toEqual([...w.inNotice].sort());
  });
});

describe('refused before the period, storing nothing', () => {
  test('the day before it opens', async () => {
    expect(t.clock.now() < new Date(NOTICE_OPENS)).toBe(true);
    const err = await expectNothingStoredBy(
      () =>
        fileObjection(anonymous(t), w.campaignId, objectionFields(itemA), {
          filename: '证明.pdf',
          bytes: PDF,
        }),
      409,
    );
    expect(err.message).toBe(
      '公示尚未开始，暂不受理异议。公示期为2026年11月2日至2026年11月6日（5个工作日），请在公示期内提出',
    );
  });
});

describe('during the period', () => {
  beforeAll(() => t.clock.set(IN_PERIOD));

  test('a solution not on the list (not selected, unknown, never forwarded) is refused', async () => {
    for (const id of [
      w.notSelected[0]!,
      '00000000-0000-4000-8000-000000000000',
      w.bjNotForwarded,
    ]) {
      const err = await expectNothingStoredBy(
        () =>
          fileObjection(anonymous(t), w.campaignId, objectionFields(id), {
            filename: '证明.pdf',
            bytes: PDF,
          }),
        400,
      );
      expect(err.message).toBe('所选解决方案不在本次公示名单中，请从公示名单中选择');
      expect(err.details).toEqual([{ path: 'itemId', message: '所选解决方案不在本次公示名单中' }]);
    }
  });

  test('a wrong answer, an expired or a forged token is refused', async () => {
    const c = anonymous(t);
    const right = await answeredChallenge(c);
    const wrong = String(Number(right.challengeAnswer) + 1);
    let err = await expectNothingStoredBy(
      () =>
        fileObjection(
          c,
          w.campaignId,
          objectionFields(itemA, { ...right, challengeAnswer: wrong }),
          { filename: '证明.pdf', bytes: PDF },
        ),
      400,
    );
    expect(err.message).toBe('验证题答案不正确，请重新计算，或换一题');
    expect(err.details?.[0]?.path).toBe('challengeAnswer');

    const forged = right.challengeToken.replace(/^\d+/, String(Date.now() + 86_400_000));
    err = await expectNothingStoredBy(
      () =>
        fileObjection(
          anonymous(t),
          w.campaignId,
          objectionFields(itemA, { ...right, challengeToken: forged }),
        ),
      400,
    );
    expect(err.message).toBe('验证题答案不正确，请重新计算，或换一题');

    t.clock.advance(11 * 60_000);
    err = await expectNothingStoredBy(
      () => fileObjection(anonymous(t), w.campaignId, objectionFields(itemA, right)),
      400,
    );
    expect(err.message).toBe('验证题已过期（10分钟内有效），请换一题后重新作答');
    t.clock.set(IN_PERIOD);

    err = await expectNothingStoredBy(
      () =>
        fileObjection(
          anonymous(t),
          w.campaignId,
          objectionFields(itemA, { ...right, challengeToken: 'not-a-token' }),
        ),
      400,
    );
    expect(err.message).toBe('验证题已失效，请换一题后重新作答');
  });

  test('the honeypot filled in is refused without saying why', async () => {
    const err = await expectNothingStoredBy(
      () =>
        fileObjection(
          anonymous(t),
          w.campaignId,
          objectionFields(itemA, { website: 'http://spam.example' }),
          { filename: '证明.pdf', bytes: PDF },
        ),
      400,
    );
    expect(err).toMatchObject({
      code: 'BAD_REQUEST',
      message: '提交未通过校验，请刷新页面后重新填写',
    });
  });

  test('bad fields and a file that is not a PDF or an image are refused, each field named', async () => {
    const err = await expectNothingStoredBy(
      () =>
        fileObjection(
          anonymous(t),
          w.campaignId,
          objectionFields(itemA, { name: '', phone: '12345', email: 'nope', reasons: '太短了' }),
        ),
      400,
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details!.map((d) => d.path).sort()).toEqual(['email', 'name', 'phone', 'reasons']);
    expect(JSON.stringify(err.details)).toContain('请写明异议理由，至少20个字');

    const tooLong = await expectNothingStoredBy(
      () =>
        fileObjection(
          anonymous(t),
          w.campaignId,
          objectionFields(itemA, { reasons: '理'.repeat(2001) }),
        ),
      400,
    );
    expect(JSON.stringify(tooLong.details)).toContain('异议理由最多2000个字');

    const file = await expectNothingStoredBy(
      () =>
        fileObjection(anonymous(t), w.campaignId, objectionFields(itemA), {
          filename: '材料.xlsx',
          bytes: makeXlsx(),
        }),
      400,
    );
    expect(file).toMatchObject({
      code: 'FILE_REJECTED',
      message: '证明材料须为PDF文件或图片（PNG、JPEG）',
    });
  });

  test('accepted: a reference number, the row, the file, the audit, the organizers told, a receipt e-mailed', async () => {
    const c = anonymous(t);
    const res = await fileObjection(
      c,
      w.campaignId,
      objectionFields(itemA, { email: 'Objector@Example.CN' }),
      { filename: '证明材料.pdf', bytes: PDF },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      referenceNo: '2026-YY-0001',
      solutionName: expect.any(String),
      submittedAt: new Date(IN_PERIOD).toISOString(),
      emailed: true,
    });
    const [row] = await query<Record<string, unknown>>(
      t,
      `select o.*, d.filename, d.purpose, d.mime, d.storage_key from objections o
         left join documents d on d.id = o.attachment_id where o.reference_no = '2026-YY-0001'`,
    );
    expect(row).toMatchObject({
      campaign_id: w.campaignId,
      application_id: itemA,
      name: '赵异议',
      organisation: '上海某某研究院',
      phone: '13812345678',
      email: 'objector@example.cn',
      state: 'received',
      filename: '证明材料.pdf',
      purpose: 'objection_attachment',
      mime: 'application/pdf',
    });
    expect(fs.readFileSync(path.join(t.filesDir, row!.storage_key as string))).toEqual(PDF);
    const [audit] = await query<{ actor_role: string; target_id: string; summary: any }>(
      t,
      `select actor_role, target_id, summary from audit_log where action = 'objection.submit'`,
    );
    expect(audit).toMatchObject({
      actor_role: 'anonymous',
      target_id: row!.id,
      summary: {
        after: { referenceNo: '2026-YY-0001', applicationId: itemA, hasAttachment: true },
      },
    });
    const toOrganizers = await query<{ login: string; subject: string; link: string }>(
      t,
      `select u.login, n.subject, n.link from notifications n join users u on u.id = n.user_id
        where n.kind = 'objection.received'`,
    );
    expect(toOrganizers.map((n) => n.login)).toContain('organizer');
    expect(toOrganizers[0]!.subject).toContain('2026-YY-0001');
    expect(toOrganizers[0]!.link).toBe(`/admin/objections/${w.campaignId}`);
    const receipt = await query<{ user_id: string | null; to_address: string; body: string }>(
      t,
      `select user_id, to_address, body from outbound_emails where kind = 'objection.receipt'`,
    );
    expect(receipt).toHaveLength(1);
    expect(receipt[0]).toMatchObject({ user_id: null, to_address: 'objector@example.cn' });
    expect(receipt[0]!.body).toContain('异议编号：2026-YY-0001');
    expect(receipt[0]!.body).toContain('赵异议，您好');
    expect(receipt[0]!.body).toContain(
      `https://zx.example.cn/campaigns/${encodeURIComponent(
        (
          await query<{ code: string }>(
            t,
            `select code from campaigns where id = '${w.campaignId}'`,
          )
        )[0]!.code,
      )}/public-notice`,
    );

    // without an e-mail or a file: numbered next, no receipt
    const second = await fileObjection(
      anonymous(t),
      w.campaignId,
      objectionFields(itemB, { name: '钱某', organisation: '个人', phone: '010-68208206' }),
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ referenceNo: '2026-YY-0002', emailed: false });
    expect(
      await query(t, `select 1 from outbound_emails where kind = 'objection.receipt'`),
    ).toHaveLength(1);

    // the public page shows nothing of either
    const pub = JSON.stringify((await new Client(t.app).get(w.noticeUrl)).body);
    for (const s of ['赵异议', '13812345678', 'objector', '钱某', '2026-YY'])
      expect(pub).not.toContain(s);
  });

  test('over the rate limit: a Chinese 429, nothing stored', async () => {
    const c = anonymous(t);
    for (let i = 0; i < 5; i++) {
      const res = await fileObjection(c, w.campaignId, objectionFields(itemA, { phone: 'x' }));
      expect(res.status).toBe(400);
    }
    const err = await expectNothingStoredBy(
      () => fileObjection(c, w.campaignId, objectionFields(itemA)),
      429,
    );
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toMatch(/^提交异议过于频繁：同一网络每小时最多提交5次，请\d+分钟后再试$/);
    // another address is not held back
    const other = await fileObjection(anonymous(t), w.campaignId, objectionFields(itemA));
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    expect(other.body.referenceNo).toBe('2026-YY-0003');
  });
});

describe('the organizer handles them', () => {
  beforeAll(signInAgain);
  const idOf = async (ref: string) =>
    (await query<{ id: string }>(t, `select id from objections where reference_no = '${ref}'`))[0]!
      .id;

  test('the list: each with its solution, enterprise, unit, the objector, the attachment; by state', async () => {
    const res = await w.org.get(url);
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: { referenceNo: string }) => o.referenceNo)).toEqual([
      '2026-YY-0003',
      '2026-YY-0002',
      '2026-YY-0001',
    ]);
    const first = res.body.items[2];
    expect(first).toMatchObject({
      applicationId: itemA,
      unitName: '北京市',
      applicationState: 'in_public_notice',
      name: '赵异议',
      organisation: '上海某某研究院',
      phone: '13812345678',
      email: 'objector@example.cn',
      attachment: { filename: '证明材料.pdf', mime: 'application/pdf', size: PDF.length },
      state: 'received',
      resolution: null,
      resolvedBy: null,
      resolvedAt: null,
    });
    expect(first.applicantName).not.toBe('');
    expect(res.body.items[1]).toMatchObject({ email: null, attachment: null, unitName: '上海市' });
    expect((await w.org.get(`${url}?state=upheld`)).body.items).toEqual([]);
    expect((await w.org.get(`${url}?state=nope`)).status).toBe(400);

    const file = await w.org.get(`${url}/${await idOf('2026-YY-0001')}/attachment`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.raw.rawPayload).toEqual(PDF);
    const none = await w.org.get(`${url}/${await idOf('2026-YY-0002')}/attachment`);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('该异议没有附件');
  });

  test('nobody else sees or resolves them', async () => {
    const id = await idOf('2026-YY-0001');
    for (const c of [w.bjEnterprise, w.beijing, w.shanghai, w.shEnterprise]) {
      expect((await c.get(url)).status).toBe(403);
      expect((await c.get(`${url}/${id}/attachment`)).status).toBe(403);
      const r = await c.post(`${url}/${id}/resolve`, {
        outcome: 'upheld',
        resolution: '理由充分成立',
      });
      expect(r.status).toBe(403);
    }
    const anon = new Client(t.app);
    expect((await anon.get(url)).status).toBe(401);
    expect((await anon.get(`${url}/${id}/attachment`)).status).toBe(401);
  });

  test('dismissed: the solution stays; no e-mail given → the organizer phones; once only', async () => {
    const id = await idOf('2026-YY-0002');
    const short = await w.org.post(`${url}/${id}/resolve`, {
      outcome: 'dismissed',
      resolution: '不',
    });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('请写明处理理由，至少4个字');
    const before = (await publicItems()).length;
    const res = await w.org.post(`${url}/${id}/resolve`, {
      outcome: 'dismissed',
      resolution: '经核实，该方案应用情况属实。',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'dismissed',
      withdrawn: false,
      toldBy: 'phone',
      objection: {
        state: 'dismissed',
        resolution: '经核实，该方案应用情况属实。',
        resolvedBy: expect.any(String),
        resolvedAt: new Date(IN_PERIOD).toISOString(),
        applicationState: 'in_public_notice',
      },
    });
    expect(await publicItems()).toHaveLength(before);
    const [state] = await query<{ state: string }>(
      t,
      `select state from applications where id = '${itemB}'`,
    );
    expect(state!.state).toBe('in_public_notice');
    const audit = await query<{ summary: any }>(
      t,
      `select summary from audit_log where action = 'objection.resolve' and target_id = '${id}'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({
      before: { state: 'received' },
      after: { state: 'dismissed', withdrawn: false, toldBy: 'phone' },
      note: '经核实，该方案应用情况属实。',
    });

    const again = await w.org.post(`${url}/${id}/resolve`, {
      outcome: 'upheld',
      resolution: '重新考虑后维持异议',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'WRONG_STATE',
      message: '该异议已处理（不予采纳），不能再次处理',
    });
    expect(
      await query(
        t,
        `select 1 from audit_log where action = 'objection.resolve' and target_id = '${id}'`,
      ),
    ).toHaveLength(1);
  });

  test('upheld: 公示中 → 未入选 with its audit row, off the public list, enterprise and recommender told, the objector e-mailed', async () => {
    const id = await idOf('2026-YY-0001');
    const reason = '经核实，申报材料中的应用案例与实际不符。';
    const res = await w.org.post(`${url}/${id}/resolve`, { outcome: 'upheld', resolution: reason });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'upheld',
      withdrawn: true,
      toldBy: 'email',
      objection: { state: 'upheld', resolution: reason, applicationState: 'not_selected' },
    });
    const [app] = await query<{ state: string }>(
      t,
      `select state from applications where id = '${itemA}'`,
    );
    expect(app!.state).toBe('not_selected');
    const items = await publicItems();
    expect(items.map((i) => i.itemId)).not.toContain(itemA);
    expect(items.map((i) => i.no)).toEqual(items.map((_, i) => i + 1));
    const withdrawn = await query<{ actor_role: string; summary: any }>(
      t,
      `select actor_role, summary from audit_log where action = 'application.withdrawn' and target_id = '${itemA}'`,
    );
    expect(withdrawn).toEqual([
      {
        actor_role: 'organizer',
        summary: {
          before: { state: 'in_public_notice' },
          after: { state: 'not_selected', objectionId: id, referenceNo: '2026-YY-0001' },
          note: reason,
        },
      },
    ]);
    const told = await query<{ login: string; body: string; link: string }>(
      t,
      `select u.login, n.body, n.link from notifications n join users u on u.id = n.user_id
        where n.kind = 'application.objection_upheld'`,
    );
    expect(told.map((m) => m.login).sort()).toEqual(['beijing', w.bjUscc].sort());
    for (const m of told) expect(m.body).toContain(reason);
    // the enterprise sees its application withdrawn
    const own = await w.bjEnterprise.get(`/api/v1/applications/${itemA}`);
    expect(own.body.application.state).toBe('not_selected');
    const outcome = await query<{
      user_id: string | null;
      to_address: string;
      subject: string;
      body: string;
    }>(
      t,
      `select user_id, to_address, subject, body from outbound_emails where kind = 'objection.outcome'`,
    );
    expect(outcome).toHaveLength(1);
    expect(outcome[0]).toMatchObject({ user_id: null, to_address: 'objector@example.cn' });
    expect(outcome[0]!.subject).toContain('2026-YY-0001');
    expect(outcome[0]!.body).toContain('异议成立，该解决方案撤销入选');
    expect(outcome[0]!.body).toContain(reason);

    // a new objection to it now: no longer on the list
    await expectNothingStoredBy(
      () => fileObjection(anonymous(t), w.campaignId, objectionFields(itemA)),
      400,
    );
  });

  test('a second objection to the same solution upheld later: no second withdrawal', async () => {
    const id = await idOf('2026-YY-0003');
    const res = await w.org.post(`${url}/${id}/resolve`, {
      outcome: 'upheld',
      resolution: '与2026-YY-0001所述情况相同，异议成立',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      withdrawn: false,
      toldBy: 'phone',
      objection: { state: 'upheld' },
    });
    expect(
      await query(
        t,
        `select 1 from audit_log where action = 'application.withdrawn' and target_id = '${itemA}'`,
      ),
    ).toHaveLength(1);
    expect(
      await query(t, `select 1 from notifications where kind = 'application.objection_upheld'`),
    ).toHaveLength(2);
  });
});

describe('after the period', () => {
  test('filings up to 24:00 of the last day; then refused, nothing stored; resolving still works', async () => {
    // the last minute: three at once, each its own number
    t.clock.set('2026-11-06T23:59:00+08:00');
    const last = await Promise.all(
      [1, 2, 3].map(() => fileObjection(anonymous(t), w.campaignId, objectionFields(itemB))),
    );
    for (const r of last) expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(last.map((r) => r.body.referenceNo).sort()).toEqual([
      '2026-YY-0004',
      '2026-YY-0005',
      '2026-YY-0006',
    ]);

    t.clock.set(AFTER_NOTICE);
    await signInAgain();
    const err = await expectNothingStoredBy(
      () =>
        fileObjection(anonymous(t), w.campaignId, objectionFields(itemB), {
          filename: '证明.pdf',
          bytes: PDF,
        }),
      409,
    );
    expect(err.message).toBe(
      '公示期（2026年11月2日至2026年11月6日（5个工作日））已结束，不再受理异议',
    );

    const id = (
      await query<{ id: string }>(
        t,
        `select id from objections where reference_no = '2026-YY-0004'`,
      )
    )[0]!.id;
    const res = await w.org.post(`${url}/${id}/resolve`, {
      outcome: 'dismissed',
      resolution: '异议理由缺乏依据，不予采纳。',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.objection.resolvedAt).toBe(new Date(AFTER_NOTICE).toISOString());
  });

  test('an unknown objection or campaign is a 404', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    const r = await w.org.post(`${url}/${none}/resolve`, {
      outcome: 'dismissed',
      resolution: '无此异议处理',
    });
    expect(r.status).toBe(404);
    expect((await w.org.get('/api/v1/campaigns/no-such-campaign/objections')).status).toBe(404);
  });
});

// 通知公告: an organizer's announcement reaches exactly the accounts addressed (in-app, and by
// e-mail only when asked, through the loopback SMTP server); others are refused; bad input is
// refused with nothing written; the campaign page lists only public ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  query,
  type TestApp,
} from '../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../test/harness/smtp';
import { deskWorld, filed, newCampaign, type DeskWorld } from '../../../test/fixtures/desk';
import { startBackground, type Background } from '../../background';

let t: TestApp;
let smtp: TestSmtp;
let bg: Background;
let w: DeskWorld;
let campaign: { id: string };
let campaignCode: string;

/** Logins an announcement reached, sorted. */
async function reached(id: string) {
  const rows = await query<{ login: string }>(
    t,
    `select u.login from notifications n join users u on u.id = n.user_id
      where n.dedupe_key = 'announcement:${id}' order by u.login`,
  );
  return rows.map((r) => r.login);
}

async function loginsWhere(where: string) {
  const rows = await query<{ login: string }>(
    t,
    `select login from users where status = 'active' and ${where} order by login`,
  );
  return rows.map((r) => r.login);
}

async function counts() {
  const [row] = await query<{ a: number; n: number; e: number; audit: number }>(
    t,
    `select (select count(*)::int from announcements) as a,
            (select count(*)::int from notifications where kind = 'announcement') as n,
            (select count(*)::int from outbound_emails where kind = 'announcement') as e,
            (select count(*)::int from audit_log where action = 'announcement.create') as audit`,
  );
  return row!;
}

/** Posts an announcement a minute after the last one (the lists are newest first). */
const post = (c: Client, body: Record<string, unknown>) => {
  t.clock.advance(60_000);
  return c.post('/api/v1/announcements', body);
};

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({
    config: { smtpUrl: smtp.url, publicUrl: 'https://zx.example.cn' },
  });
  bg = await startBackground(t.database, t.deps, console, { pollingIntervalSeconds: 0.5 });
  w = await deskWorld(t, 8400);
  campaign = await newCampaign(w.org);
  campaignCode = (await w.org.get(`/api/v1/campaigns/${campaign.id}`)).body.code;
  await filed(w.bjEnterprise, campaign.id, { uscc: w.bjUscc, name: '公告测试北京方案' });
  await filed(w.shEnterprise, campaign.id, { uscc: w.shUscc, name: '公告测试上海方案' });
});

afterAll(async () => {
  await bg?.stop();
  await t?.close();
  await smtp?.close();
});

describe('whom an announcement reaches', () => {
  it('a unit with 申报企业: its recommenders and the enterprises filing through it, e-mailed', async () => {
    const before = smtp.mails.length;
    const res = await post(w.org, {
      campaignId: campaign.id,
      title: '关于北京市推荐工作的通知',
      body: '请于10月20日前完成推荐。\n第二行。',
      roles: ['enterprise'],
      unitIds: [w.beijingUnit],
      email: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const expected = [
      ...(await loginsWhere(`role = 'recommender' and recommender_unit_id = '${w.beijingUnit}'`)),
      w.bjUscc,
    ].sort();
    expect(await reached(res.body.id)).toEqual(expected);
    expect(expected).not.toContain(w.shUscc); // 上海's enterprise files through 上海市
    expect(expected).not.toContain(DEMO_ENTERPRISE_USCC); // no application in this campaign
    expect(res.body).toMatchObject({
      campaignId: campaign.id,
      roles: ['enterprise'],
      unitNames: ['北京市'],
      email: true,
      public: false,
      recipients: expected.length,
    });

    // the enterprise's message and e-mail
    const list = await w.bjEnterprise.get('/api/v1/notifications');
    const msg = list.body.items.find((n: { kind: string }) => n.kind === 'announcement');
    expect(msg).toMatchObject({
      subject: '【通知公告】关于北京市推荐工作的通知',
      link: `/announcements?id=${res.body.id}`,
    });
    expect(msg.body).toContain('请于10月20日前完成推荐。\n第二行。');
    const [bj] = await query<{ email: string }>(
      t,
      `select email from users where login = '${w.bjUscc}'`,
    );
    const mailTo = () =>
      smtp.mails
        .slice(before)
        .find((m) => m.to.includes(bj!.email) && m.subject.includes('关于北京市推荐工作的通知'));
    await expect.poll(mailTo, { timeout: 15_000 }).toBeTruthy();
    expect(mailTo()!.subject).toBe('【通知公告】关于北京市推荐工作的通知');
    expect(mailTo()!.text).toContain(`https://zx.example.cn/announcements?id=${res.body.id}`);
    expect(
      (await query(t, `select 1 from outbound_emails where kind = 'announcement'`)).length,
    ).toBe(expected.length);
    expect(
      smtp.mails.slice(before).some((m) => m.to.includes(`sh8400@test.zhengxuan.invalid`)),
    ).toBe(false);

    // an audit row
    const [audit] = await query<{ summary: { after: Record<string, unknown> } }>(
      t,
      `select summary from audit_log where action = 'announcement.create' and target_id = '${res.body.id}'`,
    );
    expect(audit!.summary.after).toMatchObject({
      announcementTitle: '关于北京市推荐工作的通知',
      recipients: expected.length,
      emailed: true,
    });
  });

  it('申报企业 of a campaign: those with an application in it; in-app only when e-mail is not asked', async () => {
    const before = await counts();
    const res = await post(w.org, {
      campaignId: campaign.id,
      title: '致本活动申报企业',
      body: '请核对申报信息。',
      roles: ['enterprise'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await reached(res.body.id)).toEqual([w.bjUscc, w.shUscc].sort());
    expect(res.body.recipients).toBe(2);
    const after = await counts();
    expect(after.n - before.n).toBe(2);
    expect(after.e).toBe(before.e); // no e-mail
  });

  it('a role without a campaign: all its active accounts', async () => {
    const res = await post(w.org, {
      title: '致全体推荐单位',
      body: '系统维护通知。',
      roles: ['recommender'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await reached(res.body.id)).toEqual(await loginsWhere(`role = 'recommender'`));
  });
});

describe('refusals', () => {
  it('non-organizers: 403 (401 signed out), nothing written', async () => {
    const before = await counts();
    const body = { title: '越权公告', body: '不应发出。', roles: ['enterprise'] };
    expect((await post(w.beijing, body)).status).toBe(403);
    expect((await post(w.bjEnterprise, body)).status).toBe(403);
    expect((await post(new Client(t.app, '10.8.4.1'), body)).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['no title', { title: '', body: '正文内容', roles: ['enterprise'] }, 'title'],
    ['nobody addressed', { title: '标题', body: '正文内容' }, 'roles'],
    [
      'public without a campaign',
      { title: '标题', body: '正文内容', roles: ['expert'], public: true },
      'public',
    ],
    ['an unknown role', { title: '标题', body: '正文内容', roles: ['everyone'] }, 'roles.0'],
    [
      'an unknown unit',
      { title: '标题', body: '正文内容', unitIds: ['00000000-0000-4000-8000-000000000000'] },
      'unitIds',
    ],
    [
      'an unknown campaign',
      {
        title: '标题',
        body: '正文内容',
        roles: ['enterprise'],
        campaignId: '00000000-0000-4000-8000-000000000000',
      },
      'campaignId',
    ],
  ])('%s: 400, nothing written', async (_what, body, path) => {
    const before = await counts();
    const res = await post(w.org, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.error.details)).toContain(`"${path}"`);
    expect(await counts()).toEqual(before);
  });
});

describe('lists', () => {
  it('the campaign page lists only its public announcements, without recipients', async () => {
    const pub = await post(w.org, {
      campaignId: campaign.id,
      title: '关于延长网上申报时间的公告',
      body: '<b>不是HTML</b>\n延长至10月25日。',
      roles: ['enterprise'],
      public: true,
    });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    const list = await new Client(t.app, '10.8.4.2').get(
      `/api/v1/campaigns/${campaignCode}/announcements`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        id: pub.body.id,
        title: '关于延长网上申报时间的公告',
        body: '<b>不是HTML</b>\n延长至10月25日。',
        createdAt: expect.any(String),
      },
    ]);
    const none = await new Client(t.app, '10.8.4.2').get(
      '/api/v1/campaigns/no-such-campaign/announcements',
    );
    expect(none.status).toBe(404);
  });

  it('a public one may reach nobody: it is only published', async () => {
    const res = await post(w.org, {
      campaignId: campaign.id,
      title: '仅在活动页公开的公告',
      body: '正文。',
      roles: ['organizer'],
      unitIds: [],
      public: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('others list what reached them, without whom it reached; organizers all, by campaign', async () => {
    const mine = await w.bjEnterprise.get('/api/v1/announcements');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: { title: string }) => a.title)).toEqual([
      '关于延长网上申报时间的公告',
      '致本活动申报企业',
      '关于北京市推荐工作的通知',
    ]);
    expect(mine.body.items[2]).toMatchObject({
      roles: null,
      unitNames: null,
      recipients: null,
      email: null,
    });
    const sh = await w.shEnterprise.get('/api/v1/announcements');
    expect(sh.body.items.map((a: { title: string }) => a.title)).not.toContain(
      '关于北京市推荐工作的通知',
    );

    const all = await w.org.get(`/api/v1/announcements?campaignId=${campaign.id}`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((a: { title: string }) => a.title)).not.toContain('致全体推荐单位');
    const unit = all.body.items.find(
      (a: { title: string }) => a.title === '关于北京市推荐工作的通知',
    );
    expect(unit).toMatchObject({ unitNames: ['北京市'], email: true });
    expect(unit.recipients).toBeGreaterThan(1);
  });
});

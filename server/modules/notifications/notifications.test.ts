// 消息中心 and e-mail: the recommender's decisions reach the enterprise in-app and by e-mail
// through a real SMTP server on loopback; preferences; reading; another user's messages stay hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  query,
  signedIn,
  type TestApp,
} from '../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../test/harness/smtp';
import {
  batchUrl,
  deskWorld,
  filed,
  newCampaign,
  recommend,
  uploadScan,
  type DeskWorld,
} from '../../../test/fixtures/desk';
import { startBackground, type Background } from '../../background';

let t: TestApp;
let smtp: TestSmtp;
let bg: Background;
let w: DeskWorld;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({
    config: { smtpUrl: smtp.url, publicUrl: 'https://zx.example.cn' },
  });
  bg = await startBackground(t.database, t.deps, console, { pollingIntervalSeconds: 0.5 });
  w = await deskWorld(t, 8100);
});

afterAll(async () => {
  await bg?.stop();
  await t?.close();
  await smtp?.close();
});

describe('a return reaches the enterprise', () => {
  it('in-app with the comment and a link, and by e-mail with subject and link', async () => {
    const campaign = await newCampaign(w.org);
    const id = await filed(w.bjEnterprise, campaign.id, {
      uscc: w.bjUscc,
      name: '退回通知测试方案',
    });
    const before = smtp.mails.length;
    const res = await w.beijing.post(`/api/v1/applications/${id}/return`, {
      comment: '请补充APP用户数。',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    const list = await w.bjEnterprise.get('/api/v1/notifications');
    expect(list.status).toBe(200);
    const msg = list.body.items.find((n: { link: string }) => n.link === `/applications/${id}`);
    expect(msg).toMatchObject({ kind: 'application.returned', kindLabel: '申报书被退回修改' });
    expect(msg.subject).toContain('退回通知测试方案');
    expect(msg.body).toContain('请补充APP用户数。');
    expect(list.body.unread).toBeGreaterThanOrEqual(1);

    const returned = (m: { subject: string }) =>
      m.subject.includes('退回通知测试方案') && m.subject.includes('退回修改');
    await expect
      .poll(() => smtp.mails.slice(before).some(returned), { timeout: 15_000 })
      .toBe(true);
    const mails = smtp.mails.slice(before);
    const mail = mails.find(returned);
    expect(mail, JSON.stringify(mails.slice(before))).toBeTruthy();
    const [enterpriseEmail] = await query<{ email: string }>(
      t,
      `select email from users where enterprise_id is not null and login = '${w.bjUscc}'`,
    );
    expect(mail!.to).toEqual([enterpriseEmail!.email]);
    expect(mail!.subject).toMatch(/^【推荐台测试活动\d+】申报书“退回通知测试方案”被退回修改$/);
    expect(mail!.text).toContain(`https://zx.example.cn/applications/${id}`);
    expect(mail!.text).toContain('请补充APP用户数。');

    // the delivery log says sent
    await expect
      .poll(
        async () =>
          (
            await query<{ state: string }>(
              t,
              `select state from outbound_emails where subject like '%退回通知测试方案%'`,
            )
          )[0]?.state,
      )
      .toBe('sent');
  });
});

interface Msg {
  id: string;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  readAt: string | null;
}

const messagesOf = async (c: Client): Promise<Msg[]> =>
  (await c.get('/api/v1/notifications?pageSize=100')).body.items;
const emailOf = async (login: string) =>
  (await query<{ email: string }>(t, `select email from users where login = '${login}'`))[0]!.email;
const mailTo = async (address: string, subjectPart: string, count = 1) => {
  await expect
    .poll(
      () =>
        smtp.mails.filter((m) => m.to.includes(address) && m.subject.includes(subjectPart)).length,
      { timeout: 15_000 },
    )
    .toBe(count);
  return smtp.mails.filter((m) => m.to.includes(address) && m.subject.includes(subjectPart));
};

describe('every event that changes what someone must do', () => {
  it('a submission reaches the recommenders of its unit, not another unit', async () => {
    const campaign = await newCampaign(w.org);
    const id = await filed(w.bjEnterprise, campaign.id, { uscc: w.bjUscc, name: '提交通知方案' });
    const mine = (await messagesOf(w.beijing)).find(
      (m) => m.kind === 'application.submitted' && m.subject.includes('提交通知方案'),
    );
    expect(mine).toBeTruthy();
    expect(mine!.link).toBe(`/desk/${campaign.id}/applications/${id}`);
    expect(mine!.body).toContain('北京市');
    expect((await messagesOf(w.shanghai)).some((m) => m.subject.includes('提交通知方案'))).toBe(
      false,
    );
    const [mail] = await mailTo(await emailOf('beijing'), '提交通知方案');
    expect(mail!.text).toContain(`https://zx.example.cn/desk/${campaign.id}/applications/${id}`);
  });

  it('a rejection carries the reason; a recommendation and the forwarding are announced', async () => {
    const campaign = await newCampaign(w.org);
    const rejected = await filed(w.bjEnterprise, campaign.id, {
      uscc: w.bjUscc,
      name: '不予推荐方案',
    });
    const chosen = await filed(w.bjEnterprise, campaign.id, { uscc: w.bjUscc, name: '获推荐方案' });
    expect(
      (
        await w.beijing.post(`/api/v1/applications/${rejected}/reject`, {
          reason: '属于综合平台，非APP',
        })
      ).status,
    ).toBe(200);
    expect((await recommend(w.beijing, chosen, 1)).status).toBe(200);
    expect((await uploadScan(w.beijing, campaign.id, w.beijingUnit)).status).toBe(200);
    const signed = await w.beijing.post(`${batchUrl(campaign.id, w.beijingUnit)}/sign-off`, {});
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);

    const msgs = await messagesOf(w.bjEnterprise);
    const of = (kind: string, name: string) =>
      msgs.filter((m) => m.kind === kind && m.subject.includes(name));
    expect(of('application.rejected', '不予推荐方案')[0]!.body).toContain('属于综合平台，非APP');
    expect(of('application.recommended', '获推荐方案')).toHaveLength(1);
    expect(of('application.forwarded', '获推荐方案')).toHaveLength(1);
    expect(of('application.forwarded', '获推荐方案')[0]!.link).toBe(`/applications/${chosen}`);
    // nothing for the rejected one's forwarding, nothing to the other unit's enterprise
    expect(of('application.forwarded', '不予推荐方案')).toHaveLength(0);
    expect((await messagesOf(w.shEnterprise)).some((m) => m.subject.includes('获推荐方案'))).toBe(
      false,
    );
    const address = await emailOf(w.bjUscc);
    expect((await mailTo(address, '获推荐方案', 2)).map((m) => m.subject).sort()).toEqual(
      [
        expect.stringContaining('已报送工业和信息化部'),
        expect.stringContaining('已获北京市推荐'),
      ].sort(),
    );

    // the organizer reopens the batch: the unit's recommenders are told why
    const reopened = await w.org.post(`${batchUrl(campaign.id, w.beijingUnit)}/reopen`, {
      reason: '推荐顺序需调整',
    });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    const told = (await messagesOf(w.beijing)).find(
      (m) => m.kind === 'batch.reopened' && m.body.includes('推荐顺序需调整'),
    );
    expect(told?.link).toBe(`/desk/${campaign.id}/batch`);
    expect((await messagesOf(w.shanghai)).some((m) => m.kind === 'batch.reopened')).toBe(false);
  });

  it('a returned 附件4 reaches the winner with the comment', async () => {
    const ent = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
    const campaign = (await ent.get('/api/v1/campaigns')).body.items.find(
      (c: { isDemo: boolean }) => c.isDemo,
    );
    const awards = (await w.org.get('/api/v1/awards?pageSize=100')).body.items as {
      id: string;
      uscc: string;
      year: number;
    }[];
    const award = awards.find((a) => a.uscc === DEMO_ENTERPRISE_USCC && a.year === 2020)!;
    // a submitted report, put straight in (filling 附件4 is the follow-ups tests' business)
    await query(
      t,
      `insert into follow_up_reports (campaign_id, award_id, enterprise_id, state, data, draft_version, submitted_at, created_at, updated_at)
      values ('${campaign.id}', '${award.id}', (select enterprise_id from users where login = '${DEMO_ENTERPRISE_USCC}'), 'submitted', '{}'::jsonb, 1, now(), now(), now())`,
    );
    const res = await w.beijing.post(`/api/v1/follow-up-reports/${award.id}/return`, {
      campaignId: campaign.id,
      comment: '请补充2024年收入',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const msg = (await messagesOf(ent)).find((m) => m.kind === 'follow_up.returned');
    expect(msg?.body).toContain('请补充2024年收入');
    expect(msg?.link).toBe(`/follow-ups/${campaign.id}/${award.id}`);
  });
});

describe('reading and choosing', () => {
  it('marks one and then all read; another user cannot mark mine', async () => {
    const before = (await w.bjEnterprise.get('/api/v1/notifications')).body;
    expect(before.unread).toBeGreaterThan(1);
    const first = before.items[0] as Msg;
    // someone else naming my message changes nothing
    expect((await w.beijing.post('/api/v1/notifications/read', { ids: [first.id] })).status).toBe(
      200,
    );
    expect((await w.bjEnterprise.get('/api/v1/notifications')).body.unread).toBe(before.unread);
    const one = await w.bjEnterprise.post('/api/v1/notifications/read', { ids: [first.id] });
    expect(one.body).toEqual({ unread: before.unread - 1 });
    const unreadOnly = (await w.bjEnterprise.get('/api/v1/notifications?unread=true')).body;
    expect(unreadOnly.items.map((m: Msg) => m.id)).not.toContain(first.id);
    expect((await w.bjEnterprise.post('/api/v1/notifications/read', { all: true })).body).toEqual({
      unread: 0,
    });
    // nobody sees another's messages
    const theirs = new Set((await messagesOf(w.beijing)).map((m) => m.id));
    expect((await messagesOf(w.bjEnterprise)).some((m) => theirs.has(m.id))).toBe(false);
  });

  it('a kind turned off by e-mail still arrives in-app; a password link cannot be turned off', async () => {
    const prefs = await w.bjEnterprise.request('PUT', '/api/v1/notification-preferences', {
      emailOff: ['application.returned', 'account.password_reset'],
    });
    expect(prefs.status).toBe(200);
    expect(prefs.body.emailEnabled).toBe(true);
    const kinds = Object.fromEntries(
      prefs.body.items.map((i: { kind: string; email: boolean }) => [i.kind, i.email]),
    );
    expect(kinds['application.returned']).toBe(false);
    // password links are e-mail only and always sent: not a choice on the list
    expect(kinds['account.password_reset']).toBeUndefined();
    const saved = await query<{ email_off: string[] }>(
      t,
      `select email_off from notification_preferences where user_id = (select id from users where login = '${w.bjUscc}')`,
    );
    expect(saved[0]!.email_off).toEqual(['application.returned']);
    expect(prefs.body.items.some((i: { kind: string }) => i.kind === 'password.reset_link')).toBe(
      false,
    );
    // an enterprise is offered only what an enterprise can receive; a recommender its own kinds
    const offered = (body: { items: { kind: string }[] }) => body.items.map((i) => i.kind);
    expect(offered(prefs.body)).not.toContain('application.submitted');
    expect(offered(prefs.body)).toContain('reminder.online_deadline');
    const unitPrefs = (await w.beijing.get('/api/v1/notification-preferences')).body;
    expect(offered(unitPrefs)).toContain('application.submitted');
    expect(offered(unitPrefs)).not.toContain('application.returned');

    const campaign = await newCampaign(w.org);
    const id = await filed(w.bjEnterprise, campaign.id, { uscc: w.bjUscc, name: '不要邮件方案' });
    expect(
      (await w.beijing.post(`/api/v1/applications/${id}/return`, { comment: '补充' })).status,
    ).toBe(200);
    expect((await messagesOf(w.bjEnterprise)).some((m) => m.subject.includes('不要邮件方案'))).toBe(
      true,
    );
    const rows = await query<{ n: number }>(
      t,
      `select count(*)::int as n from outbound_emails where subject like '%不要邮件方案%退回%'`,
    );
    expect(rows[0]!.n).toBe(0);
    await w.bjEnterprise.request('PUT', '/api/v1/notification-preferences', { emailOff: [] });
  });

  it('refuses a kind that does not exist and bad ids, changing nothing', async () => {
    const bad = await w.bjEnterprise.request('PUT', '/api/v1/notification-preferences', {
      emailOff: ['no.such.kind'],
    });
    expect(bad.status).toBe(400);
    expect((await w.bjEnterprise.post('/api/v1/notifications/read', { ids: ['x'] })).status).toBe(
      400,
    );
    expect((await w.bjEnterprise.post('/api/v1/notifications/read', { all: false })).status).toBe(
      400,
    );
  });
});

describe('without SMTP_URL', () => {
  it('messages stay in-app and no e-mail is queued', async () => {
    const off = await createTestApp({ config: { smtpUrl: undefined } });
    try {
      const ent = await signedIn(off.app, DEMO_ENTERPRISE_USCC);
      const prefs = await ent.get('/api/v1/notification-preferences');
      expect(prefs.body.emailEnabled).toBe(false);
      const world = await deskWorld(off, 8200);
      const campaign = await newCampaign(world.org);
      const id = await filed(world.bjEnterprise, campaign.id, {
        uscc: world.bjUscc,
        name: '无邮件方案',
      });
      expect(
        (await world.beijing.post(`/api/v1/applications/${id}/return`, { comment: '请补充' }))
          .status,
      ).toBe(200);
      expect(
        (await messagesOf(world.bjEnterprise)).some((m) => m.subject.includes('无邮件方案')),
      ).toBe(true);
      expect(
        (await query<{ n: number }>(off, 'select count(*)::int as n from outbound_emails'))[0]!.n,
      ).toBe(0);
    } finally {
      await off.close();
    }
  });
});

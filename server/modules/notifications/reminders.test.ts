// 截止提醒 with a test clock: 7, 3 and 1 days before the online deadline (09:00 Beijing) to the
// enterprises of unsubmitted applications, exactly once each, however often and however many
// sweeps run at once; before the paper deadline to recommenders with work left and to past
// winners with 附件4 unfiled — and to nobody else. E-mails through the loopback SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  query,
  registration,
  type TestApp,
} from '../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../test/harness/smtp';
import { deskWorld, filed, type DeskWorld } from '../../../test/fixtures/desk';
import { readyApplication } from '../../../test/fixtures/applications';
import { usccCheckCharacter } from '../../../domain/uscc';
import { startBackground, type Background } from '../../background';
import { runReminderSweep } from '.';

let t: TestApp;
let smtp: TestSmtp;
let bg: Background;
let w: DeskWorld;
let campaign: { id: string; title: string };
const app = {} as { draft: string; submitted: string; returned: string };
/** the 2019 award of 注塑车间能耗… (demo data), whose holder has filed its 附件4 */
const FILED_USCC = '91110105MA01Y7K3N' + usccCheckCharacter('91110105MA01Y7K3N');

interface Row {
  login: string;
  kind: string;
  link: string;
  subject: string;
  body: string;
  dedupe_key: string;
}

/** The reminders of the test campaign, with who got them. */
async function reminders(kind?: string): Promise<Row[]> {
  return query<Row>(
    t,
    `select u.login, n.kind, n.link, n.subject, n.body, n.dedupe_key from notifications n
       join users u on u.id = n.user_id
      where n.campaign_id = '${campaign.id}' and n.kind like 'reminder.%'
        ${kind ? `and n.kind = '${kind}'` : ''}
      order by n.created_at, u.login`,
  );
}

async function emailsOf(kind: string) {
  return query<{ to_address: string; subject: string; state: string }>(
    t,
    `select e.to_address, e.subject, e.state from outbound_emails e
       join notifications n on n.id = e.notification_id
      where n.campaign_id = '${campaign.id}' and e.kind = '${kind}'`,
  );
}

const at = (iso: string) => t.clock.set(iso);

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({
    config: { smtpUrl: smtp.url, publicUrl: 'https://zx.example.cn' },
  });
  bg = await startBackground(t.database, t.deps, console, { pollingIntervalSeconds: 0.5 });
  w = await deskWorld(t, 8300);
  // online 2026-11-20 24:00, paper 2026-12-04 24:00 (Beijing); the clock is at 2026-11-01 09:00
  const copied = await w.org.post('/api/v1/campaigns/miit-iiapp-2021/copy', {
    code: `remind-${Math.random().toString(36).slice(2, 8)}`,
    year: 2026,
    title: '提醒测试活动',
    opensAt: '2026-10-01T00:00:00+08:00',
    onlineDeadline: '2026-11-21T00:00:00+08:00',
    paperDeadline: '2026-12-05T00:00:00+08:00',
  });
  expect(copied.status, JSON.stringify(copied.body)).toBe(201);
  campaign = copied.body;

  // 北京: a draft and a submitted one (waiting for 北京市's decision)
  app.draft = (
    await readyApplication(w.bjEnterprise, campaign.id, w.bjUscc, (d) => {
      d.solution.name = '提醒测试草稿方案';
    })
  ).id;
  app.submitted = await filed(w.bjEnterprise, campaign.id, {
    uscc: w.bjUscc,
    name: '提醒测试已提交方案',
  });
  // 上海: one returned by 上海市 (not submitted again; nothing waits at 上海市)
  app.returned = await filed(w.shEnterprise, campaign.id, {
    uscc: w.shUscc,
    name: '提醒测试退回方案',
  });
  const ret = await w.shanghai.post(`/api/v1/applications/${app.returned}/return`, {
    comment: '请补充。',
  });
  expect(ret.status, JSON.stringify(ret.body)).toBe(200);
  // 上海's enterprise wants this reminder in-app only
  const off = await w.shEnterprise.request('PUT', '/api/v1/notification-preferences', {
    emailOff: ['reminder.online_deadline'],
  });
  expect(off.status, JSON.stringify(off.body)).toBe(200);

  // a past winner (2019) that has filed its 附件4 in this campaign: no reminder for it
  const reg = registration(8399, { uscc: FILED_USCC, email: 'filed8399@test.zhengxuan.invalid' });
  expect((await new Client(t.app, '10.8.3.99').post('/api/v1/enterprises', reg)).status).toBe(201);
  await query(
    t,
    `insert into follow_up_reports (campaign_id, award_id, enterprise_id, state, data, submitted_at, created_at, updated_at)
     select '${campaign.id}', a.id, e.id, 'submitted', '{}'::jsonb, now(), now(), now()
       from awards a join enterprises e on e.uscc = a.uscc where a.uscc = '${FILED_USCC}'`,
  );
});

afterAll(async () => {
  await bg?.stop();
  await t?.close();
  await smtp?.close();
});

describe('online deadline: 7, 3 and 1 days before, to unsubmitted applications', () => {
  it('is scheduled every 10 minutes, Beijing time', async () => {
    const schedules = await bg.boss.getSchedules();
    expect(schedules.find((s) => s.name === 'reminders-sweep')).toMatchObject({
      cron: '*/10 * * * *',
      options: { tz: 'Asia/Shanghai' },
    });
  });

  it('sends nothing before 09:00 Beijing of the 7th day before', async () => {
    at('2026-11-01T09:00:00+08:00');
    await runReminderSweep(t.deps);
    at('2026-11-13T08:59:59+08:00');
    await runReminderSweep(t.deps);
    expect(await reminders()).toEqual([]);
  });

  it('at 09:00 the 7-day reminder reaches the draft and the returned one, not the submitted one', async () => {
    at('2026-11-13T09:00:00+08:00');
    const before = smtp.mails.length;
    const result = await runReminderSweep(t.deps);
    const rows = await reminders('reminder.online_deadline');
    expect(rows.map((r) => [r.login, r.link]).sort()).toEqual(
      [
        [w.bjUscc, `/applications/${app.draft}`],
        [w.shUscc, `/applications/${app.returned}`],
      ].sort(),
    );
    expect(result.online).toBeLessThanOrEqual(2); // the schedule may have run it first
    expect(rows.some((r) => r.link === `/applications/${app.submitted}`)).toBe(false);
    const draft = rows.find((r) => r.link === `/applications/${app.draft}`)!;
    expect(draft.subject).toBe('【提醒测试活动】网上申报还有7天截止');
    expect(draft.body).toContain('“提醒测试草稿方案”尚未提交');
    expect(draft.body).toContain('2026年11月20日 24:00');
    expect(draft.dedupe_key).toBe(`reminder.online:${app.draft}:7:2026-11-20`);

    // the e-mail, as delivered
    const reminderMail = () =>
      smtp.mails
        .slice(before)
        .find(
          (m) => m.subject.includes('网上申报') && m.text.includes(`/applications/${app.draft}`),
        );
    await expect.poll(reminderMail, { timeout: 15_000 }).toBeTruthy();
    const mail = reminderMail();
    const [bj] = await query<{ email: string }>(
      t,
      `select email from users where login = '${w.bjUscc}'`,
    );
    expect(mail!.to).toEqual([bj!.email]);
    expect(mail!.subject).toBe('【提醒测试活动】网上申报还有7天截止');
    expect(mail!.text).toContain(`https://zx.example.cn/applications/${app.draft}`);
  });

  it('a repeated sweep, and two at once, send nothing new', async () => {
    await runReminderSweep(t.deps);
    await Promise.all([runReminderSweep(t.deps), runReminderSweep(t.deps)]);
    at('2026-11-16T15:00:00+08:00'); // between the 7-day and the 3-day reminders
    await runReminderSweep(t.deps);
    expect(await reminders('reminder.online_deadline')).toHaveLength(2);
    // e-mail to 北京's enterprise only: 上海's turned this kind off
    expect(await emailsOf('reminder.online_deadline')).toHaveLength(1);
  });

  it('3 and 1 days before: once each, even with two sweeps at once', async () => {
    at('2026-11-17T09:00:00+08:00');
    await Promise.all([runReminderSweep(t.deps), runReminderSweep(t.deps)]);
    await runReminderSweep(t.deps);
    at('2026-11-19T09:00:00+08:00');
    await Promise.all([runReminderSweep(t.deps), runReminderSweep(t.deps)]);
    at('2026-11-20T23:59:00+08:00');
    await runReminderSweep(t.deps);

    const rows = await reminders('reminder.online_deadline');
    expect(rows.map((r) => r.subject)).toEqual([
      '【提醒测试活动】网上申报还有7天截止',
      '【提醒测试活动】网上申报还有7天截止',
      '【提醒测试活动】网上申报还有3天截止',
      '【提醒测试活动】网上申报还有3天截止',
      '【提醒测试活动】网上申报还有1天截止',
      '【提醒测试活动】网上申报还有1天截止',
    ]);
    const keys = rows.map((r) => r.dedupe_key);
    expect(new Set(keys).size).toBe(6);
    const emails = await emailsOf('reminder.online_deadline');
    expect(emails).toHaveLength(3);
    await expect
      .poll(async () => (await emailsOf('reminder.online_deadline')).map((e) => e.state), {
        timeout: 15_000,
      })
      .toEqual(Array(3).fill('sent'));
    // delivered once each: 3 reminder mails in all, no two alike, none to 上海
    const delivered = smtp.mails
      .filter((m) => m.subject.startsWith('【提醒测试活动】网上申报'))
      .map((m) => `${m.to.join()} ${m.subject}`);
    expect(delivered).toHaveLength(3);
    expect(new Set(delivered).size).toBe(3);
    expect(delivered.some((d) => d.startsWith('sh8300@'))).toBe(false);
  });

  it('nothing after the deadline', async () => {
    at('2026-11-21T00:00:00+08:00');
    await runReminderSweep(t.deps);
    at('2026-11-25T09:00:00+08:00');
    await runReminderSweep(t.deps);
    expect(await reminders('reminder.online_deadline')).toHaveLength(6);
  });
});

describe('paper deadline', () => {
  it('before 09:00 seven days before: no paper or 附件4 reminder', async () => {
    at('2026-11-27T08:59:00+08:00');
    await runReminderSweep(t.deps);
    expect(await reminders('reminder.paper_deadline')).toEqual([]);
    expect(await reminders('reminder.follow_up')).toEqual([]);
  });

  it('reaches the recommenders of a unit with work left, and no other unit', async () => {
    const before = smtp.mails.length;
    at('2026-11-27T09:00:00+08:00');
    await Promise.all([runReminderSweep(t.deps), runReminderSweep(t.deps)]);
    const rows = await reminders('reminder.paper_deadline');
    // 北京市 (one waiting for a decision); not 上海市 (its only one is returned), not casic
    expect(rows.map((r) => r.login)).toEqual(['beijing']);
    const [row] = rows;
    expect(row!.link).toBe(`/desk/${campaign.id}`);
    expect(row!.subject).toBe('【提醒测试活动】推荐报送还有7天截止');
    expect(row!.body).toContain('北京市尚有1份申报书待审核，推荐报送尚未确认');
    expect(row!.body).toContain('2026年12月4日 24:00');

    const paperMail = () =>
      smtp.mails.slice(before).find((m) => m.subject.includes('推荐报送还有7天截止'));
    await expect.poll(paperMail, { timeout: 15_000 }).toBeTruthy();
    const mail = paperMail();
    expect(mail!.to).toEqual(['beijing@demo.zhengxuan.invalid']);
    expect(mail!.text).toContain(`https://zx.example.cn/desk/${campaign.id}`);
  });

  it('reaches past winners with 附件4 unfiled, not one that filed, nor other enterprises', async () => {
    const rows = await reminders('reminder.follow_up');
    expect(rows.map((r) => r.login)).toEqual([DEMO_ENTERPRISE_USCC]);
    const [row] = rows;
    const [award] = await query<{ id: string }>(
      t,
      `select id from awards where uscc = '${DEMO_ENTERPRISE_USCC}' and year = 2020`,
    );
    expect(row!.link).toBe(`/follow-ups/${campaign.id}/${award!.id}`);
    expect(row!.subject).toBe(
      '【提醒测试活动】请在2026年12月4日 24:00前提交“基于工业互联网平台的数控机床预测性维护APP”的工业互联网APP统计信息表',
    );
    expect(row!.body).toContain('还有7天');
    await expect
      .poll(() => smtp.mails.some((m) => m.to.includes('enterprise@demo.zhengxuan.invalid')), {
        timeout: 15_000,
      })
      .toBe(true);
  });

  it('3 and 1 days before once each; nothing after the deadline', async () => {
    at('2026-12-01T09:00:00+08:00');
    await runReminderSweep(t.deps);
    await runReminderSweep(t.deps);
    at('2026-12-03T10:00:00+08:00');
    await Promise.all([runReminderSweep(t.deps), runReminderSweep(t.deps)]);
    at('2026-12-05T00:00:00+08:00');
    await runReminderSweep(t.deps);
    const paper = await reminders('reminder.paper_deadline');
    expect(paper.map((r) => r.subject.replace('【提醒测试活动】', ''))).toEqual([
      '推荐报送还有7天截止',
      '推荐报送还有3天截止',
      '推荐报送还有1天截止',
    ]);
    expect((await reminders('reminder.follow_up')).map((r) => r.login)).toEqual(
      Array(3).fill(DEMO_ENTERPRISE_USCC),
    );
    expect(await emailsOf('reminder.paper_deadline')).toHaveLength(3);
  });
});

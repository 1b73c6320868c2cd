// 消息中心 and e-mail: the recommender's decisions reach the enterprise in-app and by e-mail
// through a real SMTP server on loopback; preferences; reading; another user's messages stay hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, query, type TestApp } from '../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../test/harness/smtp';
import { deskWorld, filed, newCampaign, type DeskWorld } from '../../../test/fixtures/desk';
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

    const mails = await smtp.waitFor(before + 1);
    const mail = mails.slice(before).find((m) => m.subject.includes('退回通知测试方案'));
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

// 邮件发送记录 with a real SMTP server on loopback: an address the server refuses, or an SMTP
// server that is down, leaves the message queued with the reason while the event itself succeeds
// and other mail still goes; after the last retry it is failed; 重新发送 delivers it, once.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, query, type TestApp } from '../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../test/harness/smtp';
import { deskWorld, filed, newCampaign, type DeskWorld } from '../../../test/fixtures/desk';
import { startBackground, type Background } from '../../background';
import { createMailer } from '../../lib/mailer';
import { deliverEmail } from './index';

let t: TestApp;
let smtp: TestSmtp;
let bg: Background | undefined;
let w: DeskWorld;
let enterpriseEmail: string;

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The background as if SMTP_URL pointed at `smtpUrl` (the app's own config says e-mail is on). */
async function background(smtpUrl: string) {
  await bg?.stop();
  bg = await startBackground(
    t.database,
    { ...t.deps, config: { ...t.deps.config, smtpUrl } },
    console,
    { pollingIntervalSeconds: 0.5 },
  );
}

interface Row {
  id: string;
  state: string;
  attempts: number;
  last_error: string | null;
}
/** The e-mails of an application's return (its submission also e-mails the recommenders). */
const emailsAbout = (name: string) =>
  query<Row>(
    t,
    `select id, state, attempts, last_error from outbound_emails where subject like '%${name}%退回修改%'`,
  );

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ config: { smtpUrl: smtp.url, publicUrl: 'https://zx.example.cn' } });
  w = await deskWorld(t, 8400);
  const [row] = await query<{ email: string }>(
    t,
    `select email from users where login = '${w.bjUscc}'`,
  );
  enterpriseEmail = row!.email;
});

afterAll(async () => {
  await bg?.stop();
  await t?.close();
  await smtp?.close();
});

describe('a refused address', () => {
  it('leaves the message queued with the reason; the return and the other mail go through', async () => {
    await background(smtp.url);
    const campaign = await newCampaign(w.org);
    const before = smtp.mails.length;
    const id = await filed(w.bjEnterprise, campaign.id, { uscc: w.bjUscc, name: '拒收测试方案' });
    const other = await filed(w.shEnterprise, campaign.id, {
      uscc: w.shUscc,
      name: '拒收对照方案',
      region: '310100',
    });
    smtp.refuse.add(enterpriseEmail.toLowerCase());
    try {
      const res = await w.beijing.post(`/api/v1/applications/${id}/return`, {
        comment: '请补充。',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const res2 = await w.shanghai.post(`/api/v1/applications/${other}/return`, {
        comment: '请补充。',
      });
      expect(res2.status, JSON.stringify(res2.body)).toBe(200);
      await expect
        .poll(async () => (await emailsAbout('拒收测试方案')).find((r) => r.attempts > 0), {
          timeout: 15_000,
        })
        .toMatchObject({ state: 'queued', last_error: expect.stringContaining('550') });
      // the other enterprise's e-mail was delivered meanwhile
      await expect
        .poll(async () => (await emailsAbout('拒收对照方案'))[0]?.state, { timeout: 15_000 })
        .toBe('sent');
    } finally {
      smtp.refuse.clear();
    }
    // the return stands, in-app too
    const app = await w.bjEnterprise.get(`/api/v1/applications/${id}`);
    expect(app.body.application.state).toBe('returned');
    const inbox = await w.bjEnterprise.get('/api/v1/notifications');
    expect(inbox.body.items.some((n: any) => n.subject.includes('拒收测试方案'))).toBe(true);
    const got = smtp.mails
      .slice(before)
      .map((m) => m.subject)
      .filter((s) => s.includes('退回修改'));
    expect(got.filter((s) => s.includes('拒收对照方案'))).toHaveLength(1);
    expect(got.filter((s) => s.includes('拒收测试方案'))).toHaveLength(0);

    // the organizer's log shows it queued with the reason
    const log = await w.org.get(
      `/api/v1/outbound-emails?state=queued&q=${encodeURIComponent(enterpriseEmail.slice(0, 6))}`,
    );
    expect(log.status).toBe(200);
    const item = log.body.items.find((i: any) => i.subject.includes('拒收测试方案'));
    expect(item).toMatchObject({
      kind: 'application.returned',
      kindLabel: '申报书被退回修改',
      to: enterpriseEmail,
      state: 'queued',
      sentAt: null,
    });
    expect(item.lastError).toContain('550');
    const sent = await w.org.get('/api/v1/outbound-emails?state=sent&kind=application.returned');
    expect(sent.body.items.some((i: any) => i.subject.includes('拒收对照方案'))).toBe(true);
    expect(sent.body.items.every((i: any) => i.state === 'sent')).toBe(true);
  });
});

describe('an SMTP server that is down', () => {
  it('leaves the message queued with the reason; after the last retry failed; resend delivers it once', async () => {
    const campaign = await newCampaign(w.org);
    const downUrl = `smtp://127.0.0.1:${await closedPort()}`;
    await background(downUrl);
    const id = await filed(w.bjEnterprise, campaign.id, { uscc: w.bjUscc, name: '宕机测试方案' });
    const res = await w.beijing.post(`/api/v1/applications/${id}/return`, { comment: '请补充。' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await expect
      .poll(async () => (await emailsAbout('宕机测试方案')).find((r) => r.attempts > 0), {
        timeout: 15_000,
      })
      .toMatchObject({ state: 'queued', last_error: expect.stringMatching(/ECONNREFUSED/) });
    const mailId = (await emailsAbout('宕机测试方案'))[0]!.id;

    // the last retry, still down: failed for good, with the reason
    const down = createMailer({ smtpUrl: downUrl, mailFrom: t.deps.config.mailFrom })!;
    try {
      expect(await deliverEmail(t.deps, down, mailId, true)).toBe('failed');
    } finally {
      down.close();
    }
    const log = await w.org.get('/api/v1/outbound-emails?state=failed');
    const failed = log.body.items.find((i: any) => i.id === mailId);
    expect(failed).toMatchObject({ state: 'failed', attempts: 2 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    // SMTP is back; the organizer resends
    await background(smtp.url);
    const before = smtp.mails.length;
    const resent = await w.org.post(`/api/v1/outbound-emails/${mailId}/resend`, {});
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({ id: mailId, state: 'queued' });
    const [audit] = await query<{ summary: any }>(
      t,
      `select summary from audit_log where action = 'outbound_email.resend' and target_id = '${mailId}'`,
    );
    expect(audit!.summary).toMatchObject({
      before: { state: 'failed' },
      after: { state: 'queued', to: enterpriseEmail },
    });
    await expect
      .poll(async () => (await emailsAbout('宕机测试方案')).find((r) => r.id === mailId)?.state, {
        timeout: 15_000,
      })
      .toBe('sent');
    // a sent one cannot be resent
    const again = await w.org.post(`/api/v1/outbound-emails/${mailId}/resend`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('WRONG_STATE');
    // exactly one copy arrived, to the enterprise, with the link
    await new Promise((r) => setTimeout(r, 1500));
    const mine = smtp.mails
      .slice(before)
      .filter((m) => m.subject.includes('宕机测试方案') && m.subject.includes('退回'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toEqual([enterpriseEmail]);
    expect(mine[0]!.text).toContain(`https://zx.example.cn/applications/${id}`);
  });
});

describe('the delivery log', () => {
  it('pages, filters by kind and address, and refuses a bad state', async () => {
    const all = await w.org.get('/api/v1/outbound-emails?pageSize=2');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeLessThanOrEqual(2);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    const none = await w.org.get('/api/v1/outbound-emails?q=nobody-has-this-address%25');
    expect(none.body).toEqual({ items: [], total: 0 });
    expect((await w.org.get('/api/v1/outbound-emails?state=lost')).status).toBe(400);
  });
});

// 消息模板: an organizer edits a campaign's template (or the platform-wide one); a template with an
// unknown variable is refused and nothing is saved; the e-mail sent afterwards uses the saved text
// (read through the real loopback SMTP server); reset brings the default back; a copied or
// exported-and-imported campaign keeps its templates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, query, type Client, type TestApp } from '../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../test/harness/smtp';
import { deskWorld, filed, newCampaign, type DeskWorld } from '../../../test/fixtures/desk';
import { startBackground, type Background } from '../../background';

let t: TestApp;
let smtp: TestSmtp;
let bg: Background;
let w: DeskWorld;
let org: Client;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ config: { smtpUrl: smtp.url, publicUrl: 'https://zx.example.cn' } });
  bg = await startBackground(t.database, t.deps, console, { pollingIntervalSeconds: 0.5 });
  w = await deskWorld(t, 8300);
  org = w.org;
});

afterAll(async () => {
  await bg?.stop();
  await t?.close();
  await smtp?.close();
});

const url = (kind: string, campaignId?: string, suffix = '') =>
  `/api/v1/notification-templates/${kind}${suffix}${campaignId ? `?campaignId=${campaignId}` : ''}`;

const auditRows = (action: string) =>
  query<{ target_id: string; summary: any }>(
    t,
    `select target_id, summary from audit_log where action = '${action}' order by id`,
  );

describe('a campaign’s templates', () => {
  it('lists every kind a campaign sends, with the default text and its variables', async () => {
    const campaign = await newCampaign(org);
    const res = await org.get(`/api/v1/notification-templates?campaignId=${campaign.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.campaignTitle).toMatch(/^推荐台测试活动/);
    const returned = res.body.items.find((i: any) => i.kind === 'application.returned');
    expect(returned).toMatchObject({
      label: '申报书被退回修改',
      audience: '申报企业',
      customized: false,
      source: 'default',
      updatedAt: null,
    });
    expect(returned.variables).toEqual(expect.arrayContaining(['姓名', '链接', '退回意见']));
    expect(returned.body).toContain('{{退回意见}}');
    // account and password messages have no campaign: only the platform list has them
    expect(res.body.items.map((i: any) => i.kind)).not.toContain('password.reset_link');
    const platform = await org.get('/api/v1/notification-templates');
    expect(platform.body.campaignTitle).toBeNull();
    expect(platform.body.items.map((i: any) => i.kind)).toContain('password.reset_link');
  });

  it('refuses a template with an unknown variable, naming it at the field, and saves nothing', async () => {
    const campaign = await newCampaign(org);
    const audits = (await auditRows('notification_template.update')).length;
    const res = await org.request('PUT', url('application.returned', campaign.id), {
      subject: '【{{活动名称}}】退回',
      body: '{{姓名}}：{{单位名称}}退回了您的申报书，{{退回意见}',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('{{单位名称}}');
    expect(res.body.error.details).toEqual([
      { path: 'body', message: expect.stringContaining('{{单位名称}}') },
    ]);
    expect(res.body.error.details[0].message).toContain('{{退回意见}}'); // the allowed ones
    const list = await org.get(`/api/v1/notification-templates?campaignId=${campaign.id}`);
    expect(list.body.items.find((i: any) => i.kind === 'application.returned').customized).toBe(
      false,
    );
    expect(await auditRows('notification_template.update')).toHaveLength(audits);
    const [stored] = await query<{ n: number }>(
      t,
      `select count(*)::int as n from notification_templates where campaign_id = '${campaign.id}'`,
    );
    expect(stored!.n).toBe(0);
  });

  it('refuses a campaign template for a kind sent without a campaign', async () => {
    const campaign = await newCampaign(org);
    const res = await org.request('PUT', url('password.reset_link', campaign.id), {
      subject: '找回密码',
      body: '{{链接}}',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('平台通用');
  });

  it('saves a template, audited; the next return is e-mailed with it; reset brings back the default', async () => {
    const campaign = await newCampaign(org);
    const saved = await org.request('PUT', url('application.returned', campaign.id), {
      subject: '请修改：{{解决方案名称}}（{{推荐单位}}）',
      body: '{{姓名}}：\n意见：{{退回意见}}\n链接：{{链接}}',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ customized: true, source: 'campaign' });
    expect(saved.body.updatedAt).not.toBeNull();
    const [audit] = (await auditRows('notification_template.update')).slice(-1);
    expect(audit!.summary.after).toMatchObject({
      campaignId: campaign.id,
      kind: 'application.returned',
      template: '申报书被退回修改',
      subject: '请修改：{{解决方案名称}}（{{推荐单位}}）',
    });
    expect(audit!.summary.before.subject).toContain('被退回修改');

    // the e-mail of the next return uses the campaign's template
    const id = await filed(w.bjEnterprise, campaign.id, { uscc: w.bjUscc, name: '模板测试方案' });
    const before = smtp.mails.length;
    const ret = await w.beijing.post(`/api/v1/applications/${id}/return`, {
      comment: '请补充用户数。',
    });
    expect(ret.status, JSON.stringify(ret.body)).toBe(200);
    // the enterprise's e-mail (the submission also e-mailed the recommenders, with the default)
    const enterpriseEmail = (await w.bjEnterprise.get('/api/v1/me')).body.user.email as string;
    const toEnterprise = () =>
      smtp.mails
        .slice(before)
        .find((m) => m.to.includes(enterpriseEmail) && m.subject.includes('模板测试方案'));
    await expect.poll(toEnterprise, { timeout: 15_000 }).toBeTruthy();
    const mail = toEnterprise()!;
    expect(mail.subject).toBe('请修改：模板测试方案（北京市）');
    expect(mail.text).toContain('意见：请补充用户数。');
    expect(mail.text).toContain(`链接：https://zx.example.cn/applications/${id}`);
    // another campaign still sends the default
    const other = await org.get(
      `/api/v1/notification-templates?campaignId=${(await newCampaign(org)).id}`,
    );
    expect(other.body.items.find((i: any) => i.kind === 'application.returned').source).toBe(
      'default',
    );

    const reset = await org.request('DELETE', url('application.returned', campaign.id));
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body).toMatchObject({ customized: false, source: 'default' });
    expect(reset.body.subject).toBe('【{{活动名称}}】申报书“{{解决方案名称}}”被退回修改');
    const [resetAudit] = (await auditRows('notification_template.reset')).slice(-1);
    expect(resetAudit!.target_id).toBe(audit!.target_id);
    expect(resetAudit!.summary.before.subject).toBe('请修改：{{解决方案名称}}（{{推荐单位}}）');
    // resetting a default is nothing to do, and writes nothing
    const n = (await auditRows('notification_template.reset')).length;
    expect((await org.request('DELETE', url('application.returned', campaign.id))).status).toBe(
      200,
    );
    expect(await auditRows('notification_template.reset')).toHaveLength(n);
  });

  it('a platform-wide template applies to campaigns without their own', async () => {
    const campaign = await newCampaign(org);
    const put = await org.request('PUT', url('batch.reopened'), {
      subject: '【平台】{{推荐单位}}报送已重新开放',
      body: '{{姓名}}：{{原因}}',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ customized: true, source: 'platform' });
    const list = await org.get(`/api/v1/notification-templates?campaignId=${campaign.id}`);
    expect(list.body.items.find((i: any) => i.kind === 'batch.reopened')).toMatchObject({
      customized: false,
      source: 'platform',
      subject: '【平台】{{推荐单位}}报送已重新开放',
    });
    await org.request('DELETE', url('batch.reopened'));
    const after = await org.get(`/api/v1/notification-templates?campaignId=${campaign.id}`);
    expect(after.body.items.find((i: any) => i.kind === 'batch.reopened').source).toBe('default');
  });

  it('previews the text sent, or the saved template, with sample values, as plain text', async () => {
    const campaign = await newCampaign(org);
    const sent = await org.post(url('application.returned', campaign.id, '/preview'), {
      subject: '{{活动名称}}：{{解决方案名称}}',
      body: '<b>{{姓名}}</b>\n{{退回意见}}',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.subject).toMatch(/^推荐台测试活动\d+：面向离散制造的设备健康管理APP解决方案$/);
    expect(sent.body.body).toBe('<b>张三</b>\n请补充APP部署与应用情况中的用户数。');
    const saved = await org.post(url('account.created', undefined, '/preview'), {});
    expect(saved.status).toBe(200);
    expect(saved.body.subject).toBe('征选平台账号已开通');
    expect(saved.body.body).toContain('zhangsan');
    const unknownCampaign = await org.post(
      url('application.returned', '00000000-0000-4000-8000-000000000000', '/preview'),
      {},
    );
    expect(unknownCampaign.status).toBe(404);
  });

  it('other roles may not read or change templates', async () => {
    const res = await w.beijing.request('PUT', url('batch.reopened'), {
      subject: 'x',
      body: 'y',
    });
    expect(res.status).toBe(403);
    expect((await w.bjEnterprise.get('/api/v1/notification-templates')).status).toBe(403);
    expect(
      await query(t, `select 1 from notification_templates where kind = 'batch.reopened'`),
    ).toHaveLength(0);
  });
});

describe('templates travel with the campaign', () => {
  it('a copy of a campaign has its templates', async () => {
    const source = await newCampaign(org);
    await org.request('PUT', url('reminder.online_deadline', source.id), {
      subject: '还有{{剩余天数}}天：{{解决方案名称}}',
      body: '{{姓名}}，{{截止时间}}截止。{{链接}}',
    });
    const copy = await org.post(`/api/v1/campaigns/${source.id}/copy`, {
      code: `tpl-copy-${Date.now().toString(36)}`,
      year: 2027,
      title: '模板复制测试活动',
      opensAt: '2027-10-01T00:00:00+08:00',
      onlineDeadline: '2027-12-31T23:59:59.999+08:00',
      paperDeadline: '2027-12-31T23:59:59.999+08:00',
    });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    const list = await org.get(`/api/v1/notification-templates?campaignId=${copy.body.id}`);
    expect(list.body.items.find((i: any) => i.kind === 'reminder.online_deadline')).toMatchObject({
      customized: true,
      source: 'campaign',
      subject: '还有{{剩余天数}}天：{{解决方案名称}}',
    });
    expect(list.body.items.filter((i: any) => i.customized)).toHaveLength(1);
  });

  it('export carries them; an import with an unknown variable is refused whole', async () => {
    const source = await newCampaign(org);
    await org.request('PUT', url('application.recommended', source.id), {
      subject: '已推荐：{{解决方案名称}}',
      body: '{{姓名}}，{{推荐单位}}已推荐。',
    });
    const exported = await org.get(`/api/v1/campaigns/${source.id}/config/export`);
    expect(exported.status).toBe(200);
    const doc = JSON.parse(exported.raw.body);
    expect(doc.notificationTemplates).toEqual([
      {
        kind: 'application.recommended',
        subject: '已推荐：{{解决方案名称}}',
        body: '{{姓名}}，{{推荐单位}}已推荐。',
      },
    ]);

    const badCode = `tpl-bad-${Date.now().toString(36)}`;
    const bad = await org.post('/api/v1/campaigns/import', {
      code: badCode,
      config: {
        ...doc,
        notificationTemplates: [{ ...doc.notificationTemplates[0], body: '{{奖金}}' }],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('INVALID_DECLARATION');
    expect(JSON.stringify(bad.body.error.details)).toContain('奖金');
    expect(await query(t, `select 1 from campaigns where code = '${badCode}'`)).toHaveLength(0);

    const code = `tpl-imp-${Date.now().toString(36)}`;
    const imported = await org.post('/api/v1/campaigns/import', { code, config: doc });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const list = await org.get(
      `/api/v1/notification-templates?campaignId=${imported.body.campaign.id}`,
    );
    expect(list.body.items.find((i: any) => i.kind === 'application.recommended')).toMatchObject({
      customized: true,
      subject: '已推荐：{{解决方案名称}}',
    });
  });
});

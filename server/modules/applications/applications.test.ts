// The application's life through the API: draft, stale saves, attachments, submit within the
// deadline, frozen numbered versions, withdraw and resubmit, print and verify.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makePng } from '../../../test/fixtures/files';
import { completeData, readyApplication, upload } from '../../../test/fixtures/applications';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  registration,
  signedIn,
  type TestApp,
} from '../../../test/harness';

let t: TestApp;
let enterprise: Client;
let demoCampaign: { id: string; onlineDeadline: string };

/** A complete, saved draft of the demo enterprise in the demo campaign. */
const readyDraft = () => readyApplication(enterprise, demoCampaign.id);

async function newApplication(c: Client = enterprise, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/applications', { campaignId: demoCampaign.id, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; draftVersion: number; channelUnitId: string };
}

async function save(c: Client, id: string, baseVersion: number, data: unknown) {
  return c.request('PUT', `/api/v1/applications/${id}/draft`, { baseVersion, data });
}

/** A complete, saved application with a certificate uploaded. */
beforeAll(async () => {
  t = await createTestApp();
  enterprise = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
  const campaigns = (await enterprise.get('/api/v1/campaigns')).body.items;
  demoCampaign = campaigns.find((c: { isDemo: boolean }) => c.isDemo);
});
afterAll(() => t.close());

describe('creating', () => {
  test("goes to the enterprise's region by default and starts from its registration", async () => {
    const app = await newApplication();
    const units = (
      await enterprise.get('/api/v1/recommender-units?q=' + encodeURIComponent('北京市'))
    ).body.items;
    expect(app.channelUnitId).toBe(units[0].id);
    const got = await enterprise.get(`/api/v1/applications/${app.id}`);
    expect(got.body.application.state).toBe('draft');
    expect(got.body.application.data.applicant.uscc).toBe(DEMO_ENTERPRISE_USCC);
  });

  test('another region is refused; a central enterprise group may be chosen', async () => {
    const units = (await enterprise.get('/api/v1/recommender-units')).body.items as {
      id: string;
      name: string;
    }[];
    const shanghai = units.find((u) => u.name === '上海市')!;
    const casic = units.find((u) => u.name === '中国航天科工集团有限公司')!;
    const refused = await enterprise.post('/api/v1/applications', {
      campaignId: demoCampaign.id,
      channelUnitId: shanghai.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('CHANNEL_NOT_ALLOWED');
    expect((await newApplication(enterprise, { channelUnitId: casic.id })).channelUnitId).toBe(
      casic.id,
    );
  });

  test('a closed campaign takes no new application', async () => {
    const res = await enterprise.post('/api/v1/applications', { campaignId: 'miit-iiapp-2021' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CAMPAIGN_NOT_OPEN');
  });

  test('only enterprises create, and each sees only its own', async () => {
    const org = await signedIn(t.app, 'organizer');
    expect((await org.post('/api/v1/applications', { campaignId: demoCampaign.id })).status).toBe(
      403,
    );
    const app = await newApplication();
    await new Client(t.app).post('/api/v1/enterprises', registration(7001));
    const other = await signedIn(t.app, registration(7001).uscc, 'Secret2021pass');
    expect((await other.get(`/api/v1/applications/${app.id}`)).status).toBe(403);
    expect((await save(other, app.id, 1, {})).status).toBe(403);
    expect((await other.get('/api/v1/applications')).body.items).toEqual([]);
  });
});

describe('saving drafts', () => {
  test('each save carries the version it edits; a stale save is refused and changes nothing', async () => {
    const app = await newApplication();
    const first = await save(enterprise, app.id, app.draftVersion, {
      solution: { name: '甲方案' },
    });
    expect(first.status).toBe(200);
    expect(first.body.draftVersion).toBe(app.draftVersion + 1);
    // a second tab still holds the old version
    const stale = await save(enterprise, app.id, app.draftVersion, {
      solution: { name: '乙方案' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('DRAFT_CONFLICT');
    expect(stale.body.error.message).toContain('未生效');
    const now = await enterprise.get(`/api/v1/applications/${app.id}`);
    expect(now.body.application.data.solution.name).toBe('甲方案');
    expect(now.body.application.draftVersion).toBe(first.body.draftVersion);
  });

  test('a save is checked again when the form or the enterprise changed since the last one', async () => {
    // each save is checked against what the last one was read with; the UPDATE applies only
    // while that still holds, so a change made elsewhere (another node, the organizer) is seen
    const app = await newApplication();
    const first = await save(enterprise, app.id, app.draftVersion, { solution: { name: '甲' } });
    expect(first.status).toBe(200);
    const enterpriseId = first.body.enterpriseId as string;
    const before = await t.deps.db.execute(
      sql`select name from enterprises where id = ${enterpriseId}`,
    );
    const oldName = (before as unknown as { rows: { name: string }[] }).rows[0]!.name;
    try {
      // the enterprise's registered name changes, and so does the call's configuration
      await t.deps.db.execute(
        sql`update enterprises set name = '更名后的企业有限公司' where id = ${enterpriseId}`,
      );
      await t.deps.db.execute(
        sql`update campaigns set config_revision = config_revision + 1 where id = ${demoCampaign.id}`,
      );
      const second = await save(enterprise, app.id, first.body.draftVersion, {
        solution: { name: '乙' },
        applicant: { name: '客户端写的名称' },
      });
      expect(second.status, JSON.stringify(second.body)).toBe(200);
      expect(second.body.draftVersion).toBe(first.body.draftVersion + 1);
      expect(second.body.data.applicant.name).toBe('更名后的企业有限公司');
      const stored = await enterprise.get(`/api/v1/applications/${app.id}`);
      expect(stored.body.application.data.applicant.name).toBe('更名后的企业有限公司');
      expect(stored.body.application.data.solution.name).toBe('乙');
      // and a stale version is still refused after the re-read, changing nothing
      const stale = await save(enterprise, app.id, first.body.draftVersion, {
        solution: { name: '丙' },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('DRAFT_CONFLICT');
      expect(stale.body.error.details.currentVersion).toBe(second.body.draftVersion);
      // another enterprise may not save it, however it was saved before
      await new Client(t.app).post('/api/v1/enterprises', registration(7002));
      const other = await signedIn(t.app, registration(7002).uscc, 'Secret2021pass');
      const foreign = await save(other, app.id, second.body.draftVersion, {});
      expect(foreign.status).toBe(403);
    } finally {
      await t.deps.db.execute(
        sql`update enterprises set name = ${oldName} where id = ${enterpriseId}`,
      );
    }
  });

  test('a draft may be incomplete and over the word limit; malformed fields are refused, field by field', async () => {
    const app = await newApplication();
    const long = await save(enterprise, app.id, app.draftVersion, {
      text: { practice: '字'.repeat(5200) },
    });
    expect(long.status).toBe(200);
    expect(long.body.wordCount).toBe(5200);
    const bad = await save(enterprise, app.id, long.body.draftVersion, {
      applicant: { phone: '123' },
      nonsense: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['applicant.phone']),
    );
    expect(
      (await enterprise.get(`/api/v1/applications/${app.id}`)).body.application.wordCount,
    ).toBe(5200);
  });
});

describe('attachments', () => {
  test('files are checked by content: a disguised or broken file is refused with the reason', async () => {
    const app = await newApplication();
    const png = await upload(enterprise, app.id, '架构图.png', makePng());
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ kind: 'image', mime: 'image/png', filename: '架构图.png' });
    const disguised = await upload(enterprise, app.id, '证书.pdf', makePng());
    expect(disguised.status).toBe(400);
    expect(disguised.body.error.code).toBe('FILE_REJECTED');
    expect(disguised.body.error.message).toMatch(/PNG/);
    const broken = await upload(enterprise, app.id, '截图.png', makePng().subarray(0, 40));
    expect(broken.status).toBe(400);
    const exe = await upload(
      enterprise,
      app.id,
      'setup.pdf',
      Buffer.from('MZ\x90\x00 this is not a pdf'),
    );
    expect(exe.status).toBe(400);
    const list = (await enterprise.get(`/api/v1/applications/${app.id}`)).body.attachments;
    expect(list).toHaveLength(1);
    const download = await enterprise.get(
      `/api/v1/applications/${app.id}/attachments/${png.body.id}`,
    );
    expect(download.status).toBe(200);
    expect(download.raw.rawPayload.equals(makePng())).toBe(true);
  });

  test('size limits per file and per application', async () => {
    const small = await createTestApp({
      demo: true,
      config: { maxFileBytes: 2000, maxApplicationFileBytes: 2500 },
    });
    try {
      const c = await signedIn(small.app, DEMO_ENTERPRISE_USCC);
      const campaign = (await c.get('/api/v1/campaigns')).body.items.find(
        (x: { isDemo: boolean }) => x.isDemo,
      );
      const app = (await c.post('/api/v1/applications', { campaignId: campaign.id })).body;
      const big = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.alloc(2100, 0x41),
        Buffer.from('\n%%EOF\n'),
      ]);
      expect((await upload(c, app.id, 'a.pdf', big)).status).toBe(413);
      expect((await upload(c, app.id, 'b.png', makePng(8, 8))).status).toBe(201);
      const size = makePng(8, 8).length;
      let n = 1;
      while ((n + 1) * size <= 2500) {
        expect((await upload(c, app.id, `c${n}.png`, makePng(8, 8))).status).toBe(201);
        n++;
      }
      const over = await upload(c, app.id, 'd.png', makePng(8, 8));
      expect(over.status).toBe(413);
      expect(over.body.error.message).toContain('合计');
    } finally {
      await small.close();
    }
  });
});

describe('submitting', () => {
  test('an incomplete application lists every problem at once', async () => {
    const app = await newApplication();
    const res = await enterprise.post(`/api/v1/applications/${app.id}/submit`, {
      draftVersion: app.draftVersion,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('APPLICATION_INCOMPLETE');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'solution.name',
        'solution.category',
        'apps.items',
        'text.theory',
        'declaration.truthful',
        'ip.certificates',
      ]),
    );
    expect((await enterprise.get(`/api/v1/applications/${app.id}`)).body.application.state).toBe(
      'draft',
    );
  });

  test("another application's file cannot be named as an attachment", async () => {
    const mine = await readyDraft();
    const theirs = await readyDraft();
    const saved = await save(
      enterprise,
      mine.id,
      mine.draftVersion,
      completeData(theirs.certificateId),
    );
    const res = await enterprise.post(`/api/v1/applications/${mine.id}/submit`, {
      draftVersion: saved.body.draftVersion,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('不属于本申报的附件');
  });

  test('over the word limit is refused with the total named', async () => {
    const ready = await readyDraft();
    const data = completeData(ready.certificateId);
    data.text.practice = '字'.repeat(4999);
    const saved = await save(enterprise, ready.id, ready.draftVersion, data);
    const res = await enterprise.post(`/api/v1/applications/${ready.id}/submit`, {
      draftVersion: saved.body.draftVersion,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toMatch(/正文合计\d+字，超过5000字/);
  });

  test('submit freezes version 1 and sends it to the recommender; withdraw and resubmit make version 2', async () => {
    const ready = await readyDraft();
    const beijing = await signedIn(t.app, 'beijing');
    const casic = await signedIn(t.app, 'casic');
    expect((await beijing.get(`/api/v1/applications/${ready.id}`)).status).toBe(403); // drafts are the enterprise's own
    const v1 = await enterprise.post(`/api/v1/applications/${ready.id}/submit`, {
      draftVersion: ready.draftVersion,
    });
    expect(v1.status, JSON.stringify(v1.body)).toBe(200);
    expect(v1.body.versionNo).toBe(1);
    expect(v1.body.verificationCode).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
    expect((await beijing.get(`/api/v1/applications/${ready.id}`)).status).toBe(200);
    expect((await casic.get(`/api/v1/applications/${ready.id}`)).status).toBe(403);
    // frozen: no edits, no uploads, no double submit
    expect((await save(enterprise, ready.id, ready.draftVersion, {})).status).toBe(409);
    expect((await upload(enterprise, ready.id, 'x.png', makePng())).status).toBe(409);
    expect(
      (
        await enterprise.post(`/api/v1/applications/${ready.id}/submit`, {
          draftVersion: ready.draftVersion,
        })
      ).body.error.code,
    ).toBe('WRONG_STATE');

    const withdrawn = await enterprise.post(`/api/v1/applications/${ready.id}/withdraw`);
    expect(withdrawn.body.state).toBe('draft');
    const edited = completeData(ready.certificateId);
    edited.solution.name = '基于5G的轴承质量在线检测APP（第二版）';
    const saved = await save(enterprise, ready.id, withdrawn.body.draftVersion, edited);
    const v2 = await enterprise.post(`/api/v1/applications/${ready.id}/submit`, {
      draftVersion: saved.body.draftVersion,
    });
    expect(v2.body.versionNo).toBe(2);
    expect(v2.body.verificationCode).not.toBe(v1.body.verificationCode);

    const detail = (await enterprise.get(`/api/v1/applications/${ready.id}`)).body;
    expect(detail.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    const rows = await t.database.db.execute(
      sql`select data->'solution'->>'name' as name from application_versions where application_id = ${ready.id} order by version_no`,
    );
    expect((rows as unknown as { rows: { name: string }[] }).rows.map((r) => r.name)).toEqual([
      '基于5G的轴承质量在线检测APP',
      '基于5G的轴承质量在线检测APP（第二版）',
    ]);
    await expect(
      t.database.db.execute(
        sql`update application_versions set version_no = 9 where application_id = ${ready.id}`,
      ),
    ).rejects.toThrow();

    // paper = online: both codes verify, only the newest is current
    const old = await new Client(t.app).get(
      `/api/v1/verify/${v1.body.verificationCode.toLowerCase().replace(/-/g, '')}`,
    );
    expect(old.body).toMatchObject({
      found: true,
      versionNo: 1,
      isCurrent: false,
      currentVersionNo: 2,
      enterpriseName: '北京示例智造科技有限公司',
    });
    const cur = await new Client(t.app).get(`/api/v1/verify/${v2.body.verificationCode}`);
    expect(cur.body).toMatchObject({
      found: true,
      versionNo: 2,
      isCurrent: true,
      channelName: '北京市',
    });
    expect((await new Client(t.app).get('/api/v1/verify/ABCD-EFGH-JKMN')).body.found).toBe(false);
    expect((await new Client(t.app).get('/api/v1/verify/nope')).status).toBe(400);

    const audit = await signedIn(t.app, 'organizer');
    const actions = (
      await audit.get(`/api/v1/audit-events?targetId=${ready.id}&limit=50`)
    ).body.items.map((r: { action: string }) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'application.create',
        'application.attachment_upload',
        'application.submit',
        'application.withdraw',
      ]),
    );
  });

  test('after the deadline nothing is submitted', async () => {
    const ready = await readyDraft();
    t.clock.set(new Date(new Date(demoCampaign.onlineDeadline).getTime() + 1).toISOString());
    try {
      const late = await signedIn(t.app, DEMO_ENTERPRISE_USCC); // the old session has expired meanwhile
      const res = await late.post(`/api/v1/applications/${ready.id}/submit`, {
        draftVersion: ready.draftVersion,
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('DEADLINE_PASSED');
      expect((await late.get(`/api/v1/applications/${ready.id}`)).body.application.state).toBe(
        'draft',
      );
    } finally {
      t.clock.set('2026-11-01T09:00:00+08:00');
    }
  });

  test('the printed form: PDF and DOCX of a frozen version, with its code', async () => {
    const ready = await readyDraft();
    const v = (
      await enterprise.post(`/api/v1/applications/${ready.id}/submit`, {
        draftVersion: ready.draftVersion,
      })
    ).body;
    const pdf = await enterprise.get(`/api/v1/applications/${ready.id}/versions/1/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // the frozen version is rendered once and kept: the same bytes again
    const again = await enterprise.get(`/api/v1/applications/${ready.id}/versions/1/pdf`);
    expect(again.raw.rawPayload.equals(pdf.raw.rawPayload)).toBe(true);
    const docx = await enterprise.get(`/api/v1/applications/${ready.id}/versions/1/docx`);
    expect(docx.status).toBe(200);
    expect(docx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await enterprise.get(`/api/v1/applications/${ready.id}/versions/2/pdf`)).status).toBe(
      404,
    );
    expect(v.verificationCode).toBeTruthy();
  });
});

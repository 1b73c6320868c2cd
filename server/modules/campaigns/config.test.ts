// 活动管理 over the API: next year's call set up by an organizer with a 申报书 whose every key
// differs from 2021's and another 附件3, then filed, printed, recommended and summarised — every
// reader shows the facts of the new form.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readZip } from '../../../test/fixtures/files';
import { ExcelJS, cellText } from '../../lib/xlsx';
import {
  Client,
  DEMO_ENTERPRISE_USCC,
  countRows,
  createTestApp,
  query,
  signedIn,
  type TestApp,
} from '../../../test/harness';
import {
  RENAMED_FORM,
  RENAMED_SUMMARY_TABLE,
  renamedFormData,
} from '../../../test/fixtures/renamed-form';

let t: TestApp;
let organizer: Client;
let enterprise: Client;
let beijing: Client;
beforeAll(async () => {
  t = await createTestApp(); // the clock stands at 2026-11-01 09:00 Beijing time
  organizer = await signedIn(t.app, 'organizer');
  enterprise = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
  beijing = await signedIn(t.app, 'beijing');
});
afterAll(() => t.close());

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const CODE = 'iiapp-2027';
const fields = {
  year: 2027,
  title: '2027年工业互联网平台应用解决方案征集',
  docNumber: '工信厅信发函〔2027〕8号',
  opensAt: '2026-10-01T00:00:00+08:00',
  onlineDeadline: '2026-12-31T23:59:59.999+08:00',
  paperDeadline: '2026-12-31T23:59:59.999+08:00',
};

let revision = 0;
let appId = '';

describe('a next-year campaign configured through the API', () => {
  test('the organizer creates it from the 2021 template: 2021 forms and settings, next year’s 附件3 title', async () => {
    const res = await organizer.post('/api/v1/campaigns', {
      from: { kind: 'template', id: 'miit-iiapp-2021' },
      code: CODE,
      ...fields,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.campaign).toMatchObject({ code: CODE, year: 2027, phase: 'open' });
    expect(res.body.campaign.settings.summaryTable.title).toBe(
      '2027年工业互联网APP应用解决方案报送信息汇总表',
    );
    expect(res.body.forms.application.title).toBe('工业互联网APP优秀解决方案申报书');
    expect(res.body.lock).toEqual({
      formsLocked: false,
      followUpLocked: false,
      followUpReason: null,
      applications: 0,
      submitted: 0,
      reason: null,
      reviewLocked: false,
      reviewReason: null,
    });
    expect(res.body.forms.followUp.title).toBe('工业互联网APP统计信息表');
    revision = res.body.revision;

    const templates = await organizer.get('/api/v1/campaign-templates');
    expect(templates.body.items.map((x: { id: string }) => x.id)).toContain('miit-iiapp-2021');
  });

  test('an invalid form is refused with Chinese messages at their paths, and nothing changes', async () => {
    const bad = clone(RENAMED_FORM);
    bad.sections[0]!.fields[1]!.key = 'mingcheng'; // twice in 壹
    bad.sections[4]!.fields = []; // empty section
    (bad.sections[3]!.fields[0] as { type: string }).type = 'richtext';
    bad.facts!.uscc = 'zhuti.quancheng'; // not a 统一社会信用代码 field
    const res = await organizer.request('PUT', `/api/v1/campaigns/${CODE}/config`, {
      baseRevision: revision,
      forms: { application: bad },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_DECLARATION');
    const byPath = Object.fromEntries(
      res.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(byPath['forms.application.sections.0.fields.1.key']).toMatch(
      /^第1节“壹、方案基本情况”的第2个字段.*字段代码“mingcheng”在本节中重复$/,
    );
    expect(byPath['forms.application.sections.4.fields']).toContain('章节不能为空');
    expect(byPath['forms.application.sections.3.fields.0.type']).toContain(
      '未知的字段类型“richtext”',
    );
    const after = await organizer.get(`/api/v1/campaigns/${CODE}/config`);
    expect(after.body.revision).toBe(revision);
    expect(after.body.forms.application.id).toBe('miit-iiapp-2021');
  });

  test('only an organizer changes it, and only over the revision it loaded', async () => {
    const body = { baseRevision: revision, fields: { ...fields, title: '被拒绝的修改' } };
    for (const c of [enterprise, beijing])
      expect((await c.request('PUT', `/api/v1/campaigns/${CODE}/config`, body)).status).toBe(403);
    expect((await new Client(t.app).get(`/api/v1/campaigns/${CODE}/config`)).status).toBe(401);
    const stale = await organizer.request('PUT', `/api/v1/campaigns/${CODE}/config`, {
      ...body,
      baseRevision: revision - 1 || 99,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFIG_CONFLICT');
    expect((await organizer.get(`/api/v1/campaigns/${CODE}`)).body.title).toBe(fields.title);
  });

  test('the organizer replaces the form and 附件3: a new revision, audited', async () => {
    const current = (await organizer.get(`/api/v1/campaigns/${CODE}/config`)).body;
    const res = await organizer.request('PUT', `/api/v1/campaigns/${CODE}/config`, {
      baseRevision: revision,
      settings: { ...current.campaign.settings, summaryTable: RENAMED_SUMMARY_TABLE },
      forms: { application: RENAMED_FORM },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.revision).toBe(revision + 1);
    expect(res.body.forms.application).toEqual(RENAMED_FORM);
    expect(res.body.campaign.settings.summaryTable).toEqual(RENAMED_SUMMARY_TABLE);
    revision = res.body.revision;
    const form = await enterprise.get(`/api/v1/campaigns/${CODE}/form`);
    expect(form.body.form).toEqual(RENAMED_FORM);
    const [audit] = await query<{ summary: any }>(
      t,
      `select summary from audit_log where action = 'campaign.update' and target_id = '${res.body.campaign.id}'`,
    );
    expect(audit!.summary.after).toMatchObject({
      revision,
      forms: { application: expect.any(String) },
    });
  });

  test('an enterprise files on it: prefilled under the new keys, saved, submitted', async () => {
    const created = await enterprise.post('/api/v1/applications', { campaignId: CODE });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    appId = created.body.id;
    expect(created.body.data).toMatchObject({
      zhuti: {
        quancheng: '北京示例智造科技有限公司',
        daima: DEMO_ENTERPRISE_USCC,
        diqu: expect.any(String),
      },
    });
    expect(created.body.data.applicant).toBeUndefined();

    // a 2021 key is unknown here
    const wrong = await enterprise.request('PUT', `/api/v1/applications/${appId}/draft`, {
      baseVersion: created.body.draftVersion,
      data: { solution: { name: 'x' } },
    });
    expect(wrong.status).toBe(400);

    const data = renamedFormData({
      name: '冲压模具智能运维解决方案',
      applicant: '北京示例智造科技有限公司',
      uscc: DEMO_ENTERPRISE_USCC,
    });
    const saved = await enterprise.request('PUT', `/api/v1/applications/${appId}/draft`, {
      baseVersion: created.body.draftVersion,
      data,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ solutionName: '冲压模具智能运维解决方案', wordCount: 64 });
    const sub = await enterprise.post(`/api/v1/applications/${appId}/submit`, {
      draftVersion: saved.body.draftVersion,
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    const [row] = await query<{ facts: any }>(
      t,
      `select facts from applications where id = '${appId}'`,
    );
    expect(row!.facts).toMatchObject({
      solutionName: '冲压模具智能运维解决方案',
      category: 'industry_general',
      uscc: DEMO_ENTERPRISE_USCC,
      appCount: 2,
      apps: [
        { name: '模具寿命预测APP', version: 'V2.1', deployment: '私有云', users: 40 },
        { name: '冲压节拍优化APP' },
      ],
    });
  });

  test('once an application is submitted the form is locked; settings still change', async () => {
    const changed = clone(RENAMED_FORM);
    changed.sections[0]!.fields[0]!.label = '方案全称';
    const res = await organizer.request('PUT', `/api/v1/campaigns/${CODE}/config`, {
      baseRevision: revision,
      forms: { application: changed },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('FORM_LOCKED');
    expect(res.body.error.message).toContain('已有1份申报书提交');
    const config = (await organizer.get(`/api/v1/campaigns/${CODE}/config`)).body;
    expect(config.lock).toMatchObject({ formsLocked: true, submitted: 1 });
    expect(config.revision).toBe(revision);

    const later = await organizer.request('PUT', `/api/v1/campaigns/${CODE}/config`, {
      baseRevision: revision,
      fields: { ...fields, paperDeadline: '2027-01-10T23:59:59.999+08:00' },
    });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    revision = later.body.revision;
  });

  test('工作日: the campaign keeps its own holiday notice of a year newer than the release; a bad one is refused at its path', async () => {
    const config = (await organizer.get(`/api/v1/campaigns/${CODE}/config`)).body;
    const y2027 = {
      year: 2027,
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      issuedOn: '2026-11-10',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      workdays: ['2027-01-01'],
    };
    const bad = await organizer.request('PUT', `/api/v1/campaigns/${CODE}/config`, {
      baseRevision: revision,
      settings: { ...config.campaign.settings, holidayNotices: [y2027] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('2027-01-01 既是放假日又是调休上班日');
    expect((await organizer.get(`/api/v1/campaigns/${CODE}/config`)).body.revision).toBe(revision);

    const ok = await organizer.request('PUT', `/api/v1/campaigns/${CODE}/config`, {
      baseRevision: revision,
      settings: { ...config.campaign.settings, holidayNotices: [{ ...y2027, workdays: [] }] },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    revision = ok.body.revision;
    const after = (await organizer.get(`/api/v1/campaigns/${CODE}/config`)).body;
    expect(after.campaign.settings.holidayNotices).toEqual([{ ...y2027, workdays: [] }]);
  });

  test('the recommender’s inbox, desk and 附件3 show the new form’s facts and columns', async () => {
    const inbox = await beijing.get(`/api/v1/inbox?campaignId=${CODE}&category=industry_general`);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        id: appId,
        solutionName: '冲压模具智能运维解决方案',
        category: 'industry_general',
      }),
    ]);
    const none = await beijing.get(`/api/v1/inbox?campaignId=${CODE}&category=basic_common`);
    expect(none.body.items).toEqual([]);

    const rec = await beijing.post(`/api/v1/applications/${appId}/recommend`, { rank: 1 });
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    const unitId = (await beijing.get('/api/v1/me')).body.recommenderUnit.id;
    const base = `/api/v1/campaigns/${CODE}/units/${unitId}/batch`;
    const batch = await beijing.get(base);
    expect(batch.body.rows).toEqual([
      expect.objectContaining({
        solutionName: '冲压模具智能运维解决方案',
        applicantName: '北京示例智造科技有限公司',
        appCount: 2,
        cells: [
          1,
          '冲压模具智能运维解决方案',
          '北京示例智造科技有限公司',
          '模具寿命预测APP、冲压节拍优化APP',
          64,
          'lisi@example.cn',
        ],
      }),
    ]);

    const xlsx = await beijing.get(`${base}/summary-table.xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const row = (n: number) =>
      (ws.getRow(n).values as unknown[]).slice(1).map((v) => cellText(v as never));
    expect(row(1)[0]).toBe('2027年工业互联网平台应用解决方案推荐汇总表');
    expect(row(3)).toEqual(RENAMED_SUMMARY_TABLE.columns.map((c) => c.header));
    expect(row(4)).toEqual([
      '1',
      '冲压模具智能运维解决方案',
      '北京示例智造科技有限公司',
      '模具寿命预测APP、冲压节拍优化APP',
      '64',
      'lisi@example.cn',
    ]);
  });

  test('the progress page counts it under 北京市', async () => {
    const res = await organizer.get(`/api/v1/campaigns/${CODE}/progress`);
    expect(res.status).toBe(200);
    const bj = res.body.items.find((u: { unitName: string }) => u.unitName === '北京市');
    expect(bj).toMatchObject({ received: 1, recommended: 1 });
  });

  test('the duplicate check compares the new form’s word-counted text', async () => {
    const res = await enterprise.get(`/api/v1/applications/${appId}/findings`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.text).toBe(
      [
        '冲压模具磨损难以预知，停机损失大。',
        '采集压力机振动与电流，训练寿命模型，部署于边缘网关。',
        '非计划停机减少三成，可推广到同类冲压企业。',
      ].join('\n'),
    );
  });

  const hasPoppler = !spawnSync('pdftotext', ['-v']).error;
  test.skipIf(!hasPoppler)('the printed PDF and DOCX carry the new title and labels', async () => {
    const pdf = await enterprise.get(`/api/v1/applications/${appId}/versions/1/pdf`);
    expect(pdf.status).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), 'zx-cfg-'));
    writeFileSync(path.join(dir, 'a.pdf'), pdf.raw.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', 'a.pdf', '-'], {
      cwd: dir,
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    for (const s of [
      '2027年工业互联网平台应用解决方案申报书',
      '壹、方案基本情况',
      '应用场景',
      '成立年份',
      'APP一览表',
      '模具寿命预测APP',
      '冲压模具智能运维解决方案',
    ])
      expect(text, s).toContain(s);
    expect(text).not.toContain('工业互联网APP优秀解决方案申报书');

    const docx = await enterprise.get(`/api/v1/applications/${appId}/versions/1/docx`);
    expect(docx.status).toBe(200);
    const xml = readZip(docx.raw.rawPayload)
      .get('word/document.xml')!
      .toString('utf8')
      .replace(/<[^>]+>/g, '');
    for (const s of [
      '2027年工业互联网平台应用解决方案申报书',
      '贰、申报主体',
      '成立年份',
      '联络邮箱',
    ])
      expect(xml, s).toContain(s);
  });
});

describe('export and import of a configuration', () => {
  test('export → import under a new code gives an equal configuration and a working campaign', async () => {
    const exported = await organizer.get(`/api/v1/campaigns/${CODE}/config/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain(`${CODE}.json`);
    expect(exported.body).toMatchObject({ format: 'zhengxuan.campaign-config', formatVersion: 1 });

    const imported = await organizer.post('/api/v1/campaigns/import', {
      config: exported.body,
      code: 'iiapp-2027-sh',
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const a = (await organizer.get(`/api/v1/campaigns/${CODE}/config`)).body;
    const b = imported.body;
    expect(b.forms).toEqual(a.forms);
    expect(b.campaign.settings).toEqual(a.campaign.settings);
    const strip = ({ id: _i, code: _c, copiedFromId: _f, ...rest }: Record<string, unknown>) =>
      rest;
    expect(strip(b.campaign)).toEqual(strip(a.campaign));
    expect(b.lock).toMatchObject({ formsLocked: false, applications: 0 });

    // and it works: an enterprise files on it with the same data
    const created = await enterprise.post('/api/v1/applications', { campaignId: 'iiapp-2027-sh' });
    expect(created.status).toBe(201);
    const saved = await enterprise.request('PUT', `/api/v1/applications/${created.body.id}/draft`, {
      baseVersion: created.body.draftVersion,
      data: renamedFormData({
        name: '另一方案',
        applicant: '北京示例智造科技有限公司',
        uscc: DEMO_ENTERPRISE_USCC,
      }),
    });
    expect(saved.status).toBe(200);
    const sub = await enterprise.post(`/api/v1/applications/${created.body.id}/submit`, {
      draftVersion: saved.body.draftVersion,
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  });

  test('a broken document is refused whole: nothing is created', async () => {
    const exported = (await organizer.get(`/api/v1/campaigns/${CODE}/config/export`)).body;
    const before = await countRows(t, 'campaigns');
    const broken = clone(exported);
    broken.forms.application.facts.solutionName = 'fangan.nope';
    const res = await organizer.post('/api/v1/campaigns/import', {
      config: broken,
      code: 'iiapp-2027-bad',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({
      path: 'forms.application.facts.solutionName',
      message: '“解决方案名称”指向的字段 fangan.nope 不存在',
    });
    const notConfig = await organizer.post('/api/v1/campaigns/import', {
      config: { hello: 1 },
      code: 'iiapp-2027-bad',
    });
    expect(notConfig.status).toBe(422);
    expect(notConfig.body.error.details[0].message).toBe('不是征选活动配置文件');
    const taken = await organizer.post('/api/v1/campaigns/import', {
      config: exported,
      code: CODE,
    });
    expect(taken.status).toBe(409);
    expect(await countRows(t, 'campaigns')).toBe(before);
  });
});

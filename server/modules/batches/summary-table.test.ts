// 附件3 报送信息汇总表: every cell of the XLSX read back, the PDF's text, drawn from the frozen
// versions in rank order; dated in Asia/Shanghai.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExcelJS, readFirstSheet, XLSX_MIME } from '../../lib/xlsx';
import { createTestApp, query, signedIn, type TestApp } from '../../../test/harness';
import {
  batchUrl,
  deskWorld,
  filed,
  newCampaign,
  recommend,
  uploadScan,
  type DeskWorld,
} from '../../../test/fixtures/desk';
import { regionLabel, shanghaiDateLabel } from './summary-table';

let t: TestApp;
let w: DeskWorld;
let campaign: { id: string; year: number };
let dir: string;
const expected: string[][] = [];

const HEADER = [
  '序号（推荐排序）',
  '解决方案名称',
  '类别',
  '申报单位',
  '统一社会信用代码',
  '所在地区',
  '所属行业',
  'APP数量',
  '依托平台',
  '联系人',
  '联系电话',
];

// the applicant is always the filing account itself (its name as registered by deskWorld)
const APPLICANT = '测试企业7300号科技有限公司';

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await deskWorld(t, 7300);
  dir = mkdtempSync(path.join(tmpdir(), 'zx-summary-'));
  campaign = await newCampaign(w.org);
  const second = await filed(w.bjEnterprise, campaign.id, {
    uscc: w.bjUscc,
    name: '轴承缺陷在线检测APP',
    category: 'basic_common',
    region: '110100',
    industries: ['3451'],
    platform: '示例工业互联网平台',
    contactName: '张示例',
    phone: '13800000000',
  });
  const first = await filed(w.bjEnterprise, campaign.id, {
    uscc: w.bjUscc,
    name: '工业软件远程运维APP',
    category: 'industry_general',
    focusAreas: ['机械制造'],
    region: '320500',
    industries: ['6513', '3911'],
    apps: 3,
    platform: '航天云网INDICS',
    contactName: '李四',
    phone: '010-12345678',
  });
  await filed(w.bjEnterprise, campaign.id, { uscc: w.bjUscc, name: '尚未推荐的方案' });
  expect((await recommend(w.beijing, second, 1)).status).toBe(200);
  expect((await recommend(w.beijing, first, 1)).status).toBe(200);
  // the working copy may differ from what was submitted: the table shows the frozen version
  await query(
    t,
    `update applications set data = jsonb_set(data, '{solution,name}', '"未提交的改动"') where id = '${first}'`,
  );
  expected.push(
    [
      '1',
      '工业软件远程运维APP',
      '行业通用工业APP',
      APPLICANT,
      w.bjUscc,
      '江苏省苏州市',
      '应用软件开发、计算机整机制造',
      '3',
      '航天云网INDICS',
      '李四',
      '010-12345678',
    ],
    [
      '2',
      '轴承缺陷在线检测APP',
      '基础共性工业APP',
      APPLICANT,
      w.bjUscc,
      '北京市',
      '滚动轴承制造',
      '2',
      '示例工业互联网平台',
      '张示例',
      '13800000000',
    ],
  );
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const url = (format: 'xlsx' | 'pdf') =>
  `${batchUrl(campaign.id, w.beijingUnit)}/summary-table.${format}`;

describe('附件3 as XLSX', () => {
  test('title, unit, date, header and one row per recommended application in rank order', async () => {
    for (const who of [w.beijing, w.org]) {
      const res = await who.get(url('xlsx'));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_MIME);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent('附件3-报送信息汇总表-北京市.xlsx')}`,
      );
      const rows = await readFirstSheet(res.raw.rawPayload);
      expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3, 4, 5]);
      expect(rows[0]!.cells[0]).toBe('2026年工业互联网APP应用解决方案报送信息汇总表');
      expect(rows[1]!.cells[0]).toBe('推荐单位（盖章）：北京市');
      expect(rows[1]!.cells[6]).toBe('日期：2026年11月1日');
      expect(rows[2]!.cells).toEqual(HEADER);
      expect(rows.slice(3).map((r) => r.cells)).toEqual(expected);
    }
  });

  test('prints on landscape A4 with the header on every page, every cell ruled', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await w.beijing.get(url('xlsx'))).raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '3:3',
    });
    for (let row = 3; row <= 5; row++) {
      for (let col = 1; col <= HEADER.length; col++) {
        const b = ws.getCell(row, col).border;
        expect([b?.top?.style, b?.bottom?.style, b?.left?.style, b?.right?.style]).toEqual(
          Array(4).fill('thin'),
        );
      }
    }
    expect(ws.getColumn(2).width).toBeGreaterThan(ws.getColumn(1).width!);
  });

  test('the JSON rows say the same as the table', async () => {
    const batch = (await w.beijing.get(batchUrl(campaign.id, w.beijingUnit))).body;
    expect(
      batch.rows.map((r: Record<string, unknown>) => [
        String(r.rank),
        r.solutionName,
        r.category,
        r.applicantName,
        r.uscc,
        r.region,
        r.industry,
        String(r.appCount),
        r.platform,
        r.contactName,
        r.phone,
      ]),
    ).toEqual(expected);
  });

  test('an empty desk gives the header alone', async () => {
    const empty = await newCampaign(w.org);
    const res = await w.beijing.get(`${batchUrl(empty.id, w.beijingUnit)}/summary-table.xlsx`);
    const rows = await readFirstSheet(res.raw.rawPayload);
    expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3]);
    expect(rows[2]!.cells).toEqual(HEADER);
  });
});

const hasPoppler = !spawnSync('pdftotext', ['-v']).error;

describe.skipIf(!hasPoppler)('附件3 as PDF', () => {
  test('a landscape A4 PDF with the unit, the date and every solution', async () => {
    const res = await w.beijing.get(url('pdf'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('附件3-报送信息汇总表-北京市.pdf'),
    );
    const pdf = res.raw.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(dir, 'summary.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    expect(text).toContain('2026年工业互联网APP应用解决方案报送信息汇总表');
    expect(text).toContain('推荐单位（盖章）：北京市');
    expect(text).toContain('日期：2026年11月1日');
    for (const row of expected) expect(text).toContain(row[1]!);
    expect(text).toContain('江苏省苏州市');
    expect(text).not.toContain('尚未推荐的方案');
    expect(text.indexOf('工业软件远程运维APP')).toBeLessThan(text.indexOf('轴承缺陷在线检测APP'));
  });
});

describe('the date', () => {
  test('is the day of the sign-off once signed off', async () => {
    expect((await uploadScan(w.beijing, campaign.id, w.beijingUnit)).status).toBe(200);
    expect(
      (await w.beijing.post(`${batchUrl(campaign.id, w.beijingUnit)}/sign-off`, {})).status,
    ).toBe(200);
    const now = t.clock.now().toISOString();
    t.clock.advance(3 * 86_400_000);
    try {
      const org = await signedIn(t.app, 'organizer');
      const rows = await readFirstSheet((await org.get(url('xlsx'))).raw.rawPayload);
      expect(rows[1]!.cells[6]).toBe('日期：2026年11月1日');
      expect(rows.slice(3).map((r) => r.cells)).toEqual(expected); // forwarded, still listed
    } finally {
      t.clock.set(now);
    }
  });

  test('is the calendar day in Asia/Shanghai', () => {
    expect(shanghaiDateLabel(new Date('2026-11-02T00:30:00+08:00'))).toBe('2026年11月2日');
    expect(shanghaiDateLabel(new Date('2021-10-20T23:59:59.999+08:00'))).toBe('2021年10月20日');
  });
});

test('a region is named with its province, once for a municipality', () => {
  const names = { '320000': '江苏省', '320500': '苏州市', '110000': '北京市', '110100': '北京市' };
  expect(regionLabel('320500', names)).toBe('江苏省苏州市');
  expect(regionLabel('320000', names)).toBe('江苏省');
  expect(regionLabel('110100', names)).toBe('北京市');
  expect(regionLabel('999999', names)).toBe('999999');
});

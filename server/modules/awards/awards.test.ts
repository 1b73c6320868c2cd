// 往届获奖名单: import all or nothing with a row-by-row report, by content (XLSX or UTF-8 CSV),
// and the organizer's list.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  countRows,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  makeUscc,
  signedIn,
  type Client,
  type TestApp,
} from '../../../test/harness';
import { csvOf, HEADER_ZH, importFile, xlsxOf } from '../../../test/fixtures/award-imports';

const FAILING_CHECK = '91350203M0001QAY9B'; // /work/shared/data/uscc-samples.csv
const DEMO_AWARD = '基于工业互联网平台的数控机床预测性维护APP'; // seeded, 2020, 北京市

let t: TestApp;
let org: Client;

async function importAuditRows() {
  const res = await org.get('/api/v1/audit-events?action=award.import');
  return res.body.items as { summary: { after: Record<string, unknown> } }[];
}

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  org = await signedIn(t.app, 'organizer');
});
afterAll(() => t.close());

describe('a refused import', () => {
  test('every bad row is named with its row and column; nothing is written', async () => {
    const good = [2019, 'A方案', '甲公司', makeUscc(6001), '行业通用工业APP', '北京市', ''];
    const file = csvOf([
      HEADER_ZH,
      good, // 2
      [2015, 'B方案', '甲公司', makeUscc(6001), '行业通用工业APP', '北京市', ''],
      [2019, '', '甲公司', makeUscc(6001), '行业通用工业APP', '北京市', ''],
      [2019, 'C方案', '甲公司', makeUscc(6002).slice(0, 17), '行业通用工业APP', '北京市', ''], // 5
      [2019, 'D方案', '乙公司', FAILING_CHECK, '行业通用工业APP', '北京市', ''],
      [2019, 'E方案', '甲公司', makeUscc(6001), '行业通用工业APP', '北京', ''],
      good, // 8
      [], // 9: a blank line, skipped, yet a row as a spreadsheet shows it
      [2019, 'F方案', '甲公司', makeUscc(6001), '类'.repeat(61), '北京市', ''], // 10
      [
        2020,
        DEMO_AWARD,
        '北京示例智造科技有限公司',
        DEMO_ENTERPRISE_USCC,
        '行业通用工业APP',
        '北京市',
        '',
      ],
      [2030, 'G方案', '甲公司', makeUscc(6001), '行业通用工业APP', '北京市', ''], // 12
      [2020, 'H方案', '', makeUscc(6003), '', '  上海市\u3000', ''],
    ]);
    const awardsBefore = await countRows(t, 'awards');
    const auditBefore = (await importAuditRows()).length;
    const res = await importFile(org, 'bad.csv', file);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_REJECTED');
    expect(res.body.error.message).toContain('10行不符合要求');
    expect(res.body.error.details.total).toBe(11);
    expect(res.body.error.details.problems).toEqual([
      { row: 3, column: '年份', message: '年份应为2017至2026之间的四位整数，当前为“2015”' },
      { row: 4, column: '解决方案名称', message: '请填写解决方案名称' },
      { row: 5, column: '统一社会信用代码', message: '统一社会信用代码应为18位，当前为17位' },
      {
        row: 6,
        column: '统一社会信用代码',
        // the organizer is never told to contact the organizer
        message: expect.stringMatching(
          /^统一社会信用代码校验位错误(?!.*联系主管部门).*请在“备注”列写明核实依据/,
        ),
      },
      { row: 7, column: '推荐单位', message: expect.stringContaining('推荐单位“北京”不存在') },
      {
        row: 8,
        column: '解决方案名称',
        message: '与第2行重复（年份、统一社会信用代码、解决方案名称均相同）',
      },
      { row: 10, column: '类别', message: '类别最多60字（当前61字）' },
      {
        row: 11,
        column: '解决方案名称',
        message: expect.stringContaining('已在往届获奖名单中（2020年'),
      },
      { row: 12, column: '年份', message: '年份应为2017至2026之间的四位整数，当前为“2030”' },
      { row: 13, column: '企业名称', message: '请填写企业名称' },
      { row: 13, column: '类别', message: '请填写类别' },
    ]);
    expect(await countRows(t, 'awards')).toBe(awardsBefore);
    expect((await importAuditRows()).length).toBe(auditBefore);
  });

  test('XLSX: rows as the sheet numbers them, columns as the header names them', async () => {
    const file = await xlsxOf([
      ['year', 'solution', 'enterprise', 'uscc', 'category', 'recommender'],
      [2019, '方案甲', '甲公司', makeUscc(6011), '基础共性工业APP', '北京市'],
      null,
      ['2019年度', '方案乙', '甲公司', '9.13502E+17', '基础共性工业APP', '北京市'],
    ]);
    const res = await importFile(org, 'bad.xlsx', file);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({
      total: 2,
      problems: [
        {
          row: 4,
          column: 'year',
          message: '年份应为2017至2026之间的四位整数，当前为“2019年度”',
        },
        { row: 4, column: 'uscc', message: expect.stringContaining('被表格存成了数字') },
      ],
    });
  });

  test('a missing required column is a problem of row 1', async () => {
    const res = await importFile(
      org,
      'no-unit.csv',
      csvOf([
        ['年份', '解决方案名称', '企业名称', '统一社会信用代码', '类别'],
        [2019, '方案', '甲公司', makeUscc(6021), '基础共性工业APP'],
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({
      total: 1,
      problems: [
        {
          row: 1,
          column: '推荐单位',
          message: '表头（第1行）缺少必填列“推荐单位”（或英文列名 recommender）',
        },
      ],
    });
  });

  test('files that are not a UTF-8 CSV or an XLSX are refused with a way out', async () => {
    // “年份” in GBK, as Excel's plain “CSV（逗号分隔）” writes it on a Chinese Windows
    const gbk = Buffer.concat([
      Buffer.from([0xc4, 0xea, 0xb7, 0xdd]),
      Buffer.from(',solution,enterprise,uscc,category,recommender\r\n'),
    ]);
    const res = await importFile(org, 'gbk.csv', gbk);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('FILE_REJECTED');
    expect(res.body.error.message).toMatch(/GBK.*CSV UTF-8.*xlsx/);

    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const legacy = await importFile(org, 'old.xls', xls);
    expect(legacy.body.error).toMatchObject({ code: 'FILE_REJECTED' });
    expect(legacy.body.error.message).toContain('.xls');

    const rows = Array.from({ length: 5001 }, (_, i) => [
      2019,
      `方案${i}`,
      '甲公司',
      makeUscc(6030),
      '基础共性工业APP',
      '北京市',
      '',
    ]);
    const many = await importFile(org, 'many.csv', csvOf([HEADER_ZH, ...rows]));
    expect(many.status).toBe(400);
    expect(many.body.error.message).toContain('一次最多导入5000行，本文件有5001行');

    const onlyHeader = await importFile(org, 'empty.csv', csvOf([HEADER_ZH, ['', '', '']]));
    expect(onlyHeader.body.error.code).toBe('FILE_REJECTED');
  });

  test('only organizers import', async () => {
    const file = csvOf([HEADER_ZH]);
    const beijing = await signedIn(t.app, 'beijing');
    expect((await importFile(beijing, 'a.csv', file)).status).toBe(403);
    expect(
      (await importFile(await signedIn(t.app, DEMO_ENTERPRISE_USCC), 'a.csv', file)).status,
    ).toBe(403);
  });
});

describe('a good import', () => {
  test('XLSX, told by its content whatever its name: English headers in any order, extra columns, an accepted check digit with its reason', async () => {
    const casic = await signedIn(t.app, 'casic');
    const casicUnit = (await casic.get('/api/v1/me')).body.recommenderUnit.id;
    const bytes = await xlsxOf([
      ['序号', 'uscc', 'Year', 'solution', 'enterprise', 'category', 'recommender', 'note'],
      [
        1,
        makeUscc(6101),
        2019,
        'XLSX方案一',
        '乙公司',
        '基础共性工业APP',
        '中国航天科工集团有限公司',
        '',
      ],
      null,
      [
        2,
        FAILING_CHECK,
        2020,
        'XLSX方案二',
        '厦门某公司',
        '企业专用工业APP',
        '北京市',
        '营业执照原件已核对',
      ],
      [
        3,
        makeUscc(6102).toLowerCase(),
        2020,
        'XLSX方案三',
        '丙公司',
        '安全可靠工业APP',
        '上海市',
        '',
      ],
    ]);
    const res = await importFile(org, 'list.csv', bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 3, total: 3 });

    const list = (await org.get(`/api/v1/awards?q=${encodeURIComponent('XLSX方案')}`)).body;
    expect(list.total).toBe(3);
    const byName = Object.fromEntries(
      list.items.map((a: { solutionName: string }) => [a.solutionName, a]),
    );
    expect(byName['XLSX方案一']).toMatchObject({
      year: 2019,
      enterpriseName: '乙公司',
      uscc: makeUscc(6101),
      category: '基础共性工业APP',
      recommenderName: '中国航天科工集团有限公司',
      recommenderUnitId: casicUnit,
      source: 'imported',
    });
    expect(byName['XLSX方案二'].uscc).toBe(FAILING_CHECK);
    expect(byName['XLSX方案三'].uscc).toBe(makeUscc(6102));

    const [audit] = await importAuditRows();
    expect(audit!.summary.after).toMatchObject({
      imported: 3,
      filename: 'list.csv',
      format: 'xlsx',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      checkDigitAccepted: [{ row: 4, uscc: FAILING_CHECK, reason: '营业执照原件已核对' }],
    });
  });

  test('CSV without a BOM, quoted commas and line breaks; importing it again is refused row by row', async () => {
    const file = csvOf(
      [
        HEADER_ZH,
        [
          2019,
          '方案,含逗号',
          '丁公司',
          makeUscc(6201),
          '行业通用工业APP',
          '北京市',
          '第一行\n第二行',
        ],
        [2020, 'CSV方案二', '戊公司', makeUscc(6202), '安全可靠工业APP', '上海市', ''],
      ],
      false,
    );
    const res = await importFile(org, 'good.csv', file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 2, total: 2 });
    const found = (await org.get(`/api/v1/awards?q=${makeUscc(6201)}`)).body;
    expect(found.items.map((a: { solutionName: string }) => a.solutionName)).toEqual([
      '方案,含逗号',
    ]);

    const again = await importFile(org, 'good.csv', file);
    expect(again.status).toBe(422);
    expect(
      again.body.error.details.problems.map((p: { row: number; message: string }) => [
        p.row,
        p.message.slice(0, 14),
      ]),
    ).toEqual([
      [2, '该获奖记录已在往届获奖名单中'],
      [3, '该获奖记录已在往届获奖名单中'],
    ]);
  });
});

describe('the list of past awards', () => {
  test('filters by year and text, pages with a total; organizers only', async () => {
    const all2019 = (await org.get('/api/v1/awards?year=2019&pageSize=100')).body;
    expect(all2019.total).toBeGreaterThanOrEqual(4);
    expect(all2019.items.every((a: { year: number }) => a.year === 2019)).toBe(true);
    const page1 = (await org.get('/api/v1/awards?year=2019&pageSize=2&page=1')).body;
    const page2 = (await org.get('/api/v1/awards?year=2019&pageSize=2&page=2')).body;
    expect(page1.total).toBe(all2019.total);
    expect(page1.items).toHaveLength(2);
    expect([...page1.items, ...page2.items].map((a: { id: string }) => a.id)).toEqual(
      all2019.items.slice(0, 4).map((a: { id: string }) => a.id),
    );
    const byEnterprise = (await org.get(`/api/v1/awards?q=${encodeURIComponent('示例智造')}`)).body;
    expect(byEnterprise.items.map((a: { uscc: string }) => a.uscc)).toEqual([DEMO_ENTERPRISE_USCC]);
    expect((await org.get('/api/v1/awards?pageSize=101')).status).toBe(400);
    expect((await (await signedIn(t.app, 'beijing')).get('/api/v1/awards')).status).toBe(403);
  });
});

// 年度监测分析报告 over HTTP: the organizer downloads DOCX and PDF of a campaign, whose sentences
// and tables state the hand-counted figures of test/fixtures/statistics.ts (the 2024 call: 11
// applications from 4 provinces and one without a region; see server/modules/statistics/
// statistics.test.ts for the table of them). Other roles are refused; an empty call gets a short
// report. Needs poppler-utils for the PDF's text.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkUploadedFile } from '../../lib/files/sniff';
import { readZip } from '../../../test/fixtures/files';
import { statsWorld, type StatsWorld } from '../../../test/fixtures/statistics';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  signedIn,
  type TestApp,
} from '../../../test/harness';

const hasPoppler = !spawnSync('pdftotext', ['-v']).error;
let t: TestApp;
let w: StatsWorld;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await statsWorld(t);
  dir = mkdtempSync(path.join(tmpdir(), 'zx-report-route-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (campaign: string, format: 'docx' | 'pdf') =>
  `/api/v1/campaigns/${campaign}/statistics/report.${format}`;
const squash = (s: string) => s.replace(/\s+/g, '');

async function download(campaign: string, format: 'docx' | 'pdf', who: Client = w.org) {
  const res = await who.get(url(campaign, format));
  expect(res.status, res.raw.body.slice(0, 300)).toBe(200);
  return { bytes: res.raw.rawPayload, headers: res.headers };
}

function docxText(bytes: Buffer): string {
  const xml = readZip(bytes).get('word/document.xml')!.toString('utf8');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
    .join('')
    .replace(/\s+/g, '');
}

let pdfs = 0;
function pdfText(bytes: Buffer): { text: string; pages: number } {
  const file = path.join(dir, `r${++pdfs}.pdf`);
  writeFileSync(file, bytes);
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  })
    .split('\f')
    .slice(0, -1)
    // without the running header and footer, which may fall inside a paragraph
    .map((p) =>
      p
        .split('\n')
        .filter((l) => !/^(第\d+页\/共\d+页|2024年统计测试活动监测分析报告)$/.test(squash(l)))
        .join(''),
    );
  return { text: squash(pages.join('')), pages: pages.length };
}

/** The report's sentences, worked out by hand from the fixture. */
const SENTENCES = [
  // 11 submitted (a4 returned after submission counts; a5, a13 do not) from 北京 上海 广东 宁夏;
  // 基础共性 5 of 11; 2023: 2 → +450%
  '2024年统计测试活动共收到来自4个省（区、市）的11份申报，其中基础共性工业APP占45.5%，较上届（2023年，2份）增长450.0%。',
  // recommended a1 a2 a6 a9 a10; forwarded a1 a6 a9; awarded a6
  '经推荐单位审核，获推荐5份，占申报的45.5%；报送工业和信息化部3份；最终入选发布1份。',
  '从申报类别看，基础共性工业APP 5份，占45.5%；行业通用工业APP 3份，占27.3%；安全可靠工业APP 2份，占18.2%；企业专用工业APP 1份，占9.1%。',
  '从地区分布看，申报来自北京市（4份）、广东省（3份）、上海市（2份）和宁夏回族自治区（1份）。',
  '1份申报未填写所在地区。', // a12
  '入选发布的解决方案来自1个省（区、市）。', // a6, 上海
  '从推荐渠道看，经省级工业和信息化主管部门申报10份（占90.9%），经全国性工业行业协会（联合会）申报1份（占9.1%）。',
  // quotas 10+10+10+10+5; recommended B 2, G 1, S 1, X 1
  '共有5个推荐单位收到申报，推荐名额合计45个，已使用5个（11.1%）。',
  // 10月18–20日: 2+1+1 of 11; 2023: 1+0+1 of 2
  '网上申报于10月20日截止。截止前3天内提交4份，占全部申报的36.4%（上届为100.0%）。',
  '单日提交最多的是10月10日（截止前10天），当日提交2份。', // a1 a2 (a9 a10 on the 18th tie, later)
  '从APP数量看，包含1个APP的方案6份（占54.5%），包含2个APP的方案2份（占18.2%），包含3–5个APP的方案1份（占9.1%），包含6个及以上APP的方案1份（占9.1%）。',
  '从部署方式看，部署方式为私有云的方案最多，占36.4%；其次为公有云（27.3%）、边缘侧（18.2%）、本地部署（9.1%）和混合云（9.1%）。',
  // 附件4: winners of 2022 (2) and 2023 (2) report; w4's is a draft
  '本届应报送附件4（工业互联网APP统计信息表）的往届获奖方案4个，已报送3个（报送率75.0%）。',
  '已报送方案2023年营业收入合计180万元，较上年增长20.0%。',
  '新增客户15家，应用覆盖3个行业，累计版本更新6次。',
  '已报送的方案中66.7%仍在运营。',
];

/** Table rows (cells run together), by hand. */
const ROWS = [
  ['提交申报（份）', '11', '2', '增长450.0%'],
  ['入选发布（份）', '1', '1', '持平'],
  ['北京市', '4', '36.4%', '2', '1', '0'],
  ['未填写', '1', '9.1%', '0', '0', '0'],
  ['合计', '11', '100.0%', '5', '3', '1'],
  ['基础共性工业APP', '5', '45.5%', '1', '1', '0'],
  ['北京市', '4', '2', '10', '20.0%'], // the unit table
  ['10月20日', '0', '1', '11', '100.0%'],
  ['2023年', '180', '3', '增长20.0%'],
  ['已停止', '1', '33.3%'],
].map((r) => r.join(''));

// a report draws nine charts (the DOCX also rasterises them): seconds each on a busy machine
describe('the organizer downloads the analysis report', { timeout: 120_000 }, () => {
  test('DOCX: a Word file named after the call, with every sentence and table row', async () => {
    const { bytes, headers } = await download(w.campaigns.cur, 'docx');
    expect(headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(decodeURIComponent(String(headers['content-disposition']))).toBe(
      "attachment; filename*=UTF-8''2024年统计测试活动监测分析报告.docx",
    );
    expect(checkUploadedFile(bytes, 'r.docx').ok).toBe(true);
    const text = docxText(bytes);
    for (const s of SENTENCES) expect(text).toContain(squash(s));
    for (const r of ROWS) expect(text).toContain(squash(r));
    // the charts: funnel, years, categories, map, industries, groups, timeline, deployment, revenue
    const media = [...readZip(bytes).keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.length).toBe(9);
  });

  test.skipIf(!hasPoppler)('PDF: the same sentences and rows, by the call’s code too', async () => {
    const { bytes, headers } = await download(w.campaigns.curCode, 'pdf');
    expect(headers['content-type']).toBe('application/pdf');
    expect(checkUploadedFile(bytes, 'r.pdf').ok).toBe(true);
    const { text, pages } = pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (const s of SENTENCES) expect(text).toContain(squash(s));
    for (const r of ROWS) expect(text).toContain(squash(r));
    // chart text is real text in the PDF
    expect(text).toContain('各省（区、市）申报数量');
  });

  test.skipIf(!hasPoppler)(
    'a call without filings: a short, valid report that says so',
    async () => {
      const pdf = pdfText((await download(w.campaigns.empty, 'pdf')).bytes);
      expect(pdf.pages).toBe(1);
      expect(pdf.text).toContain('截至目前，本届尚未收到申报。上届（2024年）共收到11份申报。');
      // its own figures alone: a fall of 100% against the previous call would say nothing
      expect(pdf.text).toContain('指标2025年提交申报（份）0');
      expect(pdf.text).not.toContain('下降');
      expect(pdf.text).not.toMatch(/undefined|NaN|null/);
      const docx = (await download(w.campaigns.empty, 'docx')).bytes;
      expect(checkUploadedFile(docx, 'r.docx').ok).toBe(true);
      expect(docxText(docx)).toContain('截至目前，本届尚未收到申报。');
    },
  );
});

describe('only the organizer', () => {
  test('a recommender and an enterprise get 403, nobody signed in 401, an unknown call 404', async () => {
    const enterprise = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
    for (const format of ['docx', 'pdf'] as const) {
      const rec = await w.beijing.get(url(w.campaigns.cur, format));
      expect(rec.status).toBe(403);
      expect(rec.body.error.code).toBe('FORBIDDEN');
      expect((await enterprise.get(url(w.campaigns.cur, format))).status).toBe(403);
      const anon = await new Client(t.app).get(url(w.campaigns.cur, format));
      expect(anon.status).toBe(401);
      const none = await w.org.get(url('no-such-call', format));
      expect(none.status).toBe(404);
      expect(none.body.error.message).toBe('未找到该征集活动');
    }
  });
});

// The 年度监测分析报告's content model and both renderers, from hand-made figures (no database).
// Needs poppler-utils (pdftotext, pdffonts, pdfinfo); the Word check also LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUploadedFile } from '../../lib/files/sniff';
import { readZip } from '../../../test/fixtures/files';
import { svgToPng } from '../../lib/charts';
import { officeMissing, printWithOffice, squash } from '../../../test/fixtures/office';
import { emptyReportFacts, sampleReportFacts } from '../../../test/fixtures/statistics-report';
import { reportText } from '../../../domain/statistics-report';
import { reportContent, type ReportChartSpecs, type ReportContent } from './content';
import { pdfSvg, renderReportPdf } from './pdf';
import { renderReportDocx } from './docx';

const hasPoppler = !spawnSync('pdftotext', ['-v']).error;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zx-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AT = new Date('2021-11-02T02:00:00Z'); // 10:00 in Beijing

/** A plain bar chart (the report's real options come from domain/statistics-charts). */
function bar(title: string, rows: { label: string; submitted: number }[]) {
  return {
    title: { text: title, left: 'center' },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', data: rows.map((r) => r.submitted), label: { show: true, position: 'top' } },
    ],
  };
}
function charts(): ReportChartSpecs {
  const f = sampleReportFacts();
  return {
    categories: [
      { option: bar('各申报类别申报数量', f.category.rows), caption: '各申报类别申报数量' },
    ],
    apps: [{ option: bar('部署方式', f.deployment.rows), caption: 'APP部署方式' }],
  };
}

/** The PDF's text page by page, without the running header and footer, whitespace removed. */
function pdfText(file: string, title: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .filter((l) => !/^第\d+页\/共\d+页$/.test(l.replace(/\s+/g, '')) && l.trim() !== title)
        .join(''),
    )
    .join('')
    .replace(/\s+/g, '');
}

/** The visible text of a WordprocessingML part, runs joined, whitespace removed. */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
    .join('')
    .replace(/\s+/g, '');
}

describe('the content model', () => {
  const f = sampleReportFacts();
  const c = reportContent(f, { generatedAt: AT, charts: charts() });

  it('has the title, the date in Beijing time, and every part with text, in order, numbered', () => {
    expect(c.title).toBe('2021年工业互联网APP优秀解决方案征集遴选监测分析报告');
    expect(c.date).toBe('2021年11月2日');
    expect(c.asOf).toBe('数据截至2021年11月2日10:00（北京时间）');
    expect(c.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、申报类别',
      '三、地区分布',
      '四、行业分布',
      '五、推荐渠道与推荐名额',
      '六、申报进度',
      '七、APP数量与部署方式',
      '八、往届获奖方案发展情况',
    ]);
    const text = reportText(f);
    expect(c.sections.find((s) => s.key === 'provinces')!.paragraphs).toEqual(text.provinces);
  });

  it('key figures against the previous campaign; no 入选发布 row before the list is out', () => {
    const t = c.sections[0]!.tables[0]!;
    expect(t.columns.map((x) => x.label)).toEqual(['指标', '2021年', '2020年', '变化']);
    expect(t.rows).toEqual([
      ['提交申报（份）', '40', '32', '增长25.0%'],
      ['覆盖省（区、市）（个）', '6', '5', '增长20.0%'],
      ['获推荐（份）', '24', '20', '增长20.0%'],
      ['报送工业和信息化部（份）', '20', '18', '增长11.1%'],
    ]);
  });

  it('breakdown tables: largest first, 未填写 last, a 合计 row (not for multi-valued ones)', () => {
    const provinces = c.sections.find((s) => s.key === 'provinces')!.tables[0]!;
    expect(provinces.rows.map((r) => r[0])).toEqual([
      '北京市',
      '广东省',
      '上海市',
      '江苏省',
      '浙江省',
      '新疆维吾尔自治区',
      '未填写',
      '合计',
    ]);
    expect(provinces.rows[0]).toEqual(['北京市', '12', '30.0%', '8', '7']);
    expect(provinces.rows.at(-1)).toEqual(['合计', '40', '100.0%', '24', '20']);
    const industries = c.sections.find((s) => s.key === 'industries')!.tables[0]!;
    expect(industries.rows.map((r) => r[0])).toEqual([
      '制造业',
      '信息传输、软件和信息技术服务业',
      '电力、热力、燃气及水生产和供应业',
      '采矿业',
    ]);
    expect(industries.columns[2]!.label).toBe('占申报方案');
  });

  it('the units with their quota use; the timeline day by day; the winners by year', () => {
    const [groups, units] = c.sections.find((s) => s.key === 'recommenders')!.tables;
    expect(groups!.rows.map((r) => r[0])).not.toContain('计划单列市工业和信息化主管部门');
    expect(units!.rows[0]).toEqual(['北京市经济和信息化局', '12', '8', '8', '100.0%']);
    expect(units!.rows.map((r) => r[0])).not.toContain('天津市工业和信息化局'); // nothing received
    const days = c.sections.find((s) => s.key === 'timeline')!.tables[0]!;
    expect(days.rows.at(-1)).toEqual(['10月20日', '0', '9', '40', '100.0%']);
    const [revenue, status] = c.sections.find((s) => s.key === 'winners')!.tables;
    expect(revenue!.rows).toEqual([
      ['2019年', '38,000', '18', '—'],
      ['2020年', '45,600', '20', '增长20.0%'],
    ]);
    expect(status!.rows[2]).toEqual(['已停止', '1', '5.0%']);
  });

  it('charts drawn on the server: an SVG with the Chinese text (a PNG of it twice its size)', () => {
    const [chart] = c.sections.find((s) => s.key === 'categories')!.charts;
    expect(chart!.caption).toBe('图1 各申报类别申报数量');
    expect(chart!.svg).toMatch(/^<svg /);
    expect(chart!.svg).toContain('行业通用类');
    expect(chart!.svg).toContain('font-family:Noto Sans SC');
    const png = svgToPng(chart!.svg, 2);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(chart!.width * 2);
  });

  it('no filings: the overview alone, with one sentence, its figures at 0, no chart', () => {
    const e = reportContent(emptyReportFacts(), { generatedAt: AT, charts: charts() });
    expect(e.sections.map((s) => s.heading)).toEqual(['一、总体情况']);
    expect(e.sections[0]!.paragraphs).toEqual(['截至目前，本届尚未收到申报。']);
    expect(e.sections[0]!.charts).toEqual([]);
    expect(e.sections[0]!.tables[0]!.rows[0]).toEqual(['提交申报（份）', '0']);
  });

  it('the PDF drops the white halo svg-to-pdfkit would paint over a label', () => {
    const svg =
      '<svg><text style="x" fill="#333" stroke="rgb(255,255,255)" stroke-width="2" paint-order="stroke" stroke-miterlimit="2">3</text><path stroke="#000"/></svg>';
    expect(pdfSvg(svg)).toBe(
      '<svg><text style="x" fill="#333">3</text><path stroke="#000"/></svg>',
    );
  });
});

function everyLine(c: ReportContent) {
  const paragraphs = c.sections.flatMap((s) => [s.heading, ...s.paragraphs]);
  const cells = c.sections.flatMap((s) => s.tables.flatMap((t) => [t.caption, ...t.rows.flat()]));
  const rows = c.sections.flatMap((s) => s.tables.flatMap((t) => t.rows.map((r) => r.join(''))));
  return { paragraphs, cells, rows };
}

describe.skipIf(!hasPoppler)('the PDF', { timeout: 120_000 }, () => {
  const c = reportContent(sampleReportFacts(), { generatedAt: AT, charts: charts() });
  let pdf: Buffer;
  let file: string;
  let text: string;
  beforeAll(async () => {
    pdf = await renderReportPdf(c);
    file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    text = pdfText(file, c.title);
  });

  it('is a sound A4 PDF of a few pages, with Noto Sans SC embedded as a subset and nothing else', () => {
    expect(checkUploadedFile(pdf, 'report.pdf').ok).toBe(true);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(4);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    // the charts' text uses the same embedded fonts as the text: no third font
    expect(fonts.length).toBe(2);
    for (const line of fonts)
      expect(line).toMatch(
        /^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/,
      );
  });

  it('says every sentence, heading and table row of the content', () => {
    expect(text).toContain(squash(c.titleLines.join('')));
    const { paragraphs, rows } = everyLine(c);
    for (const p of paragraphs) expect(text).toContain(squash(p));
    for (const r of rows) expect(text).toContain(squash(r));
  });

  it('draws the charts as vector graphics with real text (their titles and axis labels)', () => {
    expect(text).toContain('各申报类别申报数量');
    expect(text).toContain('行业通用类企业专用类新技术类中小企业');
    expect(text).toContain('图1各申报类别申报数量');
  });

  it('a campaign without filings: one page that says so', async () => {
    const e = reportContent(emptyReportFacts(), { generatedAt: AT });
    const f = path.join(dir, 'empty.pdf');
    writeFileSync(f, await renderReportPdf(e));
    expect(execFileSync('pdfinfo', [f], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const t = pdfText(f, e.title);
    expect(t).toContain('截至目前，本届尚未收到申报。');
    expect(t).toContain('提交申报（份）0');
    expect(t).not.toMatch(/undefined|NaN|null/);
  });
});

describe('the DOCX', { timeout: 120_000 }, () => {
  const c = reportContent(sampleReportFacts(), { generatedAt: AT, charts: charts() });
  let docx: Buffer;
  let parts: Map<string, Buffer>;
  let text: string;
  beforeAll(async () => {
    docx = await renderReportDocx(c);
    parts = readZip(docx);
    text = wordText(parts.get('word/document.xml')!.toString('utf8'));
  });

  it('is a sound DOCX with real headings, every sentence and every table cell', () => {
    expect(checkUploadedFile(docx, 'report.docx').ok).toBe(true);
    const xml = parts.get('word/document.xml')!.toString('utf8');
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)!.length).toBe(c.sections.length);
    const { paragraphs, cells } = everyLine(c);
    for (const p of paragraphs) expect(text).toContain(squash(p));
    for (const cell of cells) expect(text).toContain(squash(cell));
    // one row of a table, cell after cell
    expect(text).toContain('北京市1230.0%87');
  });

  it('embeds each chart as a PNG with its caption as alternative text', () => {
    const media = [...parts.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.length).toBe(2);
    for (const m of media) expect(parts.get(m)!.subarray(1, 4).toString()).toBe('PNG');
    const xml = parts.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('descr="图1 各申报类别申报数量"');
  });

  it('a campaign without filings: the short report', async () => {
    const e = reportContent(emptyReportFacts(), { generatedAt: AT });
    const p = readZip(await renderReportDocx(e));
    const t = wordText(p.get('word/document.xml')!.toString('utf8'));
    expect(t).toContain('截至目前，本届尚未收到申报。');
    expect([...p.keys()].some((k) => k.startsWith('word/media/'))).toBe(false);
  });

  it.skipIf(!!officeMissing)(
    'opens in an office suite (LibreOffice): every sentence and table row on its pages',
    () => {
      const printed = printWithOffice(docx, 'docx');
      const all = squash(printed.pages.join(''));
      const { paragraphs, rows } = everyLine(c);
      for (const p of paragraphs) expect(all).toContain(squash(p));
      for (const r of rows) expect(all).toContain(squash(r));
      expect(printed.pages.length).toBeGreaterThanOrEqual(4);
    },
    200_000,
  );
});

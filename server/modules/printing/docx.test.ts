import { beforeAll, describe, expect, it } from 'vitest';
import { checkUploadedFile } from '../../lib/files/sniff';
import { readZip } from '../../../test/fixtures/files';
import { renderApplicationDocx } from './docx';
import { emptySamplePrintInput, fullSamplePrintInput } from '../../../test/fixtures/print-sample';
import type { PrintInput } from './types';
import { officeMissing, printWithOffice, squash } from '../../../test/fixtures/office';

/** Elements open and close in order, and only the five XML entities (or numeric ones) appear. */
function expectWellFormed(xml: string) {
  expect(xml.startsWith('<?xml')).toBe(true);
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
  const stack: string[] = [];
  for (const m of xml
    .replace(/<\?[^>]*\?>/g, '')
    .matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (selfClosing) continue;
    if (close) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
}

/** The visible text of a WordprocessingML part, paragraphs joined without spaces. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .join('')
    .replace(/\s+/g, '');
}

async function render(input: PrintInput) {
  const docx = await renderApplicationDocx(input);
  const parts = readZip(docx);
  const part = (name: string) => parts.get(name)?.toString('utf8') ?? '';
  const footer = [...parts.keys()]
    .filter((k) => /^word\/footer\d*\.xml$/.test(k))
    .map(part)
    .join('');
  const header = [...parts.keys()]
    .filter((k) => /^word\/header\d*\.xml$/.test(k))
    .map(part)
    .join('');
  return { docx, parts, document: part('word/document.xml'), footer, header };
}

describe('renderApplicationDocx: a full application', () => {
  const input = fullSamplePrintInput();
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render(input);
  });

  it('is a DOCX by its content, with well-formed parts', () => {
    expect(checkUploadedFile(r.docx, '申报书.docx')).toMatchObject({
      ok: true,
      detected: { ext: 'docx' },
    });
    for (const [name, bytes] of r.parts)
      if (name.endsWith('.xml') || name.endsWith('.rels')) expectWellFormed(bytes.toString('utf8'));
    expect([...r.parts.keys()].some((k) => k.startsWith('word/media/'))).toBe(true); // the QR code
  });

  it('holds the same content as the PDF', () => {
    const text = textOf(r.document);
    const apps = (input.data.apps as { items: { name: string }[] }).items;
    const statement = (input.form.sections.at(-1)!.fields[0] as { statement: string }).statement;
    for (const t of [
      '工业互联网APP优秀解决方案申报书',
      '工信厅信发函〔2021〕224号',
      '面向离散制造的工艺质量闭环优化工业APP解决方案',
      '统一社会信用代码91330100MA2H0B1X1T',
      '推荐单位浙江省经济和信息化厅',
      '2021-10-1214:03:05（北京时间）',
      `验证码：${input.version.verificationCode}`,
      '序号APP名称版本号软件著作权登记号主要功能部署方式用户数/装机量',
      ...apps.map((a, i) => `${i + 1}${a.name}`),
      '浙江某某机械有限公司',
      `正文合计${input.wordCount}字（限5000字以内）`,
      '软件著作权登记证书-质量预测APP.pdf470.8KBa3f1c2d4e5b69788',
      statement.replace(/\s+/g, ''),
      '法定代表人（签字）李建国',
      '申报单位（盖章）：精工云科技股份有限公司',
      '（单位公章）',
      '年月日',
    ]) {
      expect(text).toContain(t);
    }
    const needs = (input.data.text as { needs: string }).needs;
    for (const p of needs.split('\n')) expect(text).toContain(p.replace(/\s+/g, ''));
  });

  it('has the code and page numbers in the footer and the solution name in the header', () => {
    expect(textOf(r.footer)).toContain(`验证码：${input.version.verificationCode}`);
    expect(textOf(r.footer)).toContain('第页/共页'); // around the two fields
    expect(r.footer).toMatch(/PAGE/);
    expect(r.footer).toMatch(/NUMPAGES/);
    expect(textOf(r.header)).toContain('面向离散制造的工艺质量闭环优化工业APP解决方案');
  });
});

describe('renderApplicationDocx: structure a reader relies on', () => {
  const input = fullSamplePrintInput();
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render(input);
  });

  it('has real Heading 1/2 styles in a CJK font, so the navigation pane lists the sections', () => {
    const headings = (level: number) =>
      [...r.document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
        .map((m) => m[0])
        .filter((p) => p.includes(`<w:pStyle w:val="Heading${level}"/>`))
        .map(textOf);
    expect(headings(1)).toEqual(input.form.sections.map((s) => s.title.replace(/\s+/g, '')));
    expect(headings(2).some((h) => h.startsWith('需求与痛点（'))).toBe(true);
    expect(headings(2)).toContain('图（架构图、界面截图等）');
    const styles = r.parts.get('word/styles.xml')!.toString('utf8');
    for (const id of ['Heading1', 'Heading2']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>(.*?)</w:style>`, 's').exec(
        styles,
      )?.[1];
      expect(style, id).toBeTruthy();
      expect(style).toMatch(/w:eastAsia="黑体"/);
      expect(style).toContain('<w:keepNext/>');
      expect(style).toMatch(/w:name w:val="[Hh]eading \d"/);
    }
  });

  it('gives the QR code and each figure alternative text', () => {
    const docPr = [...r.document.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(docPr).toHaveLength(2);
    expect(docPr[0]).toContain('descr="核验二维码：');
    expect(docPr[0]).toContain(input.version.verificationCode);
    expect(docPr[1]).toContain('descr="图1　系统架构图.png"');
  });

  it('prints a PNG attachment as a figure as wide as the text, under its caption; the PDF attachment stays listed', () => {
    const media = [...r.parts.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media).toHaveLength(2); // the QR code and 系统架构图.png
    expect(
      media.some((k) => r.parts.get(k)!.equals(input.images[Object.keys(input.images)[0]!]!.data)),
    ).toBe(true);
    const extents = [...r.document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const [cx, cy] = extents[1]!;
    const textWidthEmu = ((11906 - 2 * 1134) / 20) * 12700;
    expect(Math.abs(cx! - textWidthEmu) / textWidthEmu).toBeLessThan(0.01);
    expect(cy! / cx!).toBeCloseTo(500 / 900, 2);
    const text = textOf(r.document);
    expect(text).toContain('图1　系统架构图.png'.replace(/\s+/g, ''));
    expect(text).toContain('软件著作权登记证书-质量预测APP.pdf470.8KB');
  });
});

describe('renderApplicationDocx: incomplete or odd data', () => {
  it('prints a nearly empty application with "—"', async () => {
    const input = emptySamplePrintInput();
    const r = await render(input);
    expectWellFormed(r.document);
    const text = textOf(r.document);
    expect(text).toContain('未完成的方案');
    expect(text).toContain('申报单位—');
    expect(text).toContain('工业APP—');
    expect(text).toContain('（单位公章）');
    expect(text).not.toMatch(/undefined|NaN|\[objectObject\]/);
  });

  it('keeps Word’s XML valid whatever the text holds', async () => {
    const input: PrintInput = {
      ...emptySamplePrintInput(),
      data: {
        solution: { name: 'A & B <script>"\'\u0001\ud800' },
        apps: { items: [{ name: '<w:t>注入</w:t>', users: 3 }] },
        text: { needs: '第一段\r\n\r\n第三段\u000b\u001f' },
      },
    };
    const r = await render(input);
    expectWellFormed(r.document);
    expectWellFormed(r.header);
    const text = textOf(r.document);
    expect(text).toContain('A&B<script>"\'');
    expect(text).toContain('<w:t>注入</w:t>');
    expect(text).toContain('第一段第三段');
  });
});

// When LibreOffice is installed, the DOCX must open and print (as WPS/Word would open it).
describe.skipIf(officeMissing)('renderApplicationDocx printed by LibreOffice', () => {
  it('converts to PDF with its texts, page numbers, headings and the figure', async () => {
    const input = fullSamplePrintInput();
    const printed = printWithOffice(await renderApplicationDocx(input), 'docx', {
      keepPngsIn: process.env.OFFICE_PNGS,
    });
    expect(printed.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = printed.pages.map(squash);
    pages.forEach((page, i) => {
      expect(page).toContain(`第${i + 1}页/共${pages.length}页`);
      expect(page).toContain(input.version.verificationCode);
    });
    const all = pages.join('');
    for (const s of input.form.sections) expect(all).toContain(squash(s.title));
    expect(all).toContain('图1系统架构图.png');
    expect(all).toContain('（单位公章）');
    // no page ends with a heading: the last line above the footer is never a section title
    for (const page of printed.pages) {
      const lines = page.split('\n').map(squash).filter(Boolean);
      const lastBody = lines.at(-2) ?? '';
      for (const s of input.form.sections) expect(lastBody).not.toBe(squash(s.title));
    }
  }, 200_000);
});

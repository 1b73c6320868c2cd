// Needs poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUploadedFile } from '../../lib/files/sniff';
import { renderApplicationPdf } from './pdf';
import { emptySamplePrintInput, fullSamplePrintInput } from '../../../test/fixtures/print-sample';
import type { PrintInput } from './types';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zx-pdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function save(pdf: Buffer): string {
  const file = path.join(dir, `doc-${++n}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
const poppler = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', cwd: dir });

/** The text of each page as laid out (line by line), without any whitespace. */
function pagesOf(file: string): string[] {
  return poppler('pdftotext', '-layout', '-enc', 'UTF-8', file, '-')
    .split('\f')
    .slice(0, -1)
    .map((p) => p.replace(/\s+/g, ''));
}
const squash = (s: string) => s.replace(/\s+/g, '');
// On a machine without poppler-utils these are skipped; npm test says so in one loud line.
const hasPoppler = !spawnSync('pdftotext', ['-v']).error;

describe.skipIf(!hasPoppler)('renderApplicationPdf: a full application', () => {
  const input = fullSamplePrintInput();
  let pdf: Buffer;
  let file: string;
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    pdf = await renderApplicationPdf(input);
    file = save(pdf);
    pages = pagesOf(file);
    all = pages.join('');
  });

  it('is a sound PDF of a few pages and well under 1 MB', () => {
    expect(checkUploadedFile(pdf, 'a.pdf').ok).toBe(true);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const info = poppler('pdfinfo', file);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });

  it('embeds Noto Sans SC as a subset', () => {
    const fonts = poppler('pdffonts', file)
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.length).toBe(2); // regular and bold, nothing else
    for (const line of fonts) {
      expect(line).toMatch(
        /^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/,
      );
    }
  });

  it('has the cover: title, campaign, 文号, applicant, code, recommending unit, version, Beijing time', () => {
    const cover = pages[0]!;
    for (const text of [
      '工业互联网APP优秀解决方案申报书',
      '2021年工业互联网APP优秀解决方案征集遴选',
      '工信厅信发函〔2021〕224号',
      '面向离散制造的工艺质量闭环优化工业APP解决方案',
      '行业通用工业APP',
      '精工云科技股份有限公司',
      '统一社会信用代码91330100MA2H0B1X1T',
      '推荐单位浙江省经济和信息化厅',
      '第2版',
      '2021-10-1214:03:05（北京时间）', // 06:03:05Z
      `验证码：${input.version.verificationCode}`,
    ]) {
      expect(cover).toContain(text);
    }
  });

  it('prints every section with labels, options as labels, units, groups as tables', () => {
    for (const text of [
      '一、解决方案概况',
      '二、申报单位',
      '三、工业APP清单',
      '四、解决方案内容',
      '五、知识产权与产业化',
      '六、图表及其他附件',
      '七、申报单位声明',
      '聚焦领域机械制造、汽车',
      '34通用设备制造业',
      '36汽车制造业',
      '覆盖业务环节生产制造、运维服务',
      '浙江省杭州市西湖区（330106）',
      '38,650.5万元',
      '186人',
      // co-applicants table
      '序号单位名称统一社会信用代码承担工作',
      '浙江某某机械有限公司',
      '某某大学机械工程学院',
      // the text, with its 字数
      '需求与痛点（',
      '理论剖析（',
      `正文合计${input.wordCount}字（限5000字以内）`,
      // attachments by filename, size and hash prefix
      '软件著作权登记证书-质量预测APP.pdf470.8KBa3f1c2d4e5b69788', // name, size, SHA-256 prefix
      '系统架构图.png1.1MB',
      '应用成效数据表.xlsx',
      '其他证明材料—',
    ]) {
      expect(all).toContain(text);
    }
  });

  it('lists every APP in one table, a row each, headed by the group’s field labels', () => {
    const header = all.indexOf('APP名称');
    for (const label of ['序号', '版本号', '软件著作权登记', '主要功能', '部署方', '用户'])
      expect(all.indexOf(label, header - 10)).toBeGreaterThanOrEqual(header - 10);
    const apps = (
      input.data.apps as { items: { name: string; version: string; copyrightNo: string }[] }
    ).items;
    expect(apps).toHaveLength(5);
    let at = header;
    for (const [i, app] of apps.entries()) {
      // a name may wrap inside its cell: the row starts with its number and the name's start
      const row = all.indexOf(`${i + 1}${app.name.slice(0, 4)}`, at);
      expect(row, app.name).toBeGreaterThan(at);
      expect(all.slice(row, row + 80)).toContain(`${app.version}${app.copyrightNo}`);
      at = row;
    }
    expect(all).toContain('1,260'); // users, formatted
  });

  it('keeps the long texts, paragraph by paragraph', () => {
    const needs = (input.data.text as { needs: string }).needs;
    for (const paragraph of needs.split('\n')) expect(all).toContain(squash(paragraph));
  });

  it('ends with the declaration, the signer and room for the stamp', () => {
    const last = pages.at(-1)!;
    const statement = (input.form.sections.at(-1)!.fields[0] as { statement: string }).statement;
    expect(last).toContain(squash(statement));
    expect(last).toContain('申报单位已在线确认上述声明');
    expect(last).toContain('法定代表人（签字）李建国');
    expect(last).toContain('申报单位（盖章）：精工云科技股份有限公司');
    expect(last).toContain('（单位公章）');
    expect(last).toContain('年月日');
    expect(last).toContain('一式两份');
  });

  it('has a header with the solution name and a footer with the page and the code on every page', () => {
    pages.forEach((page, i) => {
      expect(page).toContain('面向离散制造的工艺质量闭环优化工业APP解决方案');
      expect(page).toContain(`第${i + 1}页/共${pages.length}页`);
      expect(page).toContain(`验证码：${input.version.verificationCode}`);
    });
  });

  it('renders page 1 to an image (checked by eye: Chinese glyphs, layout)', () => {
    poppler('pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, 'page1');
    const png = readFileSync(path.join(dir, 'page1.png'));
    expect(checkUploadedFile(png, 'page1.png').ok).toBe(true);
    expect(Math.abs(png.readUInt32BE(16) - (595.28 / 72) * 60)).toBeLessThan(2); // width in pixels
  });
});

describe.skipIf(!hasPoppler)('renderApplicationPdf: incomplete or odd data never crashes', () => {
  it('prints a nearly empty application with "—" for what is missing', async () => {
    const input = emptySamplePrintInput();
    const pages = pagesOf(save(await renderApplicationPdf(input)));
    const all = pages.join('');
    expect(all).toContain('未完成的方案');
    expect(all).toContain('申报单位—');
    expect(all).toContain('统一社会信用代码—');
    expect(all).toContain('工业APP—');
    expect(all).toContain('需求与痛点（0字）—');
    expect(all).toContain('申报单位尚未在线确认上述声明');
    expect(all).toContain('（单位公章）');
    expect(all).toContain(`第1页/共${pages.length}页`);
    expect(all).toContain(input.version.verificationCode);
    expect(all).not.toMatch(/undefined|NaN|null|\[objectObject\]/);
  });

  it('prints data of the wrong shape, unknown options, control characters, an over-long text', async () => {
    const input: PrintInput = {
      ...emptySamplePrintInput(),
      data: {
        solution: 'not an object',
        applicant: {
          name: ['数组', 1],
          revenue: 'abc',
          rdStaff: Number.NaN,
          coApplicants: { not: 'an array' },
          region: '999999',
        },
        apps: {
          items: [null, 'x', { name: '唯一的APP\u0000\u0007', users: '12', deployment: '太空' }],
        },
        text: { needs: '超长'.repeat(3000), approach: 42 },
        ip: { certificates: ['no-such-id'] },
        declaration: { truthful: 'yes', signer: { first: '张' } },
      },
      wordCount: 6000,
    };
    const all = pagesOf(save(await renderApplicationPdf(input))).join('');
    expect(all).toContain('唯一的APP');
    expect(all).toContain('太空');
    expect(all).toContain('999999');
    expect(all).toContain('（未找到附件no-such-id）');
    expect(all).toContain('正文合计6000字，超过5000字的限制（超出1000字）');
    expect(all).not.toMatch(/undefined|NaN|\[objectObject\]/);
  });

  it('does not even need a data object', async () => {
    const input = {
      ...emptySamplePrintInput(),
      data: undefined as unknown as Record<string, unknown>,
    };
    expect((await renderApplicationPdf(input)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

// What a printed application says, independent of the output format: the PDF and the DOCX
// are both drawn from this one model, so they carry the same content.
import type { FormField, FormSection, OptionSource } from '../../../domain/form';
import { countWords } from '../../../domain/word-count';
import { FACT_SPECS, factsOf } from '../../../domain/facts';
import type { PrintImage, PrintInput } from './types';

export const EMPTY = '—';
export const STAMP_LABEL = '（单位公章）';
export const DATE_LINE = '年　　　月　　　日';
export const COPIES_NOTE = '本申报书一式两份，加盖公章后报推荐单位审查。';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'note'; text: string }
  /** label/value rows, a two-column table; values may contain line breaks */
  | { kind: 'pairs'; rows: [string, string][] }
  /** a long text field: its label, the 字数 of the text, and its paragraphs (line breaks kept) */
  | { kind: 'text'; label: string; meta: string | null; paragraphs: string[] }
  /** a repeated group or a list of attachments: one row per item; weights are relative column widths */
  | { kind: 'table'; label: string; header: string[]; rows: string[][]; weights: number[] }
  /** a PNG/JPEG attachment printed as a figure, under its caption (also its alternative text) */
  | { kind: 'figure'; caption: string; image: PrintImage }
  | { kind: 'wordTotal'; text: string; over: boolean }
  | { kind: 'statement'; label: string; text: string; confirmed: string }
  | { kind: 'stamp'; unit: string };

export interface PrintContent {
  title: string;
  campaignLine: string;
  docNumber: string;
  solutionName: string;
  verificationCode: string;
  verifyUrl: string;
  /** cover rows: label → value */
  cover: [string, string][];
  blocks: Block[];
}

// ---------------------------------------------------------------- values

type Obj = Record<string, unknown>;

const asObject = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};

/**
 * Text as it can go into a PDF and into Word's XML: no control characters other than tab and
 * line breaks, no lone surrogates (either would make document.xml unreadable).
 */
export function clean(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

function plain(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return clean(v).trim();
  if (typeof v === 'number') return Number.isFinite(v) ? formatNumber(v) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map(plain).filter(Boolean).join('、');
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

const orEmpty = (s: string) => (s === '' ? EMPTY : s);

function formatNumber(n: number): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}

export function formatBytes(size: number): string {
  if (!Number.isFinite(size) || size < 0) return EMPTY;
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** 2021-10-12 14:03:05（北京时间） */
export function beijingTime(at: Date): string {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) return EMPTY;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}（北京时间）`;
}

/** Line breaks kept; Windows and old Mac line ends folded; trailing blank lines dropped. */
export function paragraphsOf(text: string): string[] {
  const lines = clean(String(text ?? ''))
    .replace(/\r\n?/g, '\n')
    .split('\n');
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  while (lines.length && lines[0]!.trim() === '') lines.shift();
  return lines.map((l) => l.replace(/\s+$/u, ''));
}

function optionLabel(src: OptionSource, value: string, input: PrintInput): string {
  if (src.from === 'list') return src.values.find((o) => o.value === value)?.label ?? value;
  if (src.from === 'categories')
    return input.campaign.categories.find((c) => c.code === value)?.name ?? value;
  return value; // focus areas and business stages are stored as their text
}

/** A field's value as one display string ("—" when empty). Long texts keep their line breaks. */
export function displayValue(f: FormField, v: unknown, input: PrintInput): string {
  if (v === null || v === undefined) return EMPTY;
  switch (f.type) {
    case 'text':
    case 'uscc':
    case 'phone':
    case 'email':
    case 'date':
      return orEmpty(plain(v));
    case 'longtext':
      return typeof v === 'string' ? orEmpty(paragraphsOf(v).join('\n')) : orEmpty(plain(v));
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return orEmpty(plain(v));
      return f.unit ? `${formatNumber(v)} ${f.unit}` : formatNumber(v);
    }
    case 'select': {
      const values = (Array.isArray(v) ? v : [v]).map(plain).filter(Boolean);
      return orEmpty(values.map((x) => optionLabel(f.options, x, input)).join('、'));
    }
    case 'region': {
      const code = plain(v);
      const name = input.regionNames[code];
      return code === '' ? EMPTY : name ? `${name}（${code}）` : code;
    }
    case 'industries': {
      const codes = (Array.isArray(v) ? v : [v]).map(plain).filter(Boolean);
      return orEmpty(
        codes
          .map((c) => (input.industryNames[c] ? `${c} ${input.industryNames[c]}` : c))
          .join('\n'),
      );
    }
    case 'attachments': {
      const ids = (Array.isArray(v) ? v : [v]).map(plain).filter(Boolean);
      return orEmpty(
        ids.map((id) => input.attachments.find((a) => a.id === id)?.filename ?? id).join('\n'),
      );
    }
    case 'confirm':
      return v === true ? '已确认' : '未确认';
    case 'group':
      return Array.isArray(v) ? `${v.length}项` : EMPTY;
  }
}

// ---------------------------------------------------------------- fields → blocks

function columnWeight(f: FormField): number {
  switch (f.type) {
    case 'longtext':
      return 3.2;
    case 'text':
      return f.maxLength <= 30 ? 1.3 : f.maxLength <= 40 ? 2.1 : f.maxLength <= 60 ? 2.4 : 2.6;
    case 'uscc':
      return 2.6;
    case 'number':
      return 1.4;
    default:
      return 1.4;
  }
}

function groupTable(f: Extract<FormField, { type: 'group' }>, v: unknown, input: PrintInput) {
  const items = Array.isArray(v) ? v : [];
  return {
    kind: 'table' as const,
    label: f.label,
    header: ['序号', ...f.fields.map((sub) => sub.label)],
    rows: items.map((item, i) => [
      String(i + 1),
      ...f.fields.map((sub) => displayValue(sub, asObject(item)[sub.key], input)),
    ]),
    weights: [0.8, ...f.fields.map(columnWeight)],
  };
}

function attachmentTable(f: FormField, v: unknown, input: PrintInput) {
  const ids = (Array.isArray(v) ? v : [v]).map(plain).filter(Boolean);
  return {
    kind: 'table' as const,
    label: f.label,
    header: ['序号', '文件名', '大小', 'SHA-256（前16位）'],
    rows: ids.map((id, i) => {
      const a = input.attachments.find((x) => x.id === id);
      return a
        ? [String(i + 1), clean(a.filename), formatBytes(a.size), clean(a.sha256).slice(0, 16)]
        : [String(i + 1), `（未找到附件 ${id}）`, EMPTY, EMPTY];
    }),
    weights: [0.8, 5, 1.4, 2.6],
  };
}

/** The figures of an attachments field: its PNG/JPEG files, numbered through the document. */
function figureBlocks(v: unknown, input: PrintInput, figures: { n: number }): Block[] {
  const ids = (Array.isArray(v) ? v : [v]).map(plain).filter(Boolean);
  return ids.flatMap((id): Block[] => {
    const a = input.attachments.find((x) => x.id === id);
    const image = input.images[id];
    if (!a || a.kind !== 'image' || !image) return [];
    return [{ kind: 'figure', caption: `图${++figures.n}\u3000${clean(a.filename)}`, image }];
  });
}

function sectionBlocks(
  s: FormSection,
  data: Obj,
  input: PrintInput,
  figures: { n: number },
): Block[] {
  const out: Block[] = [{ kind: 'heading', text: s.title }];
  if (s.description) out.push({ kind: 'note', text: s.description });
  const values = asObject(data[s.key]);
  let pairs: [string, string][] = [];
  const flush = () => {
    if (pairs.length) out.push({ kind: 'pairs', rows: pairs });
    pairs = [];
  };
  let counted = false;
  let hasStatement = false;
  for (const f of s.fields) {
    const v = values[f.key];
    if (f.type === 'longtext') {
      flush();
      const text = typeof v === 'string' ? v : plain(v);
      const paragraphs = paragraphsOf(text);
      if (f.countsTowardWordLimit) counted = true;
      out.push({
        kind: 'text',
        label: f.label,
        meta: f.countsTowardWordLimit ? `${countWords(text)}字` : null,
        paragraphs: paragraphs.length ? paragraphs : [EMPTY],
      });
    } else if (f.type === 'group') {
      flush();
      const table = groupTable(f, v, input);
      if (table.rows.length) out.push(table);
      else pairs.push([f.label, EMPTY]);
      // counted texts inside groups are part of the total too
      if (f.fields.some((x) => x.type === 'longtext' && x.countsTowardWordLimit)) counted = true;
    } else if (f.type === 'attachments') {
      const table = attachmentTable(f, v, input);
      if (table.rows.length) {
        flush();
        out.push(table, ...figureBlocks(v, input, figures));
      } else pairs.push([f.label, EMPTY]);
    } else if (f.type === 'confirm') {
      flush();
      hasStatement = true;
      out.push({
        kind: 'statement',
        label: f.label,
        text: f.statement,
        confirmed: v === true ? '申报单位已在线确认上述声明。' : '申报单位尚未在线确认上述声明。',
      });
    } else {
      pairs.push([f.label, displayValue(f, v, input)]);
    }
  }
  flush();
  if (counted) {
    const limit = input.campaign.wordLimit;
    const over = input.wordCount > limit;
    out.push({
      kind: 'wordTotal',
      over,
      text: over
        ? `正文合计 ${input.wordCount} 字，超过 ${limit} 字的限制（超出 ${input.wordCount - limit} 字）`
        : `正文合计 ${input.wordCount} 字（限 ${limit} 字以内）`,
    });
  }
  if (hasStatement) out.push({ kind: 'stamp', unit: input.enterprise.name || EMPTY });
  return out;
}

function categoryOf(input: PrintInput, code: string | null): string {
  if (!code) return EMPTY;
  return input.campaign.categories.find((c) => c.code === code)?.name ?? code;
}

export function printContent(input: PrintInput): PrintContent {
  const data = asObject(input.data);
  const facts = factsOf(input.form, data);
  const solutionName = clean(facts.solutionName);
  const figures = { n: 0 };
  const blocks = input.form.sections.flatMap((s) => sectionBlocks(s, data, input, figures));
  if (!blocks.some((b) => b.kind === 'stamp'))
    blocks.push({ kind: 'stamp', unit: input.enterprise.name || EMPTY });
  const code = input.version.verificationCode;
  return {
    title: input.form.title,
    campaignLine: input.campaign.title,
    docNumber: input.campaign.docNumber,
    solutionName: orEmpty(solutionName),
    verificationCode: code,
    verifyUrl: input.verifyUrl,
    cover: [
      [FACT_SPECS.solutionName.label, orEmpty(solutionName)],
      [FACT_SPECS.category.label, categoryOf(input, facts.category)],
      ['申报单位', orEmpty(plain(input.enterprise.name))],
      ['统一社会信用代码', orEmpty(plain(input.enterprise.uscc))],
      ['推荐单位', orEmpty(plain(input.channel.name))],
      ['版本', `第 ${input.version.versionNo} 版`],
      ['提交时间', beijingTime(input.version.submittedAt)],
      ['验证码', orEmpty(code)],
    ],
    blocks,
  };
}

/** The blocks split at each heading; the part that holds the declaration and stamp is kept on one page. */
export function blockGroups(blocks: Block[]): { keepTogether: boolean; blocks: Block[] }[] {
  const groups: { keepTogether: boolean; blocks: Block[] }[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading' || groups.length === 0)
      groups.push({ keepTogether: false, blocks: [] });
    const g = groups[groups.length - 1]!;
    g.blocks.push(b);
    if (b.kind === 'stamp') g.keepTogether = true;
  }
  return groups;
}

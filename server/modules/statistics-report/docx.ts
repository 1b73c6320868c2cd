// The 年度监测分析报告 as DOCX (npm docx), to edit in Word or WPS: real headings (the navigation
// pane lists them), text paragraphs, the charts as PNG (drawn from the same SVG with the same font,
// so Chinese shows whatever fonts the reader's machine has), tables as Word tables.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { svgToPngAsync } from '../../lib/charts';
import type { ReportChart, ReportContent, ReportTable } from './content';

// A4 with 2.2 cm margins, in twentieths of a point
const PAGE_W = 11906;
const PAGE_H = 16838;
const MARGIN = 1247;
const TEXT_W = PAGE_W - 2 * MARGIN;
// docx sizes images in pixels at 96 dpi: 15 twips a pixel
const TEXT_W_PX = Math.floor(TEXT_W / 15);
const GREY = '555555';
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEI = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: border, bottom: border, left: border, right: border };

function widthsOf(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => Math.floor((w / total) * TEXT_W));
}

function caption(text: string, keepNext: boolean) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext,
    spacing: { before: keepNext ? 120 : 0, after: keepNext ? 60 : 200 },
    children: [new TextRun({ text, color: GREY, size: 18 })],
  });
}

function chartElements(c: ReportChart, png: Buffer): Paragraph[] {
  const width = Math.min(TEXT_W_PX, c.width);
  const height = Math.round((c.height * width) / c.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height },
          altText: { name: c.caption, title: c.caption, description: c.caption },
        }),
      ],
    }),
    caption(c.caption, false),
  ];
}

function tableElements(t: ReportTable): (Paragraph | Table)[] {
  const widths = widthsOf(t.columns.map((c) => c.weight));
  const cell = (text: string, i: number, header: boolean, bold = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders,
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } : undefined,
      margins: { top: 30, bottom: 30, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header
            ? AlignmentType.CENTER
            : t.columns[i]?.align === 'right'
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header || bold, size: 18 })],
        }),
      ],
    });
  return [
    caption(t.caption, true),
    new Table({
      width: { size: TEXT_W, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: t.columns.map((c, i) => cell(c.label, i, true)),
        }),
        ...t.rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children: r.map((v, i) => cell(v, i, false, r[0] === '合计')),
            }),
        ),
      ],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

export async function renderReportDocx(c: ReportContent): Promise<Buffer> {
  // the charts as PNG at twice their size (sharp in print), off the main thread, one at a time
  // (resvg's text layout in the CJK font is most of the time; side by side they only contend)
  const pngs = new Map<ReportChart, Buffer>();
  for (const chart of c.sections.flatMap((s) => s.charts))
    pngs.set(chart, await svgToPngAsync(chart.svg, 2));
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 200 },
      children: c.titleLines.map(
        (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }),
      ),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: c.subtitle, size: 24 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: `${c.date}\u3000${c.asOf}`, color: GREY, size: 18 })],
    }),
  ];
  for (const s of c.sections) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.heading)] }),
    );
    for (const p of s.paragraphs)
      body.push(
        new Paragraph({
          // 首行缩进两字
          indent: { firstLine: 420 },
          alignment: AlignmentType.BOTH,
          spacing: { after: 80, line: 360 },
          children: [new TextRun(p)],
        }),
      );
    for (const chart of s.charts) body.push(...chartElements(chart, pngs.get(chart)!));
    for (const table of s.tables) body.push(...tableElements(table));
  }

  const doc = new Document({
    creator: '征选 Zhengxuan',
    title: c.title,
    subject: c.subtitle,
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 } },
        title: { run: { font: HEI, size: 36, bold: true } },
        heading1: {
          run: { font: HEI, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_W, height: PAGE_H },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: c.title, size: 16, color: GREY })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 16,
                    color: GREY,
                    children: [
                      '第 ',
                      PageNumber.CURRENT,
                      ' 页 / 共 ',
                      PageNumber.TOTAL_PAGES,
                      ' 页',
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// The frozen application as DOCX (npm docx): the same content as the PDF, for Word and WPS.
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
  Tab,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import {
  COPIES_NOTE,
  DATE_LINE,
  STAMP_LABEL,
  blockGroups,
  printContent,
  type Block,
} from './content';
import { qrPng } from './qr';
import type { PrintInput } from './types';

export type { PrintInput } from './types';

// A4 with 2 cm margins, in twentieths of a point
const PAGE_W = 11906;
const PAGE_H = 16838;
const MARGIN = 1134;
const TEXT_W = PAGE_W - 2 * MARGIN;
const GREY = '555555';
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEI = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };

// Figures: as wide as the text (docx sizes images in pixels at 96 dpi: 15 twips a pixel)
const TEXT_W_PX = Math.floor(TEXT_W / 15);
const FIGURE_MAX_H_PX = Math.floor((PAGE_H - 2 * MARGIN) / 15) - 120;

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: border, bottom: border, left: border, right: border };

/** Runs of a text with its line breaks kept. */
function runs(text: string, opts: IRunOptions = {}): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ ...opts, text: line, break: i > 0 ? 1 : undefined }));
}

function para(text: string, opts: IRunOptions = {}, extra: { keepNext?: boolean } = {}) {
  return new Paragraph({ children: runs(text, opts), spacing: { after: 60 }, ...extra });
}

function cell(
  text: string,
  width: number,
  o: { header?: boolean; label?: boolean; size?: number; keepNext?: boolean } = {},
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    shading:
      o.header || o.label
        ? { type: ShadingType.CLEAR, color: 'auto', fill: o.header ? 'E8E8E8' : 'F2F2F2' }
        : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: o.header ? AlignmentType.CENTER : AlignmentType.LEFT,
        keepNext: o.keepNext,
        children: runs(text, { bold: o.header || o.label, size: o.size }),
      }),
    ],
  });
}

function widthsOf(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => Math.floor((w / total) * TEXT_W));
}

function pairsTable(rows: [string, string][], keepNext = false, size?: number) {
  const widths = widthsOf([28, 72]);
  return new Table({
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(label, widths[0]!, { label: true, size, keepNext }),
            cell(value, widths[1]!, { size, keepNext }),
          ],
        }),
    ),
  });
}

function blockElements(b: Block, keepNext: boolean): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      // a real Heading 1 (style below): Word's and WPS's navigation pane lists the sections
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] })];
    case 'note':
      return [para(b.text, { color: GREY, size: 18 }, { keepNext: true })];
    case 'pairs':
      return [pairsTable(b.rows, keepNext), new Paragraph({ children: [], keepNext })];
    case 'text':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [
            new TextRun(b.label),
            ...(b.meta
              ? [new TextRun({ text: `（${b.meta}）`, color: GREY, size: 18, bold: false })]
              : []),
          ],
        }),
        ...b.paragraphs.map(
          (p) => new Paragraph({ children: [new TextRun(p)], spacing: { after: 60, line: 360 } }),
        ),
      ];
    case 'table': {
      const widths = widthsOf(b.weights);
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.label)] }),
        new Table({
          width: { size: TEXT_W, type: WidthType.DXA },
          columnWidths: widths,
          rows: [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: b.header.map((h, i) => cell(h, widths[i]!, { header: true, size: 19 })),
            }),
            ...b.rows.map(
              (r) =>
                new TableRow({
                  cantSplit: true,
                  children: r.map((c, i) => cell(c, widths[i]!, { size: 19, keepNext })),
                }),
            ),
          ],
        }),
        new Paragraph({ children: [], keepNext }),
      ];
    }
    case 'figure': {
      const scale = Math.min(TEXT_W_PX / b.image.width, FIGURE_MAX_H_PX / b.image.height);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 120 },
          children: [
            new ImageRun({
              type: b.image.type,
              data: b.image.data,
              transformation: {
                width: Math.round(b.image.width * scale),
                height: Math.round(b.image.height * scale),
              },
              altText: { name: b.caption, title: b.caption, description: b.caption },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext,
          spacing: { after: 200 },
          children: [new TextRun({ text: b.caption, color: GREY, size: 18 })],
        }),
      ];
    }
    case 'wordTotal':
      return [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [
            new TextRun({ text: b.text, bold: true, color: b.over ? 'B00000' : undefined }),
          ],
        }),
      ];
    case 'statement':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { line: 400, after: 80 },
          children: [new TextRun({ text: b.text, size: 22 })],
        }),
        para(b.confirmed, { color: GREY, size: 18 }, { keepNext: true }),
      ];
    case 'stamp':
      return [
        para(COPIES_NOTE, { color: GREY, size: 18 }, { keepNext: true }),
        new Paragraph({
          keepNext: true,
          spacing: { before: 200, after: 400 },
          children: [new TextRun(`申报单位（盖章）：${b.unit}`)],
        }),
        new Paragraph({
          keepNext: true,
          tabStops: [{ type: TabStopType.CENTER, position: TEXT_W - 1700 }],
          spacing: { after: 300 },
          children: [
            new TextRun('法定代表人（签字）：__________________'),
            new TextRun({ children: [new Tab(), STAMP_LABEL], color: GREY }),
          ],
        }),
        new Paragraph({
          tabStops: [{ type: TabStopType.CENTER, position: TEXT_W - 1700 }],
          children: [new TextRun({ children: [new Tab(), DATE_LINE] })],
        }),
      ];
  }
}

export async function renderApplicationDocx(input: PrintInput): Promise<Buffer> {
  const c = printContent(input);
  const qr = await qrPng(input.verifyUrl);

  const cover: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { before: 1800, after: 360 },
      children: [new TextRun(c.title)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: c.campaignLine, size: 26 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 900 },
      children: [new TextRun({ text: c.docNumber, color: GREY })],
    }),
    pairsTable(c.cover, false, 22),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 480 },
      children: [
        new ImageRun({
          type: 'png',
          data: qr,
          transformation: { width: 110, height: 110 },
          altText: {
            name: '核验二维码',
            title: '核验二维码 / verification QR code',
            description: `核验二维码：扫描后核对纸质材料与网上申报是否一致（验证码 ${c.verificationCode}）：${c.verifyUrl}`,
          },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `验证码：${c.verificationCode}`, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: '扫描二维码或在以下网址核对纸质材料与网上申报是否一致：',
          color: GREY,
          size: 18,
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: c.verifyUrl, color: GREY, size: 16 })],
    }),
  ];

  const body = blockGroups(c.blocks).flatMap((g) =>
    g.blocks.flatMap((b, i) => blockElements(b, g.keepTogether && i < g.blocks.length - 1)),
  );
  // the body starts on a new page
  const startBody = new Paragraph({ pageBreakBefore: true, children: [] });

  const doc = new Document({
    creator: '征选 Zhengxuan',
    title: `${c.title} — ${c.solutionName}`,
    subject: `${c.campaignLine} ${c.docNumber}`,
    keywords: c.verificationCode,
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 } },
        // Heading 1/2 carry their outline level: the navigation pane and a table of contents
        title: { run: { font: HEI, size: 44, bold: true } },
        heading1: {
          run: { font: HEI, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { font: HEI, size: 23, bold: true, color: '000000' },
          paragraph: { spacing: { before: 120, after: 60 }, keepNext: true, keepLines: true },
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
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_W }],
                children: [
                  new TextRun({ text: c.solutionName, size: 16, color: GREY }),
                  new TextRun({ children: [new Tab(), c.title], size: 16, color: GREY }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_W }],
                children: [
                  new TextRun({ text: `验证码：${c.verificationCode}`, size: 16, color: GREY }),
                  new TextRun({
                    size: 16,
                    color: GREY,
                    children: [
                      new Tab(),
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
        children: [...cover, startBody, ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// The frozen application as PDF (pdfmake on pdfkit; Noto Sans SC embedded as a subset).
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  COPIES_NOTE,
  DATE_LINE,
  STAMP_LABEL,
  blockGroups,
  printContent,
  type Block,
  type PrintContent,
} from './content';
import { configurePdfMake, PRINT_FONT } from './pdfmake-setup';
import { qrPng } from './qr';
import type { PrintInput } from './types';

export type { PrintInput } from './types';

const GREY = '#555555';
// A4 less the page margins below, in points
const TEXT_W = 595.28 - 2 * 56;
const FIGURE_MAX_H = 841.89 - 2 * 60 - 60;
const LINE = '#999999';

const gridLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => LINE,
  vLineColor: () => LINE,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function percentWidths(weights: number[]): string[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => `${((w / total) * 100).toFixed(2)}%`);
}

function blockContent(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return { text: b.text, style: 'h1', headlineLevel: 1 };
    case 'note':
      return { text: b.text, style: 'note' };
    case 'pairs':
      return {
        table: {
          widths: ['28%', '72%'],
          dontBreakRows: true,
          body: b.rows.map(([label, value]): TableCell[] => [
            { text: label, style: 'label' },
            { text: value },
          ]),
        },
        layout: gridLayout,
        margin: [0, 0, 0, 8],
      };
    case 'text': {
      const paragraph = (p: string): Content => ({
        text: p === '' ? ' ' : p,
        preserveLeadingSpaces: true,
        margin: [0, 0, 0, 3],
      });
      const [first, ...rest] = b.paragraphs;
      return {
        stack: [
          // the label stays with the first paragraph
          {
            unbreakable: true,
            stack: [
              {
                text: [
                  { text: b.label, style: 'h2' },
                  ...(b.meta ? [{ text: `（${b.meta}）`, style: 'meta' }] : []),
                ],
                margin: [0, 4, 0, 4],
                headlineLevel: 2,
              },
              paragraph(first ?? ''),
            ],
          },
          ...rest.map(paragraph),
        ],
        margin: [0, 0, 0, 6],
      };
    }
    case 'table':
      return {
        stack: [
          // the label and the table's header row and first row stay together
          { text: b.label, style: 'h2', margin: [0, 4, 0, 4], headlineLevel: 2 },
          {
            table: {
              headerRows: 1,
              keepWithHeaderRows: 1,
              widths: percentWidths(b.weights),
              body: [
                b.header.map((h): TableCell => ({ text: h, style: 'th' })),
                ...b.rows.map((r) => r.map((c): TableCell => ({ text: c, style: 'td' }))),
              ],
            },
            layout: gridLayout,
          },
        ],
        margin: [0, 0, 0, 8],
      };
    case 'figure': {
      // as wide as the text, unless that would make it taller than a page
      const scale = Math.min(TEXT_W / b.image.width, FIGURE_MAX_H / b.image.height);
      const mime = b.image.type === 'png' ? 'image/png' : 'image/jpeg';
      return {
        unbreakable: true,
        margin: [0, 4, 0, 10],
        stack: [
          {
            image: `data:${mime};base64,${b.image.data.toString('base64')}`,
            width: b.image.width * scale,
            height: b.image.height * scale,
            alignment: 'center',
          },
          { text: b.caption, style: 'note', alignment: 'center', margin: [0, 4, 0, 0] },
        ],
      };
    }
    case 'wordTotal':
      return {
        text: b.text,
        bold: true,
        color: b.over ? '#b00000' : '#000000',
        alignment: 'right',
        margin: [0, 2, 0, 8],
      };
    case 'statement':
      return {
        stack: [
          { text: b.text, style: 'statement' },
          { text: b.confirmed, style: 'note', margin: [0, 4, 0, 6] },
        ],
        margin: [0, 0, 0, 4],
      };
    case 'stamp':
      return {
        unbreakable: true,
        margin: [0, 8, 0, 0],
        stack: [
          { text: COPIES_NOTE, style: 'note', margin: [0, 0, 0, 10] },
          {
            columns: [
              {
                width: '*',
                stack: [
                  { text: `申报单位（盖章）：${b.unit}`, margin: [0, 0, 0, 28] },
                  { text: '法定代表人（签字）：__________________' },
                ],
              },
              {
                width: 170,
                stack: [
                  { text: STAMP_LABEL, color: GREY, alignment: 'center', margin: [0, 40, 0, 14] },
                  { text: DATE_LINE, alignment: 'center' },
                ],
              },
            ],
          },
        ],
      };
  }
}

function coverContent(c: PrintContent, qrDataUrl: string): Content[] {
  return [
    { text: c.title, style: 'title', margin: [0, 90, 0, 16] },
    { text: c.campaignLine, alignment: 'center', fontSize: 13 },
    { text: c.docNumber, alignment: 'center', color: GREY, margin: [0, 4, 0, 50] },
    {
      table: {
        widths: ['30%', '70%'],
        body: c.cover.map(([label, value]): TableCell[] => [
          { text: label, style: 'label', fontSize: 11 },
          { text: value, fontSize: 11 },
        ]),
      },
      layout: { ...gridLayout, paddingTop: () => 7, paddingBottom: () => 7 },
      margin: [30, 0, 30, 30],
    },
    {
      columns: [
        { width: '*', text: '' },
        { width: 96, image: qrDataUrl, fit: [96, 96] },
        {
          width: 230,
          margin: [10, 8, 0, 0],
          stack: [
            { text: `验证码：${c.verificationCode}`, bold: true, fontSize: 11 },
            { text: '扫描二维码或在以下网址核对纸质材料与网上申报是否一致：', style: 'note' },
            { text: c.verifyUrl, fontSize: 8, color: GREY },
          ],
        },
        { width: '*', text: '' },
      ],
      pageBreak: 'after',
    },
  ];
}

export function applicationPdfDefinition(
  input: PrintInput,
  qrDataUrl: string,
): TDocumentDefinitions {
  const c = printContent(input);
  return {
    pageSize: 'A4',
    pageMargins: [56, 60, 56, 60],
    info: {
      title: `${c.title} — ${c.solutionName}`,
      subject: `${c.campaignLine} ${c.docNumber}`,
      keywords: c.verificationCode,
      creator: '征选 Zhengxuan',
      producer: '征选 Zhengxuan',
    },
    header: () => ({
      columns: [
        { text: c.solutionName, alignment: 'left' },
        { text: c.title, alignment: 'right', width: 'auto' },
      ],
      fontSize: 8,
      color: GREY,
      margin: [56, 28, 56, 0],
    }),
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `验证码：${c.verificationCode}`, alignment: 'left' },
        { text: `第 ${page} 页 / 共 ${pages} 页`, alignment: 'right' },
      ],
      fontSize: 8,
      color: GREY,
      margin: [56, 24, 56, 0],
    }),
    // a heading (section title, a text's or a table's label) never ends a page: when nothing but
    // headings and notes follow it on its page, it starts the next one
    pageBreakBefore: (node, ctx) =>
      !!node.headlineLevel &&
      ctx.getFollowingNodesOnPage().every((n) => !!n.headlineLevel || n.style === 'note'),
    content: [
      ...coverContent(c, qrDataUrl),
      ...blockGroups(c.blocks).flatMap((g): Content[] =>
        g.keepTogether
          ? [{ stack: g.blocks.map(blockContent), unbreakable: true }]
          : g.blocks.map(blockContent),
      ),
    ],
    defaultStyle: { font: PRINT_FONT, fontSize: 10.5, lineHeight: 1.35 },
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center' },
      h1: { fontSize: 14, bold: true, margin: [0, 10, 0, 6] },
      h2: { fontSize: 11.5, bold: true },
      meta: { fontSize: 9, color: GREY },
      note: { fontSize: 9, color: GREY },
      label: { bold: true, fillColor: '#f2f2f2' },
      th: { bold: true, fillColor: '#e8e8e8', fontSize: 9.5, alignment: 'center' },
      td: { fontSize: 9.5 },
      statement: { fontSize: 11, lineHeight: 1.6 },
    },
  };
}

export async function renderApplicationPdf(input: PrintInput): Promise<Buffer> {
  const pdfMake = configurePdfMake();
  const qr = await qrPng(input.verifyUrl);
  const definition = applicationPdfDefinition(
    input,
    `data:image/png;base64,${qr.toString('base64')}`,
  );
  return pdfMake.createPdf(definition).getBuffer();
}

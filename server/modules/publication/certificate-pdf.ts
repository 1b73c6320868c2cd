// 入选证明 as PDF: one A4 page drawn from the certificate's content model (certificate.ts) with
// pdfmake and the embedded Noto Sans SC (server/modules/printing), a QR code to /verify. Very long
// names (a solution of 200 字, a long list title) are set in a smaller type so it stays one page.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { configurePdfMake, PRINT_FONT, qrPng } from '../printing';
import { certificateContent, type CertificateContent, type CertificateInput } from './certificate';

const GREY = '#555555';
const RED = '#a8071a';
const LINE = '#999999';
const A4 = { w: 595.28, h: 841.89 };

/** Type and spacing, from the usual to the most compact. */
const DENSITIES = [
  { statement: 13, statementLine: 1.65, table: 11.5, tableLine: 1.4, pad: 4, qr: 96, gap: 1 },
  { statement: 11.5, statementLine: 1.5, table: 10, tableLine: 1.3, pad: 3, qr: 88, gap: 0.8 },
  { statement: 10, statementLine: 1.4, table: 9, tableLine: 1.2, pad: 2, qr: 76, gap: 0.5 },
] as const;
type Density = (typeof DENSITIES)[number];

const grid = (d: Density) => ({
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => LINE,
  vLineColor: () => LINE,
  paddingLeft: () => 8,
  paddingRight: () => 8,
  paddingTop: () => d.pad,
  paddingBottom: () => d.pad,
});

/** A double frame around the page. */
function frame(): Content {
  const rect = (inset: number, lineWidth: number) => ({
    type: 'rect' as const,
    x: inset,
    y: inset,
    w: A4.w - 2 * inset,
    h: A4.h - 2 * inset,
    lineWidth,
    lineColor: RED,
  });
  return { canvas: [rect(28, 2), rect(34, 0.6)] };
}

export function certificatePdfDefinition(
  c: CertificateContent,
  qrDataUrl: string,
  d: Density = DENSITIES[0],
  onPages: (pages: number) => void = () => undefined,
): TDocumentDefinitions {
  const gap = (pt: number) => Math.round(pt * d.gap);
  return {
    pageSize: 'A4',
    pageMargins: [72, 60, 72, 76],
    info: {
      title: `${c.title} ${c.publicId}`,
      subject: c.statement,
      keywords: c.code,
      creator: '征选 Zhengxuan',
      producer: '征选 Zhengxuan',
    },
    background: () => frame(),
    content: [
      { text: c.title, style: 'title', margin: [0, gap(6), 0, gap(8)] },
      {
        text: `编号：${c.publicId}`,
        alignment: 'center',
        color: GREY,
        margin: [0, 0, 0, gap(18)],
      },
      {
        text: c.statement,
        fontSize: d.statement,
        lineHeight: d.statementLine,
        leadingIndent: 2 * d.statement,
      },
      {
        table: {
          widths: ['28%', '72%'],
          body: c.rows.map(([label, value]): TableCell[] => [
            { text: label, bold: true, fillColor: '#f5f5f5' },
            { text: value },
          ]),
        },
        fontSize: d.table,
        lineHeight: d.tableLine,
        layout: grid(d),
        margin: [0, gap(14), 0, gap(12)],
      },
      { text: c.validity, bold: true, fontSize: 13, margin: [0, 0, 0, gap(10)] },
      {
        stack: [
          { text: c.issuedBy, alignment: 'right' },
          { text: c.issuedOn, alignment: 'right', margin: [0, 2, 0, 0] },
        ],
        margin: [0, 0, 0, gap(18)],
      },
      {
        unbreakable: true,
        columns: [
          { width: d.qr, image: qrDataUrl, fit: [d.qr, d.qr] },
          {
            width: '*',
            margin: [12, 6, 0, 0],
            stack: [
              { text: `验证码：${c.code}`, bold: true, fontSize: 13 },
              { text: c.verifyNote, style: 'note', margin: [0, 6, 0, 2] },
              { text: c.verifyUrl, fontSize: 8.5, color: GREY },
            ],
          },
        ],
      },
    ],
    footer: (_page: number, pages: number) => {
      onPages(pages);
      return {
        text: '本证明由征选平台依据已发布的名单生成，以平台核验结果为准。',
        alignment: 'center',
        fontSize: 8,
        color: GREY,
        margin: [0, 22, 0, 0],
      };
    },
    defaultStyle: { font: PRINT_FONT, fontSize: 11.5, lineHeight: 1.4 },
    styles: {
      title: { fontSize: 32, bold: true, alignment: 'center', characterSpacing: 14, color: RED },
      note: { fontSize: 9, color: GREY },
    },
  };
}

export async function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  const pdfMake = configurePdfMake();
  const content = certificateContent(input);
  const qr = `data:image/png;base64,${(await qrPng(content.verifyUrl)).toString('base64')}`;
  let bytes: Buffer | undefined;
  // the usual type first; a smaller one only when the names would push it onto a second page
  for (const d of DENSITIES) {
    let pages = 0;
    bytes = await pdfMake
      .createPdf(certificatePdfDefinition(content, qr, d, (n) => (pages = n)))
      .getBuffer();
    if (pages <= 1) break;
  }
  return bytes!;
}

import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { configurePdfMake, PRINT_FONT } from '../printing';
import { CENTRED, type SummaryDocument } from './summary-table';

/** Landscape A4 less the margins and each cell's padding and rules. */
const TABLE_WIDTH = 842 - 72;

/** Column widths in points, in proportion to the configured widths (in characters). */
export function pdfWidths(columns: SummaryDocument['columns']): number[] {
  const total = columns.reduce((n, c) => n + c.width, 0);
  const usable = TABLE_WIDTH - columns.length * 6.6;
  return columns.map((c) => Math.floor((c.width / total) * usable * 10) / 10);
}

const grid = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

export function summaryPdfDefinition(doc: SummaryDocument): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 40],
    info: { title: `${doc.title} — ${doc.unitName}`, creator: '征选 Zhengxuan' },
    footer: (page: number, pages: number) => ({
      text: `第 ${page} 页 / 共 ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
      margin: [0, 14, 0, 0],
    }),
    content: [
      { text: doc.title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      {
        columns: [
          { text: `推荐单位（盖章）：${doc.unitName}`, width: '*' },
          { text: `日期：${doc.date}`, width: 'auto' },
        ],
        fontSize: 11,
        margin: [0, 0, 0, 8],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: pdfWidths(doc.columns),
          body: [
            doc.columns.map((c): TableCell => ({
              text: c.header,
              bold: true,
              alignment: 'center',
              fillColor: '#e8e8e8',
            })),
            ...doc.rows.map((r) =>
              doc.columns.map((c, i): TableCell => ({
                text: String(r.cells[i] ?? ''),
                alignment: CENTRED.has(c.fact) ? 'center' : 'left',
              })),
            ),
          ],
        },
        layout: grid,
      },
    ],
    defaultStyle: { font: PRINT_FONT, fontSize: 8.5, lineHeight: 1.25 },
  };
}

export async function renderSummaryPdf(doc: SummaryDocument): Promise<Buffer> {
  const pdfMake = configurePdfMake();
  return pdfMake.createPdf(summaryPdfDefinition(doc)).getBuffer();
}

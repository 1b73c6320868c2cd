// The 年度监测分析报告 as PDF (pdfmake, Noto Sans SC embedded as a subset). Charts go in as SVG
// (vector, their text in the same embedded font); tables as tables.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { configurePdfMake, PRINT_FONT } from '../printing';
import type { ReportChart, ReportContent, ReportTable } from './content';

const GREY = '#555555';
const LINE = '#999999';
// A4 less the page margins, in points
const TEXT_W = 595.28 - 2 * 62;

const gridLayout = {
  // no line above the caption row
  hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
  vLineWidth: () => 0.5,
  hLineColor: () => LINE,
  vLineColor: () => LINE,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function percentWidths(weights: number[]): string[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => `${((w / total) * 100).toFixed(2)}%`);
}

/**
 * The font the charts' SVG text is set in. pdfmake hands svg-to-pdfkit the font *file* of a family
 * and pdfkit then reads that path from disk, which misses pdfmake's virtual file system. This
 * family's "files" are instead the PostScript names under which pdfkit has cached the fonts
 * pdfmake already embedded for the document's own text (regular and the bold of the title), so
 * the charts reuse the same embedded subset and nothing is read from disk.
 */
const SVG_FONT = 'ZxReportSvgText';
let svgFontAdded = false;
function reportPdfMake() {
  const pdfMake = configurePdfMake();
  if (!svgFontAdded) {
    pdfMake.addFonts({
      [SVG_FONT]: {
        normal: 'NotoSansSC-Regular',
        bold: 'NotoSansSC-Bold',
        italics: 'NotoSansSC-Regular',
        bolditalics: 'NotoSansSC-Bold',
      },
    });
    svgFontAdded = true;
  }
  return pdfMake;
}

/**
 * ECharts draws a label's halo as a stroke under the fill (paint-order="stroke"); svg-to-pdfkit
 * ignores paint-order and would stroke the text white over its fill, so labels lose the halo here.
 */
export function pdfSvg(svg: string): string {
  return svg.replace(/<text\b[^>]*>/g, (tag) =>
    /paint-order="stroke"/.test(tag)
      ? tag.replace(/\s(stroke|stroke-width|paint-order|stroke-miterlimit)="[^"]*"/g, '')
      : tag,
  );
}

function chartContent(c: ReportChart): Content {
  const width = Math.min(TEXT_W, c.width * 0.75 * 1.1);
  return {
    unbreakable: true,
    margin: [0, 6, 0, 10],
    stack: [
      // the SVG names 'Noto Sans SC', no family of pdfmake's: svg-to-pdfkit takes `font`
      { svg: pdfSvg(c.svg), width, alignment: 'center', font: SVG_FONT } as Content,
      { text: c.caption, style: 'caption' },
    ],
  };
}

function tableContent(t: ReportTable): Content {
  const n = t.columns.length;
  return {
    margin: [0, 4, 0, 10],
    table: {
      // the caption is the first header row: it repeats on a next page and never ends one alone
      headerRows: 2,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: percentWidths(t.columns.map((c) => c.weight)),
      body: [
        [
          { text: t.caption, style: 'caption', colSpan: n, border: [false, false, false, false] },
          ...Array.from({ length: n - 1 }, (): TableCell => ({ text: '' })),
        ],
        t.columns.map((c): TableCell => ({ text: c.label, style: 'th' })),
        ...t.rows.map((r) =>
          r.map((cell, i): TableCell => ({
            text: cell,
            style: 'td',
            alignment: t.columns[i]?.align ?? 'left',
            bold: r[0] === '合计',
          })),
        ),
      ],
    },
    layout: gridLayout,
  };
}

const paragraph = (p: string): Content => ({ text: p, style: 'p', leadingIndent: 21 });

export function reportPdfDefinition(c: ReportContent): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [62, 64, 62, 60],
    info: {
      title: c.title,
      subject: c.subtitle,
      creator: '征选 Zhengxuan',
      producer: '征选 Zhengxuan',
    },
    header: (page: number) =>
      page === 1
        ? null
        : { text: c.title, alignment: 'right', fontSize: 8, color: GREY, margin: [62, 30, 62, 0] },
    footer: (page: number, pages: number) => ({
      text: `第 ${page} 页 / 共 ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      color: GREY,
      margin: [62, 24, 62, 0],
    }),
    content: [
      { text: c.titleLines.join('\n'), style: 'title' },
      { text: c.subtitle, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 4] },
      {
        text: `${c.date}\u3000${c.asOf}`,
        alignment: 'center',
        color: GREY,
        fontSize: 9,
        margin: [0, 0, 0, 18],
      },
      ...c.sections.flatMap((s): Content[] => [
        // the heading stays with the first paragraph
        {
          unbreakable: true,
          stack: [{ text: s.heading, style: 'h1' }, ...s.paragraphs.slice(0, 1).map(paragraph)],
        },
        ...s.paragraphs.slice(1).map(paragraph),
        ...s.charts.map(chartContent),
        ...s.tables.map(tableContent),
      ]),
    ],
    defaultStyle: { font: PRINT_FONT, fontSize: 10.5, lineHeight: 1.4 },
    styles: {
      title: { fontSize: 19, bold: true, alignment: 'center', margin: [0, 24, 0, 10] },
      h1: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
      p: { margin: [0, 0, 0, 5], alignment: 'justify' },
      caption: { fontSize: 9, color: GREY, alignment: 'center', margin: [0, 2, 0, 0] },
      th: { bold: true, fillColor: '#e8e8e8', fontSize: 9, alignment: 'center', lineHeight: 1.2 },
      td: { fontSize: 9, lineHeight: 1.2 },
    },
  };
}

export async function renderReportPdf(c: ReportContent): Promise<Buffer> {
  const pdfMake = reportPdfMake();
  return pdfMake.createPdf(reportPdfDefinition(c)).getBuffer();
}

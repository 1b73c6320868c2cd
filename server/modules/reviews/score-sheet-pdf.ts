// 专家评分表: one expert's scores in a round, printed for the expert's signature — the call, the
// round, the expert and employer, a table of the applications scored (each criterion, the total,
// the recommendation), the comments, and 专家签字 / 日期 at the end. pdfmake with the embedded
// Noto Sans SC (server/modules/printing). In an anonymous round the applicant is left out, as the
// expert never saw it.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { configurePdfMake, PRINT_FONT } from '../printing';
import type { ScoreSheet } from './score-sheet';

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

const fmt = (x: number | null) => (x === null ? '' : String(Math.round(x * 100) / 100));

export function scoreSheetDefinition(s: ScoreSheet): TDocumentDefinitions {
  const k = s.criteria.length;
  const header: TableCell[] = [
    '序号',
    '解决方案名称',
    ...s.criteria.map((c) => `${c.name}\n（${c.max}分）`),
    '总分',
    '推荐意见',
  ].map((text) => ({ text, bold: true, alignment: 'center', fillColor: '#e8e8e8' }));
  const body: TableCell[][] = s.rows.map((r, i) => [
    { text: String(i + 1), alignment: 'center' },
    {
      stack: [
        { text: r.solutionName },
        ...(r.applicantName ? [{ text: r.applicantName, fontSize: 8, color: '#444444' }] : []),
      ],
    },
    ...r.scores.map((x): TableCell => ({ text: fmt(x), alignment: 'center' })),
    {
      text: r.submitted ? fmt(r.total) : `${fmt(r.total)}\n（未提交）`,
      alignment: 'center',
      bold: true,
    },
    { text: r.recommendation, alignment: 'center' },
  ]);
  const heading: Content = { text: '评审意见', fontSize: 13, bold: true, margin: [0, 16, 0, 2] };
  const signature: Content = {
    text: '专家签字：________________\u3000\u3000\u3000日期：________________',
    fontSize: 12,
    alignment: 'right',
    margin: [0, 28, 0, 0],
  };
  // each comment kept whole (unless very long); the heading stays with the first comment and the
  // signature with the last, so neither is ever alone on a page
  const last = s.rows.length - 1;
  const comments: Content[] = s.rows.map((r, i) => ({
    stack: [
      ...(i === 0 ? [heading] : []),
      { text: `${i + 1}. ${r.solutionName}`, bold: true, margin: [0, 6, 0, 2] },
      { text: r.comment || '（未填写）', margin: [12, 0, 0, 0], lineHeight: 1.4 },
      ...(i === last ? [signature] : []),
    ],
    unbreakable: r.comment.length < 600,
  }));
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 44],
    info: { title: `专家评分表 — ${s.expertName}`, creator: '征选 Zhengxuan' },
    footer: (page: number, pages: number) => ({
      text: `${s.expertName} · 第 ${page} 页 / 共 ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
      margin: [0, 16, 0, 0],
    }),
    content: [
      { text: '专家评分表', fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      {
        text: `${s.campaignTitle}\u3000${s.roundName}`,
        fontSize: 11,
        alignment: 'center',
        margin: [0, 0, 0, 12],
      },
      {
        columns: [
          { text: `专家：${s.expertName}`, width: 'auto' },
          { text: `工作单位：${s.employerName}`, width: '*' },
          ...(s.expertTitle ? [{ text: `职称/职务：${s.expertTitle}`, width: 'auto' }] : []),
        ],
        columnGap: 24,
        fontSize: 11,
        margin: [0, 0, 0, 8],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [26, '*', ...Array.from({ length: k }, () => 62), 54, 56],
          body: [header, ...body],
        },
        layout: grid,
      },
      ...(s.anonymous
        ? [
            {
              text: '本轮为匿名评审，评分表不列申报单位。',
              fontSize: 8,
              color: '#555555',
              margin: [0, 4, 0, 0],
            } as Content,
          ]
        : []),
      ...(comments.length ? comments : [heading, signature]),
    ],
    defaultStyle: { font: PRINT_FONT, fontSize: 9.5, lineHeight: 1.25 },
  };
}

export async function renderScoreSheetPdf(s: ScoreSheet): Promise<Buffer> {
  const pdfMake = configurePdfMake();
  return pdfMake.createPdf(scoreSheetDefinition(s)).getBuffer();
}

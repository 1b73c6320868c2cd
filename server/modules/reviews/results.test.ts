// 评审结果 through the API on a small world: four experts score five applications through the
// routes; the organizer's results equal the domain's function on the same totals; the workbook
// and the score sheet carry them; nobody else reads them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { weightedTotal } from '../../../domain/review';
import { reviewResults } from '../../../domain/review-results';
import { forwardedWorld, type ForwardedWorld } from '../../../test/fixtures/review';
import {
  insertScoringExperts,
  insertScoringRound,
  SCORING_EXPERT_PASSWORD,
  type SeededExpert,
  type SeededRound,
} from '../../../test/fixtures/review-scoring';
import { cellsHolding } from '../../../test/fixtures/xlsx-injection';
import {
  Client,
  createTestApp,
  query,
  signedIn,
  userIdOf,
  type TestApp,
} from '../../../test/harness';
import { ExcelJS, cellText } from '../../lib/xlsx';
import { round2 } from './views';

let t: TestApp;
let w: ForwardedWorld;
let e: SeededExpert[];
let x: Client[];
let round: SeededRound;
let apps: string[]; // b0 b1 b2 s0 s1 in panel 1; s2 in panel 2

const COMMENT =
  '方案结合行业实际需求，依托工业互联网平台实现了关键环节的数字化，部署应用效果明确，具有较好的推广价值，建议完善知识产权材料。';
const INJECTION = '=HYPERLINK("http://evil.example/","点击")';

/** Scores on the 2021 rubric (20 25 20 20 15) that add up to `total`, spread by weight. */
function scoresFor(total: number) {
  const f = total / 100;
  const half = (x: number) => Math.round(x * 2) / 2;
  const s = {
    scenario: half(20 * f),
    industry_value: half(25 * f),
    technology: half(20 * f),
    deployment: half(20 * f),
    promotion: 0,
  };
  s.promotion = Math.min(
    15,
    Math.max(0, total - (s.scenario + s.industry_value + s.technology + s.deployment)),
  );
  return s;
}

// (expert, application, total): E4 harsh; b2 has one review, s1 none submitted (a draft only)
const PLAN: [number, number, number][] = [
  [0, 0, 80],
  [1, 0, 78],
  [2, 0, 82],
  [3, 0, 60],
  [0, 1, 70],
  [1, 1, 70],
  [3, 1, 50],
  [1, 3, 80],
  [2, 3, 46],
  [0, 2, 66],
  [2, 5, 75], // panel 2
];

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000 } });
  w = await forwardedWorld(t, 9420, 3);
  apps = [...w.bjForwarded, ...w.shForwarded];
  e = await insertScoringExperts(t, [
    { login: 'results-e1', name: '甲专家', employerName: '中国信息通信研究院' },
    { login: 'results-e2', name: '乙专家', employerName: '中国电子技术标准化研究院' },
    { login: 'results-e3', name: '丙专家', employerName: '清华大学' },
    { login: 'results-e4', name: '丁专家', employerName: '北京航空航天大学' },
  ]);
  x = [];
  for (const [i, s] of e.entries())
    x.push(await signedIn(t.app, s.login, SCORING_EXPERT_PASSWORD, `10.94.2.${i + 1}`));
  const pairs = (list: [number, number][]) =>
    list.map(([ex, a]) => ({ applicationId: apps[a]!, expertId: e[ex]!.id }));
  round = await insertScoringRound(t, {
    campaignId: w.campaignId,
    createdBy: await userIdOf(t, 'organizer'),
    name: '第一轮专家评审',
    reviewsPerApplication: 3,
    panels: [
      {
        name: '第一组',
        pairs: [
          ...pairs(PLAN.filter(([, a]) => a !== 5).map(([ex, a]) => [ex, a])),
          ...pairs([[3, 4]]), // s1: E4's draft
          ...pairs([[0, 4]]), // s1: E1 submits, then the pair is withdrawn: it must not count
        ],
      },
      { name: '第二组', pairs: pairs([[2, 5]]) },
    ],
  });
  for (const [ex, a, total] of PLAN) {
    const id = round.assignment(apps[a]!, e[ex]!.id);
    const saved = await x[ex]!.request('PUT', `/api/v1/my/reviews/${id}`, {
      baseVersion: 0,
      scores: scoresFor(total),
      recommendation: total >= 70 ? 'recommend' : 'not_recommend',
      comment: COMMENT,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.total).toBe(total);
    const done = await x[ex]!.post(`/api/v1/my/reviews/${id}/submit`, { baseVersion: 1 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  }
  const draft = await x[3]!.request(
    'PUT',
    `/api/v1/my/reviews/${round.assignment(apps[4]!, e[3]!.id)}`,
    {
      baseVersion: 0,
      scores: { scenario: 10 },
      comment: INJECTION,
    },
  );
  expect(draft.status).toBe(200);
  const withdrawn = round.assignment(apps[4]!, e[0]!.id);
  const s = await x[0]!.request('PUT', `/api/v1/my/reviews/${withdrawn}`, {
    baseVersion: 0,
    scores: scoresFor(99),
    recommendation: 'strong',
    comment: COMMENT,
  });
  expect(
    (await x[0]!.post(`/api/v1/my/reviews/${withdrawn}/submit`, { baseVersion: s.body.version }))
      .status,
  ).toBe(200);
  await query(t, `update review_assignments set state = 'removed' where id = '${withdrawn}'`);
});
afterAll(() => t?.close());

const resultsUrl = () => `/api/v1/review-rounds/${round.roundId}/results`;

describe('评审结果', () => {
  test('organizers only', async () => {
    for (const c of [w.bjEnterprise, w.beijing, x[0]!]) {
      expect((await c.get(resultsUrl())).status).toBe(403);
      expect((await c.get(`${resultsUrl()}.xlsx`)).status).toBe(403);
      expect((await c.get(`${resultsUrl()}/experts/${e[0]!.id}/score-sheet.pdf`)).status).toBe(403);
    }
    expect((await new Client(t.app).get(resultsUrl())).status).toBe(401);
    expect(
      (await w.org.get('/api/v1/review-rounds/00000000-0000-4000-8000-000000000000/results'))
        .status,
    ).toBe(404);
  });

  test('the numbers are the domain function’s on the submitted totals', async () => {
    const res = await w.org.get(resultsUrl());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body;
    // what the domain says on the same input: totals by the rubric, the withdrawn pair left out
    const totals = PLAN.map(([ex, a, total]) => ({
      applicationId: apps[a]!,
      expertId: e[ex]!.id,
      total: weightedTotal(body.rubric, scoresFor(total)),
    }));
    expect(totals.map((r) => r.total)).toEqual(PLAN.map(([, , total]) => total));
    const want = reviewResults(
      round.panelIds,
      apps.map((id, i) => ({
        id,
        panelId: round.panelIds[i === 5 ? 1 : 0]!,
        name: '',
      })),
      totals,
      { reviewsPerApplication: 3 },
    );
    expect(body.panels.map((p: any) => p.name)).toEqual(['第一组', '第二组']);
    for (const [i, p] of want.entries()) {
      const got = body.panels[i];
      expect(got).toMatchObject({ n: p.n, mean: round2(p.mean), sd: round2(p.sd) });
      const byId = new Map(p.applications.map((a) => [a.applicationId, a]));
      for (const row of got.rows) {
        const a = byId.get(row.applicationId)!;
        expect(row).toMatchObject({
          submitted: a.n,
          needed: 3,
          mean: round2(a.mean),
          trimmedMean: round2(a.trimmedMean),
          trimmed: a.trimmed,
          median: round2(a.median),
          sd: round2(a.sd),
          range: round2(a.range),
          normalisedMean: round2(a.normalisedMean),
          rank: a.rank,
        });
        expect(row.flags.map((f: any) => f.code)).toEqual(a.flags.map((f) => f.code));
      }
      for (const ex of p.experts)
        expect(got.experts.find((g: any) => g.expertId === ex.expertId)).toMatchObject({
          n: ex.n,
          mean: round2(ex.mean),
          sd: round2(ex.sd),
          leniency: round2(ex.leniency),
          outlier: ex.outlier,
        });
    }
    // panel 1: 10 submitted totals (80 78 82 60 70 70 50 80 46 66 = 682) → mean 68.2
    const p1 = body.panels[0];
    expect(p1).toMatchObject({ n: 10, mean: 68.2 });
    expect(p1.rows.map((r: any) => r.rank)).toEqual([1, 2, 3, 4, null]);
    expect(p1.rows.at(-1).solutionName).toContain('家电售后服务派工'); // s1: a draft and a withdrawn review only
    const s1 = p1.rows.at(-1);
    expect(s1).toMatchObject({ submitted: 0, mean: null });
    expect(s1.flags).toEqual([
      {
        code: 'missing_reviews',
        label: '评审份数不足',
        detail: '已提交0份，应评3份，缺3份',
      },
    ]);
    const e4 = p1.experts.find((g: any) => g.expertId === e[3]!.id);
    expect(e4).toMatchObject({
      name: '丁专家',
      employerName: '北京航空航天大学',
      assigned: 3,
      n: 2,
    });
    expect(e4.reviews.map((r: any) => r.state).sort()).toEqual(['draft', 'submitted', 'submitted']);
    // rows carry the applicant and unit for the organizer
    expect(p1.rows[0]).toMatchObject({ unitName: '北京市', categoryName: expect.any(String) });
  });

  test('the workbook: 结果汇总 and one sheet per expert, formula-like text kept as text', async () => {
    const res = await w.org.get(`${resultsUrl()}.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('评审结果-第一轮专家评审.xlsx'),
    );
    const bytes = res.raw.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('结果汇总');
    expect(
      wb.worksheets
        .map((s) => s.name)
        .slice(1)
        .sort(),
    ).toEqual(['丁专家', '丙专家', '乙专家', '甲专家'].sort());
    const text = (name: string) => {
      const rows: string[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (c) => cells.push(cellText(c.value)));
        rows.push(cells);
      });
      return rows;
    };
    const summary = text('结果汇总');
    expect(summary[0]![0]).toContain('第一轮专家评审 评审结果汇总');
    const results = (await w.org.get(resultsUrl())).body;
    const top = results.panels[0].rows[0];
    const topRow = summary.find((r) => r[1] === top.solutionName)!;
    expect(topRow.slice(0, 8)).toEqual([
      '1',
      top.solutionName,
      top.applicantName,
      '北京市',
      top.categoryName,
      `${top.submitted}/3`,
      String(top.mean),
      String(top.trimmedMean),
    ]);
    expect(topRow[11]).toBe(String(top.normalisedMean));
    expect(summary.some((r) => r[0]?.startsWith('第二组'))).toBe(true);
    const e4 = results.panels[0].experts.find((g: any) => g.name === '丁专家');
    expect(summary.find((r) => r[1] === '丁专家')!.slice(1, 8)).toEqual([
      '丁专家',
      '北京航空航天大学',
      '打分明显偏严',
      '2/3',
      String(e4.mean),
      String(e4.sd),
      String(e4.leniency),
    ]);

    const d = text('丁专家');
    expect(d[0]![0]).toBe('专家评分明细：丁专家（北京航空航天大学）');
    const header = d[2]!;
    expect(header.slice(4, 9)).toEqual([
      '应用场景与平台支撑（20分）',
      '行业特点与引领作用（25分）',
      '自主知识产权与技术先进性（20分）',
      '产业化与部署应用（20分）',
      '借鉴意义与推广价值（15分）',
    ]);
    const b0 = d.find((r) => r[2]?.includes('高炉炉况'))!;
    const s = scoresFor(60);
    expect(b0.slice(4, 13)).toEqual([
      String(s.scenario),
      String(s.industry_value),
      String(s.technology),
      String(s.deployment),
      String(s.promotion),
      '60',
      '不推荐',
      COMMENT,
      '已提交',
    ]);
    // the draft's comment starts like a formula: written as text, quote-prefixed
    const cells = await cellsHolding(bytes, [INJECTION]);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({
      sheet: '丁专家',
      value: INJECTION,
      numFmt: '@',
      quotePrefix: true,
    });
  });

  test('the score sheet for signature: a PDF with the scores, comments and the signature line', async () => {
    const res = await w.org.get(`${resultsUrl()}/experts/${e[3]!.id}/score-sheet.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.raw.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // an expert with nothing in this round
    const none = await insertScoringExperts(t, [{ login: 'results-none', name: '无任务专家' }]);
    expect((await w.org.get(`${resultsUrl()}/experts/${none[0]!.id}/score-sheet.pdf`)).status).toBe(
      404,
    );
    if (spawnSync('pdftotext', ['-v']).error) return; // poppler-utils not installed
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-sheet-'));
    const file = path.join(dir, 'sheet.pdf');
    fs.writeFileSync(file, bytes);
    const pdfText = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).replace(/[ \u3000]+/g, ' ');
    fs.rmSync(dir, { recursive: true, force: true });
    for (const s of [
      '专家评分表',
      '丁专家',
      '北京航空航天大学',
      '第一轮专家评审',
      '评审意见',
      '专家签字',
      '日期',
      '（未提交）',
      '不推荐',
    ])
      expect(pdfText, s).toContain(s);
  });
});

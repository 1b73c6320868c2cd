// Who may call what: every route the app registers × every kind of caller, from one explicit
// table. A route missing from the table fails the first test, so a new route needs a row here.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIIT_2021_FORMAL_CHECKLIST } from '../../domain/review';
import { makePng } from '../../test/fixtures/files';
import { PDF, upload } from '../../test/fixtures/applications';
import { postFile } from '../../test/fixtures/desk';
import { csvOf, importFile } from '../../test/fixtures/award-imports';
import { decide, fileClaim, postForm, uploadProof } from '../../test/fixtures/verification';
import { answeredChallenge, objectionFields } from '../../test/fixtures/objections';
import { publishedWorld } from '../../test/fixtures/published';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  listRoutes,
  makeUscc,
  registration,
  signedIn,
  type TestApp,
} from '../../test/harness';

const CALLERS = [
  'anonymous',
  'enterprise',
  'otherEnterprise',
  'recommender',
  'otherRecommender',
  'expert',
  'organizer',
] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = Record<Caller, number>;

const LOGINS: Record<Exclude<Caller, 'anonymous'>, string> = {
  enterprise: DEMO_ENTERPRISE_USCC,
  otherEnterprise: makeUscc(9001),
  recommender: 'beijing',
  otherRecommender: 'casic',
  expert: 'expert',
  organizer: 'organizer',
};
const PASSWORDS: Partial<Record<Caller, string>> = { otherEnterprise: 'Secret2021pass' };

const all = (status: number): Outcome =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Outcome;
/** Needs a session; then `status` for everyone. */
const signedInOnly = (status: number): Outcome => ({ ...all(status), anonymous: 401 });
/** 401 anonymous, 403 for every role but the organizer's. */
const organizerOnly = (status: number): Outcome => ({
  ...all(403),
  anonymous: 401,
  organizer: status,
});

let t: TestApp;
const clients = {} as Record<Caller, Client>;
const ids = {} as {
  enterprise: string;
  otherEnterprise: string;
  unit: string;
  user: string;
  campaign: string;
  application: string;
  attachment: string;
  recommenderUnit: string; // 北京市
  otherRecommenderUnit: string; // 中国航天科工集团有限公司
  award: string; // the demo enterprise's 2020 award, recommended by 北京市
};
let serial = 0;
let proof: Promise<unknown> | undefined;

async function fresh(caller: Caller): Promise<Client> {
  const ip = `10.9.${CALLERS.indexOf(caller)}.1`;
  if (caller === 'anonymous') return new Client(t.app, ip);
  return signedIn(t.app, LOGINS[caller], PASSWORDS[caller], ip);
}

interface Case {
  what?: string;
  expect: Outcome;
  call(c: Client, caller: Caller, n: number): Promise<{ status: number; body: any }>;
}

const staffBody = (n: number) => ({
  role: 'expert',
  login: `matrix-${n}`,
  name: '矩阵专家',
  email: `matrix-${n}@test.zhengxuan.invalid`,
});
const copyBody = (n: number) => ({
  code: `matrix-copy-${n}`,
  year: 2027,
  title: '矩阵测试活动',
  opensAt: '2027-09-01T00:00:00+08:00',
  onlineDeadline: '2027-10-20T23:59:59.999+08:00',
  paperDeadline: '2027-10-20T23:59:59.999+08:00',
});
function uploadPng(c: Client, applicationId: string) {
  return upload(c, applicationId, '图.png', makePng());
}
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const FAILING_CHECK = '91350203M0001QAY9B'; // /work/shared/data/uscc-samples.csv

/** 监测分析: organizers see all; a recommender its own unit (another unit's is refused); the public page anyone. */
function statisticsRows(): Record<string, Case[]> {
  const base = () => `/api/v1/campaigns/${ids.campaign}/statistics`;
  const staff = { ...organizerOnly(200), recommender: 200, otherRecommender: 200 };
  const otherUnit = (path: string, sep: string): Case => ({
    what: "中国航天科工's figures: only the organizer and 中国航天科工's own recommender",
    expect: { ...organizerOnly(200), otherRecommender: 200 },
    call: (c) => c.get(`${base()}/${path}${sep}unitId=${ids.otherRecommenderUnit}`),
  });
  return {
    'GET /api/v1/campaigns/:idOrCode/statistics/overview': [
      { expect: staff, call: (c) => c.get(`${base()}/overview`) },
      otherUnit('overview', '?'),
    ],
    'GET /api/v1/campaigns/:idOrCode/statistics/breakdown': [
      { expect: staff, call: (c) => c.get(`${base()}/breakdown?dimension=province`) },
      otherUnit('breakdown?dimension=unit', '&'),
    ],
    'GET /api/v1/campaigns/:idOrCode/statistics/timeline': [
      { expect: staff, call: (c) => c.get(`${base()}/timeline`) },
      otherUnit('timeline', '?'),
    ],
    'GET /api/v1/campaigns/:idOrCode/statistics/winners': [
      { expect: staff, call: (c) => c.get(`${base()}/winners`) },
      otherUnit('winners', '?'),
    ],
    'GET /api/v1/campaigns/:idOrCode/statistics/applications': [
      { expect: staff, call: (c) => c.get(`${base()}/applications`) },
      otherUnit('applications', '?'),
    ],
    'GET /api/v1/campaigns/:idOrCode/statistics/export.xlsx': [
      { expect: staff, call: (c) => c.get(`${base()}/export.xlsx?chart=category`) },
      otherUnit('export.xlsx?chart=funnel', '&'),
    ],
    'GET /api/v1/campaigns/:idOrCode/statistics/public': [
      { expect: all(200), call: (c) => c.get(`${base()}/public`) },
    ],
  };
}

/** The recommender's batch routes, on 北京市's desk in the demo campaign (nothing recommended). */
function batchRows(): Record<string, Case[]> {
  const base = (unit = ids.recommenderUnit) =>
    `/api/v1/campaigns/${ids.campaign}/units/${unit}/batch`;
  const ownOrOrganizer = { ...organizerOnly(200), recommender: 200 };
  const ownOnly = (status: number) => ({ ...all(403), anonymous: 401, recommender: status });
  let scan: Promise<unknown> | undefined;
  return {
    'GET /api/v1/campaigns/:idOrCode/units/:unitId/batch': [
      { what: "北京市's", expect: ownOrOrganizer, call: (c) => c.get(base()) },
      {
        what: "中国航天科工's",
        expect: { ...organizerOnly(200), otherRecommender: 200 },
        call: (c) => c.get(base(ids.otherRecommenderUnit)),
      },
    ],
    'PUT /api/v1/campaigns/:idOrCode/units/:unitId/batch/ranking': [
      {
        what: 'nothing recommended: the empty order',
        expect: ownOnly(200),
        call: (c) => c.request('PUT', `${base()}/ranking`, { order: [] }),
      },
    ],
    'GET /api/v1/campaigns/:idOrCode/units/:unitId/batch/summary-table.xlsx': [
      { expect: ownOrOrganizer, call: (c) => c.get(`${base()}/summary-table.xlsx`) },
    ],
    'GET /api/v1/campaigns/:idOrCode/units/:unitId/batch/summary-table.pdf': [
      { expect: ownOrOrganizer, call: (c) => c.get(`${base()}/summary-table.pdf`) },
    ],
    'POST /api/v1/campaigns/:idOrCode/units/:unitId/batch/stamped-scan': [
      {
        expect: ownOnly(200),
        call: (c) => postFile(c, `${base()}/stamped-scan`, '盖章汇总表.pdf', PDF),
      },
    ],
    'GET /api/v1/campaigns/:idOrCode/units/:unitId/batch/stamped-scan': [
      {
        expect: ownOrOrganizer,
        call: async (c) => {
          scan ??= postFile(clients.recommender, `${base()}/stamped-scan`, '盖章汇总表.pdf', PDF);
          await scan;
          return c.get(`${base()}/stamped-scan`);
        },
      },
    ],
    'POST /api/v1/campaigns/:idOrCode/units/:unitId/batch/sign-off': [
      {
        what: 'nothing recommended: not ready',
        expect: ownOnly(409),
        call: (c) => c.post(`${base()}/sign-off`, {}),
      },
    ],
    'POST /api/v1/campaigns/:idOrCode/units/:unitId/batch/reopen': [
      {
        what: 'not signed off: nothing to reopen',
        expect: organizerOnly(409),
        call: (c) => c.post(`${base()}/reopen`, { reason: '矩阵重新开放' }),
      },
    ],
  };
}

/** 专家评分: experts only (another's or no assignment: 404); 评审结果 and reopening: organizers only. */
function reviewRows(): Record<string, Case[]> {
  const expertOnly = (status: number): Outcome => ({ ...all(403), anonymous: 401, expert: status });
  const mine = `/api/v1/my/reviews/${NO_SUCH_ID}`;
  const round = `/api/v1/review-rounds/${NO_SUCH_ID}`;
  return {
    'GET /api/v1/my/reviews': [
      {
        what: 'none assigned: an empty list',
        expect: expertOnly(200),
        call: (c) => c.get('/api/v1/my/reviews'),
      },
    ],
    'GET /api/v1/my/reviews/:assignmentId': [
      { what: 'not theirs', expect: expertOnly(404), call: (c) => c.get(mine) },
    ],
    'GET /api/v1/my/reviews/:assignmentId/attachments/:attachmentId': [
      {
        what: 'not theirs',
        expect: expertOnly(404),
        call: (c) => c.get(`${mine}/attachments/${ids.attachment}`),
      },
    ],
    'PUT /api/v1/my/reviews/:assignmentId': [
      {
        what: 'not theirs',
        expect: expertOnly(404),
        call: (c) => c.request('PUT', mine, { baseVersion: 0, scores: {}, comment: '' }),
      },
    ],
    'POST /api/v1/my/reviews/:assignmentId/submit': [
      {
        what: 'not theirs',
        expect: expertOnly(404),
        call: (c) => c.post(`${mine}/submit`, { baseVersion: 1 }),
      },
    ],
    'POST /api/v1/review-rounds/:roundId/reviews/:assignmentId/reopen': [
      {
        what: 'no such round',
        expect: organizerOnly(404),
        call: (c) => c.post(`${round}/reviews/${NO_SUCH_ID}/reopen`, { reason: '矩阵重新开放' }),
      },
    ],
    'GET /api/v1/review-rounds/:roundId/results': [
      { what: 'no such round', expect: organizerOnly(404), call: (c) => c.get(`${round}/results`) },
    ],
    'GET /api/v1/review-rounds/:roundId/results.xlsx': [
      {
        what: 'no such round',
        expect: organizerOnly(404),
        call: (c) => c.get(`${round}/results.xlsx`),
      },
    ],
    'GET /api/v1/review-rounds/:roundId/results/experts/:expertId/score-sheet.pdf': [
      {
        what: 'no such round',
        expect: organizerOnly(404),
        call: (c) => c.get(`${round}/results/experts/${NO_SUCH_ID}/score-sheet.pdf`),
      },
    ],
  };
}

/**
 * 发布 (issue 14): the list is the organizer's (the matrix's call has no 公示: not ready, refused);
 * the 入选证明 follows who may read the application (the matrix's draft is on no list: 409).
 */
function publicationRows(): Record<string, Case[]> {
  const url = () => `/api/v1/campaigns/${ids.campaign}/published-list`;
  return {
    'GET /api/v1/campaigns/:idOrCode/published-list': [
      { what: 'not ready: no 公示', expect: organizerOnly(200), call: (c) => c.get(url()) },
    ],
    'POST /api/v1/campaigns/:idOrCode/published-list': [
      {
        what: 'no 公示 opened',
        expect: organizerOnly(409),
        call: (c) =>
          c.post(url(), { documentNo: '工信厅信发函〔2026〕300号', publishedOn: '2026-11-01' }),
      },
    ],
    'GET /api/v1/applications/:id/certificate.pdf': [
      {
        what: "the enterprise's draft, on no list",
        expect: { ...all(403), anonymous: 401, enterprise: 409, organizer: 409 },
        call: (c) => c.get(`/api/v1/applications/${ids.application}/certificate.pdf`),
      },
      {
        what: 'no such application',
        expect: { ...all(404), anonymous: 401 },
        call: (c) => c.get(`/api/v1/applications/${NO_SUCH_ID}/certificate.pdf`),
      },
    ],
  };
}

/** 遴选决定 (issue 14): organizers only. The matrix's call has no published round: not started. */
function selectionRows(): Record<string, Case[]> {
  const url = () => `/api/v1/campaigns/${ids.campaign}/selection`;
  return {
    'GET /api/v1/campaigns/:idOrCode/selection': [
      { expect: organizerOnly(200), call: (c) => c.get(url()) },
    ],
    'PUT /api/v1/campaigns/:idOrCode/selection': [
      {
        what: 'no published round to rank by',
        expect: organizerOnly(400),
        call: (c) => c.request('PUT', url(), { baseRevision: 0, roundId: NO_SUCH_ID, targets: {} }),
      },
    ],
    'POST /api/v1/campaigns/:idOrCode/selection/preselect': [
      {
        what: 'not started',
        expect: organizerOnly(409),
        call: (c) => c.post(`${url()}/preselect`, { baseRevision: 1 }),
      },
    ],
    'PUT /api/v1/campaigns/:idOrCode/selection/decisions/:applicationId': [
      {
        what: 'not started',
        expect: organizerOnly(409),
        call: (c) =>
          c.request('PUT', `${url()}/decisions/${ids.application}`, {
            decision: 'selected',
            reason: '矩阵遴选决定',
          }),
      },
    ],
    'POST /api/v1/campaigns/:idOrCode/selection/minutes': [
      {
        what: 'not started',
        expect: organizerOnly(409),
        call: (c) => postFile(c, `${url()}/minutes`, '评审会纪要.pdf', PDF),
      },
    ],
    'GET /api/v1/campaigns/:idOrCode/selection/minutes': [
      { what: 'none uploaded', expect: organizerOnly(404), call: (c) => c.get(`${url()}/minutes`) },
    ],
    'GET /api/v1/campaigns/:idOrCode/public-notice/period': [
      {
        expect: organizerOnly(200),
        call: (c) =>
          c.get(`/api/v1/campaigns/${ids.campaign}/public-notice/period?opensOn=2026-09-30`),
      },
    ],
    'POST /api/v1/campaigns/:idOrCode/public-notice': [
      {
        what: 'a year without its holiday notice',
        expect: organizerOnly(400),
        call: (c) =>
          c.post(`/api/v1/campaigns/${ids.campaign}/public-notice`, {
            opensOn: '2099-01-05',
            contact: '矩阵异议受理电话',
          }),
      },
    ],
    'GET /api/v1/campaigns/:idOrCode/public-notice': [
      {
        what: 'public; none opened',
        expect: all(404),
        call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/public-notice`),
      },
    ],
    'POST /api/v1/campaigns/:idOrCode/selection/freeze': [
      {
        what: 'not started',
        expect: organizerOnly(409),
        call: (c) => c.post(`${url()}/freeze`, { baseRevision: 1 }),
      },
    ],
  };
}

/**
 * 异议 (issue 14): the challenge and filing are public (the demo call has no 公示: 404 for
 * everyone); the objections, their attachments and their resolution are the organizer's alone.
 */
function objectionRows(): Record<string, Case[]> {
  const url = () => `/api/v1/campaigns/${ids.campaign}/objections`;
  const file = () => `/api/v1/campaigns/${ids.campaign}/public-notice/objections`;
  return {
    'GET /api/v1/challenge': [{ expect: all(200), call: (c) => c.get('/api/v1/challenge') }],
    'POST /api/v1/campaigns/:idOrCode/public-notice/objections': [
      {
        what: 'public; no 公示 opened',
        expect: all(404),
        call: async (c) =>
          postForm(c, file(), {
            ...objectionFields(NO_SUCH_ID),
            ...(await answeredChallenge(c)),
          }),
      },
    ],
    'GET /api/v1/campaigns/:idOrCode/objections': [
      { what: 'none filed', expect: organizerOnly(200), call: (c) => c.get(url()) },
    ],
    'GET /api/v1/campaigns/:idOrCode/objections/:objectionId/attachment': [
      {
        what: 'no such objection',
        expect: organizerOnly(404),
        call: (c) => c.get(`${url()}/${NO_SUCH_ID}/attachment`),
      },
    ],
    'POST /api/v1/campaigns/:idOrCode/objections/:objectionId/resolve': [
      {
        what: 'no such objection',
        expect: organizerOnly(404),
        call: (c) =>
          c.post(`${url()}/${NO_SUCH_ID}/resolve`, {
            outcome: 'dismissed',
            resolution: '矩阵处理异议',
          }),
      },
    ],
  };
}

/**
 * 专家库 and 评审轮次与分配 (issue 13): organizers only; an expert declines only its own pairs (the
 * demo expert has none: 404). The expert and the round are made on first use.
 */
function expertRows(): Record<string, Case[]> {
  let expert: Promise<string> | undefined;
  let round: Promise<string> | undefined;
  const expertId = () =>
    (expert ??= clients.organizer
      .post('/api/v1/experts', {
        name: '矩阵专家甲',
        employerName: '矩阵研究院',
        regionCode: '110100',
        email: 'matrix-expert@test.zhengxuan.invalid',
      })
      .then((r) => r.body.expert.id as string));
  const rounds = () => `/api/v1/campaigns/${ids.campaign}/review-rounds`;
  const roundBody = { name: '矩阵轮次', deadline: '2026-12-20T18:00:00+08:00' };
  const roundUrl = async () => {
    round ??= clients.organizer.post(rounds(), roundBody).then((r) => r.body.id as string);
    return `${rounds()}/${await round}`;
  };
  const expertBody = (n: number) => ({
    name: '矩阵专家',
    employerName: '矩阵研究院',
    regionCode: '110100',
    email: `matrix-expert-${n}@test.zhengxuan.invalid`,
  });
  return {
    'GET /api/v1/experts': [{ expect: organizerOnly(200), call: (c) => c.get('/api/v1/experts') }],
    'POST /api/v1/experts': [
      { expect: organizerOnly(201), call: (c, _w, n) => c.post('/api/v1/experts', expertBody(n)) },
    ],
    'GET /api/v1/experts/import-template.xlsx': [
      {
        expect: organizerOnly(200),
        call: (c) => c.get('/api/v1/experts/import-template.xlsx'),
      },
    ],
    'POST /api/v1/experts/import': [
      {
        what: 'a file missing columns: refused, nothing written',
        expect: organizerOnly(422),
        call: (c) =>
          postFile(c, '/api/v1/experts/import', 'experts.csv', csvOf([['姓名'], ['张三']])),
      },
    ],
    'GET /api/v1/experts/:id': [
      {
        expect: organizerOnly(200),
        call: async (c) => c.get(`/api/v1/experts/${await expertId()}`),
      },
    ],
    'PATCH /api/v1/experts/:id': [
      {
        expect: organizerOnly(200),
        call: async (c) => c.patch(`/api/v1/experts/${await expertId()}`, { title: '研究员' }),
      },
    ],
    'GET /api/v1/campaigns/:idOrCode/review-rounds': [
      { expect: organizerOnly(200), call: (c) => c.get(rounds()) },
    ],
    'POST /api/v1/campaigns/:idOrCode/review-rounds': [
      { expect: organizerOnly(201), call: (c) => c.post(rounds(), roundBody) },
    ],
    'GET /api/v1/campaigns/:idOrCode/review-rounds/:id': [
      { expect: organizerOnly(200), call: async (c) => c.get(await roundUrl()) },
    ],
    'PATCH /api/v1/campaigns/:idOrCode/review-rounds/:id': [
      {
        what: 'no change',
        expect: organizerOnly(200),
        call: async (c) => c.patch(await roundUrl(), { baseRevision: 1, name: '矩阵轮次' }),
      },
    ],
    'POST /api/v1/campaigns/:idOrCode/review-rounds/:id/propose': [
      {
        what: 'nothing under review: an empty proposal',
        expect: organizerOnly(200),
        call: async (c) => c.post(`${await roundUrl()}/propose`),
      },
    ],
    'GET /api/v1/campaigns/:idOrCode/review-rounds/:id/assignments': [
      { expect: organizerOnly(200), call: async (c) => c.get(`${await roundUrl()}/assignments`) },
    ],
    'POST /api/v1/campaigns/:idOrCode/review-rounds/:id/assignments': [
      {
        what: 'a draft is not under review',
        expect: organizerOnly(409),
        call: async (c) =>
          c.post(`${await roundUrl()}/assignments`, {
            applicationId: ids.application,
            expertId: await expertId(),
          }),
      },
    ],
    'PATCH /api/v1/campaigns/:idOrCode/review-rounds/:id/assignments/:assignmentId': [
      {
        what: 'no such pair',
        expect: organizerOnly(404),
        call: async (c) =>
          c.patch(`${await roundUrl()}/assignments/${NO_SUCH_ID}`, {
            state: 'removed',
            reason: '矩阵移除理由',
          }),
      },
    ],
    'POST /api/v1/campaigns/:idOrCode/review-rounds/:id/publish': [
      {
        what: 'nothing proposed',
        expect: organizerOnly(409),
        call: async (c) => c.post(`${await roundUrl()}/publish`),
      },
    ],
    'POST /api/v1/my/assignments/:assignmentId/decline': [
      {
        what: 'none of its own',
        expect: { ...all(403), anonymous: 401, expert: 404 },
        call: (c) =>
          c.post(`/api/v1/my/assignments/${NO_SUCH_ID}/decline`, { reason: '矩阵拒绝理由' }),
      },
    ],
  };
}

/**
 * 成果展示 (issue 14): the owning enterprise writes it, its recommender and organizers read it,
 * organizers review it, experts nothing; the public image address serves approved images only.
 * The matrix has no published list: the enterprises reach the lookup (404), others are refused.
 */
function showcaseRows(): Record<string, Case[]> {
  const one = '/api/v1/published-solutions/2026-IIAPP-999/showcase';
  const enterprises = (status: number): Outcome => ({
    ...all(403),
    anonymous: 401,
    enterprise: status,
    otherEnterprise: status,
  });
  const readers = { ...all(404), anonymous: 401, expert: 403 };
  return {
    'GET /api/v1/showcases': [
      { expect: enterprises(200), call: (c) => c.get('/api/v1/showcases') },
    ],
    'GET /api/v1/published-solutions/:publicId/showcase': [
      { what: 'no such solution', expect: readers, call: (c) => c.get(one) },
    ],
    'PUT /api/v1/published-solutions/:publicId/showcase': [
      {
        what: 'no such solution',
        expect: enterprises(404),
        call: (c) => c.request('PUT', one, { text: '', imageIds: [], version: null }),
      },
    ],
    'POST /api/v1/published-solutions/:publicId/showcase/images': [
      {
        what: 'no such solution',
        expect: enterprises(404),
        call: (c) => postFile(c, `${one}/images`, '图.png', makePng()),
      },
    ],
    'DELETE /api/v1/published-solutions/:publicId/showcase/images/:imageId': [
      {
        what: 'no such solution',
        expect: enterprises(404),
        call: (c) => c.request('DELETE', `${one}/images/${NO_SUCH_ID}`),
      },
    ],
    'GET /api/v1/published-solutions/:publicId/showcase/images/:imageId': [
      {
        what: 'no such solution',
        expect: readers,
        call: (c) => c.get(`${one}/images/${NO_SUCH_ID}`),
      },
    ],
    'POST /api/v1/published-solutions/:publicId/showcase/submit': [
      {
        what: 'no such solution',
        expect: enterprises(404),
        call: (c) => c.post(`${one}/submit`, { version: null }),
      },
    ],
    'POST /api/v1/published-solutions/:publicId/showcase/withdraw': [
      {
        what: 'no such solution',
        expect: enterprises(404),
        call: (c) => c.post(`${one}/withdraw`, { version: 1 }),
      },
    ],
    'GET /api/v1/showcase-submissions': [
      {
        expect: organizerOnly(200),
        call: (c) => c.get('/api/v1/showcase-submissions?state=pending'),
      },
    ],
    'POST /api/v1/published-solutions/:publicId/showcase/review': [
      {
        what: 'no such solution',
        expect: organizerOnly(404),
        call: (c) => c.post(`${one}/review`, { decision: 'approve', version: 1 }),
      },
    ],
    'GET /api/v1/published-solutions/:publicId/showcase-images/:imageId': [
      {
        what: 'nothing approved',
        expect: all(404),
        call: (c) =>
          c.get(`/api/v1/published-solutions/2026-IIAPP-999/showcase-images/${NO_SUCH_ID}`),
      },
    ],
  };
}

const TABLE: Record<string, Case[]> = {
  'GET /api/health': [{ expect: all(200), call: (c) => c.get('/api/health') }],
  'GET /api/openapi.json': [{ expect: all(200), call: (c) => c.get('/api/openapi.json') }],
  'GET /api/ready': [{ expect: all(200), call: (c) => c.get('/api/ready') }],
  // METRICS_TOKEN unset here: /metrics is not there (the token itself: server/observability.test.ts)
  'GET /metrics': [{ expect: all(404), call: (c) => c.get('/metrics') }],

  'POST /api/v1/auth/sign-in': [
    {
      what: 'unknown account',
      expect: all(401),
      call: (c) => c.post('/api/v1/auth/sign-in', { login: 'nobody', password: 'Wrong2021pass' }),
    },
  ],
  'POST /api/v1/auth/sign-out': [
    // on a session of its own, so the caller's shared session survives
    {
      expect: all(200),
      call: async (_c, caller) => (await fresh(caller)).post('/api/v1/auth/sign-out'),
    },
  ],
  'GET /api/v1/me': [{ expect: signedInOnly(200), call: (c) => c.get('/api/v1/me') }],
  'PATCH /api/v1/me/profile': [
    // one's own details only: no id to name another's; an empty change changes nothing
    { expect: signedInOnly(200), call: (c) => c.patch('/api/v1/me/profile', {}) },
  ],
  'POST /api/v1/me/password': [
    {
      what: 'wrong current password',
      expect: signedInOnly(400),
      call: (c) =>
        c.post('/api/v1/me/password', {
          currentPassword: 'Wrong2021pass',
          newPassword: 'Newer2021pass',
        }),
    },
  ],

  'POST /api/v1/enterprises': [
    { expect: all(201), call: (c, _w, n) => c.post('/api/v1/enterprises', registration(9100 + n)) },
  ],
  'POST /api/v1/enterprises/accepted': [
    {
      expect: organizerOnly(201),
      call: (c, _w, n) =>
        c.post(
          '/api/v1/enterprises/accepted',
          registration(9200 + n, {
            uscc: n === 0 ? FAILING_CHECK : makeUscc(9200 + n),
            checkDigitOverrideReason: '营业执照原件已核对',
          }),
        ),
    },
  ],
  'GET /api/v1/enterprises': [
    { expect: organizerOnly(200), call: (c) => c.get('/api/v1/enterprises') },
  ],
  'GET /api/v1/enterprises/:id': [
    {
      what: 'enterprise A',
      expect: { ...organizerOnly(200), enterprise: 200 },
      call: (c) => c.get(`/api/v1/enterprises/${ids.enterprise}`),
    },
    {
      what: 'enterprise B',
      expect: { ...organizerOnly(200), otherEnterprise: 200 },
      call: (c) => c.get(`/api/v1/enterprises/${ids.otherEnterprise}`),
    },
  ],

  'GET /api/v1/users': [{ expect: organizerOnly(200), call: (c) => c.get('/api/v1/users') }],
  'POST /api/v1/users': [
    { expect: organizerOnly(201), call: (c, _w, n) => c.post('/api/v1/users', staffBody(n)) },
  ],
  'PATCH /api/v1/users/:id': [
    {
      expect: organizerOnly(200),
      call: (c, _w, n) => c.patch(`/api/v1/users/${ids.user}`, { name: `矩阵专家${n}` }),
    },
  ],
  'POST /api/v1/users/:id/password-reset': [
    { expect: organizerOnly(200), call: (c) => c.post(`/api/v1/users/${ids.user}/password-reset`) },
  ],

  'GET /api/v1/recommender-units': [
    { expect: all(200), call: (c) => c.get('/api/v1/recommender-units') },
    {
      what: 'with the disabled ones',
      expect: organizerOnly(200),
      call: (c) => c.get('/api/v1/recommender-units?includeInactive=true'),
    },
  ],
  'POST /api/v1/recommender-units': [
    {
      expect: organizerOnly(201),
      call: (c, _w, n) =>
        c.post('/api/v1/recommender-units', { name: `矩阵协会${n}`, type: 'association' }),
    },
  ],
  'PATCH /api/v1/recommender-units/:id': [
    {
      expect: organizerOnly(200),
      call: (c, _w, n) =>
        c.patch(`/api/v1/recommender-units/${ids.unit}`, { quotaOverride: n % 50 }),
    },
  ],

  'GET /api/v1/campaigns': [{ expect: all(200), call: (c) => c.get('/api/v1/campaigns') }],
  'GET /api/v1/campaigns/:idOrCode': [
    { expect: all(200), call: (c) => c.get('/api/v1/campaigns/miit-iiapp-2021') },
  ],
  'GET /api/v1/campaign-templates': [
    { expect: organizerOnly(200), call: (c) => c.get('/api/v1/campaign-templates') },
  ],
  'POST /api/v1/campaigns': [
    {
      expect: organizerOnly(201),
      call: (c, _w, n) =>
        c.post('/api/v1/campaigns', {
          ...copyBody(n),
          code: `authz-new-${n}`,
          from: { kind: 'template', id: 'miit-iiapp-2021' },
        }),
    },
  ],
  'GET /api/v1/campaigns/:idOrCode/config': [
    { expect: organizerOnly(200), call: (c) => c.get('/api/v1/campaigns/miit-iiapp-2021/config') },
  ],
  'PUT /api/v1/campaigns/:idOrCode/config': [
    {
      expect: organizerOnly(200),
      call: async (c) => {
        const current = await c.get('/api/v1/campaigns/miit-iiapp-2021/config');
        return c.request('PUT', '/api/v1/campaigns/miit-iiapp-2021/config', {
          baseRevision: current.body.revision ?? 1,
        });
      },
    },
  ],
  'GET /api/v1/campaigns/:idOrCode/config/export': [
    {
      expect: organizerOnly(200),
      call: (c) => c.get('/api/v1/campaigns/miit-iiapp-2021/config/export'),
    },
  ],
  'POST /api/v1/campaigns/import': [
    {
      expect: organizerOnly(201),
      call: async (c, _w, n) => {
        const doc = await c.get('/api/v1/campaigns/miit-iiapp-2021/config/export');
        return c.post('/api/v1/campaigns/import', { config: doc.body, code: `authz-imp-${n}` });
      },
    },
  ],
  'POST /api/v1/campaigns/:idOrCode/copy': [
    {
      expect: organizerOnly(201),
      call: (c, _w, n) => c.post('/api/v1/campaigns/miit-iiapp-2021/copy', copyBody(n)),
    },
  ],

  'GET /api/v1/regions': [{ expect: all(200), call: (c) => c.get('/api/v1/regions') }],
  'GET /api/v1/industries': [
    { expect: all(200), call: (c) => c.get(`/api/v1/industries?q=${encodeURIComponent('软件')}`) },
  ],

  'GET /api/v1/audit-events': [
    { expect: organizerOnly(200), call: (c) => c.get('/api/v1/audit-events') },
  ],
  'GET /api/v1/audit-events/verification': [
    { expect: organizerOnly(200), call: (c) => c.get('/api/v1/audit-events/verification') },
  ],
  'GET /api/v1/audit-events/checkpoints': [
    { expect: organizerOnly(200), call: (c) => c.get('/api/v1/audit-events/checkpoints') },
  ],
  'POST /api/v1/audit-events/checkpoints': [
    { expect: organizerOnly(201), call: (c) => c.post('/api/v1/audit-events/checkpoints') },
  ],

  'GET /api/v1/campaigns/:idOrCode/form': [
    { expect: all(200), call: (c) => c.get('/api/v1/campaigns/miit-iiapp-2021/form') },
  ],
  'POST /api/v1/applications': [
    {
      expect: { ...all(403), anonymous: 401, enterprise: 201, otherEnterprise: 201 },
      call: (c) => c.post('/api/v1/applications', { campaignId: ids.campaign }),
    },
  ],
  'GET /api/v1/applications': [
    {
      expect: { ...organizerOnly(200), enterprise: 200, otherEnterprise: 200 },
      call: (c) => c.get('/api/v1/applications'),
    },
  ],
  'GET /api/v1/applications/:id': [
    {
      what: "enterprise A's draft: not yet its recommender's",
      expect: { ...organizerOnly(200), enterprise: 200 },
      call: (c) => c.get(`/api/v1/applications/${ids.application}`),
    },
  ],
  'PUT /api/v1/applications/:id/draft': [
    {
      expect: { ...all(403), anonymous: 401, enterprise: 200 },
      call: async (c, _w, n) => {
        const current = await clients.organizer.get(`/api/v1/applications/${ids.application}`);
        return c.request('PUT', `/api/v1/applications/${ids.application}/draft`, {
          baseVersion: current.body.application.draftVersion,
          data: { solution: { name: `矩阵方案${n}` } },
        });
      },
    },
  ],
  'POST /api/v1/applications/:id/submit': [
    {
      what: 'incomplete draft',
      expect: { ...all(403), anonymous: 401, enterprise: 400 },
      call: async (c) => {
        const current = await clients.organizer.get(`/api/v1/applications/${ids.application}`);
        return c.post(`/api/v1/applications/${ids.application}/submit`, {
          draftVersion: current.body.application.draftVersion,
        });
      },
    },
  ],
  'DELETE /api/v1/applications/:id': [
    {
      what: "a fresh draft of enterprise A's: only A deletes it",
      expect: { ...all(403), anonymous: 401, enterprise: 204 },
      call: async (c) => {
        const fresh = await clients.enterprise.post('/api/v1/applications', {
          campaignId: ids.campaign,
        });
        return c.request('DELETE', `/api/v1/applications/${fresh.body.id}`);
      },
    },
  ],
  'POST /api/v1/applications/:id/withdraw': [
    {
      what: 'a draft: nothing to withdraw',
      expect: { ...all(403), anonymous: 401, enterprise: 409 },
      call: (c) => c.post(`/api/v1/applications/${ids.application}/withdraw`),
    },
  ],
  'POST /api/v1/applications/:id/attachments': [
    {
      expect: { ...all(403), anonymous: 401, enterprise: 201 },
      call: (c) => uploadPng(c, ids.application),
    },
  ],
  'GET /api/v1/applications/:id/attachments/:attachmentId': [
    {
      expect: { ...organizerOnly(200), enterprise: 200 },
      call: (c) => c.get(`/api/v1/applications/${ids.application}/attachments/${ids.attachment}`),
    },
  ],
  'GET /api/v1/applications/:id/versions/:versionNo/pdf': [
    {
      what: 'a draft has no version yet',
      expect: { ...organizerOnly(404), enterprise: 404 },
      call: (c) => c.get(`/api/v1/applications/${ids.application}/versions/1/pdf`),
    },
  ],
  'GET /api/v1/applications/:id/versions/:versionNo/docx': [
    {
      what: 'a draft has no version yet',
      expect: { ...organizerOnly(404), enterprise: 404 },
      call: (c) => c.get(`/api/v1/applications/${ids.application}/versions/1/docx`),
    },
  ],
  'GET /api/v1/inbox': [
    {
      what: "each unit's own",
      expect: { ...all(403), anonymous: 401, recommender: 200, otherRecommender: 200 },
      call: (c) => c.get(`/api/v1/inbox?campaignId=${ids.campaign}`),
    },
  ],
  ...Object.fromEntries(
    (
      [
        ['return', { comment: '矩阵退回意见' }],
        ['reject', { reason: '矩阵不予推荐' }],
        ['recommend', { rank: 1 }],
        ['unrecommend', {}],
      ] as const
    ).map(([action, body]) => [
      `POST /api/v1/applications/:id/${action}`,
      [
        {
          what: "enterprise A's draft, filed through the recommender's unit: not yet to decide",
          expect: { ...all(403), anonymous: 401, recommender: 409 },
          call: (c: Client) => c.post(`/api/v1/applications/${ids.application}/${action}`, body),
        },
      ],
    ]),
  ),
  ...batchRows(),
  'GET /api/v1/campaigns/:idOrCode/progress': [
    {
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/progress`),
    },
  ],
  'GET /api/v1/campaigns/:idOrCode/progress.xlsx': [
    {
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/progress.xlsx`),
    },
  ],
  'GET /api/v1/campaigns/:idOrCode/registry': [
    {
      what: '申报项目库: every unit’s forwarded applications',
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/registry?paper=no`),
    },
  ],
  'GET /api/v1/campaigns/:idOrCode/registry/export.xlsx': [
    {
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/registry/export.xlsx`),
    },
  ],
  'GET /api/v1/campaigns/:idOrCode/registry/export.zip': [
    {
      what: '批量下载',
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/registry/export.zip`),
    },
  ],
  'POST /api/v1/campaigns/:idOrCode/paper-receipts': [
    {
      what: 'a code no application carries: nothing to record',
      expect: organizerOnly(404),
      call: (c) =>
        c.post(`/api/v1/campaigns/${ids.campaign}/paper-receipts`, {
          kind: 'application',
          code: '0000-0000-0000',
        }),
    },
  ],
  'GET /api/v1/campaigns/:idOrCode/paper-receipts': [
    {
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/paper-receipts?late=true`),
    },
  ],
  ...statisticsRows(),
  ...reviewRows(),
  ...Object.fromEntries(
    (['docx', 'pdf'] as const).map((format) => [
      `GET /api/v1/campaigns/:idOrCode/statistics/report.${format}`,
      [
        {
          what: '年度监测分析报告',
          expect: organizerOnly(200),
          call: (c: Client) =>
            c.get(`/api/v1/campaigns/${ids.campaign}/statistics/report.${format}`),
        },
      ],
    ]),
  ),
  'GET /api/v1/applications/:id/versions/:versionNo': [
    {
      what: 'a draft has no version yet',
      expect: { ...organizerOnly(404), enterprise: 404 },
      call: (c) => c.get(`/api/v1/applications/${ids.application}/versions/1`),
    },
  ],
  'GET /api/v1/applications/:id/history': [
    {
      what: "enterprise A's draft",
      expect: { ...organizerOnly(200), enterprise: 200 },
      call: (c) => c.get(`/api/v1/applications/${ids.application}/history`),
    },
  ],
  'POST /api/v1/awards/import': [
    {
      what: 'a file missing a column: refused, nothing written',
      expect: organizerOnly(422),
      call: (c) => importFile(c, 'awards.csv', csvOf([['年份'], [2019]])),
    },
  ],
  'GET /api/v1/awards': [{ expect: organizerOnly(200), call: (c) => c.get('/api/v1/awards') }],
  'GET /api/v1/campaigns/:idOrCode/follow-up-form': [
    { expect: all(200), call: (c) => c.get('/api/v1/campaigns/miit-iiapp-2021/follow-up-form') },
  ],
  'GET /api/v1/follow-up-reports': [
    {
      what: 'each its own',
      expect: { ...all(200), anonymous: 401, expert: 403 },
      call: (c) => c.get(`/api/v1/follow-up-reports?campaignId=${ids.campaign}`),
    },
  ],
  'GET /api/v1/follow-up-reports/summary.xlsx': [
    {
      what: "a unit's own, or all",
      expect: { ...organizerOnly(200), recommender: 200, otherRecommender: 200 },
      call: (c) => c.get(`/api/v1/follow-up-reports/summary.xlsx?campaignId=${ids.campaign}`),
    },
  ],
  'GET /api/v1/follow-up-reports/:awardId': [
    {
      what: "enterprise A's award, recommended by the recommender's unit",
      expect: { ...organizerOnly(200), enterprise: 200, recommender: 200 },
      call: (c) => c.get(`/api/v1/follow-up-reports/${ids.award}?campaignId=${ids.campaign}`),
    },
  ],
  'PUT /api/v1/follow-up-reports/:awardId': [
    {
      expect: { ...all(403), anonymous: 401, enterprise: 200 },
      call: async (c, _w, n) => {
        const current = await clients.organizer.get(
          `/api/v1/follow-up-reports/${ids.award}?campaignId=${ids.campaign}`,
        );
        return c.request('PUT', `/api/v1/follow-up-reports/${ids.award}`, {
          campaignId: ids.campaign,
          draftVersion: current.body.report?.draftVersion ?? 0,
          data: { promotion: { newCustomers: n } },
        });
      },
    },
  ],
  'POST /api/v1/follow-up-reports/:awardId/submit': [
    {
      what: 'incomplete',
      expect: { ...all(403), anonymous: 401, enterprise: 400 },
      call: (c) =>
        c.post(`/api/v1/follow-up-reports/${ids.award}/submit`, { campaignId: ids.campaign }),
    },
  ],
  'POST /api/v1/follow-up-reports/:awardId/return': [
    {
      what: 'not submitted: nothing to return',
      expect: { ...all(403), anonymous: 401, recommender: 409 },
      call: (c) =>
        c.post(`/api/v1/follow-up-reports/${ids.award}/return`, {
          campaignId: ids.campaign,
          comment: '矩阵退回意见',
        }),
    },
  ],
  'POST /api/v1/applications/:id/duplicate-check': [
    {
      what: "enterprise A's own working copy",
      expect: { ...all(403), anonymous: 401, enterprise: 200 },
      call: (c) => c.post(`/api/v1/applications/${ids.application}/duplicate-check`, {}),
    },
  ],
  'GET /api/v1/applications/:id/findings': [
    {
      what: "enterprise A's draft: not yet the recommender's",
      expect: { ...organizerOnly(200), enterprise: 200 },
      call: (c) => c.get(`/api/v1/applications/${ids.application}/findings`),
    },
  ],
  'GET /api/v1/campaigns/:idOrCode/findings': [
    {
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/findings`),
    },
  ],
  'POST /api/v1/campaigns/:idOrCode/findings/sweep': [
    {
      expect: organizerOnly(200),
      call: (c) => c.post(`/api/v1/campaigns/${ids.campaign}/findings/sweep`, {}),
    },
  ],
  'POST /api/v1/findings/:id/dismiss': [
    {
      what: 'no such finding',
      expect: organizerOnly(404),
      call: (c) => c.post(`/api/v1/findings/${NO_SUCH_ID}/dismiss`, { reason: '矩阵忽略理由' }),
    },
  ],
  'POST /api/v1/findings/:id/confirm': [
    {
      what: 'no such finding',
      expect: organizerOnly(404),
      call: (c) => c.post(`/api/v1/findings/${NO_SUCH_ID}/confirm`, { reason: '矩阵确认理由' }),
    },
  ],
  // 形式审查: the organizer's alone (enterprise A's draft: readable, nothing to record)
  'GET /api/v1/applications/:id/formal-check': [
    {
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/applications/${ids.application}/formal-check`),
    },
  ],
  'PUT /api/v1/applications/:id/formal-check': [
    {
      what: 'a draft: not forwarded',
      expect: organizerOnly(409),
      call: (c) =>
        c.request('PUT', `/api/v1/applications/${ids.application}/formal-check`, {
          items: MIIT_2021_FORMAL_CHECKLIST.map((i) => ({ code: i.code, pass: true, reason: '' })),
        }),
    },
  ],
  'GET /api/v1/campaigns/:idOrCode/formal-check': [
    {
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/formal-check`),
    },
  ],
  'POST /api/v1/campaigns/:idOrCode/formal-check/bulk-pass': [
    {
      what: 'a draft: skipped',
      expect: organizerOnly(200),
      call: (c) =>
        c.post(`/api/v1/campaigns/${ids.campaign}/formal-check/bulk-pass`, {
          applicationIds: [ids.application],
        }),
    },
  ],
  // 企业认证: the demo enterprise (verified, 北京市's award) and enterprise B (nobody's yet)
  'GET /api/v1/enterprises/:id/verification': [
    {
      what: "enterprise A's: itself, its recommender, organizers",
      expect: { ...organizerOnly(200), enterprise: 200, recommender: 200 },
      call: (c) => c.get(`/api/v1/enterprises/${ids.enterprise}/verification`),
    },
  ],
  'PUT /api/v1/enterprises/:id/verification/filer': [
    {
      what: "enterprise B's",
      expect: { ...organizerOnly(200), otherEnterprise: 200 },
      call: (c) =>
        c.request('PUT', `/api/v1/enterprises/${ids.otherEnterprise}/verification/filer`, {
          filerIsLegalRep: true,
        }),
    },
  ],
  'POST /api/v1/enterprises/:id/verification/documents/:kind': [
    {
      what: "enterprise B's licence",
      expect: { ...organizerOnly(200), otherEnterprise: 200 },
      call: (c) => uploadProof(c, ids.otherEnterprise),
    },
  ],
  'GET /api/v1/enterprises/:id/verification/documents/:kind': [
    {
      what: "enterprise A's licence",
      expect: { ...organizerOnly(200), enterprise: 200, recommender: 200 },
      call: (c) => c.get(`/api/v1/enterprises/${ids.enterprise}/verification/documents/licence`),
    },
  ],
  'POST /api/v1/enterprises/:id/verification/decision': [
    {
      what: "enterprise B's, which filed through nobody",
      expect: organizerOnly(200),
      call: async (c) => {
        proof ??= uploadProof(clients.otherEnterprise, ids.otherEnterprise);
        await proof;
        return decide(c, ids.otherEnterprise, 'rejected', '矩阵：执照不清晰');
      },
    },
  ],
  'POST /api/v1/uscc-claims': [
    { expect: all(201), call: (c, _w, n) => fileClaim(c, makeUscc(9300 + n)) },
  ],
  'GET /api/v1/uscc-claims': [
    { expect: organizerOnly(200), call: (c) => c.get('/api/v1/uscc-claims') },
  ],
  'GET /api/v1/uscc-claims/:id/licence': [
    {
      what: 'no such claim',
      expect: organizerOnly(404),
      call: (c) => c.get(`/api/v1/uscc-claims/${NO_SUCH_ID}/licence`),
    },
  ],
  'POST /api/v1/uscc-claims/:id/resolve': [
    {
      what: 'no such claim',
      expect: organizerOnly(404),
      call: (c) =>
        c.post(`/api/v1/uscc-claims/${NO_SUCH_ID}/resolve`, {
          decision: 'dismissed',
          reason: '矩阵驳回',
        }),
    },
  ],
  'GET /api/v1/verify/:code': [
    { expect: all(200), call: (c) => c.get('/api/v1/verify/ABCD-EFGH-JKMN') },
  ],
  // 消息中心: one's own messages and settings only, no id names another's
  'GET /api/v1/notifications': [
    { expect: signedInOnly(200), call: (c) => c.get('/api/v1/notifications') },
  ],
  'POST /api/v1/notifications/read': [
    {
      what: "someone else's message id (ignored)",
      expect: signedInOnly(200),
      call: (c) => c.post('/api/v1/notifications/read', { ids: [NO_SUCH_ID] }),
    },
  ],
  'GET /api/v1/notification-preferences': [
    { expect: signedInOnly(200), call: (c) => c.get('/api/v1/notification-preferences') },
  ],
  'PUT /api/v1/notification-preferences': [
    {
      expect: signedInOnly(200),
      call: (c) => c.request('PUT', '/api/v1/notification-preferences', { emailOff: [] }),
    },
  ],
  // 找回密码: public, and the same answer for any account
  'POST /api/v1/auth/password-reset': [
    {
      what: 'unknown account',
      expect: all(200),
      call: (c) => c.post('/api/v1/auth/password-reset', { login: 'nobody-matrix' }),
    },
  ],
  'POST /api/v1/auth/password-reset/check': [
    {
      what: 'unknown token',
      expect: all(400),
      call: (c) => c.post('/api/v1/auth/password-reset/check', { token: 'A'.repeat(43) }),
    },
  ],
  'POST /api/v1/auth/password-reset/confirm': [
    {
      what: 'unknown token',
      expect: all(400),
      call: (c) =>
        c.post('/api/v1/auth/password-reset/confirm', {
          token: 'A'.repeat(43),
          newPassword: 'Matrix2026pass',
        }),
    },
  ],
  // 通知公告: organizers write; everyone signed in lists what reached them; public ones for all
  'POST /api/v1/announcements': [
    {
      what: 'to the organizers, in-app only',
      expect: organizerOnly(201),
      call: (c) =>
        c.post('/api/v1/announcements', {
          title: '矩阵公告',
          body: '矩阵公告正文',
          roles: ['organizer'],
        }),
    },
  ],
  'GET /api/v1/announcements': [
    { expect: signedInOnly(200), call: (c) => c.get('/api/v1/announcements') },
  ],
  'GET /api/v1/campaigns/:idOrCode/announcements': [
    {
      expect: all(200),
      call: (c) => c.get(`/api/v1/campaigns/${ids.campaign}/announcements`),
    },
  ],
  // 消息模板 and the delivery log: organizers only
  'GET /api/v1/notification-templates': [
    {
      expect: organizerOnly(200),
      call: (c) => c.get(`/api/v1/notification-templates?campaignId=${ids.campaign}`),
    },
  ],
  'PUT /api/v1/notification-templates/:kind': [
    {
      what: "the demo campaign's, unchanged default text",
      expect: organizerOnly(200),
      call: (c) =>
        c.request(
          'PUT',
          `/api/v1/notification-templates/application.recommended?campaignId=${ids.campaign}`,
          {
            subject: '【{{活动名称}}】申报书“{{解决方案名称}}”已获{{推荐单位}}推荐',
            body: '{{姓名}}，您好：矩阵测试。{{链接}}',
          },
        ),
    },
  ],
  'DELETE /api/v1/notification-templates/:kind': [
    {
      expect: organizerOnly(200),
      call: (c) =>
        c.request(
          'DELETE',
          `/api/v1/notification-templates/application.forwarded?campaignId=${ids.campaign}`,
        ),
    },
  ],
  'POST /api/v1/notification-templates/:kind/preview': [
    {
      expect: organizerOnly(200),
      call: (c) => c.post('/api/v1/notification-templates/account.created/preview', {}),
    },
  ],
  ...expertRows(),
  ...selectionRows(),
  ...objectionRows(),
  ...publicationRows(),
  'GET /api/v1/outbound-emails': [
    { expect: organizerOnly(200), call: (c) => c.get('/api/v1/outbound-emails?state=failed') },
  ],
  'POST /api/v1/outbound-emails/:id/resend': [
    {
      what: 'no such e-mail',
      expect: organizerOnly(404),
      call: (c) => c.post(`/api/v1/outbound-emails/${NO_SUCH_ID}/resend`, {}),
    },
  ],
  ...catalogueRows(),
  ...showcaseRows(),
  ...evaluationRows(),
  ...catalogueVersionRows(),
  ...spotCheckRows(),
  ...lifecycleRows(),
  ...postAwardRows(),
};

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000 } });
  const b = await new Client(t.app, '10.9.9.9').post(
    '/api/v1/enterprises',
    registration(9001, { email: 'other-enterprise@test.zhengxuan.invalid' }),
  );
  expect(b.status).toBe(201);
  ids.otherEnterprise = b.body.enterprise.id;
  for (const caller of CALLERS) clients[caller] = await fresh(caller);
  ids.enterprise = (await clients.enterprise.get('/api/v1/me')).body.enterprise.id;
  const org = clients.organizer;
  ids.unit = (
    await org.post('/api/v1/recommender-units', { name: '矩阵目标协会', type: 'association' })
  ).body.id;
  ids.user = (await org.post('/api/v1/users', staffBody(999))).body.user.id;
  const campaigns = (await org.get('/api/v1/campaigns')).body.items as {
    id: string;
    isDemo: boolean;
  }[];
  ids.campaign = campaigns.find((c) => c.isDemo)!.id;
  const created = await clients.enterprise.post('/api/v1/applications', {
    campaignId: ids.campaign,
  });
  expect(created.status).toBe(201);
  ids.application = created.body.id;
  const uploaded = await uploadPng(clients.enterprise, ids.application);
  expect(uploaded.status).toBe(201);
  ids.attachment = uploaded.body.id;
  ids.recommenderUnit = (await clients.recommender.get('/api/v1/me')).body.recommenderUnit.id;
  ids.otherRecommenderUnit = (
    await clients.otherRecommender.get('/api/v1/me')
  ).body.recommenderUnit.id;
  ids.award = (
    await org.get(`/api/v1/awards?q=${DEMO_ENTERPRISE_USCC}&year=2020`)
  ).body.items[0].id;
});
afterAll(() => t.close());

describe('authorization matrix', () => {
  test('the table covers exactly the routes the app has', () => {
    const routes = listRoutes(t.app).map((r) => `${r.method} ${r.url}`);
    // the route listing itself is sound: it finds what the OpenAPI document describes
    const documented = Object.entries(t.app.swagger().paths ?? {}).flatMap(([path, ops]) =>
      Object.keys(ops ?? {}).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.length).toBeGreaterThan(15);
    expect(routes).toEqual(expect.arrayContaining(documented));
    expect([...routes].sort()).toEqual(Object.keys(TABLE).sort());
  });

  const cases = Object.entries(TABLE).flatMap(([route, list]) =>
    list.map((c) => ({ route, ...c, name: c.what ? `${route} (${c.what})` : route })),
  );
  test.each(cases)('$name', async (c) => {
    const got: Partial<Outcome> = {};
    for (const caller of CALLERS) {
      const res = await c.call(clients[caller], caller, serial++);
      got[caller] = res.status;
      if (res.status >= 400)
        expect(res.body?.error?.code, `${caller}: ${JSON.stringify(res.body)}`).toEqual(
          expect.any(String),
        );
    }
    expect(got).toEqual(c.expect);
  });
});

/** 宣传推广 / 开放数据: public, anyone may read; a published list is written once, when first asked. */
function catalogueRows(): Record<string, Case[]> {
  let published: Promise<string> | undefined;
  const publicId = () =>
    (published ??= publishedWorld(t, 2, { year: 2019, publishedOn: '2019-12-01' }).then(
      (l) => l.publicIds[0]!,
    ));
  return {
    'GET /api/v1/published-solutions': [
      { expect: all(200), call: (c) => c.get('/api/v1/published-solutions?region=110000') },
    ],
    'GET /api/v1/published-solutions/:publicId': [
      {
        expect: all(200),
        call: async (c) => c.get(`/api/v1/published-solutions/${await publicId()}`),
      },
      {
        what: 'no such id',
        expect: all(404),
        call: (c) => c.get('/api/v1/published-solutions/1999-IIAPP-001'),
      },
    ],
    'GET /api/v1/published-solutions/changes.atom': [
      { expect: all(200), call: (c) => c.get('/api/v1/published-solutions/changes.atom') },
    ],
    'GET /api/v1/published-solutions/schema.json': [
      { expect: all(200), call: (c) => c.get('/api/v1/published-solutions/schema.json') },
    ],
    'GET /api/v1/published-solutions.json': [
      { expect: all(200), call: (c) => c.get('/api/v1/published-solutions.json') },
    ],
    'GET /api/v1/published-solutions.csv': [
      { expect: all(200), call: (c) => c.get('/api/v1/published-solutions.csv') },
    ],
    'GET /api/v1/published-lists/:file': [
      {
        expect: all(200),
        call: async (c) => {
          await publicId();
          return c.get('/api/v1/published-lists/2019.csv');
        },
      },
      {
        what: 'a year with no list',
        expect: all(404),
        call: (c) => c.get('/api/v1/published-lists/1999.json'),
      },
    ],
    'GET /solutions': [{ expect: all(200), call: (c) => c.get('/solutions?status=valid') }],
    'GET /solutions/:publicId': [
      { expect: all(200), call: async (c) => c.get(`/solutions/${await publicId()}`) },
    ],
  };
}

/**
 * 系统评价 (issue 15): rounds, results and bands are the organizers'; an expert scores only its own
 * published pairs (another's or none: 404); nobody else.
 */
function evaluationRows(): Record<string, Case[]> {
  const expertOnly = (status: number): Outcome => ({ ...all(403), anonymous: 401, expert: status });
  const round = `/api/v1/evaluation-rounds/${NO_SUCH_ID}`;
  const mine = `/api/v1/my/evaluations/${NO_SUCH_ID}`;
  return {
    'GET /api/v1/evaluation-rounds/lists': [
      { expect: organizerOnly(200), call: (c) => c.get('/api/v1/evaluation-rounds/lists') },
    ],
    'GET /api/v1/evaluation-rounds': [
      { expect: organizerOnly(200), call: (c) => c.get('/api/v1/evaluation-rounds') },
    ],
    'POST /api/v1/evaluation-rounds': [
      {
        what: 'no such list',
        expect: organizerOnly(400),
        call: (c) =>
          c.post('/api/v1/evaluation-rounds', {
            title: '矩阵系统评价',
            listCampaignIds: [NO_SUCH_ID],
            reviewsPerSolution: 3,
            maxLoad: 10,
            deadline: '2099-01-01T00:00:00+08:00',
          }),
      },
    ],
    'GET /api/v1/evaluation-rounds/:id': [
      { what: 'no such round', expect: organizerOnly(404), call: (c) => c.get(round) },
    ],
    'POST /api/v1/evaluation-rounds/:id/propose': [
      {
        what: 'no such round',
        expect: organizerOnly(404),
        call: (c) => c.post(`${round}/propose`, {}),
      },
    ],
    'POST /api/v1/evaluation-rounds/:id/publish': [
      {
        what: 'no such round',
        expect: organizerOnly(404),
        call: (c) => c.post(`${round}/publish`, {}),
      },
    ],
    'GET /api/v1/evaluation-rounds/:id/results': [
      { what: 'no such round', expect: organizerOnly(404), call: (c) => c.get(`${round}/results`) },
    ],
    'PUT /api/v1/evaluation-rounds/:id/bands': [
      {
        what: 'no such round',
        expect: organizerOnly(404),
        call: (c) => c.request('PUT', `${round}/bands`, { bands: [{ name: 'A类', min: 85 }] }),
      },
    ],
    'POST /api/v1/evaluation-rounds/:id/close': [
      {
        what: 'no such round',
        expect: organizerOnly(404),
        call: (c) => c.post(`${round}/close`, {}),
      },
    ],
    'GET /api/v1/my/evaluations': [
      {
        what: 'none assigned: an empty list',
        expect: expertOnly(200),
        call: (c) => c.get('/api/v1/my/evaluations'),
      },
    ],
    'GET /api/v1/my/evaluations/:assignmentId': [
      { what: 'not theirs', expect: expertOnly(404), call: (c) => c.get(mine) },
    ],
    'GET /api/v1/my/evaluations/:assignmentId/attachments/:attachmentId': [
      {
        what: 'not theirs',
        expect: expertOnly(404),
        call: (c) => c.get(`${mine}/attachments/${ids.attachment}`),
      },
    ],
    'PUT /api/v1/my/evaluations/:assignmentId': [
      {
        what: 'not theirs',
        expect: expertOnly(404),
        call: (c) => c.request('PUT', mine, { baseVersion: 1, scores: {}, comment: '' }),
      },
    ],
    'POST /api/v1/my/evaluations/:assignmentId/submit': [
      {
        what: 'not theirs',
        expect: expertOnly(404),
        call: (c) => c.post(`${mine}/submit`, { baseVersion: 1 }),
      },
    ],
  };
}

/**
 * 目录清单 (issue 15): reading (API, pages, open data) is public; publishing, its preview and the
 * import are the organizer's. A version is published once, when first asked, from a list of its own.
 */
function catalogueVersionRows(): Record<string, Case[]> {
  let published: Promise<string> | undefined;
  const version = () =>
    (published ??= publishedWorld(t, 2, { year: 2016, series: 'CATV', revoked: 0 }).then(
      async (list) => {
        const res = await clients.organizer.post('/api/v1/catalogue/versions', {
          title: '矩阵目录清单',
          documentNo: '工信厅信发函〔2024〕1号',
          publishedOn: '2024-01-01',
          entries: list.publicIds.map((publicId) => ({ publicId, band: 'A类' })),
        });
        if (res.status !== 201) throw new Error(JSON.stringify(res.body));
        return list.publicIds[0]!;
      },
    ));
  const publicGet = (url: string): Case[] => [
    {
      expect: all(200),
      call: async (c) => {
        await version();
        return c.get(url);
      },
    },
  ];
  const unknown = [{ publicId: '1999-IIAPP-001', band: 'A类' }];
  return {
    'GET /api/v1/catalogue': publicGet('/api/v1/catalogue?version=1'),
    'GET /api/v1/catalogue/versions': publicGet('/api/v1/catalogue/versions'),
    'POST /api/v1/catalogue/versions': [
      {
        what: 'an unknown solution',
        expect: organizerOnly(400),
        call: (c) =>
          c.post('/api/v1/catalogue/versions', {
            title: '矩阵目录清单',
            documentNo: '工信厅信发函〔2024〕2号',
            publishedOn: '2024-01-02',
            entries: unknown,
          }),
      },
    ],
    'POST /api/v1/catalogue/preview': [
      {
        expect: organizerOnly(200),
        call: (c) => c.post('/api/v1/catalogue/preview', { entries: unknown }),
      },
    ],
    'POST /api/v1/catalogue/import': [
      {
        expect: organizerOnly(200),
        call: (c) =>
          postFile(
            c,
            '/api/v1/catalogue/import',
            '目录.csv',
            csvOf([
              ['公开编号', '等级'],
              ['2016-CATV-001', 'A类'],
            ]),
          ),
      },
    ],
    'GET /catalogue': publicGet('/catalogue'),
    'GET /catalogue/v/:version': publicGet('/catalogue/v/1'),
    'GET /open-data/catalogue.csv': publicGet('/open-data/catalogue.csv'),
    'GET /open-data/catalogue.json': publicGet('/open-data/catalogue.json'),
    'GET /open-data/catalogue/v/:file': [
      ...publicGet('/open-data/catalogue/v/1.json'),
      {
        what: 'no such version',
        expect: all(404),
        call: (c) => c.get('/open-data/catalogue/v/999.csv'),
      },
    ],
  };
}

/** 随机抽查: the commitment and its verification public; the draw and tasks the organizer's; findings the expert's own. */
function spotCheckRows(): Record<string, Case[]> {
  const base = '/api/v1/spot-checks';
  const missing = `${base}/${NO_SUCH_ID}`;
  const task = `/api/v1/my/spot-check-tasks/${NO_SUCH_ID}`;
  const expertOnly = (status: number): Outcome => ({ ...all(403), anonymous: 401, expert: status });
  return {
    'GET /api/v1/spot-checks': [{ expect: all(200), call: (c) => c.get(base) }],
    'POST /api/v1/spot-checks': [
      {
        what: 'not a published list',
        expect: organizerOnly(400),
        call: (c) =>
          c.post(base, { title: '矩阵抽查', listCampaignIds: [NO_SUCH_ID], sizes: { total: 1 } }),
      },
    ],
    'GET /api/v1/spot-checks/sources': [
      { expect: organizerOnly(200), call: (c) => c.get(`${base}/sources`) },
    ],
    'POST /api/v1/spot-checks/recompute': [
      {
        expect: all(200),
        call: (c) =>
          c.post(`${base}/recompute`, {
            seed: 'a'.repeat(64),
            population: [
              { publicId: '2021-IIAPP-001', category: 'basic_common', region: '110000' },
            ],
            sizes: { total: 1 },
          }),
      },
    ],
    'GET /api/v1/spot-checks/:id/verification': [
      {
        what: 'no such spot check',
        expect: all(404),
        call: (c) => c.get(`${missing}/verification`),
      },
    ],
    'GET /api/v1/spot-checks/:id/population.csv': [
      {
        what: 'no such spot check',
        expect: all(404),
        call: (c) => c.get(`${missing}/population.csv`),
      },
    ],
    'GET /api/v1/spot-checks/:id': [
      { what: 'no such spot check', expect: organizerOnly(404), call: (c) => c.get(missing) },
    ],
    'POST /api/v1/spot-checks/:id/draw': [
      {
        what: 'no such spot check',
        expect: organizerOnly(404),
        call: (c) => c.post(`${missing}/draw`, {}),
      },
    ],
    'POST /api/v1/spot-checks/:id/tasks': [
      {
        what: 'no such spot check',
        expect: organizerOnly(404),
        call: (c) =>
          c.post(`${missing}/tasks`, {
            publicId: '2021-IIAPP-001',
            expertId: NO_SUCH_ID,
            method: 'document',
          }),
      },
    ],
    'POST /api/v1/spot-checks/:id/close': [
      {
        what: 'no such spot check',
        expect: organizerOnly(404),
        call: (c) => c.post(`${missing}/close`, {}),
      },
    ],
    'GET /api/v1/my/spot-check-tasks': [
      { expect: expertOnly(200), call: (c) => c.get('/api/v1/my/spot-check-tasks') },
    ],
    'GET /api/v1/my/spot-check-tasks/:taskId': [
      { what: 'no such task', expect: expertOnly(404), call: (c) => c.get(task) },
    ],
    'GET /api/v1/my/spot-check-tasks/:taskId/attachments/:attachmentId': [
      {
        what: 'no such task',
        expect: expertOnly(404),
        call: (c) => c.get(`${task}/attachments/${NO_SUCH_ID}`),
      },
    ],
    'PUT /api/v1/my/spot-check-tasks/:taskId/finding': [
      {
        what: 'no such task',
        expect: expertOnly(404),
        call: (c) =>
          c.request('PUT', `${task}/finding`, {
            conclusion: 'pass',
            finding: '矩阵核查意见，内容足够长。',
          }),
      },
    ],
    'POST /api/v1/my/spot-check-tasks/:taskId/evidence': [
      {
        what: 'no such task',
        expect: expertOnly(404),
        call: (c) => postFile(c, `${task}/evidence`, '证据.png', makePng()),
      },
    ],
    'GET /api/v1/spot-check-tasks/:taskId/evidence': [
      {
        what: 'no such task',
        expect: { ...all(403), anonymous: 401, expert: 404, organizer: 404 },
        call: (c) => c.get(`/api/v1/spot-check-tasks/${NO_SUCH_ID}/evidence`),
      },
    ],
  };
}

/**
 * 动态管理 and 配套支持 (issue 15): organizers, recommenders and enterprises read (each its own);
 * only organizers revoke and upload evidence; only recommenders record support (for their own
 * unit's solutions: the matrix has none, so the lookup answers 404) and upload its documents.
 */
function lifecycleRows(): Record<string, Case[]> {
  const readers = { ...all(200), anonymous: 401, expert: 403 };
  const recommenders = (status: number): Outcome => ({
    ...all(403),
    anonymous: 401,
    recommender: status,
    otherRecommender: status,
  });
  return {
    'GET /api/v1/award-lifecycle': [
      { expect: readers, call: (c) => c.get('/api/v1/award-lifecycle?expiringWithinDays=90') },
    ],
    'POST /api/v1/award-lifecycle/revocations': [
      {
        what: 'no such solution',
        expect: organizerOnly(404),
        call: (c) =>
          c.post('/api/v1/award-lifecycle/revocations', {
            publicId: '2026-IIAPP-999',
            action: 'revoke',
            reasonCode: 'other',
            note: '矩阵测试说明',
          }),
      },
    ],
    'POST /api/v1/award-lifecycle/evidence': [
      {
        expect: organizerOnly(201),
        call: (c) => postFile(c, '/api/v1/award-lifecycle/evidence', '证明.png', makePng()),
      },
    ],
    'GET /api/v1/award-lifecycle/evidence/:id': [
      {
        what: 'no such document',
        expect: organizerOnly(404),
        call: (c) => c.get(`/api/v1/award-lifecycle/evidence/${NO_SUCH_ID}`),
      },
    ],
    'GET /api/v1/support-records': [
      { expect: readers, call: (c) => c.get('/api/v1/support-records') },
    ],
    'POST /api/v1/support-records': [
      {
        what: 'no such solution',
        expect: recommenders(404),
        call: (c) =>
          c.post('/api/v1/support-records', {
            publicId: '2026-IIAPP-999',
            kind: 'policy',
            title: '矩阵支持',
            day: '2026-01-01',
          }),
      },
    ],
    'POST /api/v1/support-records/:id/withdraw': [
      {
        what: 'no such record',
        expect: recommenders(404),
        call: (c) =>
          c.post(`/api/v1/support-records/${NO_SUCH_ID}/withdraw`, { reason: '矩阵撤回理由' }),
      },
    ],
    'GET /api/v1/support-records/totals': [
      { expect: organizerOnly(200), call: (c) => c.get('/api/v1/support-records/totals') },
    ],
    'POST /api/v1/support-records/documents': [
      {
        expect: recommenders(201),
        call: (c) => postFile(c, '/api/v1/support-records/documents', '文件.png', makePng()),
      },
    ],
    'GET /api/v1/support-records/documents/:id': [
      {
        what: 'no such document',
        expect: { ...recommenders(404), organizer: 404 },
        call: (c) => c.get(`/api/v1/support-records/documents/${NO_SUCH_ID}`),
      },
    ],
  };
}

/**
 * 年度运行监测 and 自查评估 (issue 15): organizers open rounds and read all; a recommender its own
 * unit's reports and summary; the enterprise its own reports; experts nothing. The matrix has no
 * round: callers who get past their role reach the lookup (404).
 */
function postAwardRows(): Record<string, Case[]> {
  const report = `/api/v1/post-award-reports/${NO_SUCH_ID}`;
  const round = `/api/v1/post-award-rounds/${NO_SUCH_ID}`;
  const signedInNoExpert = (status: number): Outcome => ({
    ...all(status),
    anonymous: 401,
    expert: 403,
  });
  const desk = {
    ...all(403),
    anonymous: 401,
    recommender: 404,
    otherRecommender: 404,
    organizer: 404,
  };
  const ownUnit = (status: number, organizer: number): Outcome => ({
    ...all(403),
    anonymous: 401,
    recommender: status,
    organizer,
  });
  return {
    'POST /api/v1/post-award-rounds/monitoring': [
      {
        what: 'no list of those years',
        expect: organizerOnly(404),
        call: (c) =>
          c.post('/api/v1/post-award-rounds/monitoring', {
            year: 2001,
            deadline: '2099-03-31T23:59:59+08:00',
          }),
      },
    ],
    'POST /api/v1/post-award-rounds/self-evaluation': [
      {
        what: 'no such list',
        expect: organizerOnly(404),
        call: (c) =>
          c.post('/api/v1/post-award-rounds/self-evaluation', {
            listCampaignId: NO_SUCH_ID,
            deadline: '2099-03-31T23:59:59+08:00',
          }),
      },
    ],
    'GET /api/v1/post-award-rounds': [
      { expect: signedInNoExpert(200), call: (c) => c.get('/api/v1/post-award-rounds') },
    ],
    'GET /api/v1/post-award-rounds/:roundId/reports': [
      { what: 'no such round', expect: desk, call: (c) => c.get(`${round}/reports`) },
    ],
    'GET /api/v1/post-award-rounds/:roundId/statistics': [
      { what: 'no such round', expect: desk, call: (c) => c.get(`${round}/statistics`) },
    ],
    'GET /api/v1/post-award-rounds/:roundId/summary.xlsx': [
      { what: 'no such round', expect: desk, call: (c) => c.get(`${round}/summary.xlsx`) },
    ],
    'POST /api/v1/post-award-rounds/:roundId/units/:unitId/stamped-summary': [
      {
        what: "北京市's summary, no such round",
        expect: ownUnit(404, 403),
        call: (c) =>
          postFile(c, `${round}/units/${ids.recommenderUnit}/stamped-summary`, '盖章.pdf', PDF),
      },
    ],
    'GET /api/v1/post-award-rounds/:roundId/units/:unitId/stamped-summary': [
      {
        what: "北京市's summary, none uploaded",
        expect: ownUnit(404, 404),
        call: (c) => c.get(`${round}/units/${ids.recommenderUnit}/stamped-summary`),
      },
    ],
    'GET /api/v1/post-award-reports': [
      {
        expect: { ...all(403), anonymous: 401, enterprise: 200, otherEnterprise: 200 },
        call: (c) => c.get('/api/v1/post-award-reports'),
      },
    ],
    'GET /api/v1/post-award-reports/:reportId': [
      { what: 'no such report', expect: signedInNoExpert(404), call: (c) => c.get(report) },
    ],
    'PUT /api/v1/monitoring-reports/:reportId': [
      {
        what: 'no such report',
        expect: signedInNoExpert(404),
        call: (c) =>
          c.request('PUT', `/api/v1/monitoring-reports/${NO_SUCH_ID}`, { version: 1, data: {} }),
      },
    ],
    'POST /api/v1/monitoring-reports/:reportId/submit': [
      {
        what: 'no such report',
        expect: signedInNoExpert(404),
        call: (c) => c.post(`/api/v1/monitoring-reports/${NO_SUCH_ID}/submit`, {}),
      },
    ],
    'PUT /api/v1/self-evaluations/:reportId': [
      {
        what: 'no such report',
        expect: signedInNoExpert(404),
        call: (c) =>
          c.request('PUT', `/api/v1/self-evaluations/${NO_SUCH_ID}`, { version: 1, data: {} }),
      },
    ],
    'POST /api/v1/self-evaluations/:reportId/submit': [
      {
        what: 'no such report',
        expect: signedInNoExpert(404),
        call: (c) => c.post(`/api/v1/self-evaluations/${NO_SUCH_ID}/submit`, {}),
      },
    ],
    'POST /api/v1/post-award-reports/:reportId/return': [
      {
        what: 'no such report',
        expect: signedInNoExpert(404),
        call: (c) => c.post(`${report}/return`, { comment: '矩阵退回意见' }),
      },
    ],
    'POST /api/v1/post-award-reports/:reportId/forward': [
      {
        what: 'no such report',
        expect: signedInNoExpert(404),
        call: (c) => c.post(`${report}/forward`, {}),
      },
    ],
    'POST /api/v1/post-award-reports/:reportId/evidence': [
      {
        what: 'no such report',
        expect: signedInNoExpert(404),
        call: (c) => postFile(c, `${report}/evidence`, '证明.pdf', PDF),
      },
    ],
    'GET /api/v1/post-award-reports/:reportId/evidence/:documentId': [
      {
        what: 'no such report',
        expect: signedInNoExpert(404),
        call: (c) => c.get(`${report}/evidence/${NO_SUCH_ID}`),
      },
    ],
  };
}

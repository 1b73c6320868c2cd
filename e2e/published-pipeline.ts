// A published 优秀解决方案 list, made through the HTTP API alone (Playwright request contexts: no
// browser page, no database access), for journeys that start after the award (动态管理 and the
// like). It walks the path e2e/review.spec.ts walks in the browser, on a fresh copy of the demo call:
//
//   copy the demo call (its own public-id series, and holiday notices for the years the platform
//   has none of yet) → N enterprises in 北京市 register, are verified, file and submit →
//   北京市 (login `beijing`) recommends them and signs off with the stamped scan → the organizer
//   records each 申报书's paper copy and passes the formal check → creates three experts in 上海
//   (each sets a password from the e-mailed link) → a review round with one panel of just those
//   three (two reviews per application), proposed and published → the experts score and submit →
//   the selection from that round's ranking with a place for each, the 评审会 minutes, the freeze
//   → the 公示 (5 working days from today) → the server's clock moved to 10:00 Beijing on the day
//   after the period (the organizer signs in again: a week on, the session has lapsed) → the list
//   published with a 文号, dated that day → the call closed for filing (so journeys that look for
//   the open call do not find this one).
//
// Public ids are unique across all lists, so the call gets a series of its own, `P<RUN>` (run in
// capitals, letters and digits only): ids read 2026-PA1B2C-001. Takes 10–15 s for 3 to 5.
//
// The server's clock is LEFT MOVED FORWARD (e2e/clock-offset.mjs; setServerClock in helpers): the
// list cannot be published before the period ends, and moving the clock back would make it
// published in the future. The caller resets it (resetServerClock) when done, usually in afterAll.
// It expects the server's clock at the real time on entry (the 公示 opens on today's date).
//
// Sign-in afterwards: each enterprise with its `enterpriseLogin` (its 统一社会信用代码) and
// NEW_PASSWORD (helpers); each expert with the `login` and `password` returned; the recommender
// with `unitLogin` and DEMO_PASSWORD; the organizer as `organizer` / DEMO_PASSWORD.
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { STATE_COUNCIL_HOLIDAY_NOTICES, type HolidayNotice } from '../domain/working-days';
import { distinctTexts } from '../test/fixtures/distinct-texts';
import {
  apiRegisterBeijingEnterprise,
  apiSignIn,
  apiSubmitApplication,
  DEMO_CAMPAIGN,
  NEW_PASSWORD,
  PNG_1X1,
  setServerClock,
  tinyPdf,
  uniqueUscc,
  waitForMail,
  type ApiSession,
} from './helpers';

export interface PublishedSolution {
  applicationId: string;
  /** e.g. 2026-PAB12C-001: the list's year, the call's own series, the place in the list */
  publicId: string;
  solutionName: string;
  enterpriseName: string;
  uscc: string;
  /** signs in with NEW_PASSWORD */
  enterpriseLogin: string;
  /** the category code filed (basic_common, industry_general) */
  category: string;
}

export interface PublishedExpert {
  name: string;
  email: string;
  login: string;
  password: string;
}

export interface PublishedPipeline {
  campaignId: string;
  campaignCode: string;
  listYear: number;
  /** YYYY-MM-DD (Beijing): the day after the 公示 period, where the server's clock now is */
  publishedOn: string;
  /** YYYY-MM-DD: the last day the listed solutions are valid */
  validUntil: string;
  solutions: PublishedSolution[];
  experts: PublishedExpert[];
  /** the recommender (北京市) every application went through; signs in with DEMO_PASSWORD */
  unitLogin: 'beijing';
}

const EXPERT_PASSWORD = 'Expert2026ok';
const DAY_MS = 86_400_000;

/** What the enterprises file, in turn: topic, brand, category, focus area. */
const FILINGS = [
  ['刀具寿命管理', '青松', 'basic_common', '核心基础零部件'],
  ['焊装质量追溯', '白桦', 'industry_general', '汽车'],
  ['注塑参数寻优', '红枫', 'industry_general', '机械制造'],
  ['轴承振动诊断', '翠柏', 'basic_common', '核心基础零部件'],
  ['涂装能耗优化', '银杏', 'industry_general', '汽车'],
] as const;

/** The Beijing calendar day of an instant (ms). */
const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
/** A moment `hours` after the start of the Beijing day `day` (YYYY-MM-DD). */
const beijingTime = (day: string, hours: number) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + hours * 3_600_000).toISOString();

async function send<T>(s: ApiSession, method: 'post' | 'put', url: string, data?: unknown) {
  const res = await s.request[method](`/api/v1${url}`, {
    headers: { 'x-csrf-token': s.csrf },
    data,
  });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function upload<T>(
  s: ApiSession,
  url: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const res = await s.request.post(`/api/v1${url}`, {
    headers: { 'x-csrf-token': s.csrf },
    multipart: { file },
  });
  expect(res.status(), `POST ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function get<T>(request: APIRequestContext, url: string) {
  const res = await request.get(`/api/v1${url}`);
  expect(res.status(), `GET ${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

interface CampaignConfig {
  revision: number;
  campaign: {
    year: number;
    title: string;
    docNumber: string;
    issuer: string;
    opensAt: string;
    settings: { holidayNotices?: HolidayNotice[] } & Record<string, unknown>;
  };
}

/** The e-mailed link's token, for an account whose password is set through it. */
async function resetToken(email: string): Promise<string> {
  const mail = await waitForMail(email, (m) => /reset-password\?token=/.test(m.text));
  return /reset-password\?token=([\w-]+)/.exec(mail.text)![1]!;
}

export async function apiPublishedList(
  baseURL: string,
  opts: { run: string; count?: number },
): Promise<PublishedPipeline> {
  const count = opts.count ?? 3;
  const run = opts.run.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  if (!run) throw new Error('apiPublishedList: opts.run needs letters or digits');
  if (count < 1 || count > 10)
    throw new Error('apiPublishedList: 1 to 10 applications (北京市 recommends at most 10)');
  const campaignCode = `pipeline-${run.toLowerCase()}`;
  const contexts: APIRequestContext[] = [];
  const context = async () => {
    const c = await playwrightRequest.newContext({ baseURL });
    contexts.push(c);
    return c;
  };

  try {
    const org = await apiSignIn(await context(), 'organizer');

    // ── the call: a copy of the demo's, open now, with its own public-id series ──
    const now = Date.now();
    const year = Number(beijingDay(now).slice(0, 4));
    const opensAt = new Date(now - DAY_MS).toISOString();
    const { id: campaignId } = await send<{ id: string }>(
      org,
      'post',
      `/campaigns/${DEMO_CAMPAIGN}/copy`,
      {
        code: campaignCode,
        year,
        title: `名单发布演练${run}`,
        opensAt,
        onlineDeadline: new Date(now + 30 * DAY_MS).toISOString(),
        paperDeadline: new Date(now + 30 * DAY_MS).toISOString(),
      },
    );
    // the years the platform knows no State Council notice of get one (as an organizer records a
    // newly published one), so that a 公示 period from today can be counted
    const cfg = await get<CampaignConfig>(org.request, `/campaigns/${campaignCode}/config`);
    const own = cfg.campaign.settings.holidayNotices ?? [];
    const known = new Set([...STATE_COUNCIL_HOLIDAY_NOTICES, ...own].map((n) => n.year));
    const added: HolidayNotice[] = [year, year + 1]
      .filter((y) => !known.has(y))
      .map((y) => ({
        year: y,
        title: `国务院办公厅关于${y}年部分节假日安排的通知`,
        issuedOn: `${y - 1}-11-01`,
        holidays: [{ name: '元旦', from: `${y}-01-01`, to: `${y}-01-01` }],
        workdays: [],
      }));
    await send(org, 'put', `/campaigns/${campaignCode}/config`, {
      baseRevision: cfg.revision,
      settings: {
        ...cfg.campaign.settings,
        holidayNotices: [...own, ...added],
        // public ids are unique across lists: another list of this year took 2026-IIAPP-001
        publicIdSeries: `P${run}`.slice(0, 16),
      },
    });

    // ── the enterprises: register, file and submit; the organizer verifies each ──
    const filed = Array.from({ length: count }, (_, i) => {
      const [topic, brand, category, focusArea] = FILINGS[i % FILINGS.length]!;
      const n = i < FILINGS.length ? '' : String(i);
      return {
        solutionName: `发布${run}${topic}${n}`,
        enterpriseName: `北京${brand}${run}${n}智能装备有限公司`,
        uscc: uniqueUscc(),
        category: category as string,
        focusArea: focusArea as string,
      };
    });
    const applicationIds: string[] = [];
    const codes: string[] = [];
    for (const f of filed) {
      const request = await context();
      await apiRegisterBeijingEnterprise(request, {
        name: f.enterpriseName,
        uscc: f.uscc,
        email: `pipeline-${run.toLowerCase()}-${f.uscc.toLowerCase()}@example.cn`,
      });
      const s = await apiSignIn(request, f.uscc, NEW_PASSWORD);
      const id = await apiSubmitApplication(s, { campaign: campaignId, ...f }, (data) => {
        data.solution.category = f.category;
        data.solution.focusAreas = [f.focusArea];
        data.text = { ...data.text, ...distinctTexts(f.uscc) };
      });
      applicationIds.push(id);
      const detail = await get<{ versions: { verificationCode: string }[] }>(
        request,
        `/applications/${id}`,
      );
      codes.push(detail.versions[0]!.verificationCode);
      const me = await get<{ enterprise: { id: string } }>(request, '/me');
      await send(org, 'post', `/enterprises/${me.enterprise.id}/verification/decision`, {
        decision: 'verified',
      });
    }

    // ── 北京市 recommends them all and signs off with the stamped 附件3 ──
    const bj = await apiSignIn(await context(), 'beijing');
    const me = await get<{ recommenderUnit: { id: string } }>(bj.request, '/me');
    for (const [i, id] of applicationIds.entries())
      await send(bj, 'post', `/applications/${id}/recommend`, { rank: i + 1 });
    const batch = `/campaigns/${campaignId}/units/${me.recommenderUnit.id}/batch`;
    await upload(bj, `${batch}/stamped-scan`, {
      name: '附件3盖章扫描件.png',
      mimeType: 'image/png',
      buffer: PNG_1X1,
    });
    await send(bj, 'post', `${batch}/sign-off`, {});

    // ── the organizer: paper copies received, the formal check passed ──
    for (const code of codes) {
      const answer = await send<{ receipt: { status: string } }>(
        org,
        'post',
        `/campaigns/${campaignId}/paper-receipts`,
        { kind: 'application', code },
      );
      expect(answer.receipt.status).toBe('current');
    }
    const checked = await send<{ passed: number; items: { reason: string | null }[] }>(
      org,
      'post',
      `/campaigns/${campaignId}/formal-check/bulk-pass`,
      { applicationIds },
    );
    expect(checked.passed, JSON.stringify(checked.items)).toBe(count);

    // ── three experts in 上海; each sets a password from the e-mailed link ──
    const categories = [...new Set(filed.map((f) => f.category))];
    const experts = await Promise.all(
      ['陆', '钱', '沈'].map(async (surname, i) => {
        const email = `pipeline-${run.toLowerCase()}-expert-${i}@example.cn`;
        const created = await send<{ expert: { id: string }; login: string }>(
          org,
          'post',
          '/experts',
          {
            name: `${surname}发${run}`,
            employerName: `上海${['交通', '理工', '海事'][i]}大学`,
            title: '教授',
            regionCode: '310000',
            categories,
            email,
          },
        );
        const request = await context();
        const set = await request.post('/api/v1/auth/password-reset/confirm', {
          data: { token: await resetToken(email), newPassword: EXPERT_PASSWORD },
        });
        expect(set.status(), await set.text()).toBe(200);
        const { csrfToken } = (await set.json()) as { csrfToken: string };
        return {
          id: created.expert.id,
          name: `${surname}发${run}`,
          email,
          login: created.login,
          session: { request, csrf: csrfToken } satisfies ApiSession,
        };
      }),
    );

    // ── a review round of just these three: two reviews each application ──
    const rounds = `/campaigns/${campaignId}/review-rounds`;
    const round = await send<{ id: string }>(org, 'post', rounds, {
      name: '第一轮专家评审',
      reviewsPerApplication: 2,
      maxLoad: count,
      deadline: new Date(now + 14 * DAY_MS).toISOString(),
      // other journeys' experts are in the pool too: a panel of ours alone
      panels: [{ name: '综合评审组', categories, expertIds: experts.map((e) => e.id) }],
    });
    const proposal = await send<{ proposed: number; shortfalls: unknown[] }>(
      org,
      'post',
      `${rounds}/${round.id}/propose`,
    );
    expect(proposal.shortfalls, JSON.stringify(proposal.shortfalls)).toEqual([]);
    const published = await send<{ published: number }>(
      org,
      'post',
      `${rounds}/${round.id}/publish`,
    );
    expect(published.published).toBe(2 * count);

    // ── each expert scores and submits what was assigned to them ──
    for (const [n, e] of experts.entries()) {
      const mine = await get<{ items: { assignmentId: string }[] }>(
        e.session.request,
        '/my/reviews',
      );
      for (const [i, item] of mine.items.entries()) {
        const b = (n + i) % 5;
        const saved = await send<{ version: number }>(
          e.session,
          'put',
          `/my/reviews/${item.assignmentId}`,
          {
            baseVersion: 0,
            scores: {
              scenario: 14 + b,
              industry_value: 18 + b,
              technology: 14 + b,
              deployment: 14 + b,
              promotion: 10 + b,
            },
            recommendation: b % 2 ? 'recommend' : 'strong',
            comment:
              '方案应用场景明确，关键技术具备自主知识产权，部署案例较多，成效数据较为充分；推广路径清楚，建议加强安全可控方面的说明并补充第三方测评结果。',
          },
        );
        await send(e.session, 'post', `/my/reviews/${item.assignmentId}/submit`, {
          baseVersion: saved.version,
        });
      }
    }

    // ── the selection from the ranking: a place for each, all selected; minutes; frozen ──
    const selection = `/campaigns/${campaignId}/selection`;
    const targets: Record<string, number> = {};
    for (const f of filed) targets[f.category] = (targets[f.category] ?? 0) + 1;
    const started = await send<{ revision: number }>(org, 'put', selection, {
      baseRevision: 0,
      roundId: round.id,
      targets,
    });
    const pre = await send<{ selected: number }>(org, 'post', `${selection}/preselect`, {
      baseRevision: started.revision,
    });
    expect(pre.selected).toBe(count);
    const withMinutes = await upload<{ revision: number; problems: string[] }>(
      org,
      `${selection}/minutes`,
      { name: '评审会纪要.pdf', mimeType: 'application/pdf', buffer: tinyPdf() },
    );
    expect(withMinutes.problems).toEqual([]);
    await send(org, 'post', `${selection}/freeze`, { baseRevision: withMinutes.revision });

    // ── the 公示 from today; then the server's clock past its period ──
    const opened = await send<{ inNotice: number; notice: { period: { to: string } } }>(
      org,
      'post',
      `/campaigns/${campaignId}/public-notice`,
      {
        opensOn: beijingDay(Date.now()),
        contact: '工业和信息化部信息技术发展司，电话：010-68208206',
      },
    );
    expect(opened.inNotice).toBe(count);
    const publishedOn = beijingDay(Date.parse(`${opened.notice.period.to}T00:00:00Z`) + DAY_MS);
    await setServerClock(beijingTime(publishedOn, 10));
    // a week on, the organizer's session has lapsed: signs in again
    const orgLater = await apiSignIn(await context(), 'organizer');

    // ── the list, with its 文号 ──
    const list = await send<{
      year: number;
      list: { publishedOn: string; validUntil: string } | null;
      items: { applicationId: string; publicId: string }[];
    }>(orgLater, 'post', `/campaigns/${campaignId}/published-list`, {
      documentNo: `工信厅信发函〔${publishedOn.slice(0, 4)}〕${300 + (now % 600)}号`,
      publishedOn,
    });
    expect(list.items).toHaveLength(count);

    // ── the call closed for filing, as it would be long before its list ──
    const closing = await get<CampaignConfig>(
      orgLater.request,
      `/campaigns/${campaignCode}/config`,
    );
    const f = closing.campaign;
    const closedAt = new Date().toISOString();
    await send(orgLater, 'put', `/campaigns/${campaignCode}/config`, {
      baseRevision: closing.revision,
      fields: {
        year: f.year,
        title: f.title,
        docNumber: f.docNumber,
        issuer: f.issuer,
        opensAt: f.opensAt,
        onlineDeadline: closedAt,
        paperDeadline: closedAt,
      },
    });

    const publicIdOf = new Map(list.items.map((i) => [i.applicationId, i.publicId]));
    return {
      campaignId,
      campaignCode,
      listYear: list.year,
      publishedOn: list.list!.publishedOn,
      validUntil: list.list!.validUntil,
      solutions: filed.map((f, i) => ({
        applicationId: applicationIds[i]!,
        publicId: publicIdOf.get(applicationIds[i]!)!,
        solutionName: f.solutionName,
        enterpriseName: f.enterpriseName,
        uscc: f.uscc,
        enterpriseLogin: f.uscc,
        category: f.category,
      })),
      experts: experts.map((e) => ({
        name: e.name,
        email: e.email,
        login: e.login,
        password: EXPERT_PASSWORD,
      })),
      unitLogin: 'beijing',
    };
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

/**
 * Takes the pipeline's experts out of future proposals (停用), for the journey's afterAll: the
 * expert pool is shared by every journey on the server, and a later journey's review round takes
 * every active expert of its categories into its panels.
 */
export async function apiRetireExperts(
  baseURL: string,
  experts: readonly PublishedExpert[],
): Promise<void> {
  const request = await playwrightRequest.newContext({ baseURL });
  try {
    const org = await apiSignIn(request, 'organizer');
    for (const e of experts) {
      const list = await request.get(`/api/v1/experts?q=${encodeURIComponent(e.name)}`);
      expect(list.status(), await list.text()).toBe(200);
      const found = ((await list.json()) as { items: { id: string; name: string }[] }).items;
      for (const x of found.filter((x) => x.name === e.name)) {
        const res = await request.patch(`/api/v1/experts/${x.id}`, {
          headers: { 'x-csrf-token': org.csrf },
          data: { active: false },
        });
        expect(res.status(), await res.text()).toBe(200);
      }
    }
  } finally {
    await request.dispose();
  }
}

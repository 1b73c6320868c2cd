// 宣传推广 / 开放数据 (issue 14) through the API and the pages: the search with its filters (region
// and industry subtrees, status as of today), paging and counts; one solution; 404s and 400s; the
// open-data files equal to the published rows (JSON and CSV parsed back); the Atom feed; the
// server-rendered pages, escaping what enterprises typed; no USCC or personal data anywhere
// public; and only published lists — a campaign in 公示 appears once its list is published.
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CatalogueDetail, CataloguePage, OpenDataFile } from '../../../domain/api/catalogue';
import { OPEN_DATA_FIELDS } from '../../../domain/api/catalogue';
import { parseCsv } from '../../lib/csv';
import { AFTER_NOTICE, noticeWorld, type NoticeWorld } from '../../../test/fixtures/public-notice';
import { publishedWorld, type PublishedList } from '../../../test/fixtures/published';
import { Client, createTestApp, query, type TestApp } from '../../../test/harness';

let t: TestApp;
let anon: Client;
/** valid today (2026-11-01): published 2024-12-01, through 2026-11-30 */
let a: PublishedList;
/** expired: published 2023-12-01, through 2025-11-30 (no expiry recorded) */
let b: PublishedList;
/** names with markup and a formula */
let esc: PublishedList;
let w: NoticeWorld;
let noticeNames: string[];

const NASTY_SOLUTION = '<script>alert("方案")</script>智能排产APP';
const NASTY_ENTERPRISE = '<img src=x onerror=alert(1)>测试有限公司';
const FORMULA_ENTERPRISE = '=HYPERLINK("http://evil.example","点击")科技有限公司';

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000, sessionHours: 24 * 365 * 3 } });
  anon = new Client(t.app);
  a = await publishedWorld(t, 60, { year: 2024, publishedOn: '2024-12-01', revoked: 3 });
  b = await publishedWorld(t, 30, { year: 2023, publishedOn: '2023-12-01', revoked: 0 });
  esc = await publishedWorld(t, 3, {
    year: 2022,
    publishedOn: '2022-12-01',
    revoked: 0,
    solutionNames: [NASTY_SOLUTION],
    enterpriseNames: [NASTY_ENTERPRISE, FORMULA_ENTERPRISE],
  });
  w = await noticeWorld(t, 9701, 3);
  noticeNames = (
    await query<{ name: string }>(
      t,
      `select solution_name as name from applications where id in (${w.inNotice.map((id) => `'${id}'`).join(',')})`,
    )
  ).map((r) => r.name);
});
afterAll(() => t?.close());

const TOTAL = 60 + 30 + 3;

async function list(qs: string): Promise<CataloguePage> {
  const res = await anon.get(`/api/v1/published-solutions${qs}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as CataloguePage;
}

async function allIds(qs: string): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const p = await list(`${qs}${qs ? '&' : '?'}pageSize=100&page=${page}`);
    out.push(...p.items.map((i) => i.publicId));
    if (out.length >= p.total) return out;
  }
}

const ids = (sqlText: string) =>
  query<{ id: string }>(t, sqlText).then((rows) => rows.map((r) => r.id).sort());

describe('listPublishedSolutions', () => {
  test('every published solution, newest list first, in list order, paged', async () => {
    const first = await list('');
    expect(first.total).toBe(TOTAL);
    expect(first.pageSize).toBe(20);
    expect(first.items.map((i) => i.publicId)).toEqual(a.publicIds.slice(0, 20));
    const last = await list('?page=5');
    expect(last.items.map((i) => i.publicId)).toEqual(
      [...a.publicIds, ...b.publicIds, ...esc.publicIds].slice(80),
    );
    expect(await allIds('')).toEqual([...a.publicIds, ...b.publicIds, ...esc.publicIds]);
    expect((await list('?page=99')).items).toEqual([]);
  });

  test('year, category, and the counts of each filter', async () => {
    expect(await allIds('?year=2023')).toEqual(b.publicIds);
    const [cat] = await query<{ category: string; n: number }>(
      t,
      `select category, count(*)::int as n from published_solutions group by category order by category limit 1`,
    );
    const page = await list(`?category=${cat!.category}`);
    expect(page.total).toBe(cat!.n);
    expect(page.items.every((i) => i.category === cat!.category)).toBe(true);
    const all = await list('');
    expect(all.facets.years).toEqual([
      { value: '2024', label: '2024年', count: 60 },
      { value: '2023', label: '2023年', count: 30 },
      { value: '2022', label: '2022年', count: 3 },
    ]);
    // a filter's own counts ignore it: with year=2023 the years still count every year
    expect((await list('?year=2023')).facets.years.map((y) => y.count)).toEqual([60, 30, 3]);
    expect(all.facets.categories.reduce((n, c) => n + c.count, 0)).toBe(TOTAL);
  });

  test('a province matches its cities, a city its own; an industry division its classes, a section its divisions', async () => {
    const [r] = await query<{ code: string }>(
      t,
      `select region_code as code from published_solutions group by region_code order by count(*) desc limit 1`,
    );
    const province = `${r!.code.slice(0, 2)}0000`;
    const city = `${r!.code.slice(0, 4)}00`;
    expect(await allIds(`?region=${province}`).then((x) => x.sort())).toEqual(
      await ids(
        `select public_id as id from published_solutions where region_code like '${province.slice(0, 2)}%'`,
      ),
    );
    expect(await allIds(`?region=${city}`).then((x) => x.sort())).toEqual(
      await ids(
        `select public_id as id from published_solutions where region_code like '${city.slice(0, 4)}%'`,
      ),
    );
    expect((await list(`?region=${province}`)).total).toBeGreaterThan(0);
    const [ind] = await query<{ code: string }>(
      t,
      `select left(e->>'code', 2) as code from published_solutions, jsonb_array_elements(industries) e
       group by 1 order by count(*) desc limit 1`,
    );
    expect(await allIds(`?industry=${ind!.code}`).then((x) => x.sort())).toEqual(
      await ids(`select public_id as id from published_solutions s where exists (
        select 1 from jsonb_array_elements(s.industries) e where e->>'code' like '${ind!.code}%')`),
    );
    expect(await allIds('?industry=C').then((x) => x.sort())).toEqual(
      await ids(`select public_id as id from published_solutions s where exists (
        select 1 from jsonb_array_elements(s.industries) e join industries i on i.code = e->>'code'
        where i.section = 'C')`),
    );
  });

  test('the status is as of today in Beijing: an ended validity is 已过期 before any expiry is recorded', async () => {
    const revoked = await list('?status=revoked&pageSize=100');
    expect(revoked.items.map((i) => i.publicId)).toEqual(a.revokedIds);
    expect(revoked.items.every((i) => i.statusLabel === '已撤销')).toBe(true);
    expect((await allIds('?status=expired')).sort()).toEqual(
      [...b.publicIds, ...esc.publicIds].sort(),
    );
    expect((await list('?status=valid')).total).toBe(60 - 3);
    const all = await list('');
    expect(all.facets.statuses).toEqual([
      { value: 'valid', label: '有效', count: 57 },
      { value: 'revoked', label: '已撤销', count: 3 },
      { value: 'expired', label: '已过期', count: 33 },
      { value: 'withdrawn', label: '已退出', count: 0 },
    ]);
    // the 2024 list's last day is 2026-11-30 (Beijing): valid on it, expired the next day
    const saved = t.clock.now().toISOString();
    try {
      t.clock.set('2026-11-30T23:59:00+08:00');
      expect((await list('?year=2024&status=valid')).total).toBe(57);
      t.clock.set('2026-12-01T00:00:00+08:00');
      expect((await list('?year=2024&status=valid')).total).toBe(0);
      expect((await list('?year=2024&status=expired')).total).toBe(57);
    } finally {
      t.clock.set(saved);
    }
  });

  test('words search the name, the enterprise and the summary', async () => {
    const [row] = await query<{ id: string; enterprise: string }>(
      t,
      `select public_id as id, enterprise_name as enterprise from published_solutions where public_id = '${a.publicIds[7]}'`,
    );
    const hit = await list(`?q=${encodeURIComponent(row!.enterprise)}`);
    expect(hit.items.map((i) => i.publicId)).toContain(a.publicIds[7]);
    expect((await list(`?q=${encodeURIComponent('不存在的词语组合xyz')}`)).total).toBe(0);
    const script = await list(`?q=${encodeURIComponent('<script>')}`);
    expect(script.items.map((i) => i.solutionName)).toEqual([NASTY_SOLUTION]);
  });

  test.each([
    '?year=abc',
    '?year=1999',
    '?region=12',
    '?industry=xyz',
    '?status=cancelled',
    '?page=0',
    '?pageSize=1000',
    '?category=DROP%20TABLE',
    `?q=${'长'.repeat(101)}`,
  ])('%s → 400, nothing else', async (qs) => {
    const res = await anon.get(`/api/v1/published-solutions${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const page = await anon.get(`/solutions${qs}`);
    expect(page.status).toBe(400);
    expect(page.raw.body).toContain('查询条件不正确');
  });
});

describe('getPublishedSolution', () => {
  test('the solution with its list, validity, status today, history and approved 成果展示', async () => {
    const id = a.showcaseIds[0]!;
    const res = await anon.get(`/api/v1/published-solutions/${id}`);
    expect(res.status).toBe(200);
    const d = res.body as CatalogueDetail;
    expect(d).toMatchObject({
      publicId: id,
      year: 2024,
      status: 'valid',
      statusLabel: '有效',
      validFrom: '2024-12-01',
      validUntil: '2026-11-30',
      list: { title: a.title, documentNo: a.documentNo, publishedOn: '2024-12-01' },
      url: `${t.deps.config.publicUrl}/solutions/${id}`,
    });
    expect(d.apps.length).toBeGreaterThan(0);
    expect(d.history).toEqual([
      {
        kind: 'published',
        kindLabel: '发布入选',
        day: '2024-12-01',
        note: `列入《${a.title}》（${a.documentNo}）`,
        reasonLabel: null,
      },
    ]);
    expect(d.showcase?.text).toContain('设备综合效率');
    expect(d.showcase?.images[0]!.url).toMatch(
      new RegExp(`^/api/v1/published-solutions/${id}/showcase-images/[0-9a-f-]{36}$`),
    );
    const plain = (await anon.get(`/api/v1/published-solutions/${a.publicIds.at(-1)}`)).body;
    expect(plain.showcase).toBeNull();
    const revoked = (await anon.get(`/api/v1/published-solutions/${a.revokedIds[0]}`)).body;
    expect(revoked.statusLabel).toBe('已撤销');
    expect(revoked.history.map((e: { kind: string }) => e.kind)).toEqual(['published', 'revoked']);
    // typed by a person: lower case, full-width digits
    expect((await anon.get(`/api/v1/published-solutions/${id.toLowerCase()}`)).body.publicId).toBe(
      id,
    );
  });

  test.each(['2024-IIAPP-999', 'abc', '2024-IIAPP-01', '%3Cscript%3E'])(
    'unknown or malformed %s → 404 with a clear message',
    async (id) => {
      const res = await anon.get(`/api/v1/published-solutions/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND' });
      expect(res.body.error.message).toContain('没有这个公开编号');
      const page = await anon.get(`/solutions/${id}`);
      expect(page.status).toBe(404);
      expect(page.raw.body).toContain('未找到该解决方案');
    },
  );
});

describe('open data', () => {
  async function dbRecords(where = '') {
    return query<Record<string, unknown>>(
      t,
      `select s.public_id, s.year, s.solution_name, s.enterprise_name, s.category_name, s.region_code,
              s.region_name, s.industries, s.unit_name, s.summary, s.apps, s.valid_from, s.valid_until,
              l.title, l.document_no, l.published_on
       from published_solutions s join published_lists l on l.campaign_id = s.campaign_id ${where}`,
    );
  }

  function expectEqualToDb(file: OpenDataFile, rows: Record<string, unknown>[]) {
    expect(file.count).toBe(rows.length);
    const byId = new Map(rows.map((r) => [r.public_id as string, r]));
    expect(file.items.map((i) => i.publicId).sort()).toEqual([...byId.keys()].sort());
    for (const i of file.items) {
      const r = byId.get(i.publicId)!;
      expect(i).toMatchObject({
        year: r.year,
        solutionName: r.solution_name,
        enterpriseName: r.enterprise_name,
        categoryName: r.category_name,
        regionCode: r.region_code ?? '',
        regionName: r.region_name,
        industryCodes: (r.industries as { code: string }[]).map((x) => x.code),
        industryNames: (r.industries as { name: string }[]).map((x) => x.name),
        recommenderUnit: r.unit_name,
        summary: r.summary,
        apps: (r.apps as { name: string; version: string }[]).map((x) => `${x.name} ${x.version}`),
        validFrom: r.valid_from,
        validUntil: r.valid_until,
        listTitle: r.title,
        documentNo: r.document_no,
        publishedOn: r.published_on,
      });
    }
  }

  /** The CSV parsed back equals the JSON: lists joined with 「；」, formula-like text behind an apostrophe. */
  function expectCsvEqualsJson(csv: Buffer, file: OpenDataFile) {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text.split('\r\n')[0]!.replace(/^\uFEFF/, '')).toBe(
      OPEN_DATA_FIELDS.map((f) => `"${f}"`).join(','),
    );
    const rows = parseCsv(text);
    expect(rows.length).toBe(file.items.length);
    rows.forEach((row, n) => {
      const item = file.items[n]!;
      for (const f of OPEN_DATA_FIELDS) {
        const v = item[f];
        const s = Array.isArray(v) ? v.join('；') : String(v);
        expect(row[f], `${item.publicId} ${f}`).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
      }
    });
  }

  test('all years: JSON and CSV hold exactly the published rows, with the same ids and fields', async () => {
    const json = await anon.get('/api/v1/published-solutions.json');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    const file = json.body as OpenDataFile;
    expectEqualToDb(file, await dbRecords());
    expect(file.items.map((i) => i.publicId)).toEqual([
      ...a.publicIds,
      ...b.publicIds,
      ...esc.publicIds,
    ]);
    expect(file.items.find((i) => i.publicId === b.publicIds[0])).toMatchObject({
      status: 'expired',
      statusLabel: '已过期',
    });
    const csv = await anon.get('/api/v1/published-solutions.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expectCsvEqualsJson(csv.raw.rawPayload, file);
    // the formula typed as an enterprise's name stays text
    expect(csv.raw.rawPayload.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil.example""`);
  });

  test('one year: /published-lists/2024.json and .csv', async () => {
    const json = await anon.get('/api/v1/published-lists/2024.json');
    expect(json.status).toBe(200);
    const file = json.body as OpenDataFile;
    expect(file.items.map((i) => i.publicId)).toEqual(a.publicIds);
    expectEqualToDb(file, await dbRecords('where s.year = 2024'));
    const csv = await anon.get('/api/v1/published-lists/2024.csv');
    expect(csv.status).toBe(200);
    expectCsvEqualsJson(csv.raw.rawPayload, file);
  });

  test('a year with no list is 404; a malformed file name 400', async () => {
    expect((await anon.get('/api/v1/published-lists/1999.json')).body.error.code).toBe('NOT_FOUND');
    for (const bad of ['20x4.csv', '2024.xlsx', '2024', '2024.csv.json']) {
      const res = await anon.get(`/api/v1/published-lists/${bad}`);
      expect(res.status, bad).toBe(400);
    }
  });

  test('the JSON Schema of a record names every field', async () => {
    const res = await anon.get('/api/v1/published-solutions/schema.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.properties)).toEqual(OPEN_DATA_FIELDS);
    expect(res.body.properties.publicId.description).toContain('公开编号');
  });
});

describe('changes feed (Atom)', () => {
  test('valid Atom with the publications and revocations, newest first, escaped', async () => {
    const res = await anon.get('/api/v1/published-solutions/changes.atom');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const text = res.raw.body;
    // throws on malformed XML
    const doc = new JSDOM(text, { contentType: 'application/xml' }).window.document;
    const feed = doc.documentElement;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    expect(feed.querySelector(':scope > id')?.textContent).toBe(
      `${t.deps.config.publicUrl}/api/v1/published-solutions/changes.atom`,
    );
    expect(feed.querySelector(':scope > updated')?.textContent).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const entries = [...doc.querySelectorAll('entry')];
    expect(entries.length).toBeGreaterThan(10);
    for (const e of entries)
      for (const tag of ['id', 'title', 'updated', 'link', 'summary'])
        expect(e.querySelector(tag), tag).not.toBeNull();
    const titles = entries.map((e) => e.querySelector('title')!.textContent);
    expect(titles[0]).toMatch(/^撤销：/);
    expect(titles.filter((x) => x?.startsWith('撤销：')).length).toBe(3);
    expect(titles).toContain(`发布入选：${NASTY_SOLUTION}（${esc.publicIds[0]}）`);
    expect(text).not.toContain('<script>');
    const revoked = entries.find((e) =>
      e.querySelector('title')!.textContent!.includes(a.revokedIds[0]!),
    )!;
    expect(revoked.querySelector('link')!.getAttribute('href')).toBe(
      `${t.deps.config.publicUrl}/solutions/${a.revokedIds[0]}`,
    );
  });
});

describe('public pages (server-rendered)', () => {
  test('/solutions: a search form, results with links, paging, the open data and the feed', async () => {
    const res = await anon.get('/solutions');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const doc = new JSDOM(res.raw.body).window.document;
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.querySelector('h1')?.textContent).toBe('工业互联网APP优秀解决方案名单');
    expect(doc.querySelector('link[rel=alternate][type="application/atom+xml"]')).not.toBeNull();
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
      `${t.deps.config.publicUrl}/solutions`,
    );
    for (const name of ['q', 'year', 'category', 'region', 'industry', 'status'])
      expect(doc.querySelector(`label [name=${name}]`), name).not.toBeNull();
    const links = [...doc.querySelectorAll('ol.results h3 a')];
    expect(links.map((l) => l.getAttribute('href'))).toEqual(
      a.publicIds.slice(0, 20).map((id) => `/solutions/${id}`),
    );
    expect(doc.querySelector('nav.pages a[rel=next]')?.getAttribute('href')).toBe(
      '/solutions?page=2',
    );
    const hrefs = [...doc.querySelectorAll('a')].map((l) => l.getAttribute('href'));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/api/v1/published-solutions.csv',
        '/api/v1/published-solutions.json',
        '/api/v1/published-lists/2024.csv',
        '/api/v1/published-solutions/changes.atom',
      ]),
    );
    expect(doc.querySelectorAll('script').length).toBe(0);
    const filtered = new JSDOM(
      (await anon.get('/solutions?year=2023&status=expired&page=2')).raw.body,
    ).window.document;
    expect(
      filtered.querySelector('select[name=year] option[selected]')?.getAttribute('value'),
    ).toBe('2023');
    expect(filtered.querySelector('nav.pages a[rel=prev]')?.getAttribute('href')).toBe(
      '/solutions?year=2023&status=expired',
    );
  });

  test('/solutions/:publicId: h1, id, status, validity, history, 成果展示, canonical and Open Graph', async () => {
    const id = a.showcaseIds[0]!;
    const res = await anon.get(`/solutions/${id}`);
    expect(res.status).toBe(200);
    const doc = new JSDOM(res.raw.body).window.document;
    const [row] = await query<{ name: string }>(
      t,
      `select solution_name as name from published_solutions where public_id = '${id}'`,
    );
    expect(doc.querySelector('h1')?.textContent).toBe(row!.name);
    const body = doc.body.textContent!;
    expect(body).toContain(id);
    expect(body).toContain('有效');
    expect(body).toContain('2024年12月1日至2026年11月30日');
    expect(body).toContain(a.documentNo);
    expect(doc.querySelectorAll('.showcase p').length).toBe(2);
    expect(doc.querySelector('.showcase img')?.getAttribute('src')).toMatch(
      new RegExp(`^/api/v1/published-solutions/${id}/showcase-images/`),
    );
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
      `${t.deps.config.publicUrl}/solutions/${id}`,
    );
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toContain(
      row!.name,
    );
    expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(
      `${t.deps.config.publicUrl}/solutions/${id}`,
    );
    const expired = new JSDOM((await anon.get(`/solutions/${b.publicIds[0]}`)).raw.body).window
      .document;
    expect(expired.querySelector('.status')?.textContent).toBe('已过期');
    const lower = await anon.get(`/solutions/${id.toLowerCase()}`);
    expect(lower.status).toBe(301);
    expect(lower.headers.location).toBe(`/solutions/${id}`);
  });

  test('names with markup show as text, on the list and on their page', async () => {
    const listed = await anon.get('/solutions?year=2022');
    for (const res of [listed, await anon.get(`/solutions/${esc.publicIds.find(Boolean)}`)]) {
      expect(res.raw.body).not.toContain('<script');
      expect(res.raw.body).not.toContain('<img src=x');
    }
    const doc = new JSDOM(listed.raw.body).window.document;
    expect([...doc.querySelectorAll('ol.results h3 a')].map((l) => l.textContent)).toContain(
      NASTY_SOLUTION,
    );
    expect(doc.body.textContent).toContain(NASTY_ENTERPRISE);
    const nasty = (await list(`?q=${encodeURIComponent('<script>')}`)).items[0]!;
    const page = new JSDOM((await anon.get(`/solutions/${nasty.publicId}`)).raw.body).window
      .document;
    expect(page.querySelector('h1')?.textContent).toBe(NASTY_SOLUTION);
    expect(page.title).toContain(NASTY_SOLUTION);
  });
});

describe('what is public', () => {
  async function everything(): Promise<string> {
    const urls = [
      '/api/v1/published-solutions?pageSize=100',
      '/api/v1/published-solutions.json',
      '/api/v1/published-solutions.csv',
      '/api/v1/published-lists/2024.csv',
      '/api/v1/published-solutions/changes.atom',
      '/solutions',
      `/api/v1/published-solutions/${a.publicIds[0]}`,
      `/solutions/${a.publicIds[0]}`,
      `/solutions/${a.showcaseIds[0]}`,
    ];
    const out: string[] = [];
    for (const u of urls) out.push((await anon.get(u)).raw.body);
    return out.join('\n');
  }

  test('no 统一社会信用代码, phone, e-mail or contact anywhere public', async () => {
    const text = await everything();
    for (const uscc of [...a.usccs, ...b.usccs, ...esc.usccs]) expect(text).not.toContain(uscc);
    expect(text).not.toContain('13800000000');
    expect(text).not.toContain('@test.zhengxuan.invalid');
    expect(text).not.toMatch(/uscc|certificateCode|applicationId|enterpriseId/i);
  });

  test('a campaign in 公示 is not listed; once its list is published, it is', async () => {
    expect(noticeNames.length).toBeGreaterThan(0);
    const before = await everything();
    for (const name of noticeNames) expect(before).not.toContain(name);
    t.clock.set(AFTER_NOTICE);
    const res = await w.org.post(`/api/v1/campaigns/${w.campaignId}/published-list`, {
      documentNo: '工信厅信发函〔2026〕300号',
      publishedOn: '2026-11-07',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const page = await list('?year=2026&pageSize=100');
    expect(page.items.map((i) => i.solutionName).sort()).toEqual([...noticeNames].sort());
    expect(page.items[0]!.publicId).toBe('2026-IIAPP-001');
    const html = (await anon.get('/solutions')).raw.body;
    for (const name of noticeNames) expect(html).toContain(name);
    const file = (await anon.get('/api/v1/published-lists/2026.json')).body as OpenDataFile;
    expect(file.count).toBe(noticeNames.length);
  });
});

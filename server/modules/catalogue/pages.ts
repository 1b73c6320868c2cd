// 宣传推广: the public catalogue as server-rendered pages — /solutions (search, filters, results,
// paging, the open data and the feed) and /solutions/:publicId (one solution). Plain HTML with a
// little inline CSS, no script: indexable, shareable (canonical, Open Graph) and fast without the
// application's bundle. Every value is escaped (server/lib/html.ts).
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import {
  catalogueQuerySchema,
  type CatalogueDetail,
  type CataloguePage,
  type CatalogueQuery,
} from '../../../domain/api/catalogue';
import { chineseDate, validityText } from '../../../domain/publication';
import { AppError } from '../../lib/errors';
import type { Deps } from '../../lib/deps';
import { html, raw, type Html } from '../../lib/html';
import * as service from './service';

const SITE = '工业互联网APP优秀解决方案名单';

const CSS = raw(`
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f5f6f8}
a{color:#0b57d0}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
header.site{background:#b3261e;color:#fff}
header.site .in{max-width:1080px;margin:0 auto;padding:12px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header.site a{color:#fff;text-decoration:none;font-weight:600}
header.site nav{margin-left:auto;display:flex;gap:16px;font-size:14px}
header.site nav a{font-weight:400;text-decoration:underline}
main{max-width:1080px;margin:0 auto;padding:16px}
h1{font-size:24px;line-height:1.35;margin:8px 0 12px}
h2{font-size:18px;margin:24px 0 8px}
.card>h2:first-child{margin-top:0}
.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:16px;margin:0 0 12px}
form.search .row{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end}
form.search label{display:flex;flex-direction:column;font-size:14px;gap:4px;flex:1 1 150px}
form.search label.q{flex:3 1 280px}
input,select,button{font:inherit;padding:6px 8px;border:1px solid #8c959f;border-radius:6px;background:#fff;min-height:38px}
button{background:#b3261e;color:#fff;border-color:#b3261e;padding:6px 20px;cursor:pointer}
.reset{font-size:14px;align-self:center}
.summary{color:#57606a;font-size:14px;margin:8px 0}
ol.results{list-style:none;padding:0;margin:0}
ol.results li{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:12px 16px;margin:0 0 10px}
ol.results h3{font-size:17px;margin:0 0 4px}
.meta{font-size:14px;color:#57606a;display:flex;flex-wrap:wrap;gap:4px 16px;margin:0}
.id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:14px;color:#1f2328}
.status{display:inline-block;font-size:13px;padding:0 8px;border-radius:10px;border:1px solid}
.status.valid{color:#116329;border-color:#4ac26b;background:#dafbe1}
.status.revoked{color:#a40e26;border-color:#ff8182;background:#ffebe9}
.status.expired{color:#57606a;border-color:#afb8c1;background:#eaeef2}
.status.withdrawn{color:#9a6700;border-color:#d4a72c;background:#fff8c5}
nav.pages{display:flex;flex-wrap:wrap;gap:6px;margin:16px 0}
nav.pages a,nav.pages span{padding:4px 10px;border:1px solid #dde1e6;border-radius:6px;background:#fff;text-decoration:none}
nav.pages [aria-current]{background:#b3261e;color:#fff;border-color:#b3261e}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}
dl.facts dt{color:#57606a}
dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid #dde1e6;padding:6px 8px;text-align:left;vertical-align:top}
th:nth-child(-n+2),td:nth-child(-n+2){white-space:nowrap}
.showcase img{max-width:100%;height:auto;border-radius:6px;margin:8px 0;display:block}
.showcase p{margin:0 0 10px;white-space:pre-wrap}
footer{max-width:1080px;margin:24px auto;padding:0 16px;font-size:13px;color:#57606a}
@media (max-width:600px){dl.facts{grid-template-columns:1fr}dl.facts dt{font-weight:600;color:#1f2328}h1{font-size:21px}header.site nav{margin-left:0}}
`);

function layout(o: {
  title: string;
  description: string;
  canonical: string;
  deps: Deps;
  body: Html;
  ogType?: string;
}): string {
  const feed = `${o.deps.config.publicUrl}${service.FEED_PATH}`;
  return `<!doctype html>${html`<html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${o.title}</title>
      <meta name="description" content="${o.description}" />
      <link rel="canonical" href="${o.canonical}" />
      <link rel="alternate" type="application/atom+xml" title="名单变动" href="${feed}" />
      <meta property="og:type" content="${o.ogType ?? 'website'}" />
      <meta property="og:site_name" content="${SITE}" />
      <meta property="og:title" content="${o.title}" />
      <meta property="og:description" content="${o.description}" />
      <meta property="og:url" content="${o.canonical}" />
      <meta property="og:locale" content="zh_CN" />
      <style>
        ${CSS}
      </style>
    </head>
    <body>
      <header class="site">
        <div class="in">
          <a href="/solutions">${SITE}</a>
          <nav aria-label="站点">
            <a href="/">征集遴选平台</a><a href="/solutions#open-data">开放数据</a
            ><a href="${service.FEED_PATH}">订阅变动</a><a href="/catalogue">目录清单</a>
          </nav>
        </div>
      </header>
      <main>${o.body}</main>
      <footer>
        名单以主管部门发布的文件为准。状态按北京时间今天计算：有效期届满后显示“已过期”。
      </footer>
    </body>
  </html>`}`;
}

const statusBadge = (s: { status: string; statusLabel: string }) =>
  html`<span class="status ${s.status}">${s.statusLabel}</span>`;

function queryString(q: Partial<CatalogueQuery>, page?: number): string {
  const p = new URLSearchParams();
  for (const k of ['q', 'year', 'category', 'region', 'industry', 'status'] as const) {
    const v = q[k];
    if (v !== undefined && v !== '') p.set(k, String(v));
  }
  if (page && page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

function select(
  name: string,
  label: string,
  options: { value: string; label: string; count: number }[],
  current: string | undefined,
) {
  return html`<label for="f-${name}"
    >${label}<select id="f-${name}" name="${name}">
      <option value="">全部</option>
      ${options.map(
        (o) =>
          html`<option value="${o.value}" ${o.value === current ? raw(' selected') : ''}>
            ${o.label}（${o.count}）
          </option>`,
      )}
    </select></label
  >`;
}

function pager(q: CatalogueQuery, total: number): Html {
  const pages = Math.max(1, Math.ceil(total / q.pageSize));
  if (pages === 1) return html``;
  const near = [...new Set([1, q.page - 2, q.page - 1, q.page, q.page + 1, q.page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  const link = (p: number, text: string, rel?: string) =>
    html`<a href="/solutions${queryString(q, p)}" ${rel ? raw(` rel="${rel}"`) : ''}>${text}</a>`;
  return html`<nav class="pages" aria-label="分页">
    ${q.page > 1 ? link(q.page - 1, '上一页', 'prev') : ''}
    ${near.map((p, i) => [
      i > 0 && p - near[i - 1]! > 1 ? html`<span aria-hidden="true">…</span>` : '',
      p === q.page ? html`<span aria-current="page">第${p}页</span>` : link(p, `第${p}页`),
    ])}
    ${q.page < pages ? link(q.page + 1, '下一页', 'next') : ''}
  </nav>`;
}

function catalogueBody(q: CatalogueQuery, page: CataloguePage, lists: { year: number }[]): Html {
  const f = page.facets;
  const first = (page.page - 1) * page.pageSize + 1;
  const years = [...new Set(lists.map((l) => l.year))];
  return html`<h1>${SITE}</h1>
    <p class="summary">
      工业和信息化部发布的工业互联网APP优秀解决方案，每项有稳定的公开编号（如
      2021-IIAPP-001），自发布之日起有效两年。
    </p>
    <form class="search card" method="get" action="/solutions" role="search" aria-label="查询名单">
      <div class="row">
        <label class="q" for="f-q"
          >搜索（方案名称、申报单位、简介）<input
            id="f-q"
            type="search"
            name="q"
            value="${q.q ?? ''}"
            maxlength="100"
        /></label>
        ${select('year', '年度', f.years, q.year === undefined ? undefined : String(q.year))}
        ${select('category', '类别', f.categories, q.category)}
        ${select('region', '地区', f.regions, q.region)}
        ${select('industry', '行业门类', f.industries, q.industry)}
        ${select('status', '状态', f.statuses, q.status)}
        <button type="submit">查询</button>
        <a class="reset" href="/solutions">清除条件</a>
      </div>
    </form>
    <h2 id="results">查询结果</h2>
    <p class="summary" role="status">
      ${
        page.total === 0
          ? '没有符合条件的解决方案。'
          : `共 ${page.total} 项，显示第 ${first}–${first + page.items.length - 1} 项。`
      }
    </p>
    <ol class="results" aria-labelledby="results">
      ${page.items.map(
        (i) =>
          html`<li>
            <h3><a href="${service.solutionPagePath(i.publicId)}">${i.solutionName}</a></h3>
            <p class="meta">
              <span class="id">${i.publicId}</span>${statusBadge(i)}<span>${i.enterpriseName}</span
              ><span>${i.categoryName}</span><span>${i.regionName}</span
              ><span>有效期 ${i.validFrom} 至 ${i.validUntil}</span>
            </p>
          </li>`,
      )}
    </ol>
    ${pager(q, page.total)}
    <h2 id="open-data">开放数据</h2>
    <div class="card">
      <p>
        全部名单：<a href="/api/v1/published-solutions.csv">CSV</a> ·
        <a href="/api/v1/published-solutions.json">JSON</a> ·
        <a href="/api/v1/published-solutions/schema.json">字段说明（JSON Schema）</a> ·
        <a href="${service.FEED_PATH}">名单变动订阅（Atom）</a>
      </p>
      ${years.length ? html`<p>按年度：${years.map((y, n) => html`${n ? ' · ' : ''}${y}年 <a href="/api/v1/published-lists/${y}.csv">CSV</a> / <a href="/api/v1/published-lists/${y}.json">JSON</a>`)}</p>` : ''}
      <p class="summary">
        CSV 为 UTF-8（带 BOM）编码，字段与 JSON 相同；不含统一社会信用代码和个人信息。
      </p>
    </div>`;
}

function detailBody(d: CatalogueDetail): Html {
  const paragraphs = (d.showcase?.text ?? '')
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return html`<p><a href="/solutions">← 返回名单</a></p>
    <article>
      <h1>${d.solutionName}</h1>
      <p class="meta"><span class="id">公开编号 ${d.publicId}</span>${statusBadge(d)}</p>
      <section class="card" aria-labelledby="h-facts">
        <h2 id="h-facts">基本信息</h2>
        <dl class="facts">
          <dt>公开编号</dt>
          <dd class="id">${d.publicId}</dd>
          <dt>状态</dt>
          <dd>${d.statusLabel}</dd>
          <dt>有效期</dt>
          <dd>${validityText(d.validFrom, d.validUntil)}</dd>
          <dt>申报单位</dt>
          <dd>${d.enterpriseName}</dd>
          <dt>类别</dt>
          <dd>${d.categoryName}</dd>
          <dt>所在地区</dt>
          <dd>${d.regionName || '—'}</dd>
          <dt>所属行业</dt>
          <dd>
            ${d.industries.length ? d.industries.map((i, n) => html`${n ? '、' : ''}${i.name}（${i.code}）`) : '—'}
          </dd>
          <dt>推荐单位</dt>
          <dd>${d.unitName}</dd>
          <dt>所在名单</dt>
          <dd>
            《${d.list.title}》（${d.list.documentNo}），${chineseDate(d.list.publishedOn)}发布
          </dd>
          <dt>APP</dt>
          <dd>
            ${
              d.apps.length
                ? html`<ul>
                    ${d.apps.map((a) => html`<li>${a.name}${a.version ? ` ${a.version}` : ''}</li>`)}
                  </ul>`
                : '—'
            }
          </dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="h-summary">
        <h2 id="h-summary">方案简介</h2>
        <p>${d.summary || '—'}</p>
      </section>
      ${
        d.showcase
          ? html`<section class="card showcase" aria-labelledby="h-showcase">
              <h2 id="h-showcase">成果展示</h2>
              ${paragraphs.map((p) => html`<p>${p}</p>`)}
              ${d.showcase.images.map((img, n) => html`<img src="${img.url}" alt="${d.solutionName} 成果展示图片${n + 1}" loading="lazy" />`)}
            </section>`
          : ''
      }
      <section class="card" aria-labelledby="h-history">
        <h2 id="h-history">变动记录</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">事项</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            ${d.history.map(
              (e) =>
                html`<tr>
                  <td>${e.day}</td>
                  <td>${e.kindLabel}</td>
                  <td>${e.note}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
    </article>`;
}

function errorPage(deps: Deps, reply: FastifyReply, status: number, title: string, text: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(
      layout({
        deps,
        title: `${title} - ${SITE}`,
        description: text,
        canonical: `${deps.config.publicUrl}/solutions`,
        body: html`<h1>${title}</h1>
          <p>${text}</p>
          <p><a href="/solutions">返回名单</a></p>`,
      }),
    );
}

/** GET /solutions and /solutions/:publicId (outside /api: pages, not operations). */
export function cataloguePages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    const base = deps.config.publicUrl;
    app.get('/solutions', { schema: { hide: true } }, async (req, reply) => {
      const parsed = catalogueQuerySchema.safeParse(req.query);
      if (!parsed.success)
        return errorPage(
          deps,
          reply,
          400,
          '查询条件不正确',
          parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；'),
        );
      const q = parsed.data;
      const [page, lists] = await Promise.all([
        service.listSolutions(deps, q),
        service.publishedLists(deps),
      ]);
      const filtered = queryString(q) !== '' || q.page > 1;
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(
          layout({
            deps,
            title: q.page > 1 ? `${SITE}（第${q.page}页）` : SITE,
            description: `工业和信息化部发布的工业互联网APP优秀解决方案，共 ${page.total} 项，可按年度、类别、地区、行业和状态查询。`,
            canonical: `${base}/solutions${filtered ? queryString(q, q.page) : ''}`,
            body: catalogueBody(q, page, lists),
          }),
        );
    });

    app.get<{ Params: { publicId: string } }>(
      '/solutions/:publicId',
      { schema: { hide: true } },
      async (req, reply) => {
        let d: CatalogueDetail;
        try {
          d = await service.getSolution(deps, req.params.publicId);
        } catch (e) {
          if (e instanceof AppError && e.code === 'NOT_FOUND')
            return errorPage(deps, reply, 404, '未找到该解决方案', e.message);
          throw e;
        }
        if (d.publicId !== req.params.publicId)
          return reply.redirect(service.solutionPagePath(d.publicId), 301);
        const description = d.summary.length > 120 ? `${d.summary.slice(0, 120)}…` : d.summary;
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'public, max-age=60')
          .send(
            layout({
              deps,
              title: `${d.solutionName}（${d.publicId}）- ${SITE}`,
              description: `${d.enterpriseName}，${d.statusLabel}。${description}`,
              canonical: d.url,
              ogType: 'article',
              body: detailBody(d),
            }),
          );
      },
    );
  };
}

// 目录清单 as server-rendered public pages — /catalogue (the latest version) and
// /catalogue/v/:version (one version): title, 文号 and date, the solutions by band then category
// (each linking to its /solutions page), the 变更 against the version before, and every version
// with its date; and the open data, /open-data/catalogue.{csv,json} (latest) and
// /open-data/catalogue/v/<n>.{csv,json}. Plain HTML, no script; every value escaped
// (server/lib/html.ts).
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { CatalogueView } from '../../../domain/api/catalogue-versions';
import { chineseDate } from '../../../domain/publication';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { html, raw, type Html } from '../../lib/html';
import * as service from './service';

const SITE = '工业互联网APP优秀解决方案目录清单';

const CSS = raw(`
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f5f6f8}
a{color:#0b57d0}
a:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
header.site{background:#b3261e;color:#fff}
header.site .in{max-width:1080px;margin:0 auto;padding:12px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header.site a{color:#fff;text-decoration:none;font-weight:600}
header.site nav{margin-left:auto;display:flex;gap:16px;font-size:14px}
header.site nav a{font-weight:400;text-decoration:underline}
main{max-width:1080px;margin:0 auto;padding:16px}
h1{font-size:24px;line-height:1.35;margin:8px 0 4px}
h2{font-size:19px;margin:0 0 8px}
h3{font-size:16px;margin:16px 0 6px;color:#57606a}
.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:16px;margin:0 0 12px}
.meta{font-size:14px;color:#57606a;display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 12px}
.note{background:#fff8c5;border:1px solid #d4a72c;border-radius:8px;padding:8px 12px;margin:0 0 12px;font-size:14px}
.id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:14px;white-space:nowrap}
.band{display:inline-block;font-size:13px;padding:0 8px;border-radius:10px;border:1px solid #afb8c1;background:#eaeef2}
table{border-collapse:collapse;width:100%;font-size:14px}
table.entries{table-layout:fixed}
table.entries col.c-id{width:150px}table.entries col.c-name{width:44%}table.entries col.c-region{width:20%}
td .sub{display:none;font-size:13px;color:#57606a}
th,td{border-bottom:1px solid #dde1e6;padding:6px 8px;text-align:left;vertical-align:top}
th{color:#57606a;font-weight:600}
ul.changes{margin:4px 0 12px;padding-left:20px;font-size:14px}
.summary{color:#57606a;font-size:14px;margin:4px 0}
footer{max-width:1080px;margin:24px auto;padding:0 16px;font-size:13px;color:#57606a}
@media (max-width:600px){h1{font-size:21px}header.site nav{margin-left:0}table.entries col.c-id{width:118px}table.entries .id{font-size:12px}table.entries col.c-name{width:auto}table.entries col.c-ent,table.entries col.c-region{width:0}table.entries th:nth-child(n+3),table.entries td:nth-child(n+3){display:none}td .sub{display:block}}
`);

function layout(o: { title: string; description: string; canonical: string; body: Html }): string {
  return `<!doctype html>${html`<html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${o.title}</title>
      <meta name="description" content="${o.description}" />
      <link rel="canonical" href="${o.canonical}" />
      <meta property="og:type" content="website" />
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
          <a href="/catalogue">${SITE}</a>
          <nav aria-label="站点">
            <a href="/">征集遴选平台</a><a href="/solutions">优秀解决方案名单</a
            ><a href="/catalogue#open-data">开放数据</a>
          </nav>
        </div>
      </header>
      <main>${o.body}</main>
      <footer>目录清单以主管部门发布的文件为准。各项的公开编号与优秀解决方案名单相同。</footer>
    </body>
  </html>`}`;
}

const changeCounts = (v: CatalogueView) =>
  v.changes.previousVersion === null
    ? `首次发布，共 ${v.count} 项`
    : `新增 ${v.changes.added.length} 项，移出 ${v.changes.removed.length} 项，等级调整 ${v.changes.bandChanged.length} 项`;

const solutionLink = (e: { publicId: string; solutionName: string }) =>
  html`<a href="${service.solutionPagePath(e.publicId)}">${e.solutionName}</a>`;

function changesSection(v: CatalogueView): Html {
  const c = v.changes;
  const item = (e: (typeof c.added)[number], extra: Html | string = '') =>
    html`<li>
      <span class="id">${e.publicId}</span> ${solutionLink(e)}（${e.enterpriseName}）${extra}
    </li>`;
  const block = (title: string, id: string, items: Html[]) =>
    items.length
      ? html`<h3 id="${id}">${title}（${items.length}项）</h3>
          <ul class="changes" aria-labelledby="${id}">
            ${items}
          </ul>`
      : '';
  return html`<section class="card" aria-labelledby="h-changes">
    <h2 id="h-changes">变更</h2>
    ${
      c.previousVersion === null
        ? html`<p class="summary">第${v.version}版为首次发布，共 ${v.count} 项。</p>`
        : html`<p class="summary">
              与<a href="${service.cataloguePagePath(c.previousVersion)}"
                >第${c.previousVersion}版</a
              >相比：${changeCounts(v)}。
            </p>
            ${block(
              '新增',
              'h-added',
              c.added.map((e) => item(e, html` <span class="band">${e.band}</span>`)),
            )}
            ${block(
              '移出',
              'h-removed',
              c.removed.map((e) => item(e, html` <span class="band">原${e.band}</span>`)),
            )}
            ${block(
              '等级调整',
              'h-band-changed',
              c.bandChanged.map((b) => item(b.entry, html`：${b.from} → ${b.to}`)),
            )}`
    }
  </section>`;
}

function body(v: CatalogueView, versions: CatalogueView[]): Html {
  const latest = versions[0]!;
  return html`<h1>${v.title}</h1>
    <p class="meta">
      <span>第${v.version}版</span><span>文号：${v.documentNo}</span
      ><span>发布日期：${chineseDate(v.publishedOn)}</span><span>共 ${v.count} 项</span>
    </p>
    ${
      v.version !== latest.version
        ? html`<p class="note">
            这是第${v.version}版，不是最新版本。最新为<a href="/catalogue">第${latest.version}版</a
            >（${chineseDate(latest.publishedOn)}发布）。
          </p>`
        : ''
    }
    ${v.bands.map(
      (b, n) =>
        html`<section class="card" aria-labelledby="h-band-${n}">
          <h2 id="h-band-${n}">${b.band}（${b.count}项）</h2>
          ${b.categories.map(
            (c) =>
              html`<h3>${c.categoryName}</h3>
                <table class="entries">
                  <colgroup>
                    <col class="c-id" />
                    <col class="c-name" />
                    <col class="c-ent" />
                    <col class="c-region" />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">公开编号</th>
                      <th scope="col">解决方案</th>
                      <th scope="col">申报单位</th>
                      <th scope="col">地区</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${c.entries.map(
                      (e) =>
                        html`<tr>
                          <td class="id">${e.publicId}</td>
                          <td>
                            ${solutionLink(e)}
                            <div class="sub">
                              ${e.enterpriseName}${e.regionName ? ` · ${e.regionName}` : ''}
                            </div>
                          </td>
                          <td>${e.enterpriseName}</td>
                          <td>${e.regionName || '—'}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`,
          )}
        </section>`,
    )}
    ${changesSection(v)}
    <section class="card" aria-labelledby="h-versions">
      <h2 id="h-versions">各版本</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">版本</th>
            <th scope="col">发布日期</th>
            <th scope="col">标题与文号</th>
            <th scope="col">变更</th>
          </tr>
        </thead>
        <tbody>
          ${versions.map(
            (x) =>
              html`<tr>
                <td>
                  ${
                    x.version === v.version
                      ? html`<span aria-current="page">第${x.version}版</span>`
                      : html`<a href="${service.cataloguePagePath(x.version)}">第${x.version}版</a>`
                  }
                </td>
                <td>${x.publishedOn}</td>
                <td>${x.title}（${x.documentNo}）</td>
                <td>${changeCounts(x)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section class="card" aria-labelledby="open-data">
      <h2 id="open-data">开放数据</h2>
      <p>
        最新版本：<a href="/open-data/catalogue.csv">CSV</a> ·
        <a href="/open-data/catalogue.json">JSON</a>；第${v.version}版：<a
          href="/open-data/catalogue/v/${v.version}.csv"
          >CSV</a
        >
        · <a href="/open-data/catalogue/v/${v.version}.json">JSON</a>
      </p>
      <p class="summary">
        每项一条记录，公开编号与优秀解决方案名单的开放数据相同；CSV 为 UTF-8（带 BOM）编码。
      </p>
    </section>`;
}

function notFoundPage(deps: Deps, reply: FastifyReply, text: string) {
  return reply
    .status(404)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(
      layout({
        title: `未找到 - ${SITE}`,
        description: text,
        canonical: `${deps.config.publicUrl}/catalogue`,
        body: html`<h1>未找到</h1>
          <p>${text}</p>
          <p><a href="/solutions">查看优秀解决方案名单</a></p>`,
      }),
    );
}

const VERSION = /^[1-9]\d{0,5}$/;
const FILE = /^([1-9]\d{0,5})\.(csv|json)$/;

/** GET /catalogue, /catalogue/v/:version and the open data (outside /api: pages, not operations). */
export function catalogueVersionPages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    const page = async (reply: FastifyReply, version?: number) => {
      const versions = await service.allVersionViews(deps);
      const v = version === undefined ? versions[0] : versions.find((x) => x.version === version);
      if (!v && version !== undefined)
        return notFoundPage(deps, reply, `目录清单没有第${version}版。`);
      if (!v)
        // the page exists before the first version (the list's pages link it): it says so
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'public, max-age=60')
          .send(
            layout({
              title: SITE,
              description: '目录清单尚未发布。',
              canonical: `${deps.config.publicUrl}/catalogue`,
              body: html`<h1>${SITE}</h1>
                <p class="card">
                  目录清单尚未发布。已发布的优秀解决方案见<a href="/solutions">名单</a>。
                </p>`,
            }),
          );
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(
          layout({
            title:
              version === undefined
                ? `${v.title} - ${SITE}`
                : `${v.title}（第${v.version}版）- ${SITE}`,
            description: `${v.title}（${v.documentNo}），${chineseDate(v.publishedOn)}发布，共 ${v.count} 项，按等级和类别列出。`,
            canonical: `${deps.config.publicUrl}${service.cataloguePagePath(version)}`,
            body: body(v, versions),
          }),
        );
    };

    app.get('/catalogue', { schema: { hide: true } }, async (_req, reply) => page(reply));

    app.get<{ Params: { version: string } }>(
      '/catalogue/v/:version',
      { schema: { hide: true } },
      async (req, reply) => {
        if (!VERSION.test(req.params.version))
          return notFoundPage(deps, reply, '版本号应为正整数，如 /catalogue/v/1。');
        return page(reply, Number(req.params.version));
      },
    );

    const sendOpenData = async (reply: FastifyReply, format: string, version?: number) => {
      const file = await service.openData(deps, version);
      const name = version === undefined ? 'catalogue' : `catalogue-v${version}`;
      void reply.header('cache-control', 'public, max-age=300');
      if (format === 'json')
        return reply.header('content-type', 'application/json; charset=utf-8').send(file);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `inline; filename="${name}.csv"`)
        .send(service.openDataCsv(file));
    };

    app.get('/open-data/catalogue.csv', { schema: { hide: true } }, async (_req, reply) =>
      sendOpenData(reply, 'csv'),
    );
    app.get('/open-data/catalogue.json', { schema: { hide: true } }, async (_req, reply) =>
      sendOpenData(reply, 'json'),
    );
    app.get<{ Params: { file: string } }>(
      '/open-data/catalogue/v/:file',
      { schema: { hide: true } },
      async (req, reply) => {
        const m = FILE.exec(req.params.file);
        if (!m)
          throw new AppError('NOT_FOUND', {
            message: '文件名应为 版本号.csv 或 版本号.json，如 /open-data/catalogue/v/1.csv',
          });
        return sendOpenData(reply, m[2]!, Number(m[1]));
      },
    );
  };
}

// 成果展示 (issue 14) through the API: only the owning enterprise writes it (its recommender and the
// organizers read it, another enterprise nothing); images checked by content and size, at most six;
// saving checks the version read; submit → 待审核 with its audit row and the organizers told; an
// organizer approves (the text and images become public) or returns it with a reason (the
// enterprise told); a stale review is refused and changes nothing; the public image address serves
// only approved images; a newer submission does not replace what is public until approved.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ShowcaseView } from '../../../domain/api/showcase';
import { makePng } from '../../../test/fixtures/files';
import {
  makeWebp,
  publicImageUrl,
  publishedWorld,
  SHOWCASE_TEXT,
  showcaseUrl,
  uploadShowcaseImage,
  type PublishedWorld,
} from '../../../test/fixtures/showcase';
import { Client, createTestApp, query, type TestApp } from '../../../test/harness';

let t: TestApp;
let w: PublishedWorld;
let bj: string; // the 北京市 enterprise's published solution
let sh: string; // the 上海市 enterprise's

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000, sessionHours: 24 * 365 } });
  w = await publishedWorld(t, 9701);
  bj = w.bjPublicIds[0]!;
  sh = w.shPublicIds[0]!;
});
afterAll(() => t?.close());

const put = (c: Client, publicId: string, body: unknown) =>
  c.request('PUT', showcaseUrl(publicId), body);
const view = async (c: Client, publicId: string) =>
  (await c.get(showcaseUrl(publicId))).body as ShowcaseView;

async function entryOf(publicId: string) {
  const [row] = await query<Record<string, unknown>>(
    t,
    `select state, text, image_ids, approved_text, approved_image_ids, review_note, updated_at
       from showcase_entries where public_id = '${publicId}'`,
  );
  return row;
}
const countOf = async (sqlText: string) =>
  (await query<{ n: number }>(t, `select count(*)::int as n from ${sqlText}`))[0]!.n;
const showcaseDocs = () => countOf(`documents where purpose = 'showcase_image'`);
const auditsOf = (action: string, publicId: string) =>
  query<{ actor_role: string; summary: Record<string, unknown> }>(
    t,
    `select actor_role, summary from audit_log
      where action = '${action}' and target_type = 'showcase' and target_id = '${publicId}' order by id`,
  );

describe('who sees and writes a showcase', () => {
  test('the enterprise lists its published solutions, nothing written yet', async () => {
    const res = await w.bjEnterprise.get('/api/v1/showcases');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { publicId: string }) => i.publicId)).toEqual(w.bjPublicIds);
    expect(res.body.items[0]).toMatchObject({ state: null, isPublic: false, status: 'valid' });
    const v = await view(w.bjEnterprise, bj);
    expect(v).toMatchObject({ state: null, text: '', images: [], public: null, canEdit: true });
  });

  test('another enterprise, another unit and the public get nothing; the unit and organizers read', async () => {
    expect((await w.shEnterprise.get(showcaseUrl(bj))).status).toBe(403);
    expect((await put(w.shEnterprise, bj, { text: 'x', imageIds: [], version: null })).status).toBe(
      403,
    );
    expect((await uploadShowcaseImage(w.shEnterprise, bj, 'a.png', makePng())).status).toBe(403);
    expect((await w.shanghai.get(showcaseUrl(bj))).status).toBe(403);
    expect((await new Client(t.app).get(showcaseUrl(bj))).status).toBe(401);
    const unit = await w.beijing.get(showcaseUrl(bj));
    expect(unit.status).toBe(200);
    expect(unit.body.canEdit).toBe(false);
    expect((await put(w.beijing, bj, { text: 'x', imageIds: [], version: null })).status).toBe(403);
    expect((await w.org.get(showcaseUrl(bj))).body.canEdit).toBe(false);
    expect((await put(w.org, bj, { text: 'x', imageIds: [], version: null })).status).toBe(403);
    // listMyShowcases is the enterprise's own
    expect(
      (await w.shEnterprise.get('/api/v1/showcases')).body.items.map(
        (i: { publicId: string }) => i.publicId,
      ),
    ).toEqual(w.shPublicIds);
    expect((await w.beijing.get('/api/v1/showcases')).status).toBe(403);
    expect((await w.bjEnterprise.get(showcaseUrl('2026-IIAPP-999'))).status).toBe(404);
    expect(await entryOf(bj)).toBeUndefined();
  });
});

describe('images, checked by content', () => {
  test('a PNG and a WebP are added to the draft in order', async () => {
    const png = await uploadShowcaseImage(w.bjEnterprise, bj, '车间.png', makePng());
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    const webp = await uploadShowcaseImage(w.bjEnterprise, bj, '看板.webp', makeWebp());
    expect(webp.status, JSON.stringify(webp.body)).toBe(201);
    const v = webp.body as ShowcaseView;
    expect(v.state).toBe('draft');
    expect(v.images.map((i) => [i.filename, i.mime])).toEqual([
      ['车间.png', 'image/png'],
      ['看板.webp', 'image/webp'],
    ]);
    // the owner previews a draft image, stored type, never sniffed
    const img = await w.bjEnterprise.get(v.images[0]!.url);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['x-content-type-options']).toBe('nosniff');
    expect(img.raw.rawPayload.equals(makePng())).toBe(true);
    expect((await w.beijing.get(v.images[0]!.url)).status).toBe(200);
    expect((await w.shEnterprise.get(v.images[0]!.url)).status).toBe(403);
    // not public before it is approved
    expect((await new Client(t.app).get(publicImageUrl(bj, v.images[0]!.id))).status).toBe(404);
  });

  test('a text file named .png, a PNG named .webp, an oversize file: refused, nothing stored', async () => {
    const before = { docs: await showcaseDocs(), entry: await entryOf(bj) };
    const text = await uploadShowcaseImage(
      w.bjEnterprise,
      bj,
      '图.png',
      Buffer.from('不是图片'.repeat(20)),
    );
    expect(text.status).toBe(400);
    expect(text.body.error.code).toBe('FILE_REJECTED');
    const pdf = await uploadShowcaseImage(w.bjEnterprise, bj, '图.webp', makePng());
    expect(pdf.status).toBe(400);
    const big = Buffer.concat([makePng(), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await uploadShowcaseImage(w.bjEnterprise, bj, '大图.png', big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('FILE_TOO_LARGE');
    expect(await showcaseDocs()).toBe(before.docs);
    expect(await entryOf(bj)).toEqual(before.entry);
  });

  test('at most six images', async () => {
    for (let i = 0; i < 4; i++)
      expect(
        (await uploadShowcaseImage(w.bjEnterprise, bj, `图${i}.png`, makePng(8 + i))).status,
      ).toBe(201);
    const seventh = await uploadShowcaseImage(w.bjEnterprise, bj, '图7.png', makePng());
    expect(seventh.status).toBe(400);
    expect(seventh.body.error.message).toContain('最多6张图片');
    // one out again
    const v = await view(w.bjEnterprise, bj);
    const del = await w.bjEnterprise.request('DELETE', v.images[5]!.url);
    expect(del.status).toBe(200);
    expect(del.body.images).toHaveLength(5);
  });
});

describe('saving, submitting, reviewing', () => {
  test('saving checks the version read: a change made meanwhile is not overwritten', async () => {
    const v = await view(w.bjEnterprise, bj);
    const order = [...v.images.map((i) => i.id)].reverse().slice(0, 3);
    const saved = await put(w.bjEnterprise, bj, {
      text: '短',
      imageIds: order,
      version: v.version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.images.map((i: { id: string }) => i.id)).toEqual(order);
    const stale = await put(w.bjEnterprise, bj, {
      text: '旧页面的文字',
      imageIds: order,
      version: v.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect((await entryOf(bj))!.text).toBe('短');
    const foreign = await put(w.bjEnterprise, bj, {
      text: '短',
      imageIds: ['00000000-0000-4000-8000-000000000000'],
      version: saved.body.version,
    });
    expect(foreign.status).toBe(400);
  });

  test('too short to submit: refused, still a draft; then submitted, audited, organizers told', async () => {
    let v = await view(w.bjEnterprise, bj);
    const short = await w.bjEnterprise.post(`${showcaseUrl(bj)}/submit`, { version: v.version });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe('成果展示文字至少50字，当前1字');
    expect((await entryOf(bj))!.state).toBe('draft');
    v = (
      await put(w.bjEnterprise, bj, {
        text: SHOWCASE_TEXT,
        imageIds: v.images.map((i) => i.id),
        version: v.version,
      })
    ).body;
    const res = await w.bjEnterprise.post(`${showcaseUrl(bj)}/submit`, { version: v.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('pending');
    expect(await auditsOf('showcase.submit', bj)).toEqual([
      {
        actor_role: 'enterprise',
        summary: { before: { state: 'draft' }, after: { state: 'pending', words: 92, images: 3 } },
      },
    ]);
    expect(await countOf(`notifications where kind = 'showcase.submitted'`)).toBeGreaterThan(0);
    // under review: no changes
    const edit = await put(w.bjEnterprise, bj, {
      text: SHOWCASE_TEXT,
      imageIds: [],
      version: res.body.version,
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('WRONG_STATE');
    expect((await uploadShowcaseImage(w.bjEnterprise, bj, '新.png', makePng())).status).toBe(409);
  });

  test('the organizer lists submissions by state, with paging', async () => {
    const res = await w.org.get('/api/v1/showcase-submissions?state=pending&page=1&pageSize=10');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(res.body.items[0]).toMatchObject({
      publicId: bj,
      state: 'pending',
      imageCount: 3,
      isPublic: false,
    });
    expect((await w.org.get('/api/v1/showcase-submissions?state=approved')).body.total).toBe(0);
    expect((await w.bjEnterprise.get('/api/v1/showcase-submissions')).status).toBe(403);
  });

  test('a return needs a reason; a stale review changes nothing; returned with its reason, the enterprise told', async () => {
    const v = await view(w.org, bj);
    const review = `${showcaseUrl(bj)}/review`;
    const noReason = await w.org.post(review, {
      decision: 'reject',
      note: '不行',
      version: v.version,
    });
    expect(noReason.status).toBe(400);
    const before = await entryOf(bj);
    const stale = await w.org.post(review, { decision: 'approve', version: 999 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(await entryOf(bj)).toEqual(before);
    expect(await auditsOf('showcase.approve', bj)).toEqual([]);
    expect(
      (await w.bjEnterprise.post(review, { decision: 'approve', version: v.version })).status,
    ).toBe(403);

    const reason = '请补充应用成效的具体数据来源';
    const res = await w.org.post(review, { decision: 'reject', note: reason, version: v.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'rejected', reviewNote: reason, public: null });
    expect(await auditsOf('showcase.reject', bj)).toEqual([
      {
        actor_role: 'organizer',
        summary: {
          before: { state: 'pending' },
          after: { state: 'rejected', words: 92, images: 3 },
          note: reason,
        },
      },
    ]);
    const told = await query<{ login: string; body: string; link: string }>(
      t,
      `select u.login, n.body, n.link from notifications n join users u on u.id = n.user_id
        where n.kind = 'showcase.reviewed'`,
    );
    expect(told).toEqual([
      {
        login: w.bjUscc,
        body: expect.stringContaining(`退回理由：${reason}`),
        link: `/showcase/${bj}`,
      },
    ]);
    // the same submission again: already reviewed
    expect((await w.org.post(review, { decision: 'approve', version: v.version })).status).toBe(
      409,
    );
  });

  test('approved: the text and images become public; only those images are served', async () => {
    let v = await view(w.bjEnterprise, bj);
    v = (
      await put(w.bjEnterprise, bj, {
        text: `${SHOWCASE_TEXT}数据来自企业生产管理系统。`,
        imageIds: v.images.map((i) => i.id),
        version: v.version,
      })
    ).body;
    v = (await w.bjEnterprise.post(`${showcaseUrl(bj)}/submit`, { version: v.version })).body;
    const res = await w.org.post(`${showcaseUrl(bj)}/review`, {
      decision: 'approve',
      version: v.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const approved = res.body as ShowcaseView;
    expect(approved.state).toBe('approved');
    expect(approved.public?.text).toBe(`${SHOWCASE_TEXT}数据来自企业生产管理系统。`);
    expect(approved.public?.images.map((i) => i.id)).toEqual(v.images.map((i) => i.id));
    expect(await auditsOf('showcase.approve', bj)).toHaveLength(1);
    const row = await entryOf(bj);
    expect(row!.approved_image_ids).toEqual(v.images.map((i) => i.id));

    const anyone = new Client(t.app);
    const img = await anyone.get(approved.public!.publicUrls[0]!);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe(approved.public!.images[0]!.mime);
    expect(img.headers['x-content-type-options']).toBe('nosniff');
    expect(img.headers['cache-control']).toBe('public, max-age=300');
    // an image of the draft left out of what was approved, another solution's id, junk: 404
    const all = (
      await query<{ id: string }>(t, `select id from documents where purpose = 'showcase_image'`)
    ).map((r) => r.id);
    const left = all.find((id) => !approved.public!.images.some((i) => i.id === id))!;
    expect((await anyone.get(publicImageUrl(bj, left))).status).toBe(404);
    expect((await anyone.get(publicImageUrl(sh, approved.public!.images[0]!.id))).status).toBe(404);
    expect((await anyone.get(publicImageUrl(bj, 'x'))).status).toBe(400);
  });

  test('a newer submission does not replace what is public until it is approved; withdrawn to edit', async () => {
    let v = await view(w.bjEnterprise, bj);
    const publicBefore = v.public;
    const kept = v.images[0]!.id;
    v = (
      await put(w.bjEnterprise, bj, {
        text: `${SHOWCASE_TEXT}第二版。`,
        imageIds: [kept],
        version: v.version,
      })
    ).body;
    expect(v.state).toBe('draft');
    expect(v.public).toEqual(publicBefore);
    v = (await w.bjEnterprise.post(`${showcaseUrl(bj)}/submit`, { version: v.version })).body;
    expect(v.state).toBe('pending');
    expect(v.public).toEqual(publicBefore);
    // the images dropped from the draft are still public
    const dropped = publicBefore!.images[1]!.id;
    expect((await new Client(t.app).get(publicImageUrl(bj, dropped))).status).toBe(200);
    expect((await w.bjEnterprise.get('/api/v1/showcases')).body.items[0]).toMatchObject({
      state: 'pending',
      isPublic: true,
    });

    const withdrawn = await w.bjEnterprise.post(`${showcaseUrl(bj)}/withdraw`, {
      version: v.version,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('draft');
    expect(await auditsOf('showcase.withdraw', bj)).toHaveLength(1);
    // the organizer's open page is stale now
    const stale = await w.org.post(`${showcaseUrl(bj)}/review`, {
      decision: 'approve',
      version: v.version,
    });
    expect(stale.status).toBe(409);
    expect((await entryOf(bj))!.approved_text).toBe(publicBefore!.text);
  });

  test('a revoked solution: nothing submitted or changed', async () => {
    let v = await view(w.shEnterprise, sh);
    v = (await put(w.shEnterprise, sh, { text: SHOWCASE_TEXT, imageIds: [], version: v.version }))
      .body;
    await t.deps.db.execute(
      sql`update published_solutions set status = 'revoked' where public_id = ${sh}`,
    );
    const res = await w.shEnterprise.post(`${showcaseUrl(sh)}/submit`, { version: v.version });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('WRONG_STATE');
    expect(res.body.error.message).toContain('已撤销');
    expect((await entryOf(sh))!.state).toBe('draft');
    expect((await view(w.shEnterprise, sh)).canEdit).toBe(false);
  });
});

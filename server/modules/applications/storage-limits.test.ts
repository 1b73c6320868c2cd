// Limits on what one enterprise can store: the attachment total holds under concurrent uploads,
// unsubmitted drafts are capped per enterprise and call, and an abandoned draft can be deleted.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF, submittedApplication, upload } from '../../../test/fixtures/applications';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  query,
  registration,
  signedIn,
  type TestApp,
} from '../../../test/harness';

let t: TestApp;
let campaignId: string;

/** Every file under the storage folder. */
function storedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** A PDF of exactly `size` bytes that passes the content check. */
function pdfOf(size: number) {
  const head = Buffer.from('%PDF-1.4\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x41), tail]);
}

async function newEnterprise(n: number) {
  const anon = new Client(t.app);
  const reg = registration(n);
  const res = await anon.post('/api/v1/enterprises', reg);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return signedIn(t.app, reg.uscc, reg.password);
}

async function draftsOf(c: Client) {
  const items = (await c.get(`/api/v1/applications?campaignId=${campaignId}`)).body.items as {
    id: string;
    state: string;
  }[];
  return items.filter((i) => i.state === 'draft');
}

beforeAll(async () => {
  t = await createTestApp({ config: { maxFileBytes: 3000, maxApplicationFileBytes: 5000 } });
  const anon = new Client(t.app);
  campaignId = (await anon.get('/api/v1/campaigns')).body.items.find(
    (c: { isDemo: boolean }) => c.isDemo,
  ).id;
});
afterAll(() => t.close());

describe('the attachment total of one application', () => {
  test('holds when five uploads arrive at once: only what fits is kept, and no file is left behind', async () => {
    const c = await newEnterprise(701);
    const app = (await c.post('/api/v1/applications', { campaignId })).body;
    const before = storedFiles(t.filesDir).length;
    // 5 × 1,900 bytes against 5,000: two fit
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => upload(c, app.id, `方案材料${i}.pdf`, pdfOf(1900))),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 413, 413, 413]);
    for (const r of results.filter((x) => x.status === 413))
      expect(r.body.error.message).toContain('合计不能超过');
    const [row] = await query<{ n: number; total: number }>(
      t,
      `select count(*)::int as n, coalesce(sum(size), 0)::int as total from attachments where application_id = '${app.id}'`,
    );
    expect(row).toEqual({ n: 2, total: 3800 });
    // what was refused left nothing in storage
    expect(storedFiles(t.filesDir).length - before).toBe(2);
  });
});

describe('unsubmitted drafts per enterprise and call', () => {
  test('are capped by the campaign setting, also when created at once, and deleting one makes room', async () => {
    await query(
      t,
      `update campaigns set settings = jsonb_set(settings, '{maxDraftsPerEnterprise}', '3') where id = '${campaignId}'`,
    );
    try {
      const c = await newEnterprise(702);
      const created = await Promise.all(
        [1, 2, 3, 4, 5].map(() => c.post('/api/v1/applications', { campaignId })),
      );
      expect(created.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
      const refused = created.find((r) => r.status === 409)!;
      expect(refused.body.error.code).toBe('DRAFT_LIMIT_REACHED');
      expect(refused.body.error.message).toContain('最多 3 份');
      expect(await draftsOf(c)).toHaveLength(3);

      // deleting one makes room again
      const [first] = await draftsOf(c);
      expect((await c.request('DELETE', `/api/v1/applications/${first!.id}`)).status).toBe(204);
      expect((await c.post('/api/v1/applications', { campaignId })).status).toBe(201);
      expect((await c.post('/api/v1/applications', { campaignId })).status).toBe(409);
    } finally {
      await query(
        t,
        `update campaigns set settings = settings - 'maxDraftsPerEnterprise' where id = '${campaignId}'`,
      );
    }
  });

  test('without the setting, twenty drafts are the limit', async () => {
    const c = await newEnterprise(703);
    for (let i = 0; i < 20; i++)
      expect((await c.post('/api/v1/applications', { campaignId })).status).toBe(201);
    const over = await c.post('/api/v1/applications', { campaignId });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('DRAFT_LIMIT_REACHED');
  });
});

describe('deleting an abandoned draft', () => {
  test('removes the draft, its attachments and their files, and leaves an audit row', async () => {
    const c = await newEnterprise(704);
    const app = (await c.post('/api/v1/applications', { campaignId })).body;
    expect((await upload(c, app.id, '证书.pdf', PDF)).status).toBe(201);
    const [file] = await query<{ storage_key: string }>(
      t,
      `select storage_key from attachments where application_id = '${app.id}'`,
    );
    expect(fs.existsSync(path.join(t.filesDir, file!.storage_key))).toBe(true);

    const res = await c.request('DELETE', `/api/v1/applications/${app.id}`);
    expect(res.status).toBe(204);
    expect((await c.get(`/api/v1/applications/${app.id}`)).status).toBe(404);
    expect(fs.existsSync(path.join(t.filesDir, file!.storage_key))).toBe(false);
    const audit = await query<{ action: string; actor_label: string }>(
      t,
      `select action, actor_label from audit_log where target_id = '${app.id}' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'application.create',
      'application.attachment_upload',
      'application.delete',
    ]);
  });

  test('is refused to others, to an application ever submitted, and without the CSRF token', async () => {
    const owner = await newEnterprise(705);
    const app = (await owner.post('/api/v1/applications', { campaignId })).body;

    const other = await newEnterprise(706);
    expect([403, 404]).toContain(
      (await other.request('DELETE', `/api/v1/applications/${app.id}`)).status,
    );
    const organizer = await signedIn(t.app, 'organizer');
    expect((await organizer.request('DELETE', `/api/v1/applications/${app.id}`)).status).toBe(403);
    expect(
      (await new Client(t.app).request('DELETE', `/api/v1/applications/${app.id}`)).status,
    ).toBe(401);
    const noCsrf = owner.clone();
    noCsrf.csrf = undefined;
    expect((await noCsrf.request('DELETE', `/api/v1/applications/${app.id}`)).status).toBe(403);
    expect((await owner.get(`/api/v1/applications/${app.id}`)).status).toBe(200);

    // submitted, then withdrawn: a draft again, but with a frozen version — it stays
    const demo = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
    const id = await submittedApplication(demo, campaignId);
    const submitted = await demo.request('DELETE', `/api/v1/applications/${id}`);
    expect(submitted.status).toBe(409);
    expect(submitted.body.error.code).toBe('WRONG_STATE');
    expect((await demo.post(`/api/v1/applications/${id}/withdraw`)).status).toBe(200);
    const withdrawn = await demo.request('DELETE', `/api/v1/applications/${id}`);
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.error.message).toContain('从未提交过的草稿');
    expect((await demo.get(`/api/v1/applications/${id}`)).body.application.state).toBe('draft');
  });
});

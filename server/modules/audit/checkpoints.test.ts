// Checkpoints anchor the chain outside the database: what a database superuser can do to the log
// with its trigger off (cut the newest rows, rewrite a row and rehash all after it) or to an
// application behind the log's back, audit-verify notices.
import { asc, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { submittedApplication } from '../../../test/fixtures/applications';
import {
  type Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  query,
  signedIn,
  type TestApp,
} from '../../../test/harness';
import { auditLog } from '../../db/schema';
import { auditHash } from './chain';
import { startAuditCheckpoints, writeAuditCheckpoint } from './checkpoints';
import { auditVerdictText } from './report';
import { verifyAudit, verifyAuditChain } from './service';

// One app for the file (the machine is shared): each test that breaks the log puts it back.
let t: TestApp;
let organizer: Client;
beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000 } });
  organizer = await signedIn(t.app, 'organizer');
});
afterAll(() => t.close());

async function clearCheckpoints() {
  for (const key of await t.deps.files.list('audit-checkpoints/')) await t.deps.files.delete(key);
}

const auditRows = () => t.deps.db.select().from(auditLog).orderBy(asc(auditLog.id));

/** Puts rows back as they were (the test's own undo, with the trigger off). */
async function restore(rows: Awaited<ReturnType<typeof auditRows>>) {
  await withTriggerOff(t, async () => {
    await query(t, 'delete from audit_log');
    for (let i = 0; i < rows.length; i += 200)
      await t.deps.db.insert(auditLog).values(rows.slice(i, i + 200));
  });
  expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true });
}

/** Runs `statements` as a superuser would: with the append-only trigger off. */
async function withTriggerOff(t: TestApp, run: () => Promise<unknown>) {
  await query(t, 'alter table audit_log disable trigger audit_log_append_only');
  try {
    await run();
  } finally {
    await query(t, 'alter table audit_log enable trigger audit_log_append_only');
  }
}

const rowCount = async () =>
  Number((await query<{ n: number }>(t, 'select count(*)::int as n from audit_log'))[0]!.n);

describe('checkpoints of the chain head in the file storage', () => {
  test('an organizer writes one and sees it; each is its own object; a clean log passes', async () => {
    await clearCheckpoints();
    const first = await organizer.post('/api/v1/audit-events/checkpoints');
    expect(first.status).toBe(201);
    const rows = await rowCount();
    expect(first.body).toMatchObject({
      key: expect.stringMatching(/^audit-checkpoints\/\d{8}T\d{6}\.\d{3}Z-\d+-[0-9a-f]{6}\.json$/),
      count: rows,
      lastId: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      source: 'organizer:organizer',
    });
    const [last] = await query<{ id: number; hash: string }>(
      t,
      'select id, hash from audit_log order by id desc limit 1',
    );
    expect(first.body.lastId).toBe(Number(last!.id));
    expect(first.body.hash).toBe(last!.hash);
    // the object in the storage is what the page shows
    expect(JSON.parse((await t.deps.files.get(first.body.key)).toString())).toMatchObject({
      count: rows,
      hash: last!.hash,
    });

    await signedIn(t.app, 'beijing'); // the head moves on
    const second = await organizer.post('/api/v1/audit-events/checkpoints');
    expect(second.body.count).toBe(rows + 1);
    expect(second.body.key).not.toBe(first.body.key);

    const listed = await organizer.get('/api/v1/audit-events/checkpoints');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(2);
    expect(listed.body.items.map((c: { key: string }) => c.key)).toEqual([
      second.body.key,
      first.body.key,
    ]);

    const verdict = await organizer.get('/api/v1/audit-events/verification');
    expect(verdict.body).toEqual({
      ok: true,
      rows: await rowCount(),
      checkpoints: 2,
      unreadableCheckpoints: [],
      stateMismatches: [],
    });
    expect(auditVerdictText(verdict.body)).toMatch(/^审计日志完整 audit log intact/);

    // only the organizer
    const beijing = await signedIn(t.app, 'beijing');
    expect((await beijing.post('/api/v1/audit-events/checkpoints')).status).toBe(403);
    expect((await beijing.get('/api/v1/audit-events/checkpoints')).status).toBe(403);
  });

  test('two server processes writing at the same moment: two objects, both checked', async () => {
    await clearCheckpoints();
    const [a, b] = await Promise.all([
      writeAuditCheckpoint(t.deps, 'timer'),
      writeAuditCheckpoint(t.deps, 'timer'),
    ]);
    expect(a!.key).not.toBe(b!.key);
    expect(a!.hash).toBe(b!.hash);
    expect(await t.deps.files.list('audit-checkpoints/')).toHaveLength(2);
    expect((await organizer.get('/api/v1/audit-events/verification')).body).toMatchObject({
      ok: true,
      checkpoints: 2,
    });
  });

  test('the server writes one at start-up, and again only when the head has moved', async () => {
    await clearCheckpoints();
    const errors: unknown[] = [];
    const stop = startAuditCheckpoints(t.deps, 0, { error: (e) => errors.push(e) });
    stop();
    await expect.poll(() => t.deps.files.list('audit-checkpoints/')).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe('audit-verify against the checkpoints', () => {
  test('deleting the newest rows (trigger disabled) fails as truncation', async () => {
    await clearCheckpoints();
    await signedIn(t.app, 'beijing');
    await signedIn(t.app, 'casic');
    const checkpoint = (await organizer.post('/api/v1/audit-events/checkpoints')).body;
    const saved = await auditRows();
    // the chain alone cannot tell: cutting its end leaves a valid chain
    await withTriggerOff(t, () =>
      query(t, 'delete from audit_log where id > (select max(id) - 3 from audit_log)'),
    );
    expect(await verifyAuditChain(t.deps.db)).toEqual({ ok: true, rows: checkpoint.count - 3 });

    const verdict = await organizer.get('/api/v1/audit-events/verification');
    expect(verdict.body).toMatchObject({
      ok: false,
      reason: 'truncated',
      checkpoint: { key: checkpoint.key, count: checkpoint.count },
    });
    expect(verdict.body.rows).toBeLessThan(checkpoint.count);
    expect(auditVerdictText(await verifyAudit(t.deps))).toMatch(/TRUNCATED/);
    await restore(saved);
    expect((await organizer.get('/api/v1/audit-events/verification')).body.ok).toBe(true);
  });

  test('rewriting a row and rehashing everything after it fails at the checkpoint', async () => {
    await clearCheckpoints();
    const checkpoint = (await organizer.post('/api/v1/audit-events/checkpoints')).body;
    await signedIn(t.app, 'beijing'); // rows after the checkpoint, rehashed too
    const saved = await auditRows();

    const [victim] = await query<{ id: number }>(
      t,
      `select id from audit_log where action = 'user.sign_in' order by id limit 1`,
    );
    await withTriggerOff(t, async () => {
      const db = t.deps.db;
      const rows = await db
        .select()
        .from(auditLog)
        .where(gte(auditLog.id, Number(victim!.id)))
        .orderBy(asc(auditLog.id));
      let prevHash = rows[0]!.prevHash;
      for (const row of rows) {
        const { id, hash: _h, ...fields } = row;
        const changed = {
          ...fields,
          ip: id === Number(victim!.id) ? '203.0.113.9' : fields.ip,
          prevHash,
        };
        prevHash = auditHash(changed);
        await db
          .update(auditLog)
          .set({ ip: changed.ip, prevHash: changed.prevHash, hash: prevHash })
          .where(eq(auditLog.id, id));
      }
    });
    // a valid chain again, so without checkpoints nothing shows
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true });

    const verdict = await organizer.get('/api/v1/audit-events/verification');
    expect(verdict.body).toMatchObject({
      ok: false,
      reason: 'checkpoint_mismatch',
      brokenAtId: checkpoint.lastId,
      checkpoint: { key: checkpoint.key, hash: checkpoint.hash },
    });
    expect(auditVerdictText(verdict.body)).toMatch(/REWRITTEN/);
    await restore(saved);
  });

  test("an application's state changed behind the log's back fails, naming it", async () => {
    await clearCheckpoints();
    const campaignId = (await organizer.get('/api/v1/campaigns')).body.items.find(
      (c: { isDemo: boolean }) => c.isDemo,
    ).id as string;
    const enterprise = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
    const appId = await submittedApplication(enterprise, campaignId);
    await organizer.post('/api/v1/audit-events/checkpoints');
    expect((await organizer.get('/api/v1/audit-events/verification')).body).toMatchObject({
      ok: true,
      stateMismatches: [],
    });

    await query(t, `update applications set state = 'recommended' where id = '${appId}'`);
    const verdict = await organizer.get('/api/v1/audit-events/verification');
    expect(verdict.body).toMatchObject({
      ok: false,
      reason: 'state_mismatch',
      stateMismatches: [{ applicationId: appId, state: 'recommended', loggedState: 'submitted' }],
    });
    expect(auditVerdictText(verdict.body)).toContain(appId);
    await query(t, `update applications set state = 'submitted' where id = '${appId}'`);
  });

  test('an altered checkpoint object fails too', async () => {
    await clearCheckpoints();
    const checkpoint = (await organizer.post('/api/v1/audit-events/checkpoints')).body;
    await t.deps.files.put(checkpoint.key, Buffer.from('{"count": 1}'), 'application/json');
    expect((await organizer.get('/api/v1/audit-events/verification')).body).toMatchObject({
      ok: false,
      reason: 'checkpoint_unreadable',
      unreadableCheckpoints: [checkpoint.key],
    });
    await clearCheckpoints();
  });
});

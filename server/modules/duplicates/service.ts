// 不得重复上报 / 多头申报 in the platform: one detector index per campaign and process, built
// lazily from the database (all past awards, the campaign's filed applications) and kept current
// as applications are submitted, withdrawn and returned. Findings are stored per side; the
// detector keeps the open ones current, people confirm or dismiss them.
import { createHash } from 'node:crypto';
import { factText, factsOf } from '../../../domain/facts';
import type { FormDeclaration } from '../../../domain/form';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import {
  createIndex,
  duplicateSettingsSchema,
  type DuplicateDoc,
  type DuplicateIndex,
  type DuplicateSettings,
  type Finding,
} from '../../lib/duplicates';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { findCampaign, formOfCampaign, type CampaignRow } from '../campaigns';
import { authorizeCheckDuplicates, authorizeReadFindings } from './policy';
import * as repo from './repository';
import { timeSlicer } from './slices';
import { evidenceView, findingView, forEnterprise, relationOf, type FindingView } from './views';

interface CampaignIndex {
  index: DuplicateIndex;
  /** the campaign's application form, whose facts the documents are made of */
  form: FormDeclaration;
  docs: Map<string, DuplicateDoc>;
  settingsKey: string;
  awardsKey: string;
  /** The latest `updated_at` among the applications applied so far. */
  syncedTo: Date;
}

/**
 * Application changes are re-read with this much overlap: a transaction stamps `updated_at` when it
 * starts and may commit later, and re-applying a document is harmless.
 */
const SYNC_OVERLAP_MS = 60_000;

// keyed by the database first: tests run several apps (and databases) in one process
const indexes = new WeakMap<Db, Map<string, Promise<CampaignIndex>>>();
/** Builds that have finished (the others are still running: whoever needs one waits for it). */
const finished = new WeakSet<Promise<CampaignIndex>>();
const queues = new WeakMap<Db, Map<string, Promise<unknown>>>();

function mapOf<V>(weak: WeakMap<Db, Map<string, V>>, db: Db) {
  let m = weak.get(db);
  if (!m) weak.set(db, (m = new Map()));
  return m;
}

/** One change at a time per campaign in this process: the index and the stored rows move together. */
function serial<T>(db: Db, campaignId: string, fn: () => Promise<T>): Promise<T> {
  const queue = mapOf(queues, db);
  const next = (queue.get(campaignId) ?? Promise.resolve()).catch(() => undefined).then(fn);
  queue.set(campaignId, next);
  return next;
}

/** The campaign's thresholds; settings the detector cannot read fall back to its defaults. */
export function settingsOf(campaign: CampaignRow): DuplicateSettings {
  const parsed = duplicateSettingsSchema.safeParse(campaign.settings.duplicates ?? {});
  return parsed.success ? parsed.data : duplicateSettingsSchema.parse({});
}

/** The comparable text of an application of the campaign (evidence offsets index into it). */
export async function textOf(db: Db, campaign: CampaignRow, data: unknown) {
  return factText(await formOfCampaign(db, campaign), data);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Filed and not taken back for editing. */
const isIndexed = (state: string) => state !== 'draft' && state !== 'returned';

function applicationDoc(
  form: FormDeclaration,
  src: Pick<repo.ApplicationSource, 'id' | 'data' | 'enterpriseName' | 'uscc' | 'channelUnitName'>,
): DuplicateDoc {
  return {
    id: src.id,
    kind: 'application',
    enterprise: src.enterpriseName,
    uscc: src.uscc,
    name: factsOf(form, src.data).solutionName,
    text: factText(form, src.data),
    channel: src.channelUnitName,
  };
}

const awardDoc = (a: repo.AwardSource): DuplicateDoc => ({
  id: a.id,
  kind: 'award',
  year: a.year,
  enterprise: a.enterpriseName,
  uscc: a.uscc,
  name: a.solutionName,
  text: a.text,
});

/**
 * Reads the awards (a page at a time) and the campaign's filed applications and indexes them, in
 * slices that let other requests run in between (100,000 texts take seconds of CPU). Nobody sees
 * the index before it is complete; what changes meanwhile is caught up by `syncIndex`.
 */
async function buildIndex(
  db: Db,
  campaign: CampaignRow,
  settings: DuplicateSettings,
  keys: { settingsKey: string; awardsKey: string },
): Promise<CampaignIndex> {
  const [appRows, form] = await Promise.all([
    repo.listApplicationSources(db, campaign.id),
    formOfCampaign(db, campaign),
  ]);
  const index = createIndex(settings);
  const docs = new Map<string, DuplicateDoc>();
  const slicer = timeSlicer();
  const add = (doc: DuplicateDoc) => {
    index.add(doc);
    docs.set(doc.id, doc);
  };
  for await (const page of repo.awardSourcePages(db)) {
    for (const row of page) {
      add(awardDoc(row));
      if (slicer.due()) await slicer.yieldTurn();
    }
  }
  for (const row of appRows) {
    add(applicationDoc(form, row));
    if (slicer.due()) await slicer.yieldTurn();
  }
  return { index, form, docs, ...keys, syncedTo: latest(appRows, new Date(0)) };
}

const latest = (rows: { updatedAt: Date }[], from: Date) =>
  rows.reduce((m, r) => (r.updatedAt > m ? r.updatedAt : m), from);

/**
 * Brings the index up to date with what any server process changed since it was last read, so
 * several processes (or a rebuild that raced a withdrawal) never compare against a stale set.
 * Runs inside `serial`, so nothing else of this campaign mutates the index meanwhile.
 */
async function syncIndex(db: Db, campaign: CampaignRow, ci: CampaignIndex) {
  const since = new Date(ci.syncedTo.getTime() - SYNC_OVERLAP_MS);
  const changed = await repo.listApplicationsChangedSince(db, campaign.id, since);
  for (const src of changed) {
    if (isIndexed(src.state)) {
      const doc = applicationDoc(ci.form, src);
      ci.index.add(doc);
      ci.docs.set(doc.id, doc);
    } else {
      ci.index.remove(src.id);
      ci.docs.delete(src.id);
    }
  }
  ci.syncedTo = latest(changed, ci.syncedTo);
}

/**
 * The campaign's index, rebuilt when its thresholds change or awards were added. A build takes
 * seconds and lets other requests run meanwhile: everyone who asks during it waits for that one
 * build (`fresh` too: it started after the request), never starts a second.
 */
async function indexOf(db: Db, campaign: CampaignRow, fresh = false): Promise<CampaignIndex> {
  const settings = settingsOf(campaign);
  const keys = {
    // a new form revision changes what the documents are made of
    settingsKey: `${campaign.configRevision}:${JSON.stringify(settings)}`,
    awardsKey: await repo.awardsFingerprint(db),
  };
  const cache = mapOf(indexes, db);
  const cached = cache.get(campaign.id);
  if (cached && !(fresh && finished.has(cached))) {
    const c = await cached.catch(() => undefined);
    if (c && c.settingsKey === keys.settingsKey && c.awardsKey === keys.awardsKey) return c;
    // a build that others started meanwhile (the keys changed again, or this one failed)
    const now = cache.get(campaign.id);
    if (now && now !== cached && !finished.has(now)) return indexOf(db, campaign);
  }
  const building = buildIndex(db, campaign, settings, keys);
  cache.set(campaign.id, building);
  building.then(
    () => finished.add(building),
    () => {
      if (cache.get(campaign.id) === building) cache.delete(campaign.id);
    },
  );
  return building;
}

/**
 * Findings about `doc` on both sides: its own against awards and applications, and each
 * matched application's against it.
 */
function findingsAbout(ci: CampaignIndex, doc: DuplicateDoc): Finding[] {
  const own = ci.index.query(doc);
  const out = [...own];
  for (const f of own) {
    if (f.kind !== 'application') continue;
    const other = ci.docs.get(f.match);
    if (!other) continue;
    const back = ci.index.query(other, { filter: (o) => o.id === doc.id })[0];
    if (back) out.push(back);
  }
  return out;
}

const matchKey = (applicationId: string, matchId: string | null) => `${applicationId}|${matchId}`;

/** A dismissed finding is raised again only when the match grew this much stronger. */
const REOPEN_RISE = 0.1;

/**
 * Makes the stored findings in `scope` what the detector found: new ones open, open ones
 * updated, open ones no longer found deleted. Decided ones stay decided (a dismissed one opens
 * again when its score rose by REOPEN_RISE); their evidence follows the current texts.
 */
async function storeFindings(
  tx: Db,
  ci: CampaignIndex,
  campaignId: string,
  scope: ReturnType<typeof repo.touching>,
  found: Finding[],
  now: Date,
) {
  await repo.lockCampaignFindings(tx, campaignId); // then read what another node may just have stored
  const existing = new Map(
    (await repo.listFindingRows(tx, scope)).map((r) => [
      matchKey(r.applicationId, r.matchAwardId ?? r.matchApplicationId),
      r,
    ]),
  );
  const seen = new Set<string>();
  for (const f of found) {
    const key = matchKey(f.application, f.match);
    if (seen.has(key)) continue;
    seen.add(key);
    const fields = {
      reasons: f.reasons,
      signals: f.signals as unknown as Record<string, unknown>,
      evidence: evidenceView(f.evidence),
      applicationTextHash: sha256(ci.docs.get(f.application)?.text ?? ''),
      updatedAt: now,
    };
    const row = existing.get(key);
    if (!row) {
      await repo.insertFinding(tx, {
        ...fields,
        campaignId,
        applicationId: f.application,
        kind: f.kind,
        matchAwardId: f.kind === 'award' ? f.match : null,
        matchApplicationId: f.kind === 'application' ? f.match : null,
        score: f.score,
        createdAt: now,
      });
    } else if (row.state === 'open') {
      await repo.updateFinding(tx, row.id, { ...fields, score: f.score });
    } else if (row.state === 'dismissed' && f.score >= row.score + REOPEN_RISE) {
      await repo.updateFinding(tx, row.id, {
        ...fields,
        score: f.score,
        state: 'open',
        decisionReason: null,
        decidedBy: null,
        decidedAt: null,
      });
    } else {
      await repo.updateFinding(tx, row.id, fields);
    }
  }
  const gone = [...existing.entries()]
    .filter(([key, r]) => !seen.has(key) && r.state === 'open')
    .map(([, r]) => r.id);
  await repo.deleteFindings(tx, gone);
}

/**
 * Called after an application's submit, withdrawal or return has committed: re-indexes it and
 * recomputes the findings on both sides. A failure here leaves the committed change alone (the
 * index is dropped and rebuilt on next use; a sweep repairs the stored findings).
 */
export async function onApplicationChanged(deps: Pick<Deps, 'db' | 'clock'>, appId: string) {
  const head = await repo.findApplicationSource(deps.db, appId);
  if (!head) return;
  const campaign = (await findCampaign(deps.db, head.campaignId))!;
  try {
    await serial(deps.db, campaign.id, async () => {
      const ci = await indexOf(deps.db, campaign);
      await syncIndex(deps.db, campaign, ci);
      const src = (await repo.findApplicationSource(deps.db, appId))!;
      let found: Finding[] = [];
      if (isIndexed(src.state)) {
        const doc = applicationDoc(ci.form, src);
        ci.index.add(doc);
        ci.docs.set(doc.id, doc);
        found = findingsAbout(ci, doc);
      } else {
        ci.index.remove(appId);
        ci.docs.delete(appId);
      }
      await deps.db.transaction((tx) =>
        storeFindings(tx, ci, campaign.id, repo.touching(appId), found, deps.clock.now()),
      );
    });
  } catch (err) {
    mapOf(indexes, deps.db).delete(campaign.id);
    console.error('duplicate check after an application change failed', appId, err);
  }
}

/** Recomputes every finding of the campaign from a freshly built index. */
export async function sweepDuplicates(deps: Deps, campaign: CampaignRow, actor: Actor) {
  return serial(deps.db, campaign.id, async () => {
    const started = performance.now();
    const ci = await indexOf(deps.db, campaign, true);
    await syncIndex(deps.db, campaign, ci); // when it joined a build begun before it was asked
    const apps = [...ci.docs.values()].filter((d) => d.kind === 'application');
    const found: Finding[] = [];
    const slicer = timeSlicer();
    for (const doc of apps) {
      found.push(...ci.index.query(doc));
      if (slicer.due()) await slicer.yieldTurn();
    }
    const stored = await deps.db.transaction(async (tx) => {
      await storeFindings(
        tx,
        ci,
        campaign.id,
        repo.inCampaign(campaign.id),
        found,
        deps.clock.now(),
      );
      const n = (await repo.listFindingRows(tx, repo.inCampaign(campaign.id))).length;
      await recordAudit(tx, deps.clock, actor, {
        action: 'duplicates.sweep',
        targetType: 'campaign',
        targetId: campaign.id,
        after: { applications: apps.length, found: found.length, stored: n },
      });
      return n;
    });
    return {
      findings: stored,
      applications: apps.length,
      ms: Math.round(performance.now() - started),
    };
  });
}

/**
 * The enterprise's check of its current working copy against past awards, before it submits:
 * nothing stored. Offsets index into the returned text.
 */
export async function checkAgainstAwards(
  deps: Pick<Deps, 'db'>,
  app: Pick<
    repo.ApplicationSource,
    'id' | 'campaignId' | 'data' | 'enterpriseName' | 'uscc' | 'channelUnitId' | 'channelUnitName'
  >,
): Promise<{ text: string; findings: FindingView[] }> {
  const campaign = (await findCampaign(deps.db, app.campaignId))!;
  const ci = await indexOf(deps.db, campaign);
  const doc = applicationDoc(ci.form, app);
  const found = ci.index.query(doc, { filter: (o) => o.kind === 'award' });
  const awards = new Map(
    (
      await repo.listAwardsById(
        deps.db,
        found.map((f) => f.match),
      )
    ).map((a) => [a.id, a]),
  );
  const findings = found.flatMap((f): FindingView[] => {
    const a = awards.get(f.match);
    if (!a) return [];
    return [
      {
        id: null,
        applicationId: app.id,
        applicationName: doc.name,
        enterpriseName: app.enterpriseName,
        channelUnitName: app.channelUnitName,
        kind: 'award',
        relation: relationOf(f.signals),
        score: f.score,
        reasons: f.reasons,
        state: 'open',
        decisionReason: null,
        decidedAt: null,
        match: {
          kind: 'award',
          awardId: a.id,
          year: a.year,
          solutionName: a.solutionName,
          enterpriseName: a.enterpriseName,
          uscc: a.uscc,
          recommenderName: a.recommenderName,
        },
        evidence: evidenceView(f.evidence),
      },
    ];
  });
  return { text: doc.text ?? '', findings };
}

/** Either way the organizer gives a reason: it is shown to the recommender and audited. */
export type FindingDecision = { kind: 'dismiss' | 'confirm'; reason: string };

/** The organizer's decision: dismiss (the override that lets the application go on) or confirm. */
export async function decideFinding(
  deps: Deps,
  findingId: string,
  decision: FindingDecision,
  actor: Actor,
) {
  await deps.db.transaction(async (tx) => {
    const row = await repo.lockFinding(tx, findingId);
    if (!row) throw new AppError('NOT_FOUND', { message: '未找到该疑似重复记录' });
    const to = decision.kind === 'dismiss' ? 'dismissed' : 'confirmed';
    if (row.state === to) {
      throw new AppError('WRONG_STATE', {
        message: to === 'dismissed' ? '该疑似重复记录已被忽略' : '该疑似重复记录已被确认',
      });
    }
    const now = deps.clock.now();
    await repo.updateFinding(tx, row.id, {
      state: to,
      decisionReason: decision.reason,
      decidedBy: actor.userId,
      decidedAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: `duplicate_finding.${decision.kind}`,
      targetType: 'duplicate_finding',
      targetId: row.id,
      before: { state: row.state },
      after: {
        state: to,
        applicationId: row.applicationId,
        kind: row.kind,
        match: row.matchAwardId ?? row.matchApplicationId,
        score: row.score,
      },
      note: decision.reason,
    });
  });
}

async function applicationSourceOf(deps: Pick<Deps, 'db'>, id: string) {
  const app = await repo.findApplicationSource(deps.db, id);
  if (!app) throw new AppError('NOT_FOUND', { message: '未找到该申报书' });
  return app;
}

async function campaignOf(deps: Pick<Deps, 'db'>, idOrCode: string) {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return campaign;
}

/** The enterprise's own check of an application (by id) against past awards, as it may see it. */
export async function checkApplication(deps: Pick<Deps, 'db'>, user: SignedInUser, id: string) {
  const found = await applicationSourceOf(deps, id);
  authorizeCheckDuplicates(user, found);
  const checked = await checkAgainstAwards(deps, found);
  return { ...checked, findings: checked.findings.map((f) => forEnterprise(f, found.uscc)) };
}

/** An application's findings and its compared text; an enterprise sees only those against awards. */
export async function applicationFindings(deps: Pick<Deps, 'db'>, user: SignedInUser, id: string) {
  const found = await applicationSourceOf(deps, id);
  authorizeReadFindings(user, found);
  const campaign = (await findCampaign(deps.db, found.campaignId))!;
  const rows = await repo.listFindings(deps.db, {
    applicationId: found.id,
    ...(user.role === 'enterprise' ? { kind: 'award' as const } : {}),
  });
  const views = rows.map(findingView);
  return {
    text: await textOf(deps.db, campaign, found.data),
    findings: user.role === 'enterprise' ? views.map((f) => forEnterprise(f, found.uscc)) : views,
  };
}

/** A campaign's findings (by id or code), most similar first. */
export async function campaignFindings(
  deps: Pick<Deps, 'db'>,
  idOrCode: string,
  f: { state?: repo.FindingRow['state']; kind?: repo.FindingRow['kind'] },
) {
  const campaign = await campaignOf(deps, idOrCode);
  return repo.listFindings(deps.db, { campaignId: campaign.id, ...f });
}

/** The sweep of a campaign given by id or code. */
export async function sweepCampaign(deps: Deps, idOrCode: string, actor: Actor) {
  return sweepDuplicates(deps, await campaignOf(deps, idOrCode), actor);
}

/** Decides a finding and reads it back with both sides' names. */
export async function decideAndReadFinding(
  deps: Deps,
  findingId: string,
  decision: FindingDecision,
  actor: Actor,
) {
  await decideFinding(deps, findingId, decision, actor);
  const [row] = await repo.listFindings(deps.db, { id: findingId });
  if (!row) throw new AppError('NOT_FOUND', { message: '未找到该疑似重复记录' });
  return row;
}

// 随机抽查 (issue 15). The organizer commits to a seed first — the platform's 32 random bytes, kept
// secret, or only the SHA-256 of a seed the organizer keeps — and the commitment is public at once.
// The draw (only of a committed spot check, once) freezes the population — the lists' published
// solutions not revoked or withdrawn, with their category and province — runs domain/spot-check
// and publishes the seed, the population and the sample; anyone recomputes it. Sampled solutions
// get tasks (书面核查 or 现场核查) for experts under the review's conflict rules (a broken rule
// needs the organizer's reason); an expert records a finding on its own tasks until the spot
// check is closed. Experts' identities are the organizer's only.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  FINDING_MIN_CHARS,
  SPOT_CHECK_METHOD_LABELS,
  type AssignSpotCheckTaskInput,
  type CommitSpotCheckInput,
  type MySpotCheckTask,
  type MySpotCheckTaskDetail,
  type PublicSpotCheck,
  type RecomputeSpotCheckInput,
  type RecordFindingInput,
  type SpotCheckDetail,
  type SpotCheckRecomputation,
  type SpotCheckTask,
  type SpotCheckVerification,
} from '../../../domain/api/spot-checks';
import type { FieldIssue } from '../../../domain/errors';
import { publishedStatusOn } from '../../../domain/publication';
import { beijingDay } from '../../../domain/registry';
import {
  CONFLICT_RULE_LABELS,
  conflictsOf,
  employerKeyOf,
  type AssignmentApplication,
  type AssignmentExpert,
  type ConflictRule,
  type OrgKeys,
} from '../../../domain/review-assignment';
import {
  drawSpotCheck,
  planOf,
  populationDigest,
  provinceOf,
  seedCommitment,
  verifyDraw,
  type SpotCheckCandidate,
  type SpotCheckPlan,
} from '../../../domain/spot-check';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import {
  enterpriseBrand,
  normalizeEnterpriseName,
  normalizeUscc,
} from '../../lib/duplicates/normalize';
import { AppError } from '../../lib/errors';
import { checkUploadedFile, FileNotFoundError } from '../../lib/files';
import { findApplicationHead, findVersion, readAttachment } from '../applications';
import { recordAudit } from '../audit';
import { findCampaign, formOfCampaign } from '../campaigns';
import { findExpertOfUser, findExpertRows, type ExpertRow } from '../experts';
import { notify } from '../notifications';
import { regionNames } from '../reference';
import { checkOwnTask } from './policy';
import * as repo from './repository';

export const ALGORITHM_DOC = '/docs/SPOT-CHECK.md';

const notFound = () =>
  new AppError('NOT_FOUND', {
    message: '未找到该抽查：抽查须先公布种子承诺（种子的哈希值），才能抽取',
  });

function invalid(issues: FieldIssue[]) {
  return new AppError('VALIDATION_FAILED', {
    message: issues.map((i) => i.message).join('；'),
    details: issues,
  });
}

const chineseTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(d);

// ------------------------------------------------------------------ views

async function publicViewOf(db: Db, rows: repo.SpotCheckRow[]): Promise<PublicSpotCheck[]> {
  const lists = await repo.publishedListsOf(db, [
    ...new Set(rows.flatMap((r) => r.listCampaignIds)),
  ]);
  const byId = new Map(lists.map((l) => [l.campaignId, l]));
  const names = new Map<string, Record<string, string>>();
  for (const id of new Set(rows.flatMap((r) => r.listCampaignIds)))
    names.set(
      id,
      Object.fromEntries((await repo.categoriesOf(db, [id])).map((c) => [c.code, c.name])),
    );
  return rows.map((r) => {
    const drawn = r.drawnAt !== null;
    return {
      id: r.id,
      title: r.title,
      lists: r.listCampaignIds.flatMap((id) => {
        const l = byId.get(id);
        return l ? [l] : [];
      }),
      sizes: r.sizes,
      categoryNames: Object.assign({}, ...r.listCampaignIds.map((id) => names.get(id) ?? {})),
      seedSource: r.seedSource,
      commitment: r.seedHash,
      committedAt: r.committedAt.toISOString(),
      state: r.state,
      drawnAt: r.drawnAt?.toISOString() ?? null,
      // the seed is secret until the draw, whoever asks
      seed: drawn ? r.seed : null,
      populationSize: drawn ? (r.population?.length ?? 0) : null,
      populationDigest: drawn ? r.populationDigest : null,
      sampleSize: drawn ? (r.sample?.length ?? 0) : null,
    };
  });
}

async function oneView(db: Db, row: repo.SpotCheckRow) {
  return (await publicViewOf(db, [row]))[0]!;
}

/** listSpotChecks (public): every spot check with its commitment; the seed after the draw. */
export async function listPublic(deps: Pick<Deps, 'db'>) {
  return { items: await publicViewOf(deps.db, await repo.listSpotChecks(deps.db)) };
}

const candidatesOf = (population: { publicId: string; category: string; region: string }[]) =>
  population.map<SpotCheckCandidate>((p) => ({
    publicId: p.publicId,
    category: p.category,
    regionCode: p.region,
  }));

/** The stored draw, recomputed: its plan and strata. */
function recompute(row: repo.SpotCheckRow) {
  const candidates = candidatesOf(row.population ?? []);
  const plan = planOf(row.seed!, candidates, row.sizes);
  return { candidates, plan, draw: drawSpotCheck(row.seed!, candidates, plan) };
}

async function namesOf(db: Db, row: repo.SpotCheckRow) {
  const [categories, regions] = await Promise.all([
    repo.categoriesOf(db, row.listCampaignIds),
    regionNames(db),
  ]);
  const category = new Map(categories.map((c) => [c.code, c.name]));
  return {
    categories: [...new Map(categories.map((c) => [c.code, c])).values()],
    categoryName: (code: string) => category.get(code) ?? code,
    provinceName: (code: string) => regions[code] ?? (code === '000000' ? '地区不详' : code),
  };
}

function strataView(
  draw: ReturnType<typeof drawSpotCheck>,
  names: Awaited<ReturnType<typeof namesOf>>,
) {
  return draw.strata.map((s) => ({
    key: s.key,
    category: s.category,
    categoryName: names.categoryName(s.category),
    province: s.province,
    provinceName: names.provinceName(s.province),
    size: s.size,
    drawn: s.drawn,
  }));
}

const planView = (plan: SpotCheckPlan) =>
  plan.kind === 'total'
    ? { kind: plan.kind, total: plan.total }
    : { kind: plan.kind, sizes: plan.sizes };

/**
 * verifySpotCheckDraw (public): the commitment; after the draw the seed, the population, the plan
 * per stratum, the sample, and the server's own recomputation from them.
 */
export async function verification(
  deps: Pick<Deps, 'db'>,
  id: string,
): Promise<SpotCheckVerification> {
  const row = await repo.findSpotCheck(deps.db, id);
  if (!row) throw notFound();
  const spotCheck = await oneView(deps.db, row);
  if (!row.drawnAt || !row.seed || !row.population || !row.sample)
    return {
      spotCheck,
      algorithm: ALGORITHM_DOC,
      population: null,
      plan: null,
      strata: null,
      sample: null,
      recomputed: null,
    };
  const { candidates, plan, draw } = recompute(row);
  const names = await namesOf(deps.db, row);
  const solutions = new Map(
    (await repo.solutionsByIds(deps.db, row.sample)).map((s) => [s.publicId, s]),
  );
  const stratumOf = new Map(draw.strata.flatMap((s) => s.sample.map((id) => [id, s.key])));
  const wrong: string[] = verifyDraw(
    { commitment: row.seedHash, seed: row.seed, sample: row.sample },
    candidates,
    plan,
  );
  if (populationDigest(candidates.map((c) => c.publicId)) !== row.populationDigest)
    wrong.push('population');
  return {
    spotCheck,
    algorithm: ALGORITHM_DOC,
    population: row.population,
    plan: planView(plan),
    strata: strataView(draw, names),
    sample: row.sample.map((publicId) => {
      const s = solutions.get(publicId);
      return {
        publicId,
        stratum: stratumOf.get(publicId) ?? '',
        solutionName: s?.solutionName ?? '',
        enterpriseName: s?.enterpriseName ?? '',
        categoryName: s?.categoryName ?? '',
        regionName: s?.regionName ?? '',
      };
    }),
    recomputed: { match: wrong.length === 0, wrong, sample: draw.sample },
  };
}

/** recomputeSpotCheckDraw (public): anyone's seed, population and sizes, drawn as the platform does. */
export function recomputeDraw(input: RecomputeSpotCheckInput): SpotCheckRecomputation {
  const candidates = candidatesOf(input.population);
  const plan = planOf(input.seed, candidates, input.sizes);
  const draw = drawSpotCheck(input.seed, candidates, plan);
  const compared = input.commitment !== undefined && input.sample !== undefined;
  const wrong = compared
    ? verifyDraw(
        { commitment: input.commitment!, seed: input.seed, sample: input.sample! },
        candidates,
        plan,
      )
    : [];
  return {
    commitment: draw.commitment,
    populationDigest: draw.populationDigest,
    populationSize: draw.populationSize,
    strata: draw.strata.map((s) => ({
      key: s.key,
      size: s.size,
      drawn: s.drawn,
      sample: s.sample,
    })),
    sample: draw.sample,
    match: compared ? wrong.length === 0 : null,
    wrong,
  };
}

/** The population as CSV (public, after the draw): what anyone recomputes from. */
export async function populationCsv(deps: Pick<Deps, 'db'>, id: string) {
  const row = await repo.findSpotCheck(deps.db, id);
  if (!row) throw notFound();
  if (!row.drawnAt || !row.population)
    throw new AppError('WRONG_STATE', { message: '尚未抽取：抽取后公布抽取范围（总体）' });
  const lines = [
    'publicId,category,region',
    ...row.population.map((p) => `${p.publicId},${p.category},${p.region}`),
  ];
  return { text: `${lines.join('\r\n')}\r\n`, filename: `spot-check-${row.id}-population.csv` };
}

// ------------------------------------------------------------------ the organizer: commit, draw

/** listSpotCheckSources: the published lists to draw from, with their categories. */
export async function sources(deps: Pick<Deps, 'db'>) {
  const lists = await repo.allPublishedLists(deps.db);
  const categories = await repo.categoriesOf(
    deps.db,
    lists.map((l) => l.campaignId),
  );
  return {
    lists,
    categories: [...new Map(categories.map((c) => [c.code, c])).values()],
  };
}

/** commitSpotCheckSeed: the commitment, public at once; the platform's seed kept secret. */
export async function commit(deps: Deps, input: CommitSpotCheckInput, actor: Actor) {
  const ids = [...new Set(input.listCampaignIds)];
  const lists = await repo.publishedListsOf(deps.db, ids);
  if (lists.length !== ids.length)
    throw invalid([{ path: 'listCampaignIds', message: '只能从已发布的优秀解决方案名单中抽取' }]);
  if (input.sizes.byCategory) {
    const known = new Set((await repo.categoriesOf(deps.db, ids)).map((c) => c.code));
    const unknown = Object.keys(input.sizes.byCategory).filter((c) => !known.has(c));
    if (unknown.length)
      throw invalid([
        { path: 'sizes.byCategory', message: `所选名单没有这些类别：${unknown.join('、')}` },
      ]);
  }
  const platform = input.seedHash === undefined;
  const seed = platform ? randomBytes(32).toString('hex') : null;
  const seedHash = platform ? seedCommitment(seed!) : input.seedHash!;
  const sizes = input.sizes.byCategory
    ? { byCategory: input.sizes.byCategory }
    : { total: input.sizes.total! };
  const row = await deps.db.transaction(async (tx) => {
    const created = await repo.insertSpotCheck(tx, {
      title: input.title,
      listCampaignIds: ids,
      sizes,
      seedHash,
      seedSource: platform ? 'platform' : 'organizer',
      seed,
      committedBy: actor.userId!,
      committedAt: deps.clock.now(),
      state: 'committed',
    });
    // the seed stays out of the audit row too: it is secret until the draw
    await recordAudit(tx, deps.clock, actor, {
      action: 'spot_check.commit',
      targetType: 'spot_check',
      targetId: created.id,
      after: {
        title: input.title,
        seedHash,
        seedSource: created.seedSource,
        sizes,
        listCampaignIds: ids,
      },
    });
    return created;
  });
  return oneView(deps.db, row);
}

/**
 * drawSpotCheck: only of a committed spot check, once, with the committed seed. Freezes the
 * population and the sample, publishes the seed; the sampled enterprises and units are told.
 */
export async function draw(deps: Deps, id: string, input: { seed?: string }, actor: Actor) {
  const row = await deps.db.transaction(async (tx) => {
    const sc = await repo.lockSpotCheck(tx, id);
    if (!sc) throw notFound();
    if (sc.state !== 'committed')
      throw new AppError('WRONG_STATE', {
        message: `该抽查已于${chineseTime(sc.drawnAt!)}抽取，不能再次抽取`,
      });
    let seed: string;
    if (sc.seedSource === 'platform') {
      if (input.seed !== undefined)
        throw invalid([{ path: 'seed', message: '本次抽查的种子由平台生成，抽取时无需填写种子' }]);
      seed = sc.seed!;
    } else {
      if (input.seed === undefined)
        throw invalid([
          { path: 'seed', message: '请填写种子：其SHA-256须与抽取前公布的哈希值一致' },
        ]);
      if (seedCommitment(input.seed) !== sc.seedHash)
        throw new AppError('SEED_MISMATCH', {
          details: [{ path: 'seed', message: '该种子的SHA-256与公布的哈希值不一致' }],
        });
      seed = input.seed;
    }
    const eligible = await repo.eligibleSolutions(tx, sc.listCampaignIds);
    if (!eligible.length)
      throw new AppError('WRONG_STATE', {
        message: '所选名单中没有可抽查的解决方案（已撤销、已退出的不在抽取范围内）',
      });
    const population = eligible.map((s) => ({
      publicId: s.publicId,
      category: s.category,
      region: provinceOf(s.regionCode),
    }));
    const candidates = candidatesOf(population);
    const result = drawSpotCheck(seed, candidates, planOf(seed, candidates, sc.sizes));
    const now = deps.clock.now();
    const drawn = await repo.updateSpotCheck(tx, sc.id, {
      seed,
      population,
      populationDigest: result.populationDigest,
      sample: result.sample,
      drawnBy: actor.userId,
      drawnAt: now,
      state: 'drawn',
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'spot_check.draw',
      targetType: 'spot_check',
      targetId: sc.id,
      before: { state: 'committed', seedHash: sc.seedHash },
      after: {
        state: 'drawn',
        seed,
        populationSize: population.length,
        populationDigest: result.populationDigest,
        sample: result.sample,
      },
    });
    const solutions = await repo.solutionsByIds(tx, result.sample);
    for (const s of solutions) {
      const base = {
        kind: 'spot_check.sampled' as const,
        campaignId: s.campaignId,
        link: `/spot-checks/${sc.id}`,
        values: { 抽查名称: sc.title, 公开编号: s.publicId, 解决方案名称: s.solutionName },
      };
      await notify(tx, deps, { ...base, to: { enterpriseIds: [s.enterpriseId] } });
      await notify(tx, deps, { ...base, to: { unitIds: [s.unitId] } });
    }
    return drawn;
  });
  return oneView(deps.db, row);
}

// ------------------------------------------------------------------ the organizer: detail, tasks

type Docs = Map<string, repo.DocumentRow>;

function evidenceOf(t: repo.TaskRow, docs: Docs) {
  const d = t.evidenceId ? docs.get(t.evidenceId) : undefined;
  return d ? { id: d.id, filename: d.filename, size: d.size } : null;
}

const docsOf = (db: Db, tasks: repo.TaskRow[]) =>
  repo.documentsByIds(
    db,
    tasks.flatMap((t) => (t.evidenceId ? [t.evidenceId] : [])),
  );

function taskView(
  t: repo.TaskRow,
  expert: { expertName: string; employerName: string },
  docs: Docs,
): SpotCheckTask {
  return {
    id: t.id,
    publicId: t.publicId,
    expertId: t.expertId,
    expertName: expert.expertName,
    employerName: expert.employerName,
    method: t.method,
    state: t.state,
    overriddenRules: t.overriddenRules,
    overrideReason: t.overrideReason,
    conclusion: t.conclusion,
    finding: t.finding,
    recordedAt: t.recordedAt?.toISOString() ?? null,
    evidence: evidenceOf(t, docs),
    createdAt: t.createdAt.toISOString(),
  };
}

/** getSpotCheck (organizer): the public view, the strata, the sample with tasks and findings. */
export async function detailOf(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
): Promise<SpotCheckDetail> {
  const row = await repo.findSpotCheck(deps.db, id);
  if (!row) throw notFound();
  const [view, names] = await Promise.all([oneView(deps.db, row), namesOf(deps.db, row)]);
  if (!row.drawnAt || !row.sample)
    return { ...view, strata: [], sample: [], categories: names.categories };
  const { draw: d } = recompute(row);
  const stratumOf = new Map(d.strata.flatMap((s) => s.sample.map((x) => [x, s.key])));
  const [solutions, tasks] = await Promise.all([
    repo.solutionsByIds(deps.db, row.sample),
    repo.listTasks(deps.db, row.id),
  ]);
  const byId = new Map(solutions.map((s) => [s.publicId, s]));
  const docs = await docsOf(
    deps.db,
    tasks.map((t) => t.task),
  );
  const today = beijingDay(deps.clock.now());
  return {
    ...view,
    strata: strataView(d, names),
    categories: names.categories,
    sample: row.sample.flatMap((publicId) => {
      const s = byId.get(publicId);
      if (!s) return [];
      return [
        {
          publicId,
          stratum: stratumOf.get(publicId) ?? '',
          solutionName: s.solutionName,
          enterpriseName: s.enterpriseName,
          categoryName: s.categoryName,
          regionName: s.regionName,
          unitName: s.unitName,
          status: publishedStatusOn(s, today),
          tasks: tasks
            .filter((t) => t.task.publicId === publicId && t.task.state !== 'removed')
            .map((t) => taskView(t.task, t, docs)),
        },
      ];
    }),
  };
}

/** An organisation's keys as the conflict rules compare them (code, normalised name, 字号). */
function orgKeysOf(name: string, uscc: string | null | undefined, withBrand = true): OrgKeys {
  const n = name.trim() ? normalizeEnterpriseName(name) : null;
  return {
    uscc: normalizeUscc(uscc),
    nameKey: n?.key ?? '',
    brand: n && withBrand ? enterpriseBrand(n) : '',
  };
}

function expertKeysOf(e: ExpertRow): AssignmentExpert {
  return {
    id: e.id,
    panelIds: [],
    capacity: 0,
    employer: orgKeysOf(e.employerName, e.employerUscc),
    regionCode: e.regionCode,
    categories: e.categories,
    industries: e.industries,
    focusAreas: e.focusAreas,
    conflictEnterprises: e.conflictEnterprises.map((c) => orgKeysOf(c.name ?? '', c.uscc, false)),
    conflictUnitIds: e.conflictUnitIds,
  };
}

function solutionKeysOf(
  s: repo.SolutionRow,
  coApplicants: { name: string; uscc: string }[],
): AssignmentApplication {
  return {
    id: s.publicId,
    panelId: '',
    need: 0,
    category: s.category,
    focusAreas: [],
    industries: s.industries.map((i) => i.code),
    applicant: orgKeysOf(s.enterpriseName, s.uscc),
    coApplicants: coApplicants.map((c) => orgKeysOf(c.name, c.uscc)),
    provinceCode: s.regionCode && /^\d{6}$/.test(s.regionCode) ? provinceOf(s.regionCode) : null,
    unit: { id: s.unitId, keys: orgKeysOf(s.unitName, null, false) },
  };
}

/**
 * assignSpotCheckTasks: one expert on one sampled solution, 书面核查 or 现场核查. The review's
 * conflict rules apply (and one expert per employer on a solution); a broken rule is refused with
 * the rules listed unless the organizer gives a reason, kept on the task and audited.
 */
export async function assign(
  deps: Deps,
  id: string,
  input: AssignSpotCheckTaskInput,
  actor: Actor,
) {
  await deps.db.transaction(async (tx) => {
    const sc = await repo.lockSpotCheck(tx, id);
    if (!sc) throw notFound();
    if (sc.state === 'committed')
      throw new AppError('WRONG_STATE', { message: '尚未抽取样本，抽取后才能分配核查任务' });
    if (sc.state === 'closed')
      throw new AppError('WRONG_STATE', { message: '该抽查已结束，不能再分配核查任务' });
    if (!sc.sample?.includes(input.publicId))
      throw invalid([{ path: 'publicId', message: `${input.publicId}不在本次抽查的样本中` }]);
    const [expert] = await findExpertRows(tx, [input.expertId]);
    if (!expert) throw new AppError('NOT_FOUND', { message: '专家不存在' });
    if (!expert.active)
      throw invalid([{ path: 'expertId', message: `专家${expert.name}已停用，不能分配` }]);
    const tasks = (await repo.listTasks(tx, sc.id)).filter(
      (t) => t.task.publicId === input.publicId && t.task.state !== 'removed',
    );
    if (tasks.some((t) => t.task.expertId === expert.id))
      throw new AppError('CONFLICT', { message: `${expert.name}已分配核查该解决方案` });
    const [solution] = await repo.solutionsByIds(tx, [input.publicId]);
    const facts = await repo.applicationFactsOf(tx, solution!.applicationId);
    const ex = expertKeysOf(expert);
    const rules: ConflictRule[] = conflictsOf(
      ex,
      solutionKeysOf(solution!, facts.coApplicants ?? []),
      {
        avoidSameRegion: input.avoidSameRegion ?? true,
      },
    );
    const others = await findExpertRows(
      tx,
      tasks.map((t) => t.task.expertId),
    );
    if (others.some((o) => employerKeyOf(expertKeysOf(o)) === employerKeyOf(ex)))
      rules.push('same_employer_on_application');
    if (rules.length && !input.overrideReason)
      throw new AppError('ASSIGNMENT_RULES_BROKEN', {
        message: `${expert.name}不能直接分配：${rules.map((r) => CONFLICT_RULE_LABELS[r]).join('；')}。如确需分配，请填写例外理由（至少4个字）`,
        details: {
          rules,
          problems: [{ path: 'overrideReason', message: '违反回避规则的分配须填写例外理由' }],
        },
      });
    const now = deps.clock.now();
    const task = await repo.insertTask(tx, {
      spotCheckId: sc.id,
      publicId: input.publicId,
      expertId: expert.id,
      method: input.method,
      state: 'assigned',
      overriddenRules: [...rules],
      overrideReason: rules.length ? input.overrideReason! : null,
      createdAt: now,
      createdBy: actor.userId!,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'spot_check_task.assign',
      targetType: 'spot_check_task',
      targetId: task.id,
      after: {
        spotCheckId: sc.id,
        publicId: input.publicId,
        expertId: expert.id,
        method: input.method,
        overriddenRules: rules,
        overrideReason: task.overrideReason,
      },
    });
    await notify(tx, deps, {
      kind: 'spot_check.assigned',
      to: { userIds: [expert.userId] },
      campaignId: solution!.campaignId,
      link: `/expert/spot-checks/${task.id}`,
      values: {
        抽查名称: sc.title,
        公开编号: solution!.publicId,
        解决方案名称: solution!.solutionName,
        核查方式: SPOT_CHECK_METHOD_LABELS[input.method],
      },
    });
  });
  return detailOf(deps, id);
}

/** closeSpotCheck: the findings are final; experts can no longer change them. */
export async function close(deps: Deps, id: string, actor: Actor) {
  await deps.db.transaction(async (tx) => {
    const sc = await repo.lockSpotCheck(tx, id);
    if (!sc) throw notFound();
    if (sc.state !== 'drawn')
      throw new AppError('WRONG_STATE', {
        message: sc.state === 'closed' ? '该抽查已结束' : '尚未抽取样本，不能结束',
      });
    await repo.updateSpotCheck(tx, sc.id, { state: 'closed' });
    const tasks = (await repo.listTasks(tx, sc.id)).filter((t) => t.task.state !== 'removed');
    await recordAudit(tx, deps.clock, actor, {
      action: 'spot_check.close',
      targetType: 'spot_check',
      targetId: sc.id,
      before: { state: 'drawn' },
      after: {
        state: 'closed',
        tasks: tasks.length,
        findings: tasks.filter((t) => t.task.conclusion).length,
        failed: tasks.filter((t) => t.task.conclusion === 'fail').map((t) => t.task.publicId),
      },
    });
  });
  return detailOf(deps, id);
}

// ------------------------------------------------------------------ the expert's side

function myTaskView(
  t: repo.TaskRow,
  sc: repo.SpotCheckRow,
  s: repo.SolutionRow,
  docs: Docs,
): MySpotCheckTask {
  return {
    id: t.id,
    spotCheckId: sc.id,
    spotCheckTitle: sc.title,
    closed: sc.state === 'closed',
    publicId: s.publicId,
    solutionName: s.solutionName,
    enterpriseName: s.enterpriseName,
    categoryName: s.categoryName,
    regionName: s.regionName,
    method: t.method,
    conclusion: t.conclusion,
    finding: t.finding,
    recordedAt: t.recordedAt?.toISOString() ?? null,
    evidence: evidenceOf(t, docs),
  };
}

/** listMySpotCheckTasks: the expert's own tasks only. */
export async function myTasks(deps: Pick<Deps, 'db'>, user: SignedInUser) {
  const expert = await findExpertOfUser(deps.db, user.id);
  if (!expert) return { items: [] };
  const rows = await repo.tasksOfExpert(deps.db, expert.id);
  const docs = await docsOf(
    deps.db,
    rows.map((r) => r.task),
  );
  return { items: rows.map((r) => myTaskView(r.task, r.spotCheck, r.solution, docs)) };
}

async function ownTask(deps: Pick<Deps, 'db'>, user: SignedInUser, taskId: string) {
  const [expert, task] = await Promise.all([
    findExpertOfUser(deps.db, user.id),
    repo.findTask(deps.db, taskId),
  ]);
  checkOwnTask(expert?.id, task);
  const [sc, [solution]] = await Promise.all([
    repo.findSpotCheck(deps.db, task!.spotCheckId),
    repo.solutionsByIds(deps.db, [task!.publicId]),
  ]);
  return { expert: expert!, task: task!, sc: sc!, solution: solution! };
}

/** The application's current frozen version, or none (an award made before the platform). */
async function frozenOf(deps: Pick<Deps, 'db'>, applicationId: string) {
  const head = await findApplicationHead(deps.db, applicationId);
  return head?.currentVersionNo != null
    ? await findVersion(deps.db, head.id, head.currentVersionNo)
    : undefined;
}

/** getMySpotCheckTask: the solution's published facts and the application as the expert review shows it. */
export async function myTask(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: SignedInUser,
  taskId: string,
): Promise<MySpotCheckTaskDetail> {
  const { task, sc, solution: s } = await ownTask(deps, user, taskId);
  const [campaign, version] = await Promise.all([
    findCampaign(deps.db, s.campaignId),
    frozenOf(deps, s.applicationId),
  ]);
  const form = version && campaign ? await formOfCampaign(deps.db, campaign) : null;
  const docs = await docsOf(deps.db, [task]);
  return {
    task: myTaskView(task, sc, s, docs),
    solution: {
      publicId: s.publicId,
      solutionName: s.solutionName,
      enterpriseName: s.enterpriseName,
      categoryName: s.categoryName,
      regionName: s.regionName,
      unitName: s.unitName,
      industries: s.industries,
      summary: s.summary,
      apps: s.apps,
      validFrom: s.validFrom,
      validUntil: s.validUntil,
      status: publishedStatusOn(s, beijingDay(deps.clock.now())),
    },
    categories: campaign?.settings.categories ?? [],
    application:
      version && form
        ? {
            applicationId: s.applicationId,
            versionNo: version.versionNo,
            submittedAt: version.submittedAt.toISOString(),
            form: form as unknown as Record<string, unknown>,
            data: version.data,
            attachments: version.attachments.map((a) => ({
              id: a.id,
              filename: a.filename,
              kind: a.kind,
              size: a.size,
              sha256: a.sha256,
            })),
          }
        : null,
  };
}

/** An attachment of the frozen version the expert checks (only those of that version). */
export async function myTaskAttachment(
  deps: Deps,
  user: SignedInUser,
  taskId: string,
  attachmentId: string,
) {
  const { solution } = await ownTask(deps, user, taskId);
  const version = await frozenOf(deps, solution.applicationId);
  if (!version?.attachments.some((a) => a.id === attachmentId))
    throw new AppError('NOT_FOUND', { message: '未找到该附件' });
  return readAttachment(deps, solution.applicationId, attachmentId);
}

/** 字 of a finding: its characters, white space aside. */
const charsOf = (s: string) => [...s.replace(/\s+/g, '')].length;

/**
 * recordSpotCheckFinding: the expert's conclusion and finding on its own task; it may change it
 * until the organizer closes the spot check.
 */
export async function recordFinding(
  deps: Deps,
  user: SignedInUser,
  taskId: string,
  input: RecordFindingInput,
  actor: Actor,
) {
  await ownTask(deps, user, taskId);
  if (charsOf(input.finding) < FINDING_MIN_CHARS)
    throw invalid([
      {
        path: 'finding',
        message: `核查意见至少${FINDING_MIN_CHARS}个字，请写明核查了什么、发现了什么`,
      },
    ]);
  await deps.db.transaction(async (tx) => {
    const task = await repo.lockTask(tx, taskId);
    if (!task || task.state === 'removed')
      throw new AppError('NOT_FOUND', { message: '未找到该核查任务' });
    const sc = await repo.findSpotCheck(tx, task.spotCheckId);
    if (sc?.state === 'closed')
      throw new AppError('WRONG_STATE', { message: '该抽查已结束，核查结论不能再修改' });
    await repo.updateTask(tx, taskId, {
      conclusion: input.conclusion,
      finding: input.finding,
      recordedAt: deps.clock.now(),
      state: 'done',
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'spot_check_task.finding',
      targetType: 'spot_check_task',
      targetId: taskId,
      before: { conclusion: task.conclusion, finding: task.finding },
      after: { conclusion: input.conclusion, finding: input.finding, publicId: task.publicId },
    });
  });
  return (await myTask(deps, user, taskId)).task;
}

/**
 * uploadSpotCheckEvidence: a file (PDF, image or office document, checked by content) kept with
 * the expert's finding; a new upload replaces the one before. Refused once the spot check closed.
 */
export async function uploadEvidence(
  deps: Deps,
  user: SignedInUser,
  taskId: string,
  file: { filename: string; bytes: Buffer },
  actor: Actor,
) {
  const { sc } = await ownTask(deps, user, taskId);
  const closed = () => new AppError('WRONG_STATE', { message: '该抽查已结束，不能再上传核查证据' });
  if (sc.state === 'closed') throw closed();
  if (file.bytes.length > deps.config.maxFileBytes)
    throw new AppError('FILE_TOO_LARGE', {
      message: `单个文件不能超过 ${Math.round(deps.config.maxFileBytes / 1048576)} MB`,
    });
  const check = checkUploadedFile(file.bytes, file.filename);
  if (!check.ok)
    throw new AppError('FILE_REJECTED', {
      message: check.reason,
      messageEn: check.reasonEn,
      details: [{ path: 'file', message: check.reason }],
    });
  const docId = randomUUID();
  const storageKey = `spot-checks/${sc.id}/${docId}.${check.detected.ext}`;
  await deps.files.put(storageKey, file.bytes, check.detected.mime);
  try {
    await deps.db.transaction(async (tx) => {
      const task = await repo.lockTask(tx, taskId);
      if (!task || task.state === 'removed')
        throw new AppError('NOT_FOUND', { message: '未找到该核查任务' });
      if ((await repo.findSpotCheck(tx, task.spotCheckId))?.state === 'closed') throw closed();
      const doc = await repo.insertDocument(tx, {
        id: docId,
        purpose: 'spot_check_evidence',
        filename: file.filename,
        kind: check.detected.kind,
        mime: check.detected.mime,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy: user.id,
        createdAt: deps.clock.now(),
      });
      await repo.updateTask(tx, taskId, { evidenceId: doc.id });
      await recordAudit(tx, deps.clock, actor, {
        action: 'spot_check_task.evidence',
        targetType: 'spot_check_task',
        targetId: taskId,
        before: { evidenceId: task.evidenceId },
        after: { evidenceId: doc.id, filename: doc.filename, sha256: doc.sha256 },
      });
    });
  } catch (e) {
    await deps.files.delete(storageKey).catch(() => undefined);
    throw e;
  }
  return (await myTask(deps, user, taskId)).task;
}

/** getSpotCheckEvidence: the task's expert and organizers only. */
export async function evidenceFile(deps: Deps, user: SignedInUser, taskId: string) {
  const task = await repo.findTask(deps.db, taskId);
  if (user.role !== 'organizer') {
    const expert = await findExpertOfUser(deps.db, user.id);
    checkOwnTask(expert?.id, task);
  }
  const doc = task?.evidenceId
    ? (await repo.documentsByIds(deps.db, [task.evidenceId])).get(task.evidenceId)
    : undefined;
  if (!task || !doc) throw new AppError('NOT_FOUND', { message: '该核查任务没有上传证据' });
  try {
    return { doc, bytes: await deps.files.get(doc.storageKey) };
  } catch (e) {
    if (e instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '证据文件已丢失，请联系主管部门' });
    throw e;
  }
}

// ------------------------------------------------------------------ for the evaluation

/** Every spot-check finding on a published solution, oldest spot check first. */
export async function spotCheckFindingsOf(
  db: Db,
  publicId: string,
): Promise<
  {
    spotCheckTitle: string;
    method: 'document' | 'site';
    conclusion: 'pass' | 'minor' | 'fail' | null;
    finding: string | null;
    recordedAt: string | null;
  }[]
> {
  const rows = await repo.tasksOfSolution(db, publicId);
  return rows.map((r) => ({
    spotCheckTitle: r.title,
    method: r.task.method,
    conclusion: r.task.conclusion,
    finding: r.task.finding,
    recordedAt: r.task.recordedAt?.toISOString() ?? null,
  }));
}

// The labelled evaluation set: past awards (2018–2020, some with text as if awarded on the
// platform, most imported with name, enterprise and code only) and the 2021 applications, with
// resubmissions and 多头申报 disguised the ways people do it, and hard negatives that share an
// enterprise, an industry, a function or a vocabulary without being the same solution.
import {
  composeSections,
  newBrand,
  newEnterprise,
  newSpec,
  otherFunction,
  pickIndustry,
  solutionName,
  textOf,
  usccFor,
  fill,
  type ComposedSection,
  type Enterprise,
  type SolutionSpec,
} from './compose';
import { COMMON } from './functions';
import { createRng, type Rng } from './random';
import { disguiseName, HEAVY, LIGHT, MEDIUM, rewordSentence, type Rewording } from './rewrite';

export interface EvalAward {
  id: string;
  year: number;
  solution: string;
  enterprise: string;
  uscc: string;
  category: string;
  text: string;
}

export interface EvalApplication {
  id: string;
  enterprise: string;
  uscc: string;
  name: string;
  text: string;
  channel: string;
}

export interface EvalLabel {
  /** The application. */
  application: string;
  /** The award or the other application. */
  match: string;
  kind: 'award' | 'application';
  duplicate: boolean;
  /** How the pair was made: the disguise of a duplicate, what makes a negative hard. */
  how: string;
}

export interface EvalSet {
  awards: EvalAward[];
  applications: EvalApplication[];
  labels: EvalLabel[];
}

export const EVAL_SEED = 2021;

const CATEGORIES = ['安全可靠工业APP', '基础共性工业APP', '行业通用工业APP', '企业专用工业APP'];
const CENTRAL_GROUPS = [
  '中国航天科工集团有限公司',
  '中国船舶集团有限公司',
  '中国中车集团有限公司',
  '中国宝武钢铁集团有限公司',
  '中国电子信息产业集团有限公司',
  '中国机械工业集团有限公司',
];
// An author's own way of writing: every original is written in one.
const STYLE: Rewording = { words: 0.35, clauses: 0.15, openers: 0.08, figures: 0 };

interface Written {
  spec: SolutionSpec;
  sections: ComposedSection[];
}

export function buildEvalSet(seed = EVAL_SEED): EvalSet {
  const rng = createRng(seed);
  const set: EvalSet = { awards: [], applications: [], labels: [] };
  const write = (e: Enterprise, year: number, fn?: SolutionSpec['fn']): Written => {
    const spec = newSpec(rng, e, year, fn);
    return { spec, sections: composeSections(spec, rng, STYLE) };
  };
  const award = (w: Written, withText: boolean, as: Partial<EvalAward> = {}): EvalAward => {
    const a: EvalAward = {
      id: `A${String(set.awards.length + 1).padStart(3, '0')}`,
      year: w.spec.year,
      solution: w.spec.name,
      enterprise: w.spec.enterprise.name,
      uscc: w.spec.enterprise.uscc,
      category: rng.pick(CATEGORIES),
      text: withText ? textOf(w.sections) : '',
      ...as,
    };
    set.awards.push(a);
    return a;
  };
  const apply = (
    e: Enterprise,
    name: string,
    sections: ComposedSection[],
    channel = e.region.province,
  ): EvalApplication => {
    const a: EvalApplication = {
      id: `P${String(set.applications.length + 1).padStart(3, '0')}`,
      enterprise: e.name,
      uscc: e.uscc,
      name,
      text: textOf(sections),
      channel,
    };
    set.applications.push(a);
    return a;
  };
  const label = (
    application: string,
    match: string,
    kind: EvalLabel['kind'],
    duplicate: boolean,
    how: string,
  ) => set.labels.push({ application, match, kind, duplicate, how });
  const fresh = (industry = pickIndustry(rng)) => newEnterprise(rng, industry);
  const pastYear = () => rng.pick([2018, 2019, 2020]);

  // Awards nobody resubmits, and applications nobody duplicates: the background.
  for (let i = 0; i < 150; i++) award(write(fresh(), pastYear()), rng.chance(0.3));

  // 1. Resubmitted imported awards (no text): recognisable by name and enterprise only.
  for (let i = 0; i < 40; i++) {
    const w = write(fresh(), pastYear());
    const variant = i % 4;
    let e = w.spec.enterprise;
    let how = '名称改写，同一企业';
    const past = award(w, false, variant === 3 ? { uscc: '' } : {});
    if (variant === 1) {
      e = renamed(rng, e);
      how = '名称改写，企业更名（代码不变）';
    } else if (variant === 2) {
      e = subsidiary(rng, e);
      how = '名称改写，子公司申报';
    } else if (variant === 3) {
      e = { ...e, name: reorderRegion(e) };
      how = '名称改写，往届名单无代码、企业名写法不同';
    }
    const app = apply(e, disguiseName(w.spec.name, rng), disguise(rng, w, e, MEDIUM));
    label(app.id, past.id, 'award', true, how);
  }

  // 2. Resubmitted awards with text.
  const textual: [
    string,
    (w: Written) => { e: Enterprise; name: string; sections: ComposedSection[] },
  ][] = [
    [
      '重新命名，轻度改写',
      (w) => ({
        e: w.spec.enterprise,
        name: solutionName(rng, w.spec, w.spec.name),
        sections: disguise(rng, w, w.spec.enterprise, LIGHT, { renameApps: true }),
      }),
    ],
    [
      '段落改写',
      (w) => ({
        e: w.spec.enterprise,
        name: disguiseName(w.spec.name, rng),
        sections: disguise(rng, w, w.spec.enterprise, HEAVY, { drop: 0.1, add: 0.15 }),
      }),
    ],
    [
      '重新命名，章节重排',
      (w) => ({
        e: w.spec.enterprise,
        name: solutionName(rng, w.spec, w.spec.name),
        sections: disguise(rng, w, w.spec.enterprise, MEDIUM, { reorder: true, renameApps: true }),
      }),
    ],
    [
      '企业更名（代码不变），改写',
      (w) => {
        const e = renamed(rng, w.spec.enterprise);
        return {
          e,
          name: disguiseName(w.spec.name, rng),
          sections: disguise(rng, w, e, MEDIUM, { drop: 0.1 }),
        };
      },
    ],
    [
      '子公司申报（同字号），改写',
      (w) => {
        const e = subsidiary(rng, w.spec.enterprise);
        return {
          e,
          name: solutionName(rng, w.spec, w.spec.name),
          sections: disguise(rng, w, e, MEDIUM, { renameApps: true }),
        };
      },
    ],
    [
      '关联企业申报（字号不同），轻度改写',
      (w) => {
        const e = fresh(w.spec.enterprise.industry);
        return {
          e,
          name: solutionName(rng, w.spec, w.spec.name),
          sections: disguise(rng, w, e, LIGHT, { add: 0.1 }),
        };
      },
    ],
    [
      '扩写（原文加新内容）',
      (w) => ({
        e: w.spec.enterprise,
        name: disguiseName(w.spec.name, rng),
        sections: disguise(rng, w, w.spec.enterprise, LIGHT, { add: 0.5 }),
      }),
    ],
    [
      '重新命名，重度改写并重排',
      (w) => ({
        e: w.spec.enterprise,
        name: solutionName(rng, w.spec, w.spec.name),
        sections: disguise(rng, w, w.spec.enterprise, HEAVY, {
          reorder: true,
          renameApps: true,
          drop: 0.1,
          add: 0.1,
        }),
      }),
    ],
    [
      '重新命名，大幅改写：删两成、增三成、重排',
      (w) => ({
        e: w.spec.enterprise,
        name: solutionName(rng, w.spec, w.spec.name),
        sections: disguise(rng, w, w.spec.enterprise, HEAVY, {
          reorder: true,
          renameApps: true,
          drop: 0.2,
          add: 0.3,
        }),
      }),
    ],
  ];
  for (let i = 0; i < 54; i++) {
    const [how, make] = textual[i % textual.length]!;
    const w = write(fresh(), 2020);
    const past = award(w, true);
    const { e, name, sections } = make(w);
    const app = apply(e, name, sections);
    label(app.id, past.id, 'award', true, how);
  }

  // 3. 多头申报: the same solution through two channels, or the same enterprise twice.
  const twice: [
    string,
    (w: Written) => { e: Enterprise; name: string; sections: ComposedSection[]; channel: string },
  ][] = [
    [
      '同一企业经两个推荐单位申报，几乎相同',
      (w) => ({
        e: w.spec.enterprise,
        name: w.spec.name,
        sections: disguise(rng, w, w.spec.enterprise, LIGHT),
        channel: w.spec.enterprise.industry.association,
      }),
    ],
    [
      '同一企业同一渠道重复申报，重新命名并改写',
      (w) => ({
        e: w.spec.enterprise,
        name: solutionName(rng, w.spec, w.spec.name),
        sections: disguise(rng, w, w.spec.enterprise, MEDIUM, { renameApps: true }),
        channel: w.spec.enterprise.region.province,
      }),
    ],
    [
      '母子公司经不同渠道申报，改写',
      (w) => {
        const e = subsidiary(rng, w.spec.enterprise);
        return {
          e,
          name: disguiseName(w.spec.name, rng),
          sections: disguise(rng, w, e, MEDIUM),
          channel: rng.pick(CENTRAL_GROUPS),
        };
      },
    ],
    [
      '合作企业经另一渠道申报同一方案，轻度改写',
      (w) => {
        const e = fresh(w.spec.enterprise.industry);
        return {
          e,
          name: solutionName(rng, w.spec, w.spec.name),
          sections: disguise(rng, w, e, LIGHT, { drop: 0.05 }),
          channel: w.spec.enterprise.industry.association,
        };
      },
    ],
    [
      '同一企业两个渠道，章节重排并扩写',
      (w) => ({
        e: w.spec.enterprise,
        name: disguiseName(w.spec.name, rng),
        sections: disguise(rng, w, w.spec.enterprise, MEDIUM, { reorder: true, add: 0.3 }),
        channel: w.spec.enterprise.industry.association,
      }),
    ],
    [
      '子公司另一渠道，重新命名并大幅改写',
      (w) => {
        const e = subsidiary(rng, w.spec.enterprise);
        return {
          e,
          name: solutionName(rng, w.spec, w.spec.name),
          sections: disguise(rng, w, e, HEAVY, {
            reorder: true,
            renameApps: true,
            drop: 0.2,
            add: 0.3,
          }),
          channel: rng.pick(CENTRAL_GROUPS),
        };
      },
    ],
  ];
  for (let i = 0; i < 60; i++) {
    const [how, make] = twice[i % twice.length]!;
    const w = write(fresh(), 2021);
    const first = apply(w.spec.enterprise, w.spec.name, w.sections);
    const { e, name, sections, channel } = make(w);
    const second = apply(e, name, sections, channel);
    label(second.id, first.id, 'application', true, how);
  }

  // 4. Hard negatives.
  // The same enterprise's other solution against its imported award: shares words, equipment.
  for (let i = 0; i < 30; i++) {
    const w = write(fresh(), pastYear());
    const past = award(w, false);
    const other = write(w.spec.enterprise, 2021, otherFunction(rng, w.spec.fn));
    other.spec.equip = w.spec.equip;
    const name = solutionName(rng, { ...other.spec, equip: w.spec.equip }, undefined);
    const app = apply(w.spec.enterprise, name, other.sections);
    label(app.id, past.id, 'award', false, '同一企业的另一方案（往届名单无正文），同一设备');
  }
  // … and against its award with text: the same company introduction, the same industry.
  for (let i = 0; i < 30; i++) {
    const w = write(fresh(), 2020);
    const past = award(w, true);
    const other = write(w.spec.enterprise, 2021, otherFunction(rng, w.spec.fn));
    const app = apply(w.spec.enterprise, other.spec.name, other.sections);
    label(app.id, past.id, 'award', false, '同一企业的另一方案，企业简介相同');
  }
  // Another enterprise of the same industry with a solution of the same function.
  for (let i = 0; i < 30; i++) {
    const w = write(fresh(), 2020);
    const past = award(w, i % 2 === 0);
    const rival = write(fresh(w.spec.enterprise.industry), 2021, w.spec.fn);
    const sameName = i % 3 === 0;
    const app = apply(
      rival.spec.enterprise,
      sameName ? w.spec.name : rival.spec.name,
      rival.sections,
    );
    label(
      app.id,
      past.id,
      'award',
      false,
      sameName ? '同行业同类方案，名称相同，企业不同' : '同行业同类方案，企业不同',
    );
  }
  // The same enterprise filing two different solutions this year.
  for (let i = 0; i < 20; i++) {
    const e = fresh();
    const a = write(e, 2021);
    const b = write(e, 2021, otherFunction(rng, a.spec.fn));
    const first = apply(e, a.spec.name, a.sections);
    const second = apply(e, b.spec.name, b.sections, e.industry.association);
    label(second.id, first.id, 'application', false, '同一企业本年度两个不同方案');
  }
  // Two enterprises of one industry, same function, different channels.
  for (let i = 0; i < 20; i++) {
    const a = write(fresh(), 2021);
    const b = write(fresh(a.spec.enterprise.industry), 2021, a.spec.fn);
    const first = apply(a.spec.enterprise, a.spec.name, a.sections);
    const second = apply(
      b.spec.enterprise,
      b.spec.name,
      b.sections,
      b.spec.enterprise.industry.association,
    );
    label(second.id, first.id, 'application', false, '同行业同类方案，不同企业、不同渠道');
  }
  // Sister companies of one group with their own solutions.
  for (let i = 0; i < 15; i++) {
    const parent = fresh();
    const sister = subsidiary(rng, parent);
    const a = write(parent, 2021);
    const b = write(sister, 2021, otherFunction(rng, a.spec.fn));
    const first = apply(parent, a.spec.name, a.sections);
    const second = apply(sister, b.spec.name, b.sections, rng.pick(CENTRAL_GROUPS));
    label(second.id, first.id, 'application', false, '同一集团两家企业的不同方案');
  }
  // Background applications.
  for (let i = 0; i < 150; i++) {
    const w = write(fresh(), 2021);
    apply(
      w.spec.enterprise,
      w.spec.name,
      w.sections,
      rng.chance(0.8) ? w.spec.enterprise.region.province : w.spec.enterprise.industry.association,
    );
  }
  return set;
}

interface DisguiseOptions {
  reorder?: boolean;
  renameApps?: boolean;
  /** Share of sentences left out. */
  drop?: number;
  /** New sentences, as a share of the old. */
  add?: number;
}

/** The sections of `w` as resubmitted by `e`: reworded, perhaps reordered, cut or extended. */
function disguise(
  rng: Rng,
  w: Written,
  e: Enterprise,
  how: Rewording,
  opts: DisguiseOptions = {},
): ComposedSection[] {
  const spec = { ...w.spec, enterprise: e };
  const appNames = opts.renameApps ? renamedApps(rng, w.spec) : null;
  const sections = w.sections.map((s, i) => {
    if (i === 0) return { title: s.title, sentences: e.intro.match(/[^。]+。/g) ?? [] };
    let sentences = s.sentences
      .filter(() => !rng.chance(opts.drop ?? 0))
      .map((t) => rewordSentence(t.replaceAll(w.spec.enterprise.short, e.short), how, rng));
    const extra = COMMON.need.concat(Object.values(w.spec.fn.sentences).flat());
    for (let k = 0; k < Math.round(sentences.length * (opts.add ?? 0)); k++)
      sentences.splice(rng.int(0, sentences.length), 0, fill(rng.pick(extra), spec, rng));
    if (appNames)
      sentences = sentences.map((t) =>
        appNames.reduce((x, [from, to]) => x.replaceAll(from, to), t),
      );
    if (opts.reorder) sentences = rng.shuffle(sentences);
    return { title: s.title.replace(/^[一二三四五六七]、/, ''), sentences };
  });
  if (!opts.reorder) return sections;
  const [intro, ...rest] = sections;
  return [intro!, ...rng.shuffle(rest)];
}

function renamedApps(rng: Rng, spec: SolutionSpec): [string, string][] {
  return spec.apps.map((a) => [
    a,
    a.replace(/APP$/, '').slice(0, 2) + rng.pick(['智管', '云测', '慧眼', '精益', '智联']) + 'APP',
  ]);
}

/** The same enterprise under a new name (a 更名): the code stays. */
function renamed(rng: Rng, e: Enterprise): Enterprise {
  const brand = newBrand(rng);
  const name = `${brand}${rng.pick(e.industry.trades)}${rng.pick(['集团股份有限公司', '科技股份有限公司', '智能科技有限公司'])}`;
  return { ...e, name, brand, short: `${brand}公司` };
}

/** A subsidiary carrying the parent's 字号, in another city, with its own code and introduction. */
function subsidiary(rng: Rng, parent: Enterprise): Enterprise {
  const region = parent.region;
  const child = newEnterprise(rng, parent.industry, { brand: parent.brand, region });
  const city = rng.pick(region.cities);
  const name = rng.pick([
    `${parent.brand}${rng.pick(['智能', '数字', '信息'])}科技（${city}）有限公司`,
    `${city}${parent.brand}${rng.pick(['工业互联网', '智能装备', '数字科技'])}有限公司`,
    `${parent.brand}${rng.pick(parent.industry.trades)}${city}分公司`,
  ]);
  return { ...child, name, uscc: usccFor(rng, region.code) };
}

/** 北京某某科技有限公司 written as 某某科技（北京）有限公司, or the other way round. */
function reorderRegion(e: Enterprise): string {
  const m = /^(.+?)（(.+)）(有限公司|股份有限公司)$/.exec(e.name);
  if (m) return `${m[2]}${m[1]}${m[3]}`;
  if (e.name.startsWith(e.city)) {
    const rest = e.name.slice(e.city.length).replace(/^市/, '');
    const suffix = /(股份有限公司|有限公司)$/.exec(rest)?.[0] ?? '有限公司';
    return `${rest.slice(0, -suffix.length)}（${e.city}）${suffix}`;
  }
  return e.name.replace(/(股份有限公司|有限公司)$/, '有限责任公司');
}

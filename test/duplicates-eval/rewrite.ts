// How people disguise a resubmission: other words for the same thing, clauses turned around,
// sentences dropped and added, figures touched up, sections moved, a new name. The same
// rewording at a low rate also gives every generated document its author's own style, so two
// documents from the same templates do not read alike.
import type { Rng } from './random';

// Either word may stand for the other.
const SYNONYMS: [string, string][] = [
  ['实现', '达成'],
  ['提升', '提高'],
  ['降低', '减少'],
  ['通过', '借助'],
  ['进行', '开展'],
  ['依托', '基于'],
  ['实时', '即时'],
  ['采集', '获取'],
  ['分析', '研判'],
  ['监测', '监控'],
  ['企业', '公司'],
  ['依靠', '依赖'],
  ['难以', '很难'],
  ['明显', '显著'],
  ['缩短', '压缩'],
  ['建立', '构建'],
  ['支持', '支撑'],
  ['提供', '给出'],
  ['工程师', '技术人员'],
  ['推广', '推行'],
  ['优化', '改进'],
  ['识别', '辨识'],
  ['利用', '运用'],
  ['采用', '使用'],
  ['能够', '可以'],
  ['快速', '迅速'],
  ['持续', '不断'],
  ['全面', '全方位'],
  ['大量', '海量'],
  ['准确', '精准'],
  ['管理', '管控'],
  ['传统', '以往'],
  ['目前', '当前'],
  ['效率', '效能'],
  ['成本', '费用'],
  ['整体', '总体'],
  ['关键', '核心'],
  ['用户', '客户'],
  ['发现', '察觉'],
  ['提前', '预先'],
  ['结合', '融合'],
  ['汇总', '汇聚'],
  ['展示', '呈现'],
  ['处理', '处置'],
  ['保证', '确保'],
  ['累计', '总计'],
  ['问题', '难题'],
  ['自动', '自动化地'],
  ['生成', '产生'],
  ['形成', '构成'],
  ['逐步', '渐次'],
  ['人员', '员工'],
  ['显著', '大幅'],
  ['主要', '大多'],
  ['需要', '需'],
  ['及时', '适时'],
  ['不足', '不到'],
  ['经验', '经验知识'],
  ['全程', '全过程'],
  ['方式', '模式'],
];

const PATTERN = new RegExp(
  SYNONYMS.flat()
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
const OTHER = new Map(SYNONYMS.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));

/** Replaces each synonym occurrence with probability `rate`. */
export function swapWords(text: string, rate: number, rng: Rng): string {
  return text.replace(PATTERN, (w) => (rng.chance(rate) ? OTHER.get(w)! : w));
}

const OPENERS = ['此外，', '同时，', '在此基础上，', '具体而言，', '值得一提的是，', '另一方面，'];

/** Reorders the clauses of a sentence that has three or more; the first stays first. */
function turnClauses(sentence: string, rng: Rng): string {
  const end = /[。；]$/.test(sentence) ? sentence.slice(-1) : '';
  const body = end ? sentence.slice(0, -1) : sentence;
  const clauses = body.split('，');
  if (clauses.length < 3) return sentence;
  const [first, ...rest] = clauses;
  return [first, ...rng.shuffle(rest)].join('，') + end;
}

/** Touches up the figures a little: 35% → 36%, 12天 → 11天. */
function touchFigures(sentence: string, rng: Rng): string {
  return sentence.replace(/\d+(\.\d+)?/g, (n) => {
    if (!rng.chance(0.5)) return n;
    const x = Number(n);
    const y =
      x < 10 ? x + rng.pick([-1, 1]) : Math.round(x * (1 + rng.pick([-0.08, -0.05, 0.05, 0.08])));
    return String(Math.max(1, y));
  });
}

export interface Rewording {
  /** Share of synonym occurrences swapped. */
  words: number;
  /** Share of sentences whose clauses are reordered. */
  clauses: number;
  /** Share of sentences given an opener. */
  openers: number;
  /** Share of sentences whose figures are touched up. */
  figures: number;
}

export function rewordSentence(sentence: string, how: Rewording, rng: Rng): string {
  let s = swapWords(sentence, how.words, rng);
  if (rng.chance(how.clauses)) s = turnClauses(s, rng);
  if (rng.chance(how.figures)) s = touchFigures(s, rng);
  if (rng.chance(how.openers)) s = rng.pick(OPENERS) + s;
  return s;
}

export const LIGHT: Rewording = { words: 0.15, clauses: 0.05, openers: 0.05, figures: 0.05 };
export const MEDIUM: Rewording = { words: 0.4, clauses: 0.3, openers: 0.15, figures: 0.2 };
export const HEAVY: Rewording = { words: 0.65, clauses: 0.5, openers: 0.3, figures: 0.4 };

const SWAPPABLE = [
  ['故障诊断', '健康管理'],
  ['状态监测', '故障预警'],
  ['在线监测', '优化'],
  ['工艺知识库', '参数推荐'],
  ['监测', '核算'],
  ['三维可视化', '仿真'],
  ['风险监测', '预警'],
];

// Surface changes to a solution name that leave it recognisable to a reader.
const NAME_CHANGES: ((name: string, rng: Rng) => string)[] = [
  (n) => (n.startsWith('基于') ? n.replace(/^基于.+?的/, '') : `基于工业互联网平台的${n}`),
  (n, rng) => {
    const base = n.replace(/(工业APP组|工业APP|APP|解决方案|系统|平台|应用)$/, '');
    return base + rng.pick(['APP', '解决方案', '工业APP', '系统', '平台', '应用', '工业APP组']);
  },
  (n) => `${n}V2.0`,
  (n, rng) =>
    n.replace(
      /(预测性维护|质量检测|能耗|排产|追溯|协同|监测|管理|优化|调度)/,
      (w) => rng.pick(['智能', '云化', '一体化']) + w,
    ),
  (n) => SWAPPABLE.reduce((x, [a, b]) => x.replace(`${a}与${b}`, `${b}与${a}`), n),
  (n) => n.replace(/APP/g, 'ＡＰＰ').replace(/V2\.0/g, 'Ｖ２.０'),
  (n) => n.replace('监测', '监控').replace('管理', '管控').replace('优化', '调优'),
  (n, rng) => `${rng.pick(['面向', '服务'])}${rng.pick(['中小企业', '离散制造', '全行业'])}的${n}`,
];

/** Two or three surface changes. */
export function disguiseName(name: string, rng: Rng): string {
  let out = name;
  for (const change of rng.sample(NAME_CHANGES, rng.int(2, 3))) out = change(out, rng);
  return out === name ? `${name}V3.0` : out;
}

// Invented enterprises and the 申报书 texts they write, from the vocabularies in industries.ts
// and functions.ts. Shared by the evaluation set and the benchmark corpus.
import { usccCheckCharacter } from '../../domain/uscc';
import { COMMON, FUNCTIONS, PLATFORMS, type Section, type SolutionFunction } from './functions';
import { INDUSTRIES, type Industry } from './industries';
import type { Rng } from './random';
import { rewordSentence, type Rewording } from './rewrite';

export const REGIONS: { province: string; code: string; cities: string[] }[] = [
  { province: '北京市', code: '110108', cities: ['北京'] },
  { province: '上海市', code: '310115', cities: ['上海'] },
  { province: '天津市', code: '120116', cities: ['天津'] },
  { province: '重庆市', code: '500112', cities: ['重庆'] },
  { province: '江苏省', code: '320500', cities: ['苏州', '无锡', '常州', '南京', '徐州'] },
  { province: '浙江省', code: '330100', cities: ['杭州', '绍兴', '湖州', '温州'] },
  { province: '广东省', code: '440100', cities: ['广州', '佛山', '东莞', '珠海'] },
  { province: '山东省', code: '370100', cities: ['济南', '烟台', '潍坊', '淄博'] },
  { province: '湖南省', code: '430100', cities: ['长沙', '株洲', '湘潭'] },
  { province: '湖北省', code: '420100', cities: ['武汉', '襄阳', '十堰', '宜昌'] },
  { province: '四川省', code: '510100', cities: ['成都', '绵阳', '德阳'] },
  { province: '河南省', code: '410100', cities: ['郑州', '洛阳', '新乡'] },
  { province: '辽宁省', code: '210100', cities: ['沈阳', '鞍山', '营口'] },
  { province: '安徽省', code: '340100', cities: ['合肥', '芜湖', '马鞍山'] },
  { province: '福建省', code: '350100', cities: ['福州', '泉州', '漳州'] },
  { province: '陕西省', code: '610100', cities: ['西安', '宝鸡', '咸阳'] },
  { province: '河北省', code: '130100', cities: ['石家庄', '唐山', '邯郸'] },
  { province: '宁波市', code: '330200', cities: ['宁波'] },
  { province: '青岛市', code: '370200', cities: ['青岛'] },
  { province: '深圳市', code: '440300', cities: ['深圳'] },
  { province: '大连市', code: '210200', cities: ['大连'] },
  { province: '厦门市', code: '350200', cities: ['厦门'] },
];

const BRAND_CHARS =
  '华恒瑞通达博远信德鑫泰鼎盛宇海天联宏安正思睿捷锐川力维凯腾隆晨航嘉益铭诚昊祥润启东方亿弘欣源峰驰拓';
const HONOURS = [
  '国家级专精特新“小巨人”企业',
  '国家技术创新示范企业',
  '国家级智能制造试点示范企业',
  '省级工业互联网标杆工厂',
  '国家知识产权示范企业',
  '省级企业技术中心',
];

export interface Enterprise {
  name: string;
  /** How its own texts call it. */
  short: string;
  uscc: string;
  brand: string;
  region: (typeof REGIONS)[number];
  city: string;
  industry: Industry;
  /** The company introduction every one of its 申报书 opens with. */
  intro: string;
}

export function usccFor(rng: Rng, regionCode: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = `91${regionCode}`;
  while (body.length < 17) body += rng.pick([...alphabet]);
  return body + usccCheckCharacter(body);
}

export function newBrand(rng: Rng): string {
  return rng.pick([...BRAND_CHARS]) + rng.pick([...BRAND_CHARS]);
}

/** An enterprise; `name` overrides the composed one (for groups and their subsidiaries). */
export function newEnterprise(
  rng: Rng,
  industry: Industry,
  opts: { brand?: string; name?: string; region?: Enterprise['region'] } = {},
): Enterprise {
  const brand = opts.brand ?? newBrand(rng);
  const region = opts.region ?? rng.pick(REGIONS);
  const city = rng.pick(region.cities);
  const trade = rng.pick(industry.trades);
  const name =
    opts.name ??
    rng.pick([
      `${city}${brand}${trade}有限公司`,
      `${city}${brand}${trade}股份有限公司`,
      `${brand}${trade}股份有限公司`,
      `${brand}${trade}（${city}）有限公司`,
      `${city}市${brand}${trade}科技有限公司`,
    ]);
  const short = `${brand}${name.includes('科技') ? '科技' : '公司'}`;
  return {
    name,
    short,
    uscc: usccFor(rng, region.code),
    brand,
    region,
    city,
    industry,
    intro: introOf(rng, short, trade),
  };
}

function introOf(rng: Rng, short: string, trade: string): string {
  return [
    `${short}成立于${rng.int(1958, 2012)}年，是一家专注于${trade}领域的国家高新技术企业，现有员工${rng.int(300, 9000)}人，其中研发人员${rng.int(40, 900)}人。`,
    `公司先后获得${rng.sample(HONOURS, 2).join('、')}等称号，建有${rng.pick(['省级工程技术研究中心', '博士后科研工作站', '国家认定企业技术中心'])}。`,
    `${rng.int(2015, 2019)}年起公司全面推进数字化转型，${rng.pick(['累计投入信息化资金', '已建成数字化车间', '形成了完整的信息化体系，投入资金'])}${rng.int(2, 30)}${rng.pick(['千万元', '个', '亿元'])}。`,
  ].join('');
}

/** What one solution is about: every slot value its text is filled with. */
export interface SolutionSpec {
  enterprise: Enterprise;
  fn: SolutionFunction;
  equip: string;
  process: string;
  product: string;
  data: [string, string];
  metric: string;
  pain: string;
  tech: string;
  platform: string;
  site: string;
  apps: [string, string, string];
  year: number;
  name: string;
}

export function newSpec(
  rng: Rng,
  enterprise: Enterprise,
  year: number,
  fn: SolutionFunction = rng.pick(FUNCTIONS),
): SolutionSpec {
  const ind = enterprise.industry;
  const spec = {
    enterprise,
    fn,
    equip: rng.pick(ind.equipment),
    process: rng.pick(ind.processes),
    product: rng.pick(ind.products),
    data: rng.sample(ind.data, 2) as [string, string],
    metric: rng.pick(ind.metrics),
    pain: rng.pick(ind.pains),
    tech: rng.pick(fn.techs),
    platform: rng.pick(PLATFORMS).replace(/工业互联网平台|工业云|云平台/, ''),
    site: `${enterprise.city}${rng.pick(['生产基地', '工厂', '园区', '分厂', '制造中心'])}`,
    apps: ['', '', ''] as [string, string, string],
    year,
    name: '',
  };
  spec.apps = rng.sample(fn.apps, 3).map((a) => fill(a, spec, rng)) as [string, string, string];
  spec.name = solutionName(rng, spec);
  return spec;
}

export function solutionName(rng: Rng, spec: SolutionSpec, avoid?: string): string {
  const patterns = spec.fn.names.filter((p) => fill(p, spec, rng) !== avoid);
  const base = fill(rng.pick(patterns.length ? patterns : spec.fn.names), spec, rng);
  return rng.chance(0.25)
    ? `基于${spec.platform}平台的${base}APP`
    : base + rng.pick(['APP', '工业APP', '解决方案', 'APP组']);
}

/** Fills a template; each number slot gets a fresh number. */
export function fill(template: string, spec: SolutionSpec, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'equip':
        return spec.equip;
      case 'process':
        return spec.process;
      case 'product':
        return spec.product;
      case 'data':
        return spec.data[0];
      case 'data2':
        return spec.data[1];
      case 'metric':
      case 'metric2':
        return spec.metric;
      case 'pain':
        return spec.pain;
      case 'industry':
        return spec.enterprise.industry.name;
      case 'app1':
        return spec.apps[0];
      case 'app2':
        return spec.apps[1];
      case 'app3':
        return spec.apps[2];
      case 'tech':
        return spec.tech;
      case 'platform':
        return spec.platform;
      case 'site':
        return spec.site;
      case 'ent':
        return spec.enterprise.short;
      case 'year':
        return String(spec.year - rng.int(1, 3));
      case 'n':
        return String(rng.int(2, 60));
      case 'k':
        return String(rng.int(8, 300));
      case 'p':
        return String(rng.int(12, 60));
      case 'p2':
        return String(rng.int(3, 25));
      case 'p3':
        return String(rng.int(85, 99));
      case 'days':
        return String(rng.int(3, 20));
      case 'wan':
        return String(rng.int(50, 3000));
      default:
        throw new Error(`unknown slot {${slot}}`);
    }
  });
}

export interface ComposedSection {
  title: string;
  sentences: string[];
}

const TITLES: Record<Section | 'value' | 'intro', [string, string]> = {
  intro: ['一、企业基本情况', '一、申报单位简介'],
  need: ['二、需求与痛点', '二、行业痛点与企业需求'],
  solution: ['三、解决方案', '三、方案架构与主要功能'],
  practice: ['四、实践内容', '四、部署实施情况'],
  theory: ['五、理论剖析', '五、关键技术与原理'],
  result: ['六、应用成效', '六、实施效果'],
  value: ['七、推广价值', '七、复制推广前景'],
};

const SECTION_ORDER = ['need', 'solution', 'practice', 'theory', 'result'] as const;

/** The sentences of a new 申报书, reworded in its author's `style`. */
export function composeSections(spec: SolutionSpec, rng: Rng, style: Rewording): ComposedSection[] {
  const alt = rng.int(0, 1);
  const out: ComposedSection[] = [
    { title: TITLES.intro[alt]!, sentences: splitIntro(spec.enterprise.intro) },
  ];
  for (const section of SECTION_ORDER) {
    const own = spec.fn.sentences[section];
    const pool = [...own, ...COMMON[section]];
    const chosen = [
      ...rng.sample(own, rng.int(2, 3)).map((t) => recombine(t, pool, rng)),
      ...rng.sample(COMMON[section], rng.int(0, 1)),
      ...Array.from({ length: rng.int(1, 3) }, () => detail(rng)),
    ];
    out.push({
      title: TITLES[section][alt]!,
      sentences: rng.shuffle(chosen).map((t) => rewordSentence(fill(t, spec, rng), style, rng)),
    });
  }
  out.push({
    title: TITLES.value[alt]!,
    sentences: rng
      .sample(COMMON.value, rng.int(1, 2))
      .map((t) => rewordSentence(fill(t, spec, rng), style, rng)),
  });
  return out;
}

// A template with one of its later clauses taken from another template of the section, so
// that documents on the same subject do not share whole sentences.
function recombine(template: string, pool: string[], rng: Rng): string {
  const clauses = template.replace(/。$/, '').split('，');
  if (clauses.length < 2 || !rng.chance(0.5)) return template;
  const donor = rng.pick(pool).replace(/。$/, '').split('，');
  if (donor.length < 2) return template;
  clauses[rng.int(1, clauses.length - 1)] = rng.pick(donor.slice(1));
  return `${clauses.join('，')}。`;
}

// Sentences about the document's own particulars, from many small choices.
const DETAIL_PARTS: string[][] = [
  ['', '其中，', '据统计，', '实践表明，', '项目期间，', '在试点阶段，', '从数据看，'],
  ['{site}', '{site}{line}', '{line}', '{ent}{line}', '{process}工段'],
  ['的{equip}', '的{process}环节', '的{product}产线', '的{data}采集点', '的{data}和{data2}'],
  [
    '共有{k}台（套）',
    '每天产生约{k}万条记录',
    '覆盖{n}个班组',
    '涉及{n}类{product}',
    '此前每月停机{n}次',
    '年产{product}{k}万件',
  ],
  ['，', '，但', '，而且', '，此前'],
  [
    '{data}波动范围达{p2}%',
    '人工记录的差错率约{p2}%',
    '平均处理时长为{days}天',
    '月度统计需要{n}人',
    '仅有{p2}%实现了联网',
    '{metric}长期徘徊在{p}%左右',
    '与行业先进水平相差{p2}个百分点',
  ],
  ['。'],
];
const LINES = ['一', '二', '三', '四', '五', '六', '1#', '2#', '3#'];

function detail(rng: Rng): string {
  return DETAIL_PARTS.map((part) => rng.pick(part))
    .join('')
    .replace('{line}', `${rng.pick(LINES)}号${rng.pick(['车间', '产线', '机组', '工段', '分厂'])}`);
}

function splitIntro(intro: string): string[] {
  return intro.match(/[^。]+。/g) ?? [intro];
}

export function textOf(sections: ComposedSection[]): string {
  return sections.map((s) => `${s.title}\n${s.sentences.join('')}`).join('\n');
}

export function pickIndustry(rng: Rng, name?: string): Industry {
  return name ? INDUSTRIES.find((i) => i.name === name)! : rng.pick(INDUSTRIES);
}

export function otherFunction(rng: Rng, not: SolutionFunction): SolutionFunction {
  return rng.pick(FUNCTIONS.filter((f) => f !== not));
}

// Names as people write them differently: full/half width, case, punctuation, decorations.

/** NFKC folds full-width letters, digits and punctuation to ASCII; then lower case. */
export function foldWidth(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/** Letters (Han included) and digits only. */
export function stripPunctuation(s: string): string {
  return s.replace(NOT_LETTER_OR_DIGIT, '');
}

// 基于工业互联网平台的… / 基于5G+边缘计算的… / 面向中小企业的…: the decoration, not the solution.
const BASED_ON = /基于.{1,16}?的/g;
const AIMED_AT = /^(面向|服务|服务于|适用于).{1,12}?的/;
const VERSION = /(v|版本)?\d+(\.\d+)*(版|版本)?$/;
const NAME_SUFFIXES = [
  '工业互联网',
  '优秀解决方案',
  '解决方案',
  '工业app组',
  '工业app',
  'app组',
  'app',
  '应用软件',
  '应用系统',
  '应用',
  '云平台',
  '平台',
  '系统',
  '软件',
  '工具集',
  '工具',
  '套件',
  '方案',
];

// Words every other name is decorated with, and the words people swap for one another.
const DECORATIONS = /智能化?|智慧|云化|一体化|数字化/g;
const CANONICAL: [RegExp, string][] = [
  [/监控/g, '监测'],
  [/管控/g, '管理'],
  [/调优/g, '优化'],
  [/预报/g, '预警'],
];

/** A solution name reduced to what identifies the solution. Never reduced to less than 2 characters. */
export function normalizeSolutionName(name: string): string {
  let s = stripPunctuation(foldWidth(name));
  const original = s;
  s = s.replace(BASED_ON, '').replace(AIMED_AT, '').replace(DECORATIONS, '');
  for (const [word, canonical] of CANONICAL) s = s.replace(word, canonical);
  for (let changed = true; changed;) {
    changed = false;
    const v = s.replace(VERSION, '');
    if (v !== s && v.length >= 2) {
      s = v;
      changed = true;
    }
    for (const suffix of NAME_SUFFIXES) {
      if (s.endsWith(suffix) && s.length - suffix.length >= 2) {
        s = s.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return s.length >= 2 ? s : original;
}

const PROVINCES =
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 ' +
  '四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门';
// Prefecture-level cities (and a few county-level ones) that open enterprise names.
const CITIES =
  '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 ' +
  '临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 ' +
  '盘锦 铁岭 朝阳 葫芦岛 长春 吉林 四平 辽源 通化 白山 松原 白城 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 ' +
  '佳木斯 七台河 牡丹江 黑河 绥化 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山 ' +
  '江阴 张家港 常熟 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌 合肥 芜湖 蚌埠 淮南 马鞍山 ' +
  '淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 ' +
  '景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 ' +
  '临沂 德州 聊城 滨州 菏泽 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 ' +
  '驻马店 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 ' +
  '益阳 郴州 永州 怀化 娄底 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 ' +
  '东莞 中山 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 海口 三亚 成都 自贡 攀枝花 泸州 ' +
  '德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 六盘水 遵义 安顺 昆明 曲靖 玉溪 ' +
  '保山 昭通 丽江 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 兰州 嘉峪关 金昌 白银 天水 酒泉 西宁 银川 ' +
  '石嘴山 吴忠 乌鲁木齐 克拉玛依 石河子 拉萨 浦东 滨海 苏州工业园区';
const REGIONS = `${PROVINCES} ${CITIES}`.split(' ').sort((a, b) => b.length - a.length);
const REGION_PREFIX = new RegExp(
  `^(${REGIONS.join('|')})(省|市|自治区|维吾尔自治区|壮族自治区|回族自治区|特别行政区|新区)?`,
);
const REGION_SUFFIX = new RegExp(`(${REGIONS.join('|')})(省|市)?$`);
const ENTERPRISE_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '分公司',
  '总公司',
  '公司',
  '集团',
  '控股',
  '股份',
];

export interface EnterpriseName {
  /** Where the name says it is registered (北京 in 北京某某 or 某某（北京）), '' when it does not say. */
  region: string;
  /** 字号 and 行业, without region, organisational form or punctuation. */
  core: string;
  /** Equal keys name the same enterprise: 北京某某科技有限公司 and 某某科技（北京）有限公司 alike. */
  key: string;
}

const PARENTHESISED = /[(（]([^()（）]{0,10})[)）]/g;
const NOT_A_REGION = /集团|中国|控股|有限|股份|公司/;

export function normalizeEnterpriseName(name: string): EnterpriseName {
  let inParens = '';
  let s = foldWidth(name).replace(PARENTHESISED, (_, inner: string) => {
    const word = stripPunctuation(inner);
    if (!inParens && /^\p{Script=Han}{2,4}$/u.test(word) && !NOT_A_REGION.test(word))
      inParens = word;
    return ''; // （北京）, （集团）, （中国）: never part of the 字号
  });
  s = stripPunctuation(s);
  // 中国某某股份有限公司北京分公司: the branch's region stands before 分公司.
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of ENTERPRISE_SUFFIXES) {
      if (s.endsWith(suffix) && s.length > suffix.length) {
        s = s.slice(0, -suffix.length);
        changed = true;
      }
    }
    const tail = REGION_SUFFIX.exec(s);
    if (tail && s.length - tail[0].length >= 2) {
      s = s.slice(0, -tail[0].length);
      changed = true;
    }
  }
  // The region moves to the front, as a name written the other way round has it; 市 and 省 go.
  const key = (inParens.replace(/[省市]$/, '') + s).replace(REGION_PREFIX, '$1');
  // 北京某某科技 → 某某科技; 青岛啤酒 stays whole (the region is its 字号).
  const m = REGION_PREFIX.exec(s);
  const region = inParens || (m ? m[1]! : '');
  const core = m && s.length - m[0].length >= 4 ? s.slice(m[0].length) : s;
  return { region, core, key };
}

// Leading words that are no 字号 of their own.
const NATIONAL = /^(中国|中华|国家)/;
// Industry and business words: two enterprises starting with these are not thereby related.
const GENERIC_BRANDS = new Set(
  (
    '石油 石化 电力 电子 电气 汽车 钢铁 机械 化工 智能 数字 数据 科技 信息 工业 网络 能源 航空 航天 ' +
    '船舶 重工 建设 工程 技术 软件 互联 智慧 智造 材料 新材 国际 东方 华北 华东 华南 华中 西南 西北 ' +
    '东北 纺织 医药 食品 轨道 铁路 交通 通信 工业 制造 装备 设备 控制 自动 物联 云计 环境 环保'
  ).split(' '),
);

/** The 字号 an enterprise shares with its subsidiaries (中车, 海尔, 三一), or '' when it has none. */
export function enterpriseBrand(n: EnterpriseName): string {
  const core = n.core.replace(NATIONAL, '');
  const brand = core.slice(0, 2);
  if (brand.length < 2 || GENERIC_BRANDS.has(brand) || REGION_PREFIX.test(core)) return '';
  return brand;
}

/** Upper case, ASCII, no spaces; '' for none. */
export function normalizeUscc(code: string | null | undefined): string {
  return code ? foldWidth(code).replace(/\s+/g, '').toUpperCase() : '';
}

import { describe, expect, it } from 'vitest';
import {
  appsText,
  categoryText,
  changeText,
  dayText,
  enumerate,
  industryText,
  overviewText,
  provinceText,
  recommenderText,
  reportText,
  timelineText,
  winnersText,
  yuanText,
} from './statistics-report';
import {
  emptyReportFacts,
  sampleOverview,
  sampleReportFacts,
  sampleTimeline,
  sampleWinners,
} from '../test/fixtures/statistics-report';

const f = sampleReportFacts();

describe('the report text of a campaign with filings (hand-counted figures)', () => {
  it('opens with totals, provinces, the largest category and 较上届', () => {
    expect(overviewText(f.overview, f.category)).toEqual([
      // 40 from 6 provinces; 行业通用类 16/40; 40 over 32 is +25%
      '2021年工业互联网APP优秀解决方案征集遴选共收到来自6个省（区、市）的40份申报，其中行业通用类占40.0%，较上届（2020年，32份）增长25.0%。',
      '经推荐单位审核，获推荐24份，占申报的60.0%；报送工业和信息化部20份。',
      '历届申报数量依次为2019年25份、2020年32份、2021年40份，2021年较2019年增长60.0%。',
    ]);
  });

  it('states every category with its share, largest first', () => {
    expect(categoryText(f.category)).toEqual([
      '从申报类别看，行业通用类16份，占40.0%；企业专用类12份，占30.0%；新技术类8份，占20.0%；中小企业4份，占10.0%。',
    ]);
  });

  it('names the top five provinces, the rest, and the applications without a region', () => {
    expect(provinceText(f.province, f.overview)).toEqual([
      // 12+10+7+6+3 = 38 of 40
      '从地区分布看，申报数量居前5位的是北京市（12份）、广东省（10份）、上海市（7份）、江苏省（6份）和浙江省（3份），合计占全部申报的95.0%。',
      '其余1个省（区、市）共1份。',
      '1份申报未填写所在地区。',
    ]);
  });

  it('names the top three industries and says the shares add up to over 100%', () => {
    expect(industryText(f.industrySection)).toEqual([
      '从服务行业看，申报方案覆盖4个国民经济行业门类，其中制造业30份（占75.0%），信息传输、软件和信息技术服务业14份（占35.0%），电力、热力、燃气及水生产和供应业6份（占15.0%），居前3位。',
      '一个方案可服务多个行业，各行业占比之和超过100%。',
    ]);
  });

  it('states the recommender groups (none for an empty group) and the quota use', () => {
    expect(recommenderText(f.recommenderGroup, f.unit)).toEqual([
      '从推荐渠道看，经省级工业和信息化主管部门申报30份（占75.0%），经中央企业（集团）申报6份（占15.0%），经全国性工业行业协会（联合会）申报3份（占7.5%），经新疆生产建设兵团工业和信息化主管部门申报1份（占2.5%）。',
      // quotas 8+8+8+3+5+5+8 = 45; used 8+6+4+1+3+2+0 = 24; 北京 used all of its 8
      '共有6个推荐单位收到申报，推荐名额合计45个，已使用24个（53.3%），其中1个推荐单位用满名额。',
    ]);
  });

  it('states the last three days before the deadline (and the previous campaign’s) and the peak day', () => {
    expect(timelineText(sampleTimeline(), 2021)).toEqual([
      // 10月18–20日: 4+5+9 = 18 of 40; 2020: 10+6+4 = 20 of 32
      '网上申报于10月20日截止。截止前3天内提交18份，占全部申报的45.0%（上届为62.5%）。',
      '单日提交最多的是10月20日（截止当日），当日提交9份。',
    ]);
  });

  it('states the APPs per solution and the deployment modes', () => {
    expect(appsText(f.appCount, f.deployment)).toEqual([
      '从APP数量看，包含1个APP的方案26份（占65.0%），包含2个APP的方案9份（占22.5%），包含3–5个APP的方案5份（占12.5%）。',
      '从部署方式看，部署方式为私有云的方案最多，占55.0%；其次为公有云（37.5%）、边缘侧（22.5%）和混合云（15.0%）。',
      '一个方案的APP可有多种部署方式，各方式占比之和超过100%。',
    ]);
  });

  it('states the past winners’ 附件4 figures', () => {
    expect(winnersText(sampleWinners())).toEqual([
      '本届应报送附件4（工业互联网APP统计信息表）的往届获奖方案22个，已报送20个（报送率90.9%）。',
      '已报送方案2020年营业收入合计4.56亿元，较上年增长20.0%。',
      '新增客户318家，应用覆盖3个行业，累计版本更新47次。',
      '已报送的方案中95.0%仍在运营。',
    ]);
  });

  it('puts the parts together', () => {
    const t = reportText(f);
    expect(t.empty).toBe(false);
    expect(t.overview[0]).toContain('其中行业通用类占40.0%');
    for (const part of [
      t.categories,
      t.provinces,
      t.industries,
      t.recommenders,
      t.timeline,
      t.apps,
      t.winners,
    ])
      expect(part.length).toBeGreaterThan(0);
    const all = Object.values(t).flat().join('');
    expect(all).not.toMatch(/undefined|NaN|null|Infinity|—/);
  });
});

describe('missing figures give no sentence', () => {
  it('no filings: one clear sentence and nothing else', () => {
    const t = reportText(emptyReportFacts());
    expect(t.empty).toBe(true);
    expect(t.overview).toEqual(['截至目前，本届尚未收到申报。']);
    expect([
      t.categories,
      t.provinces,
      t.industries,
      t.recommenders,
      t.timeline,
      t.apps,
      t.winners,
    ]).toEqual([[], [], [], [], [], [], []]);
  });

  it('no filings yet, but a previous campaign: its total for context', () => {
    const o = sampleOverview();
    o.campaign = { ...o.campaign, submitted: 0, recommended: 0, forwarded: 0, provinces: 0 };
    expect(overviewText(o, f.category)).toEqual([
      '截至目前，本届尚未收到申报。上届（2020年）共收到32份申报。',
    ]);
  });

  it('no previous campaign: no 较上届 clause, and no history with a single year', () => {
    const o = { ...sampleOverview(), previous: null, years: [sampleOverview().campaign] };
    expect(overviewText(o, f.category)[0]).toBe(
      '2021年工业互联网APP优秀解决方案征集遴选共收到来自6个省（区、市）的40份申报，其中行业通用类占40.0%。',
    );
    expect(overviewText(o).join('')).not.toMatch(/上届|历届/);
  });

  it('a previous campaign without filings: no 较上届 either (no growth from 0)', () => {
    const o = sampleOverview();
    o.previous = { ...o.previous!, submitted: 0 };
    expect(overviewText(o)[0]).toBe(
      '2021年工业互联网APP优秀解决方案征集遴选共收到来自6个省（区、市）的40份申报。',
    );
  });

  it('fewer filings than before: 下降; the same: 持平; awards: 入选发布', () => {
    const o = sampleOverview();
    o.previous = { ...o.previous!, submitted: 50 };
    o.campaign = { ...o.campaign, awarded: 8 };
    const text = overviewText(o);
    expect(text[0]).toContain('较上届（2020年，50份）下降20.0%。');
    expect(text[1]).toBe(
      '经推荐单位审核，获推荐24份，占申报的60.0%；报送工业和信息化部20份；最终入选发布8份。',
    );
    o.previous = { ...o.previous!, submitted: 40 };
    expect(overviewText(o)[0]).toContain('较上届（2020年，40份）持平。');
  });

  it('nothing recommended yet, no region filled in at all', () => {
    const o = sampleOverview();
    o.campaign = { ...o.campaign, recommended: 0, forwarded: 0, provinces: 0 };
    const text = overviewText(o);
    expect(text[0]).toMatch(/^2021年工业互联网APP优秀解决方案征集遴选共收到40份申报/);
    expect(text[1]).toBe('推荐单位尚未推荐申报。');
  });

  it('no more provinces than the top five: all of them named', () => {
    const few = {
      ...f.province,
      rows: f.province.rows.slice(0, 3),
      total: { ...f.province.total, submitted: 29 },
    };
    expect(provinceText(few, f.overview)).toEqual([
      '从地区分布看，申报来自北京市（12份）、广东省（10份）和上海市（7份）。',
    ]);
  });

  it('the history only up to this campaign and only beyond 较上届; a label ending in APP', () => {
    const o = sampleOverview();
    o.years = [o.years[1]!, o.years[2]!, { ...o.years[2]!, year: 2022, submitted: 9 }];
    expect(overviewText(o)).toHaveLength(2);
    const cat = { ...f.category, rows: [{ ...f.category.rows[0]!, label: '基础共性工业APP' }] };
    expect(categoryText({ ...cat, total: { ...cat.total, submitted: 16 } })).toEqual([
      '从申报类别看，基础共性工业APP 16份，占100.0%。',
    ]);
  });

  it('a single province', () => {
    const one = {
      ...f.province,
      rows: [{ ...f.province.rows[0]!, submitted: 40 }],
    };
    expect(provinceText(one, f.overview)).toEqual(['全部申报来自北京市。']);
  });

  it('no previous timeline, and no submission in the last days', () => {
    const t = sampleTimeline();
    t.previous = null;
    t.points = t.points.slice(0, 4).map((p, i, a) => ({
      ...p,
      cumulative: a.slice(0, i + 1).reduce((s, q) => s + q.submitted, 0),
    }));
    expect(timelineText(t, 2021)).toEqual([
      '网上申报于10月20日截止。截止前3天内没有新的提交。',
      '单日提交最多的是10月15日（截止前5天），当日提交6份。',
    ]);
  });

  it('winners expected but none reported yet; a revenue without growth', () => {
    const w = { ...sampleWinners(), submitted: 0 };
    expect(winnersText(w)).toEqual([
      '本届应报送附件4（工业互联网APP统计信息表）的往届获奖方案22个，尚未收到报送。',
    ]);
    const w2 = {
      ...sampleWinners(),
      revenueByYear: [{ year: 2020, total: 8520.5, reports: 3, growth: null }],
      newCustomers: 0,
      industriesReached: [],
      versionUpdates: { total: 0, perReport: null },
      inOperationShare: null,
    };
    expect(winnersText(w2).slice(1)).toEqual(['已报送方案2020年营业收入合计8520.5万元。']);
  });
});

describe('wording helpers', () => {
  it('change, enumeration, money, days', () => {
    expect(changeText(40, 32)).toBe('增长25.0%');
    expect(changeText(30, 40)).toBe('下降25.0%');
    expect(changeText(40, 40)).toBe('持平');
    expect(changeText(40, 0)).toBeNull();
    expect(changeText(40, null)).toBeNull();
    expect(enumerate(['甲'])).toBe('甲');
    expect(enumerate(['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(yuanText(8520.5)).toBe('8520.5万元');
    expect(yuanText(300)).toBe('300万元');
    expect(yuanText(123_456)).toBe('12.35亿元');
    expect(yuanText(20_000)).toBe('2亿元');
    expect(dayText('2021-10-20', 2021)).toBe('10月20日');
    expect(dayText('2020-10-20', 2021)).toBe('2020年10月20日');
  });
});

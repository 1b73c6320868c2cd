// A few past awards (2019, 2020) for the demo, so the demo enterprise and the demo recommenders
// see 附件4 to file and collect. Invented names; codes with a correct check character.
import { usccCheckCharacter } from '../../../domain/uscc';
import type { Deps } from '../../lib/deps';
import { insertMissingAwards } from '../../modules/awards';
import { findRecommenderUnitByName } from '../../modules/recommender-units';
import { readMeta, writeMeta } from './repository';

const code = (first17: string) => first17 + usccCheckCharacter(first17);

const demoAwards = (enterpriseUscc: string) => [
  {
    year: 2020,
    solutionName: '基于工业互联网平台的数控机床预测性维护APP',
    enterpriseName: '北京示例智造科技有限公司',
    uscc: enterpriseUscc,
    category: '行业通用工业APP',
    recommender: '北京市',
  },
  {
    year: 2019,
    solutionName: '注塑车间能耗在线监测与优化APP',
    enterpriseName: '北京演示能效科技有限公司',
    uscc: code('91110105MA01Y7K3N'),
    category: '企业专用工业APP',
    recommender: '北京市',
  },
  {
    year: 2020,
    solutionName: '航天复杂产品协同设计工业APP组',
    enterpriseName: '演示航天信息技术有限公司',
    uscc: code('91110000MA01R2H8P'),
    category: '安全可靠工业APP',
    recommender: '中国航天科工集团有限公司',
  },
  {
    year: 2019,
    solutionName: '汽车零部件质量追溯APP',
    enterpriseName: '上海演示汽车电子有限公司',
    uscc: code('91310115MA1H4L6T2'),
    category: '行业通用工业APP',
    recommender: '上海市',
  },
];

/** Once per database; an award already there (same year, code and solution) is left alone. */
export async function seedDemoAwards(deps: Deps, enterpriseUscc: string) {
  if (await readMeta(deps.db, 'demo_awards')) return;
  const rows: Parameters<typeof insertMissingAwards>[1] = [];
  for (const a of demoAwards(enterpriseUscc)) {
    const unit = await findRecommenderUnitByName(deps.db, a.recommender);
    rows.push({
      year: a.year,
      solutionName: a.solutionName,
      enterpriseName: a.enterpriseName,
      uscc: a.uscc,
      category: a.category,
      recommenderName: a.recommender,
      recommenderUnitId: unit?.id ?? null,
      source: 'imported' as const,
      createdAt: deps.clock.now(),
    });
  }
  await deps.db.transaction(async (tx) => {
    await insertMissingAwards(tx, rows);
    await writeMeta(tx, 'demo_awards', { createdAt: deps.clock.now().toISOString() });
  });
}

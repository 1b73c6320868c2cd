import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { endOfDayShanghai } from '../../../domain/campaign';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { copyCampaign, findCampaign } from '../../modules/campaigns';
import { registerEnterprise } from '../../modules/enterprises';
import { recordVerifiedLicence } from '../../modules/verification';
import { findRecommenderUnitByName } from '../../modules/recommender-units';
import { createStaffUser } from '../../modules/users';
import { findUserForSignIn } from '../../modules/auth';
import { seedDemoAwards } from './demo-awards';
import { readMeta, writeMeta } from './repository';

export const DEMO_PASSWORD = 'Demo2021zx';
export const DEMO_ENTERPRISE_USCC = '91110108MA01XK2Q8K';

export interface DemoAccount {
  login: string;
  role: string;
  who: string;
}

const SEEDER: Actor = { userId: null, role: 'system', label: 'seed', ip: null };

function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A copy of the 2021 call for the current year, open now, so a newcomer can walk the whole flow. */
export async function seedDemoCampaign(deps: Deps) {
  const now = deps.clock.now();
  const year = Number(shanghaiDate(now).slice(0, 4));
  const code = `demo-miit-iiapp-${year}`;
  if (await findCampaign(deps.db, code)) return;
  await copyCampaign(
    deps,
    MIIT_2021.code,
    {
      code,
      year,
      title: `【演示】${year}年工业互联网APP优秀解决方案征集遴选`,
      docNumber: `演示活动（复制自${MIIT_2021.docNumber}）`,
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      onlineDeadline: endOfDayShanghai(shanghaiDate(new Date(now.getTime() + 60 * 86_400_000))),
      paperDeadline: endOfDayShanghai(shanghaiDate(new Date(now.getTime() + 60 * 86_400_000))),
      isDemo: true,
    },
    SEEDER,
  );
}

/** One account per role. Returns them when created now, nothing when they existed already. */
export async function seedDemoAccounts(deps: Deps): Promise<DemoAccount[]> {
  await seedDemoAwards(deps, DEMO_ENTERPRISE_USCC); // also into a database seeded before awards existed
  if (await readMeta(deps.db, 'demo_accounts')) return [];
  const beijing = await findRecommenderUnitByName(deps.db, '北京市');
  const casic = await findRecommenderUnitByName(deps.db, '中国航天科工集团有限公司');
  const staff = [
    {
      login: 'organizer',
      role: 'organizer' as const,
      name: '演示主管部门',
      who: '主管部门（工业和信息化部信息技术发展司）',
    },
    {
      login: 'beijing',
      role: 'recommender' as const,
      name: '北京市推荐员',
      unit: beijing?.id,
      who: '推荐单位：北京市',
    },
    {
      login: 'casic',
      role: 'recommender' as const,
      name: '航天科工推荐员',
      unit: casic?.id,
      who: '推荐单位：中国航天科工集团有限公司（中央企业）',
    },
    { login: 'expert', role: 'expert' as const, name: '演示专家', who: '评审专家' },
  ];
  const created: DemoAccount[] = [];
  for (const s of staff) {
    if (await findUserForSignIn(deps.db, s.login)) continue; // a half-finished earlier seed
    await createStaffUser(
      deps,
      {
        role: s.role,
        login: s.login,
        name: s.name,
        email: `${s.login}@demo.zhengxuan.invalid`,
        recommenderUnitId: s.unit,
        password: DEMO_PASSWORD,
      },
      SEEDER,
      { mustChangePassword: false },
    );
  }
  created.push(...staff.map((s) => ({ login: s.login, role: s.role, who: s.who })));
  if (!(await findUserForSignIn(deps.db, DEMO_ENTERPRISE_USCC))) {
    const { enterprise } = await registerEnterprise(
      deps,
      {
        name: '北京示例智造科技有限公司',
        uscc: DEMO_ENTERPRISE_USCC,
        provinceCode: '110000',
        cityCode: '110100',
        contactName: '张示例',
        phone: '13800000000',
        email: 'enterprise@demo.zhengxuan.invalid',
        password: DEMO_PASSWORD,
      },
      SEEDER,
    );
    // 企业认证 done, so the demo's journeys (submit, recommend, 附件4) go straight through
    await recordVerifiedLicence(
      deps,
      enterprise.id,
      { filename: '营业执照（演示）.pdf', bytes: demoLicencePdf(DEMO_ENTERPRISE_USCC) },
      SEEDER,
    );
  }
  created.push({
    login: DEMO_ENTERPRISE_USCC,
    role: 'enterprise',
    who: '申报企业：北京示例智造科技有限公司',
  });
  await writeMeta(deps.db, 'demo_accounts', { createdAt: deps.clock.now().toISOString() });
  return created;
}

/** A one-page PDF standing in for the demo enterprise's 营业执照. */
export function demoLicencePdf(uscc: string): Buffer {
  const text = `BT /F1 18 Tf 72 720 Td (Demo business licence - ${uscc}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

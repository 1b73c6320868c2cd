// Sample print inputs: a full 2021 application (≈5000 字, 5 APPs, co-applicants, attachments)
// and a nearly empty one. Used by the tests and by the benchmark (`npm run bench`).
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { MIIT_2021_FORM } from '../../../domain/forms/miit-2021-form';
import { totalWords } from '../../../domain/form';
import { verificationCodeOf } from './verification-code';
import type { PrintInput } from './types';

const SENTENCES = [
  '企业在多品种、小批量的生产模式下，设备联网率低，工艺参数依赖老师傅经验，质量波动大。',
  '本方案依托工业互联网平台的设备接入、数据治理和模型服务，将工艺知识封装为可复用的工业APP。',
  '各APP小轻灵、可组合、可重用，按需订阅，既可单独部署，也可组合成完整的质量闭环。',
  '通过OPC UA与Modbus协议采集数控机床、注塑机和检测设备的运行数据，采样周期为1秒。',
  '基于机理模型与数据驱动模型融合的方法，对关键质量特性进行在线预测，准确率达到96.5%。',
  '在3家企业、12条产线完成部署，设备综合效率（OEE）提升8.2个百分点，不良率下降37%。',
  '理论上，工艺参数与质量特性之间存在可辨识的映射关系，可用贝叶斯优化在少量试验中逼近最优。',
  '方案形成了“采集—建模—优化—反馈”的闭环，知识在APP中沉淀，不随人员流动而流失。',
  '对同类离散制造企业而言，该方案部署周期短、投入小，具有较强的借鉴意义和推广价值。',
  '项目团队与高校联合攻关，取得发明专利2项、软件著作权5项，核心算法完全自主可控。',
];

/** Deterministic Chinese prose of about `words` 字, in paragraphs. */
export function sampleText(words: number, seed = 0): string {
  const out: string[] = [];
  let n = 0;
  let i = seed;
  let paragraph: string[] = [];
  while (n < words) {
    const s = SENTENCES[i % SENTENCES.length]!;
    paragraph.push(s);
    n += s.length; // close enough: the sentences are nearly all CJK
    i += 3;
    if (paragraph.length === 4) {
      out.push(paragraph.join(''));
      paragraph = [];
    }
  }
  if (paragraph.length) out.push(paragraph.join(''));
  return out.join('\n');
}

const CATEGORIES = MIIT_2021.settings.categories.map((c) => ({ code: c.code, name: c.name }));

const ATTACHMENTS: PrintInput['attachments'] = [
  {
    id: '7d1b3c1e-0000-4000-8000-000000000001',
    filename: '软件著作权登记证书-质量预测APP.pdf',
    kind: 'pdf',
    size: 482_133,
    sha256: 'a3f1c2d4e5b6978812345678909abcdef0123456789abcdef0123456789abcd',
  },
  {
    id: '7d1b3c1e-0000-4000-8000-000000000002',
    filename: '系统架构图.png',
    kind: 'image',
    size: 1_204_551,
    sha256: '0f9e8d7c6b5a49382716059483726150f9e8d7c6b5a4938271605948372615',
  },
  {
    id: '7d1b3c1e-0000-4000-8000-000000000003',
    filename: '应用成效数据表.xlsx',
    kind: 'office',
    size: 23_877,
    sha256: '5555aaaabbbbccccddddeeeeffff00001111222233334444555566667777888',
  },
];

export function fullSampleData(): Record<string, unknown> {
  const apps = [
    ['设备数据采集APP', 'V2.3.1', '2020SR1234567', '多协议设备接入与数据采集', '边缘侧', 1260],
    ['工艺参数优化APP', 'V1.8.0', '2021SR0234568', '基于贝叶斯优化的工艺参数推荐', '私有云', 342],
    ['质量在线预测APP', 'V3.0.2', '2021SR0345679', '关键质量特性在线预测与预警', '公有云', 518],
    ['设备健康管理APP', 'V2.1.0', '2020SR0456780', '振动分析与剩余寿命预测', '混合云', 877],
    ['生产排程APP', 'V1.2.5', '2021SR0567891', '多约束有限产能排程', '公有云', 129],
  ] as const;
  return {
    solution: {
      name: '面向离散制造的工艺质量闭环优化工业APP解决方案',
      category: 'industry_general',
      focusAreas: ['机械制造', '汽车'],
      industries: ['34', '36'],
      businessStages: ['生产制造', '运维服务'],
      platform: '精工云工业互联网平台',
      platformProvider: '精工云科技股份有限公司',
      paasServices: '设备接入服务、工业数据管理服务、工业模型库、微服务组件库、低代码开发工具。',
      summary:
        '方案由5个工业APP组成，围绕离散制造的工艺质量问题，形成“采集—建模—优化—反馈”的闭环。\n已在3家企业、12条产线应用。',
    },
    applicant: {
      name: '精工云科技股份有限公司',
      uscc: '91330100MA2H0B1X1T',
      region: '330106',
      address: '浙江省杭州市西湖区文三路100号',
      ownership: '民营企业',
      size: '中型',
      revenue: 38650.5,
      rdStaff: 186,
      contactName: '王晓明',
      contactTitle: '产品总监',
      phone: '13800138000',
      email: 'wangxm@example.com',
      coApplicants: [
        { name: '浙江某某机械有限公司', uscc: '91330100MA27XXXX0F', role: '应用场景与现场验证' },
        { name: '某某大学机械工程学院', uscc: '123300004700000005', role: '工艺机理模型研究' },
      ],
    },
    apps: {
      items: apps.map(([name, version, copyrightNo, fn, deployment, users]) => ({
        name,
        version,
        copyrightNo,
        function: fn,
        deployment,
        users,
      })),
    },
    text: {
      needs: sampleText(860, 0),
      approach: sampleText(860, 1),
      practice: sampleText(860, 2),
      theory: sampleText(860, 3),
      results: sampleText(860, 4),
      value: sampleText(840, 5),
    },
    ip: {
      ownership: '完全自主知识产权',
      ipDescription: '发明专利2项（ZL202010000001.1、ZL202010000002.2），软件著作权5项。',
      deploymentStatus: '已部署应用',
      deploymentEvidence: '2020年3月起在3家企业12条产线部署，累计用户3126个。',
      certificates: [ATTACHMENTS[0]!.id],
    },
    figures: { figures: [ATTACHMENTS[1]!.id], tables: [ATTACHMENTS[2]!.id], other: [] },
    declaration: { truthful: true, signer: '李建国' },
  };
}

function inputFor(data: Record<string, unknown>, withNames: boolean): PrintInput {
  const code = verificationCodeOf(data);
  return {
    campaign: {
      title: MIIT_2021.title,
      docNumber: MIIT_2021.docNumber,
      year: MIIT_2021.year,
      wordLimit: MIIT_2021.settings.wordLimit,
      categories: CATEGORIES,
    },
    form: MIIT_2021_FORM,
    data,
    version: {
      applicationId: '1f0e2d3c-4b5a-4968-8776-655443322110',
      versionNo: withNames ? 2 : 1,
      submittedAt: new Date('2021-10-12T06:03:05Z'),
      verificationCode: code,
    },
    enterprise: withNames
      ? { name: '精工云科技股份有限公司', uscc: '91330100MA2H0B1X1T' }
      : { name: '', uscc: '' },
    channel: { name: withNames ? '浙江省经济和信息化厅' : '' },
    attachments: withNames ? ATTACHMENTS : [],
    industryNames: withNames ? { '34': '通用设备制造业', '36': '汽车制造业' } : {},
    regionNames: withNames ? { '330106': '浙江省杭州市西湖区' } : {},
    verifyUrl: `https://zhengxuan.example.cn/verify?code=${code}`,
    wordCount: totalWords(MIIT_2021_FORM, data),
  };
}

/** A complete application: ≈5000 字 over the six text fields, 5 APPs, 2 co-applicants, 3 attachments. */
export function fullSamplePrintInput(): PrintInput {
  return inputFor(fullSampleData(), true);
}

/** A nearly empty (draft-like) application: only a name. */
export function emptySamplePrintInput(): PrintInput {
  return inputFor({ solution: { name: '未完成的方案' } }, false);
}

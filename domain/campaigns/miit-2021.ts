// 工信厅信发函〔2021〕224号: 2021年工业互联网APP优秀解决方案征集遴选. Texts are the notice's own.
import {
  DEFAULT_POST_AWARD_DIMENSIONS,
  endOfDayShanghai,
  type CampaignDeclaration,
  type SummaryTableSettings,
} from '../campaign';

/** 附件3 as the notice's template names it, with the columns DESIGN §2 lists. */
export const MIIT_2021_SUMMARY_TABLE: SummaryTableSettings = {
  title: '2021年工业互联网APP应用解决方案报送信息汇总表',
  columns: [
    { fact: 'rank', header: '序号（推荐排序）', width: 10 },
    { fact: 'solutionName', header: '解决方案名称', width: 28 },
    { fact: 'category', header: '类别', width: 16 },
    { fact: 'applicantName', header: '申报单位', width: 24 },
    { fact: 'uscc', header: '统一社会信用代码', width: 21 },
    { fact: 'region', header: '所在地区', width: 14 },
    { fact: 'industries', header: '所属行业', width: 20 },
    { fact: 'appCount', header: 'APP数量', width: 8 },
    { fact: 'platform', header: '依托平台', width: 20 },
    { fact: 'contactName', header: '联系人', width: 10 },
    { fact: 'phone', header: '联系电话', width: 15 },
  ],
};

export const MIIT_2021: CampaignDeclaration = {
  code: 'miit-iiapp-2021',
  year: 2021,
  title: '2021年工业互联网APP优秀解决方案征集遴选',
  docNumber: '工信厅信发函〔2021〕224号',
  issuer: '工业和信息化部办公厅',
  publishedOn: '2021-09-17',
  opensAt: '2021-09-17T00:00:00.000+08:00',
  onlineDeadline: endOfDayShanghai('2021-10-20'),
  paperDeadline: endOfDayShanghai('2021-10-20'),
  settings: {
    formId: 'miit-iiapp-2021',
    categories: [
      {
        code: 'secure_reliable',
        name: '安全可靠工业APP',
        noticeText:
          '面向国内制造业重点项目推进、重大工程实施和重要装备研制需求，聚焦产业链供应链安全稳定，在5G、新能源汽车、高端医疗装备、生物医药、新材料等产业环节和关键领域体现“强链”作用，征集具有高支撑价值的安全可靠工业APP。',
        focusAreas: ['5G', '新能源汽车', '高端医疗装备', '生物医药', '新材料', '其他关键领域'],
      },
      {
        code: 'basic_common',
        name: '基础共性工业APP',
        noticeText:
          '面向关键基础材料、核心基础零部件、先进基础工艺、产业技术基础、工业基础软件等“工业五基”领域，征集可有效解决“卡脖子”问题的普适性强、复用率高的基础共性工业APP。',
        focusAreas: [
          '关键基础材料',
          '核心基础零部件',
          '先进基础工艺',
          '产业技术基础',
          '工业基础软件',
        ],
      },
      {
        code: 'industry_general',
        name: '行业通用工业APP',
        noticeText:
          '面向汽车、航空航天、石油化工、机械制造、轻工家电、信息电子等行业，在产品的研发设计、生产制造、运维服务和经营管理等环节，征集行业通用性强、推广价值高、带动作用强的行业通用工业APP。',
        focusAreas: [
          '汽车',
          '航空航天',
          '石油化工',
          '机械制造',
          '轻工家电',
          '信息电子',
          '其他行业',
        ],
      },
      {
        code: 'enterprise_specific',
        name: '企业专用工业APP',
        noticeText:
          '面向制造企业实际需求，征集5G、人工智能、大数据、区块链等新一代信息技术与制造业深度融合，依托工业互联网平台PaaS服务，可赋能企业智能化制造、网络化协同、个性化定制、服务化延伸、数字化管理等高应用价值的企业专用工业APP。',
        focusAreas: ['智能化制造', '网络化协同', '个性化定制', '服务化延伸', '数字化管理'],
      },
    ],
    wordLimit: 5000,
    quotas: { region: 10, central_enterprise: 5, association: 5 },
    awardValidityYears: 2,
    businessStages: ['研发设计', '生产制造', '运维服务', '经营管理'],
    // The notice names no scoring rubric; these dimensions follow its 申报要求 (二)(三)(四).
    rubric: [
      {
        code: 'scenario',
        name: '应用场景与平台支撑',
        weight: 20,
        guidance: '结合实际应用场景，依托工业互联网平台解决工业实际需求；小轻灵、可组合、可重用',
      },
      {
        code: 'industry_value',
        name: '行业特点与引领作用',
        weight: 25,
        guidance: '突出行业特点，对行业和企业提质增效、转型升级发挥明显支撑引领作用',
      },
      {
        code: 'technology',
        name: '自主知识产权与技术先进性',
        weight: 20,
        guidance: '拥有自主知识产权，技术先进',
      },
      {
        code: 'deployment',
        name: '产业化与部署应用',
        weight: 20,
        guidance: '实现产业化或已部署应用，具有代表性和标志性',
      },
      {
        code: 'promotion',
        name: '借鉴意义与推广价值',
        weight: 15,
        guidance: '对其他企业或行业具有借鉴意义和推广价值',
      },
    ],
    postAwardDimensions: DEFAULT_POST_AWARD_DIMENSIONS,
    followUpAwardYears: [2019, 2020],
    summaryTable: MIIT_2021_SUMMARY_TABLE,
    contact:
      '工业和信息化部信息技术发展司；联系电话：010-68208206；电子邮箱：office@caitis.cn；收件地址：北京市海淀区万寿路27号院1号楼211室，100846',
  },
};

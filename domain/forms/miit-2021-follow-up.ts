// 附件4 工业互联网APP统计信息表, 2021: what a past winner reports about its solution since the award
// (notice 四(三)2: 应用推广、市场收入、版本更新等情况). The official .wps template is not public: this
// is built from what the notice asks for. Correct it here; the server's checks, the web form, the
// read-only view and the unit's summary table all read it.
import type { FormDeclaration } from '../form';

/** The context list the revenue rows are keyed by: the years from the award's to the campaign's. */
export const REVENUE_YEARS = 'revenueYears';

export const MIIT_2021_FOLLOW_UP: FormDeclaration = {
  id: 'miit-iiapp-2021-follow-up',
  version: 1,
  title: '工业互联网APP统计信息表',
  // what the 监测分析 counts (domain/follow-up-facts.ts)
  followUpFacts: {
    newCustomers: 'promotion.newCustomers',
    industriesReached: 'promotion.industriesReached',
    revenue: { path: 'revenue', year: 'year', amount: 'amount' },
    versions: 'versions',
    status: { path: 'status.state', stopped: ['discontinued'] },
  },
  sections: [
    {
      key: 'promotion',
      title: '一、应用推广情况',
      titleEn: 'Promotion',
      fields: [
        {
          key: 'newCustomers',
          type: 'number',
          label: '新增客户数',
          labelEn: 'New customers',
          required: true,
          integer: true,
          min: 0,
          max: 10_000_000,
          unit: '家',
          unitEn: 'customers',
          help: '获奖以来新增的应用客户（企业）数量',
        },
        {
          key: 'industriesReached',
          type: 'industries',
          label: '推广覆盖行业',
          labelEn: 'Industries reached',
          required: true,
          max: 50,
          help: '按《国民经济行业分类》（GB/T 4754-2017）选择，可输入名称或代码搜索',
        },
        {
          key: 'description',
          type: 'longtext',
          label: '推广情况说明',
          labelEn: 'How it was promoted',
          required: true,
          maxLength: 1000,
          countsTowardWordLimit: false,
          placeholder: '推广模式、典型客户、推广区域与成效等',
        },
      ],
    },
    {
      key: 'revenue',
      title: '二、市场收入情况',
      titleEn: 'Market revenue',
      description: '请逐年填写获奖当年至本次征集上一年该解决方案带来的市场收入（万元），每年一行。',
      rows: {
        label: '市场收入',
        labelEn: 'Revenue',
        itemLabel: '年度收入',
        itemLabelEn: 'Yearly revenue',
        itemUnit: '个年度',
        minItems: 0,
        maxItems: 30,
        keyedBy: { field: 'year', list: REVENUE_YEARS },
      },
      fields: [
        {
          key: 'year',
          type: 'number',
          label: '年度',
          labelEn: 'Year',
          required: true,
          integer: true,
          unit: '年',
          unitEn: '',
        },
        {
          key: 'amount',
          type: 'number',
          label: '市场收入',
          labelEn: 'Revenue',
          required: true,
          min: 0,
          max: 100_000_000,
          unit: '万元',
          unitEn: '10k CNY',
        },
      ],
    },
    {
      key: 'versions',
      title: '三、版本更新情况',
      titleEn: 'Version updates',
      description: '获奖以来的版本更新，每个版本一条：版本号、发布日期、更新内容。至少填写 1 条。',
      rows: {
        label: '版本更新记录',
        labelEn: 'Version updates',
        itemLabel: '版本更新记录',
        itemLabelEn: 'Version update',
        itemUnit: '条',
        minItems: 1,
        maxItems: 50,
      },
      fields: [
        {
          key: 'version',
          type: 'text',
          label: '版本号',
          labelEn: 'Version',
          required: true,
          maxLength: 50,
          placeholder: 'V2.1',
        },
        { key: 'date', type: 'date', label: '发布日期', labelEn: 'Release date', required: true },
        {
          key: 'change',
          type: 'longtext',
          label: '更新内容',
          labelEn: 'Changes',
          required: true,
          maxLength: 500,
          countsTowardWordLimit: false,
        },
      ],
    },
    {
      key: 'status',
      title: '四、当前状态',
      titleEn: 'Current status',
      fields: [
        {
          key: 'state',
          type: 'select',
          label: '当前状态',
          labelEn: 'Current status',
          required: true,
          options: {
            from: 'list',
            values: [
              { value: 'promoting', label: '持续推广', labelEn: 'Being promoted' },
              { value: 'stable', label: '稳定运行', labelEn: 'Running stably' },
              { value: 'maintenance_only', label: '仅维护', labelEn: 'Maintenance only' },
              { value: 'discontinued', label: '已停止', labelEn: 'Discontinued' },
            ],
          },
        },
        {
          key: 'description',
          type: 'longtext',
          label: '状态说明',
          labelEn: 'Status details',
          required: true,
          maxLength: 1000,
          countsTowardWordLimit: false,
          placeholder: '目前的运行、推广、维护情况及下一步计划',
        },
      ],
    },
  ],
};

// 自查评估表 (issue 15): once a list's two years end, each selected enterprise evaluates its solution
// against what its 申报书 promised, with figures and evidence; its recommender reviews and forwards
// it (notice 四(三)4). Built from what the notice asks for; correct it here (or in a campaign's
// configuration): the checks, the web form, the views and the experts' summary all read it.
import type { FormDeclaration } from '../form';

export const MIIT_2021_SELF_EVALUATION: FormDeclaration = {
  id: 'miit-iiapp-2021-self-evaluation',
  version: 1,
  title: '工业互联网APP优秀解决方案自查评估表',
  sections: [
    {
      key: 'achievement',
      title: '一、目标完成情况',
      titleEn: 'Against what was promised',
      fields: [
        {
          key: 'promised',
          type: 'longtext',
          label: '申报书承诺的目标',
          labelEn: 'What the application promised',
          required: true,
          maxLength: 2000,
          countsTowardWordLimit: false,
          placeholder: '申报书中提出的推广、效益、技术等目标',
        },
        {
          key: 'achieved',
          type: 'longtext',
          label: '实际完成情况',
          labelEn: 'What was achieved',
          required: true,
          maxLength: 3000,
          countsTowardWordLimit: false,
          placeholder: '逐项对照说明完成情况，未完成的说明原因',
        },
      ],
    },
    {
      key: 'figures',
      title: '二、关键指标',
      titleEn: 'Key figures',
      description: '逐项填写申报时的指标值与目前的实际值，至少填写 1 项。',
      rows: {
        label: '关键指标',
        labelEn: 'Key figures',
        itemLabel: '关键指标',
        itemLabelEn: 'Key figure',
        itemUnit: '项',
        minItems: 1,
        maxItems: 30,
      },
      fields: [
        {
          key: 'indicator',
          type: 'text',
          label: '指标',
          labelEn: 'Indicator',
          required: true,
          maxLength: 100,
          placeholder: '如：应用企业数',
        },
        {
          key: 'promised',
          type: 'text',
          label: '申报值',
          labelEn: 'Promised',
          required: true,
          maxLength: 100,
        },
        {
          key: 'actual',
          type: 'text',
          label: '实际值',
          labelEn: 'Actual',
          required: true,
          maxLength: 100,
        },
      ],
    },
    {
      key: 'evidence',
      title: '三、佐证材料',
      titleEn: 'Evidence',
      fields: [
        {
          key: 'files',
          type: 'attachments',
          label: '佐证材料',
          labelEn: 'Evidence files',
          maxFiles: 10,
          accept: ['pdf', 'image', 'office'],
          help: '合同、用户证明、检测报告等（PDF、图片或Office文件）',
        },
        {
          key: 'note',
          type: 'longtext',
          label: '材料说明',
          labelEn: 'About the evidence',
          maxLength: 1000,
          countsTowardWordLimit: false,
        },
      ],
    },
    {
      key: 'outlook',
      title: '四、存在问题与下一步计划',
      titleEn: 'Problems and plans',
      fields: [
        {
          key: 'problems',
          type: 'longtext',
          label: '存在问题',
          labelEn: 'Problems',
          required: true,
          maxLength: 2000,
          countsTowardWordLimit: false,
        },
        {
          key: 'plans',
          type: 'longtext',
          label: '下一步计划',
          labelEn: 'Plans',
          required: true,
          maxLength: 2000,
          countsTowardWordLimit: false,
        },
      ],
    },
  ],
};

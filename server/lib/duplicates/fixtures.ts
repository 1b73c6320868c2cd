// Small documents for the unit tests: one 申报书 and its disguised resubmission.
import type { DuplicateDoc } from './types';

export const ORIGINAL_TEXT = [
  '一、需求与痛点',
  '高炉一旦发生非计划停机，单次损失可达800万元，传统的定期检修方式存在过修和欠修并存的问题。',
  '现场设备点检主要依靠人工听、摸、看，炉温和风压等关键状态信息无法连续记录。',
  '二、解决方案',
  '方案在高炉关键部位加装振动、温度和电流传感器，以20毫秒周期采集炉温和风压。',
  '炉况智诊APP基于包络解调算法建立设备健康度模型，对轴承、齿轮等部件的劣化趋势进行量化评估。',
  '维修工单APP将健康度低于阈值的设备自动推送至维修班组，并给出可能的故障部位和处置建议。',
  '三、应用成效',
  '应用后高炉非计划停机时间降低37%，年减少停机损失约1260万元。',
  '设备故障预警准确率达到93%，平均故障诊断时间由7天缩短至4小时。',
].join('\n');

/** Sections moved, sentences reworded, a sentence added. */
export const DISGUISED_TEXT = [
  '一、方案架构',
  '方案在高炉核心部位加装振动、温度和电流传感器，以20毫秒周期获取炉温和风压。',
  '炉况智诊APP依托包络解调算法构建设备健康度模型，对轴承、齿轮等部件的劣化趋势开展量化评估。',
  '维修工单APP将健康度低于阈值的设备自动化地推送至维修班组，并给出可能的故障部位和处置建议。',
  '二、实施效果',
  '应用后高炉非计划停机时间减少37%，年减少停机损失约1260万元。',
  '设备故障预警精准率达到93%，平均故障诊断时间由7天压缩至4小时。',
  '三、行业痛点',
  '高炉一旦发生非计划停机，单次损失可达800万元，以往的定期检修模式存在过修和欠修并存的难题。',
  '现场设备点检大多依赖人工听、摸、看，炉温和风压等核心状态信息无法连续记录。',
  '此外，公司还在烧结机上开展了同样的试点，取得了初步成效。',
].join('\n');

export const UNRELATED_TEXT = [
  '一、需求与痛点',
  '企业同时在制订单超过40个，生产计划依靠Excel手工编制，编排一次需要5天。',
  '紧急插单频繁，计划调整牵一发而动全身，经常造成冷轧工序等料或积压。',
  '二、解决方案',
  '智能排产APP综合考虑设备产能、工艺路线、物料和人员约束，采用约束规划自动生成排产计划。',
  '订单交期评估APP在接单环节模拟插单对现有计划的影响，给出可承诺交期。',
  '三、应用成效',
  '订单准时交付率由71%提升到96%，排产时间由5天缩短到20分钟。',
].join('\n');

export const award = (over: Partial<DuplicateDoc> = {}): DuplicateDoc => ({
  id: 'award-1',
  kind: 'award',
  year: 2020,
  enterprise: '北京恒锐钢铁股份有限公司',
  uscc: '91110108MA01Y7K3NX',
  name: '基于工业互联网平台的高炉预测性维护APP',
  text: ORIGINAL_TEXT,
  ...over,
});

export const application = (over: Partial<DuplicateDoc> = {}): DuplicateDoc => ({
  id: 'app-1',
  kind: 'application',
  enterprise: '恒锐钢铁（北京）有限公司',
  uscc: '91110108MA01Y7K3NX',
  name: '高炉智能运维解决方案',
  text: DISGUISED_TEXT,
  channel: '北京市',
  ...over,
});

// Route-test fixtures for the duplicate check: long texts that the detector compares, and
// applications filed with them.
import { expect } from 'vitest';
import { completeData, PDF, upload } from '../../test/applications';
import type { Client } from '../../test/harness';

export type Texts = Record<
  'needs' | 'approach' | 'practice' | 'theory' | 'results' | 'value',
  string
>;

/** A blast-furnace solution, six sections of realistic length. */
export const FURNACE: Texts = {
  needs:
    '钢铁企业高炉炼铁工序能耗占全流程的七成以上，炉况波动依赖工长经验判断，炉温预测滞后两到四小时，悬料、崩料等异常难以及时发现，燃料比居高不下，设备点检仍以人工巡检为主。',
  approach:
    '方案在边缘侧部署数据采集网关，接入热风炉、上料系统和炉顶十字测温的三千余个测点，基于工业互联网平台构建高炉数字孪生模型，融合机理模型与深度学习算法，实现炉温趋势提前两小时预测和异常炉况预警。',
  practice:
    '项目在某钢铁集团两座两千五百立方米高炉上线运行，开发炉况诊断、布料优化、热风炉燃烧优化三个工业APP，与现有MES和能源管理系统打通，形成从数据采集、模型训练到操作指导的闭环。',
  theory:
    '高炉是典型的多变量强耦合大滞后系统，方案将传热传质机理方程作为约束嵌入神经网络训练，解决了纯数据模型外推能力差的问题，同时通过在线增量学习适应原燃料条件的变化。',
  results:
    '上线一年来燃料比降低八公斤每吨铁，铁水硅含量标准差下降百分之二十一，异常炉况预警准确率达到百分之九十二，年创效益约四千六百万元，减少二氧化碳排放约三万吨。',
  value:
    '方案形成了可复制的高炉智能化改造路径，模型组件以微服务形式沉淀在平台上，可推广到转炉、烧结、球团等其他长流程工序，已在三家钢铁企业开展推广应用。',
};

/** The same solution, lightly reworded and with one section rewritten: a filing through another channel. */
export const FURNACE_REWORDED: Texts = {
  ...FURNACE,
  needs:
    '钢铁企业高炉炼铁工序的能耗占到全流程七成以上，炉况波动主要依赖工长经验判断，炉温预测滞后两到四小时，悬料、崩料等异常难以及时发现，燃料比居高不下。',
  value: '该方案的模型组件已沉淀在平台上，正在向两家同行业企业推广，后续计划扩展到烧结工序。',
};

/** A different solution of another industry, no shared passages. */
export const TEXTILE: Texts = {
  needs:
    '纺织印染企业订单呈现小批量多品种趋势，打样周期长，染料配方依赖老师傅经验，一次染色合格率不足八成，回修造成大量水电汽和染化料浪费，排污压力大。',
  approach:
    '方案利用分光测色仪采集色样数据，建立染料配方知识库，通过配色算法自动推荐配方，并将染缸温度、压力、液位等参数接入平台，实时监控染色工艺曲线执行情况。',
  practice:
    '在某印染企业四十台染缸上部署，开发智能配色、工艺监控、能耗统计三个APP，打通ERP订单与车间排产，打样次数由平均四次降至一点五次。',
  theory:
    '配色问题本质上是光谱反射率的非线性拟合，方案采用库贝卡-蒙克理论建立单常数模型，并用历史生产数据持续校正，提高了深色系配方的准确度。',
  results:
    '一次染色合格率提升到百分之九十三，吨布用水下降百分之十八，年节约成本约一千二百万元，交货期缩短五天。',
  value: '方案适用于棉、涤纶及混纺面料的印染企业，已形成标准化实施方法，可在印染产业集群推广。',
};

/** Creates an application with this name and these texts, saved as a complete draft. */
export async function draftWith(
  c: Client,
  campaignId: string,
  f: { uscc: string; name: string; texts?: Texts },
) {
  const created = await c.post('/api/v1/applications', { campaignId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const cert = await upload(c, created.body.id, '软件著作权证书.pdf', PDF);
  expect(cert.status).toBe(201);
  const data = completeData(cert.body.id);
  data.solution.name = f.name;
  data.applicant.uscc = f.uscc;
  if (f.texts) data.text = f.texts;
  const saved = await c.request('PUT', `/api/v1/applications/${created.body.id}/draft`, {
    baseVersion: created.body.draftVersion,
    data,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return { id: created.body.id as string, draftVersion: saved.body.draftVersion as number };
}

export async function submit(c: Client, d: { id: string; draftVersion: number }) {
  const res = await c.post(`/api/v1/applications/${d.id}/submit`, {
    draftVersion: d.draftVersion,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return d.id;
}

export async function fileWith(
  c: Client,
  campaignId: string,
  f: { uscc: string; name: string; texts?: Texts },
) {
  return submit(c, await draftWith(c, campaignId, f));
}

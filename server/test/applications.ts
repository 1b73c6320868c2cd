// Complete applications for route tests: a tiny valid PDF, multipart upload, full form data.
import { expect } from 'vitest';
import { DEMO_ENTERPRISE_USCC, type Client } from './harness';

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

export function upload(c: Client, appId: string, filename: string, bytes: Buffer) {
  const boundary = '----zx' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', `/api/v1/applications/${appId}/attachments`, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

export function completeData(certificateId: string, figureId?: string) {
  return {
    solution: {
      name: '基于5G的轴承质量在线检测APP',
      category: 'basic_common',
      focusAreas: ['核心基础零部件'],
      industries: ['3451'],
      businessStages: ['生产制造'],
      platform: '示例工业互联网平台',
      platformProvider: '示例科技有限公司',
      paasServices: '设备接入、工业模型',
      summary: '轴承表面缺陷在线检测。',
    },
    applicant: {
      name: '北京示例智造科技有限公司',
      uscc: DEMO_ENTERPRISE_USCC,
      region: '110100',
      address: '北京市海淀区示例路1号',
      ownership: '民营企业',
      size: '中型',
      revenue: 12000,
      rdStaff: 80,
      contactName: '张示例',
      phone: '13800000000',
      email: 'a@example.cn',
      coApplicants: [],
    },
    apps: {
      items: [
        {
          name: '缺陷检测APP',
          version: 'V2.1',
          copyrightNo: '2021SR0123456',
          function: '识别表面缺陷',
          deployment: '边缘侧',
          users: 35,
        },
        {
          name: '质量追溯APP',
          version: 'V1.0',
          copyrightNo: '2021SR0654321',
          function: '批次追溯',
          deployment: '私有云',
          users: 12,
        },
      ],
    },
    text: {
      needs: '需求与痛点。',
      approach: '解决方案。',
      practice: '实践内容。',
      theory: '理论剖析。',
      results: '良品率提升12.5%。',
      value: '可推广。',
    },
    ip: {
      ownership: '完全自主知识产权',
      ipDescription: '软件著作权2项',
      deploymentStatus: '已部署应用',
      deploymentEvidence: '已在3家企业部署',
      certificates: [certificateId],
    },
    figures: { figures: figureId ? [figureId] : [] },
    declaration: { truthful: true, signer: '张三' },
  };
}

/** A complete, saved draft with a certificate uploaded. */
export async function readyApplication(c: Client, campaignId: string, uscc = DEMO_ENTERPRISE_USCC) {
  const created = await c.post('/api/v1/applications', { campaignId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const cert = await upload(c, created.body.id, '软件著作权证书.pdf', PDF);
  expect(cert.status, JSON.stringify(cert.body)).toBe(201);
  const data = completeData(cert.body.id);
  data.applicant.uscc = uscc;
  const saved = await c.request('PUT', `/api/v1/applications/${created.body.id}/draft`, {
    baseVersion: created.body.draftVersion,
    data,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return {
    id: created.body.id as string,
    draftVersion: saved.body.draftVersion as number,
    certificateId: cert.body.id as string,
  };
}

/** Creates, fills, attaches and submits an application in the campaign; returns its id. */
export async function submittedApplication(
  c: Client,
  campaignId: string,
  uscc = DEMO_ENTERPRISE_USCC,
) {
  const ready = await readyApplication(c, campaignId, uscc);
  const sub = await c.post(`/api/v1/applications/${ready.id}/submit`, {
    draftVersion: ready.draftVersion,
  });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return ready.id;
}

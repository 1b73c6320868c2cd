// 入选证明: the code follows the content; the PDF holds on one A4 page even with the longest names
// the facts allow (solution 200 字, a list title of 200 and a 文号 of 100). Needs poppler-utils.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateCodeOf, certificateContent, type CertificateInput } from './certificate';
import { renderCertificatePdf } from './certificate-pdf';

const SAMPLE: CertificateInput = {
  publicId: '2021-IIAPP-001',
  solutionName: '面向离散制造的设备健康管理APP解决方案',
  enterpriseName: '北京示例智能科技有限公司',
  uscc: '91110108MA01ABCD2X',
  categoryName: '行业通用工业APP',
  unitName: '北京市',
  listTitle: '2021年工业互联网APP优秀解决方案名单',
  documentNo: '工信厅信发函〔2021〕300号',
  validFrom: '2021-12-20',
  validUntil: '2023-12-19',
  publishedOn: '2021-12-20',
  issuer: '工业和信息化部办公厅',
  certificateCode: 'ABCD-EFGH-JKMN',
  verifyUrl: 'https://zx.example.cn/verify/ABCD-EFGH-JKMN',
};

const LONGEST: CertificateInput = {
  ...SAMPLE,
  solutionName: '基于工业互联网平台的'.repeat(20),
  enterpriseName: '中国某某重型机械装备制造集团股份有限公司智能制造研究院分公司',
  listTitle: '工业互联网APP优秀解决方案名单'.repeat(12).slice(0, 200),
  documentNo: '工信厅信发函〔2021〕300号'.repeat(6).slice(0, 100),
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zx-cert-unit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the certificate', () => {
  it('says the validity as the notice does, and its code follows its content', () => {
    const c = certificateContent(SAMPLE);
    expect(c.validity).toBe('有效期：2021年12月20日至2023年12月19日');
    expect(c.issuedOn).toBe('发布日期：2021年12月20日');
    expect(c.statement).toContain(
      '列入《2021年工业互联网APP优秀解决方案名单》（工信厅信发函〔2021〕300号）',
    );
    const { publishedOn: _p, issuer: _i, certificateCode: _c, verifyUrl: _v, ...facts } = SAMPLE;
    const code = certificateCodeOf(facts);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(certificateCodeOf({ ...facts })).toBe(code);
    expect(certificateCodeOf({ ...facts, validUntil: '2024-12-19' })).not.toBe(code);
    expect(certificateCodeOf(facts, 1)).not.toBe(code);
  });

  const hasPoppler = !spawnSync('pdfinfo', ['-v']).error;
  it.skipIf(!hasPoppler).each([
    ['a usual one', SAMPLE],
    ['the longest names', LONGEST],
  ])('holds on one A4 page: %s', async (name, input) => {
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, await renderCertificatePdf(input));
    if (process.env.CERT_SAMPLE_DIR)
      writeFileSync(
        path.join(process.env.CERT_SAMPLE_DIR, `${name}.pdf`),
        await renderCertificatePdf(input),
      );
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toContain('A4');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    expect(text).toContain('验证码：ABCD-EFGH-JKMN');
    expect(text).toContain(input.solutionName);
    expect(text).toContain('有效期：2021年12月20日至2023年12月19日');
  });
});

// 入选证明: what the certificate of a published solution says, independent of its output (one
// content model, drawn as PDF by certificate-pdf.ts), and the verification code it carries —
// derived from that content, so /verify can tell a true copy from an altered one.
import { chineseDate, validityText } from '../../../domain/publication';
import { verificationCodeOf } from '../printing';

/** What a certificate states: fixed at publication (the published solution and its list). */
export interface CertificateFacts {
  publicId: string;
  solutionName: string;
  enterpriseName: string;
  uscc: string;
  categoryName: string;
  unitName: string;
  listTitle: string;
  documentNo: string;
  validFrom: string;
  validUntil: string;
}

/**
 * The certificate's verification code: the printing module's code of its facts. `salt` (0 unless
 * the code is already taken, which 60 bits make all but impossible) gives another.
 */
export function certificateCodeOf(facts: CertificateFacts, salt = 0): string {
  return verificationCodeOf({ document: '入选证明', ...facts, ...(salt ? { salt } : {}) });
}

export interface CertificateInput extends CertificateFacts {
  /** the day the list was published (YYYY-MM-DD) and who published it (the campaign's issuer) */
  publishedOn: string;
  issuer: string;
  certificateCode: string;
  /** `${publicUrl}/verify/<code>`: in the QR code */
  verifyUrl: string;
}

export interface CertificateContent {
  title: string;
  publicId: string;
  /** the sentence that certifies */
  statement: string;
  /** label → value */
  rows: [string, string][];
  /** 有效期：2021年12月20日至2023年12月19日 */
  validity: string;
  code: string;
  verifyUrl: string;
  verifyNote: string;
  /** issuer line and date at the foot */
  issuedBy: string;
  issuedOn: string;
  filename: string;
}

/** Text as it can go into a PDF: no control characters. */
const clean = (s: string) =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim() || '—';

export function certificateContent(c: CertificateInput): CertificateContent {
  const validity = validityText(c.validFrom, c.validUntil);
  return {
    title: '入选证明',
    publicId: clean(c.publicId),
    statement:
      `兹证明，${clean(c.enterpriseName)}申报的下列解决方案，经推荐单位推荐、专家评审和公示，` +
      `列入《${clean(c.listTitle)}》（${clean(c.documentNo)}）。特此证明。`,
    rows: [
      ['公开编号', clean(c.publicId)],
      ['解决方案名称', clean(c.solutionName)],
      ['申报单位', clean(c.enterpriseName)],
      ['统一社会信用代码', clean(c.uscc)],
      ['申报类别', clean(c.categoryName)],
      ['推荐单位', clean(c.unitName)],
    ],
    validity: `有效期：${validity}`,
    code: c.certificateCode,
    verifyUrl: c.verifyUrl,
    verifyNote:
      '扫描二维码或访问以下网址，核验本证明的真实性及当前状态（有效 / 已撤销 / 已过期）：',
    issuedBy: `名单发布单位：${clean(c.issuer)}`,
    issuedOn: `发布日期：${chineseDate(c.publishedOn)}`,
    filename: `入选证明-${c.publicId}.pdf`,
  };
}

export type { PrintInput } from './types';
export { renderApplicationPdf } from './pdf';
export { renderApplicationDocx } from './docx';
export { verificationCodeOf, normaliseVerificationCode } from './verification-code';

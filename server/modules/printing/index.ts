export type { PrintImage, PrintInput } from './types';
export { renderApplicationPdf } from './pdf';
export { renderApplicationDocx } from './docx';
export { verificationCodeOf, normaliseVerificationCode } from './verification-code';
export { configurePdfMake, PRINT_FONT } from './pdfmake-setup';
export { printImageOf } from './image';
export { qrPng } from './qr';

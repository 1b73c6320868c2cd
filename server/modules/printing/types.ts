import type { FormDeclaration } from '../../../domain/form';

/** A PNG or JPEG attachment to print as a figure, with its size in pixels. */
export interface PrintImage {
  type: 'png' | 'jpg';
  data: Buffer;
  width: number;
  height: number;
}

/** Everything a print of one frozen application version needs. Pure data: no database access. */
export interface PrintInput {
  campaign: {
    title: string;
    docNumber: string;
    year: number;
    wordLimit: number;
    categories: { code: string; name: string }[];
  };
  form: FormDeclaration;
  /** The frozen application data (shape per the declaration; may be partial). */
  data: Record<string, unknown>;
  version: {
    applicationId: string;
    versionNo: number;
    submittedAt: Date;
    verificationCode: string;
  };
  enterprise: { name: string; uscc: string };
  /** The recommending unit the application goes through. */
  channel: { name: string };
  attachments: {
    id: string;
    filename: string;
    kind: 'pdf' | 'image' | 'office';
    size: number;
    sha256: string;
  }[];
  /** attachment id → its bytes, for the PNG/JPEG attachments (printed as figures) */
  images: Record<string, PrintImage>;
  /** GB/T 4754 code → name, for display. */
  industryNames: Record<string, string>;
  /** GB/T 2260 code → name. */
  regionNames: Record<string, string>;
  /** e.g. https://host/verify?code=XXXX-XXXX-XXXX (goes into the QR code). */
  verifyUrl: string;
  wordCount: number;
}

// What the declared fields of one form need from the page around them.
import { createContext, useContext } from 'react';
import type { CampaignSettings } from '../../../domain/campaign';
import type { FormContext } from '../../../domain/form';
import type { Attachment } from '../../lib/applications';

export interface FieldsContext {
  /** The application files are uploaded to (forms without attachment fields have none). */
  appId?: string;
  settings: Pick<CampaignSettings, 'categories' | 'businessStages'>;
  attachments: ReadonlyMap<string, Attachment>;
  onUploaded: (a: Attachment) => void;
  readOnly: boolean;
  /** The campaign's word limit, named under a section whose fields count toward it. */
  wordLimit?: number;
  /** Dotted paths of fields the account fills and nobody edits (the applicant's name and code). */
  lockedPaths?: ReadonlySet<string>;
  /** The lists keyed rows take their keys from (FormContext.rowKeys). */
  rowKeys?: FormContext['rowKeys'];
  /**
   * Where files go for a form that is not an application (a post-award report's evidence): the
   * upload path under /api/v1 and each file's address. Absent: the application's attachments.
   */
  files?: { uploadPath: string; url: (id: string) => string };
}

const Ctx = createContext<FieldsContext | null>(null);
export const FieldsProvider = Ctx.Provider;

export function useFields(): FieldsContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('FormFields outside FieldsProvider');
  return c;
}

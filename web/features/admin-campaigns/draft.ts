// The configuration being edited: what was loaded, what changed, and where each problem lies.
import { campaignFieldsSchema } from '../../../domain/campaign-config';
import { campaignSettingsSchema, type CampaignSettings } from '../../../domain/campaign';
import type { FormDeclaration } from '../../../domain/form';
import {
  declarationIssues,
  formDeclarationSchema,
  FORM_KINDS,
  type FormKind,
} from '../../../domain/form-declaration';
import { ApiError } from '../../lib/api';
import type { CampaignConfig, UpdateCampaignBody } from './api';

export interface CampaignFieldsDraft {
  year: number;
  title: string;
  docNumber: string;
  issuer: string;
  publishedOn?: string;
  opensAt: string;
  onlineDeadline: string;
  paperDeadline: string;
}

export interface Draft {
  fields: CampaignFieldsDraft;
  settings: CampaignSettings;
  forms: {
    application: FormDeclaration;
    followUp?: FormDeclaration;
    monitoring?: FormDeclaration;
    selfEvaluation?: FormDeclaration;
  };
}

export interface Issue {
  path: string;
  message: string;
}

export function draftOf(c: CampaignConfig): Draft {
  const k = c.campaign;
  return {
    fields: {
      year: k.year,
      title: k.title,
      docNumber: k.docNumber,
      issuer: k.issuer,
      ...(/^\d{4}-\d{2}-\d{2}$/.test(k.publishedOn) && { publishedOn: k.publishedOn }),
      opensAt: k.opensAt,
      onlineDeadline: k.onlineDeadline,
      paperDeadline: k.paperDeadline,
    },
    settings: k.settings,
    forms: c.forms as Draft['forms'],
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the parts that differ from what was loaded: an unchanged (possibly locked) form is not sent. */
export function changesOf(base: Draft, draft: Draft): Omit<UpdateCampaignBody, 'baseRevision'> {
  const out: Omit<UpdateCampaignBody, 'baseRevision'> = {};
  if (!same(base.fields, draft.fields)) out.fields = draft.fields;
  if (!same(base.settings, draft.settings)) out.settings = draft.settings;
  const forms: Partial<Record<FormKind, unknown>> = {};
  for (const kind of FORM_KINDS)
    if (draft.forms[kind] && !same(base.forms[kind], draft.forms[kind]))
      forms[kind] = draft.forms[kind];
  if (Object.keys(forms).length) out.forms = forms;
  return out;
}

export const hasChanges = (c: object) => Object.keys(c).length > 0;

/** The same checks the server makes, in the browser, with the same paths and words. */
export function checkChanges(c: Omit<UpdateCampaignBody, 'baseRevision'>): Issue[] {
  const out: Issue[] = [];
  if (c.fields) {
    const r = campaignFieldsSchema.safeParse(c.fields);
    if (!r.success)
      out.push(
        ...r.error.issues.map((i) => ({
          path: ['fields', ...i.path].join('.'),
          message: i.message,
        })),
      );
  }
  if (c.settings) {
    const r = campaignSettingsSchema.safeParse(c.settings);
    if (!r.success)
      out.push(
        ...r.error.issues.map((i) => ({
          path: ['settings', ...i.path].join('.'),
          message: i.message,
        })),
      );
  }
  for (const kind of FORM_KINDS) {
    const form = c.forms?.[kind];
    if (form === undefined) continue;
    const r = formDeclarationSchema(kind).safeParse(form);
    if (!r.success) out.push(...declarationIssues(form, r.error.issues, `forms.${kind}`));
  }
  return out;
}

/** A refusal's problems: INVALID_DECLARATION's details, or a body's field problems. */
export function issuesOfError(e: unknown): Issue[] {
  if (!(e instanceof ApiError)) return [];
  return e.fieldIssues.map((i) => ({ path: i.path, message: i.message }));
}

export type TabKey =
  | 'basics'
  | 'categories'
  | 'summary'
  | 'review'
  | 'application'
  | 'followUp'
  | 'monitoring'
  | 'selfEvaluation';

export function tabOf(path: string): TabKey {
  if (path.startsWith('forms.application')) return 'application';
  if (path.startsWith('forms.followUp')) return 'followUp';
  if (path.startsWith('forms.monitoring')) return 'monitoring';
  if (path.startsWith('forms.selfEvaluation')) return 'selfEvaluation';
  if (/^settings\.(categories|quotas|quotaOverrides)/.test(path)) return 'categories';
  if (/^settings\.(formalChecklist|rubric|review|postAwardDimensions)(\.|$)/.test(path))
    return 'review';
  if (path.startsWith('settings.')) return 'summary';
  return 'basics';
}

/** The problems at `prefix` or inside it. */
export function issuesUnder(issues: readonly Issue[], prefix: string): Issue[] {
  return issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
}

/**
 * My edits over a newer configuration: each part I changed stays mine, every other part becomes
 * theirs — so saving again changes only what I edited.
 */
export function rebased(oldBase: Draft, mine: Draft, latest: Draft): Draft {
  const pick = <T>(b: T, m: T, l: T): T => (same(b, m) ? l : m);
  return {
    fields: pick(oldBase.fields, mine.fields, latest.fields),
    settings: pick(oldBase.settings, mine.settings, latest.settings),
    forms: {
      application: pick(
        oldBase.forms.application,
        mine.forms.application,
        latest.forms.application,
      ),
      ...((mine.forms.followUp ?? latest.forms.followUp) && {
        followUp: pick(oldBase.forms.followUp, mine.forms.followUp, latest.forms.followUp),
      }),
    },
  };
}

import type { FormDeclaration, FormContext } from '../form';
import type { FormKind } from '../form-declaration';
import type { CampaignSettings } from '../campaign';
import { revenueYearsOf, type FollowUpContext } from '../follow-up-report';
import { MIIT_2021_FORM } from './miit-2021-form';
import { MIIT_2021_FOLLOW_UP, REVENUE_YEARS } from './miit-2021-follow-up';
import { MIIT_2021_MONITORING } from './miit-2021-monitoring';
import { MIIT_2021_SELF_EVALUATION } from './miit-2021-self-evaluation';

/**
 * The form templates a new campaign can start from, by id. A campaign stores its own copy of its
 * forms (server: campaign_forms) and is read from there; these are only where they come from.
 */
export const FORM_TEMPLATES: Record<string, { kind: FormKind; form: FormDeclaration }> = {
  [MIIT_2021_FORM.id]: { kind: 'application', form: MIIT_2021_FORM },
  [MIIT_2021_FOLLOW_UP.id]: { kind: 'followUp', form: MIIT_2021_FOLLOW_UP },
  [MIIT_2021_MONITORING.id]: { kind: 'monitoring', form: MIIT_2021_MONITORING },
  [MIIT_2021_SELF_EVALUATION.id]: { kind: 'selfEvaluation', form: MIIT_2021_SELF_EVALUATION },
};

/** The application form template a campaign's settings name (the 2021 申报书 if none). */
export function applicationFormTemplate(
  settings: Pick<CampaignSettings, 'formId'>,
): FormDeclaration {
  const t = FORM_TEMPLATES[settings.formId ?? MIIT_2021_FORM.id];
  if (!t || t.kind !== 'application') throw new Error(`unknown form template: ${settings.formId}`);
  return t.form;
}

export function formContextOf(settings: CampaignSettings): FormContext {
  return {
    wordLimit: settings.wordLimit,
    categories: settings.categories,
    businessStages: settings.businessStages,
  };
}

/**
 * The 附件4 (a past winner's follow-up report) template a campaign starts with. A campaign keeps
 * its own copy (server: campaign_forms, kind followUp); readers read that one.
 */
export function followUpFormTemplate(): FormDeclaration {
  return MIIT_2021_FOLLOW_UP;
}

/** The context a 附件4 report is checked in: the revenue rows are one per year asked for. */
export function followUpContextOf(settings: CampaignSettings, years: FollowUpContext): FormContext {
  return { ...formContextOf(settings), rowKeys: { [REVENUE_YEARS]: revenueYearsOf(years) } };
}

/**
 * The post-award forms (issue 15) a campaign starts with: 年度运行监测表 and 自查评估表. A campaign
 * keeps its own copy (server: campaign_forms, kinds monitoring and selfEvaluation); a round
 * freezes the revision it was opened with.
 */
export function postAwardFormTemplate(kind: 'monitoring' | 'selfEvaluation'): FormDeclaration {
  return kind === 'monitoring' ? MIIT_2021_MONITORING : MIIT_2021_SELF_EVALUATION;
}

import type { FormDeclaration, FormContext } from '../form';
import type { CampaignSettings } from '../campaign';
import { revenueYearsOf, type FollowUpContext } from '../follow-up-report';
import { MIIT_2021_FORM } from './miit-2021-form';
import { MIIT_2021_FOLLOW_UP, REVENUE_YEARS } from './miit-2021-follow-up';

/** Every declared application form, by id. A campaign names one in its settings. */
export const FORMS: Record<string, FormDeclaration> = {
  [MIIT_2021_FORM.id]: MIIT_2021_FORM,
};

export function formOf(settings: CampaignSettings): FormDeclaration {
  const form = FORMS[settings.formId];
  if (!form) throw new Error(`campaign names an unknown form: ${settings.formId}`);
  return form;
}

export function formContextOf(settings: CampaignSettings): FormContext {
  return {
    wordLimit: settings.wordLimit,
    categories: settings.categories,
    businessStages: settings.businessStages,
  };
}

/**
 * The campaign's 附件4 (a past winner's follow-up report) declaration. The only way to get it:
 * every reader (server checks, summary table, web form and view) comes through here.
 */
export function followUpFormOf(_settings: CampaignSettings): FormDeclaration {
  return MIIT_2021_FOLLOW_UP;
}

/** The context a 附件4 report is checked in: the revenue rows are one per year asked for. */
export function followUpContextOf(settings: CampaignSettings, years: FollowUpContext): FormContext {
  return { ...formContextOf(settings), rowKeys: { [REVENUE_YEARS]: revenueYearsOf(years) } };
}

import type { FormDeclaration, FormContext } from '../form';
import type { CampaignSettings } from '../campaign';
import { MIIT_2021_FORM } from './miit-2021-form';

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

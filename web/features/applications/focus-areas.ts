import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import type { CampaignSettings } from '../../../domain/campaign';
import type { FormDeclaration } from '../../../domain/form';

/**
 * A focus area belongs to its category: when the category changes, the focus areas the new one
 * does not have are dropped. Call with the changed values (antd's onValuesChange).
 */
export function useFocusAreasFollowCategory(
  form: FormInstance,
  decl: FormDeclaration,
  settings: Pick<CampaignSettings, 'categories'>,
) {
  return useCallback(
    (changed: Record<string, Record<string, unknown> | undefined>) => {
      for (const s of decl.sections) {
        const cat = s.fields.find((f) => f.type === 'select' && f.options.from === 'categories');
        if (!cat || changed[s.key]?.[cat.key] === undefined) continue;
        const allowed =
          settings.categories.find((c) => c.code === changed[s.key]?.[cat.key])?.focusAreas ?? [];
        for (const f of s.fields) {
          if (f.type !== 'select' || f.options.from !== 'focusAreas') continue;
          const v = form.getFieldValue([s.key, f.key]) as unknown;
          if (Array.isArray(v))
            form.setFieldValue(
              [s.key, f.key],
              v.filter((x) => allowed.includes(x)),
            );
          else if (v && !allowed.includes(String(v))) form.setFieldValue([s.key, f.key], undefined);
        }
      }
    },
    [decl, form, settings],
  );
}

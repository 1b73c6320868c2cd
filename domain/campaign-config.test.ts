import { describe, expect, test } from 'vitest';
import { formsForYear } from './campaign-config';
import type { FormDeclaration } from './form';

const form: FormDeclaration = {
  id: 'f',
  version: 1,
  title: '申报书',
  sections: [
    {
      key: 'text',
      title: '四、解决方案内容',
      titleEn: 'Text',
      description: '本部分合计不超过活动规定字数（2021年：5000字）。',
      fields: [
        {
          key: 'apps',
          type: 'group',
          label: '2021年的APP',
          labelEn: 'APPs',
          itemLabel: 'APP',
          minItems: 0,
          maxItems: 3,
          fields: [
            {
              key: 'no',
              type: 'text',
              label: '登记号',
              labelEn: 'No',
              maxLength: 30,
              help: '如 2021SR0123456，2021年登记',
            },
          ],
        },
      ],
    },
  ],
};

describe('a campaign copied for another year', () => {
  test("its forms' year-bearing guidance names the new year; labels and keys stay", () => {
    const copy = formsForYear({ application: form }, 2021, 2026).application;
    expect(copy.sections[0]!.description).toBe('本部分合计不超过活动规定字数（2026年：5000字）。');
    const group = copy.sections[0]!.fields[0]!;
    expect(group.label).toBe('2021年的APP'); // a label is the organizer's to change
    expect(group.type === 'group' && group.fields[0]!.help).toBe('如 2021SR0123456，2026年登记');
    expect(form.sections[0]!.description).toContain('2021年'); // the source is untouched
  });
});

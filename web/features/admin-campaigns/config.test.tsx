import { useState } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CampaignSettings } from '../../../domain/campaign';
import type { FormDeclaration } from '../../../domain/form';
import { renderWithApp } from '../../../test/web/render';
import { renameFieldKey } from './declaration-edit';
import { changesOf, checkChanges, rebased, type Draft } from './draft';
import { FormTab } from './FormTab';

const form: FormDeclaration = {
  id: 'test-form',
  version: 1,
  title: '测试申报书',
  sections: [
    {
      key: 'solution',
      title: '一、方案',
      titleEn: 'Solution',
      fields: [
        { key: 'name', type: 'text', label: '方案名称', labelEn: 'Name', maxLength: 80 },
        {
          key: 'category',
          type: 'select',
          label: '申报类别',
          labelEn: 'Category',
          options: { from: 'categories' },
        },
      ],
    },
    {
      key: 'applicant',
      title: '二、单位',
      titleEn: 'Applicant',
      fields: [
        { key: 'name', type: 'text', label: '单位名称', labelEn: 'Name', maxLength: 80 },
        { key: 'uscc', type: 'uscc', label: '统一社会信用代码', labelEn: 'Code' },
      ],
    },
  ],
  facts: {
    solutionName: 'solution.name',
    category: 'solution.category',
    applicantName: 'applicant.name',
    uscc: 'applicant.uscc',
  },
};

const settings = {
  categories: [{ code: 'a', name: '甲类', noticeText: '…', focusAreas: ['x'] }],
  businessStages: [],
} as unknown as CampaignSettings;

function Harness(props: { locked?: boolean; reason?: string }) {
  const [value, setValue] = useState(form);
  return (
    <FormTab
      code="test-2027"
      kind="application"
      form={value}
      onChange={setValue}
      settings={settings}
      locked={!!props.locked}
      reason={props.reason ?? null}
      issues={[]}
    />
  );
}

describe('the form editor', () => {
  it('renames a field and the live preview, drawn by the form components, follows', async () => {
    renderWithApp(<Harness />);
    const preview = screen.getByTestId('form-preview');
    expect(within(preview).getByLabelText('方案名称')).toBeTruthy();
    fireEvent.click(screen.getByTestId('field-editor-f-0-0'));
    const props = await screen.findByTestId('field-props-f-0-0');
    const label = within(props).getByLabelText('字段名称') as HTMLInputElement;
    expect(label.value).toBe('方案名称');
    fireEvent.change(label, { target: { value: '方案全称' } });
    await waitFor(() => expect(within(preview).getByLabelText('方案全称')).toBeTruthy());
    expect(within(preview).queryByLabelText('方案名称')).toBeNull();
    expect(screen.getByTestId('field-editor-f-0-0').textContent).toContain('方案全称');
  });

  it('is read-only when an application was submitted, and says why', async () => {
    renderWithApp(
      <Harness locked reason="已有1份申报书提交，表单不能再修改；如需调整表单，请新建活动" />,
    );
    expect(screen.getByTestId('form-locked').textContent).toContain('已有1份申报书提交');
    fireEvent.click(screen.getByTestId('field-editor-f-0-0'));
    const props = await screen.findByTestId('field-props-f-0-0');
    expect((within(props).getByLabelText('字段名称') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('field-add-f-0') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('section-add') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('editing a declaration', () => {
  it('moves the facts with a renamed key, but not onto a key typed twice', () => {
    const renamed = renameFieldKey(form, 0, 0, 'title');
    expect(renamed.facts?.solutionName).toBe('solution.title');
    expect(renamed.facts?.applicantName).toBe('applicant.name');
    const dup = renameFieldKey(form, 0, 1, 'name');
    expect(dup.facts).toEqual(form.facts);
    expect(renameFieldKey(dup, 0, 1, 'category').facts).toEqual(form.facts);
  });

  it('sends only what changed, checked as the server checks it', () => {
    const base = {
      fields: { year: 2027, title: '2027年征集活动', docNumber: '', issuer: '' },
      settings,
      forms: { application: form },
    } as unknown as Draft;
    const dup = renameFieldKey(form, 0, 1, 'name');
    const mine = { ...base, forms: { application: dup } };
    const changes = changesOf(base, mine);
    expect(Object.keys(changes)).toEqual(['forms']);
    expect(checkChanges(changes)).toEqual([
      {
        path: 'forms.application.sections.0.fields.1.key',
        message: '第1节“一、方案”的第2个字段“申报类别”：字段代码“name”在本节中重复',
      },
      // the binding stayed where it was: the old key is gone
      {
        path: 'forms.application.facts.category',
        message: '“申报类别”指向的字段 solution.category 不存在',
      },
    ]);
    // after a conflict: my form stays mine, their new title is taken
    const latest = { ...base, fields: { ...base.fields, title: '别人改过的标题' } };
    const merged = rebased(base, mine, latest);
    expect(merged.fields.title).toBe('别人改过的标题');
    expect(merged.forms.application).toBe(dup);
  });
});

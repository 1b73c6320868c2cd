import { describe, expect, test } from 'vitest';
import { MIIT_2021 } from './campaigns/miit-2021';
import {
  applicationDataSchema,
  countedText,
  fieldsOf,
  numberProblem,
  totalWords,
  type FormContext,
  type FormField,
} from './form';
import { MIIT_2021_FORM } from './forms/miit-2021-form';
import { completeApplication } from '../test/fixtures/application';

const ctx: FormContext = {
  wordLimit: MIIT_2021.settings.wordLimit,
  categories: MIIT_2021.settings.categories,
  businessStages: MIIT_2021.settings.businessStages,
};

/** The complete sample, with two-字 texts (the word counts below rely on them), a decimal revenue and no figures. */
const complete = () => {
  const data = completeApplication({
    uscc: '91110108MA01XK2Q8K',
    certificateId: '4b1f7a52-5a43-4a8f-9a55-0c9c1d0b2a11',
  });
  return {
    ...data,
    applicant: { ...data.applicant, revenue: 12000.5 },
    text: {
      needs: '需求',
      approach: '方案',
      practice: '实践',
      theory: '理论',
      results: '成效',
      value: '价值',
    },
    figures: {},
  };
};

describe('the 2021 application form', () => {
  const submit = applicationDataSchema(MIIT_2021_FORM, ctx, 'submit');
  const draft = applicationDataSchema(MIIT_2021_FORM, ctx, 'draft');

  test('declares the sections the notice requires, with one entry per APP', () => {
    expect(MIIT_2021_FORM.sections.map((s) => s.key)).toEqual([
      'solution',
      'applicant',
      'apps',
      'text',
      'ip',
      'figures',
      'declaration',
    ]);
    const apps = fieldsOf(MIIT_2021_FORM).find((f) => f.path === 'apps.items')!.field;
    expect(apps.type === 'group' && apps.fields.map((f) => f.key)).toEqual([
      'name',
      'version',
      'copyrightNo',
      'function',
      'deployment',
      'users',
    ]);
  });

  test('a complete application passes submission', () => {
    expect(submit.safeParse(complete()).error?.issues).toBeUndefined();
  });

  test('a draft may be empty; a submission lists every missing field at once', () => {
    expect(draft.safeParse({}).success).toBe(true);
    const r = submit.safeParse({ solution: { name: '只填了名称' } });
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('solution.category');
    expect(paths).toContain('applicant.uscc');
    expect(paths).toContain('apps.items'); // at least one APP, even when the section is missing
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    // a missing value is named as missing, not as a type error
    expect(messages).toMatchObject({
      'solution.category': '请选择申报类别',
      'applicant.revenue': '请填写上年度营业收入（万元）',
      'apps.items': '请至少填写1项工业APP',
      'ip.certificates': '请上传软件著作权证书等证明材料',
      'declaration.truthful': '请确认真实性声明',
    });
    const data = complete() as Record<string, any>;
    delete data.text.theory;
    data.apps.items = [];
    data.declaration.truthful = false;
    const issues = submit.safeParse(data).error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['text.theory', '请填写理论剖析'],
        ['apps.items', '请至少填写1项工业APP'],
        ['declaration.truthful', '请确认真实性声明'],
      ]),
    );
  });

  test('the counted text is limited to the word limit, naming the total', () => {
    const data = complete();
    data.text.practice = '字'.repeat(4990);
    expect(totalWords(MIIT_2021_FORM, data)).toBe(4990 + 10);
    expect(submit.safeParse(data).success).toBe(true);
    data.text.practice = '字'.repeat(4996);
    const issue = submit.safeParse(data).error!.issues[0]!;
    expect(issue.message).toBe('正文合计5006字，超过5000字的限制（超出6字）');
    // a draft over the limit is still saved, so no work is lost while it is being shortened
    expect(draft.safeParse(data).success).toBe(true);
    expect(countedText(MIIT_2021_FORM, data).map((c) => c.path)).toEqual([
      'text.needs',
      'text.approach',
      'text.practice',
      'text.theory',
      'text.results',
      'text.value',
    ]);
  });

  test('options come from the campaign, and the focus area must match the category', () => {
    const data = complete();
    data.solution.category = 'nonsense';
    expect(submit.safeParse(data).error!.issues[0]!.path).toEqual(['solution', 'category']);
    const mismatch = complete();
    mismatch.solution.focusAreas = ['5G']; // a focus area of 安全可靠, not 基础共性
    expect(submit.safeParse(mismatch).error!.issues.map((i) => i.message)).toContain(
      '聚焦领域须属于所选申报类别',
    );
  });

  test('a text over its limit is kept in a draft as pasted; a submission names the overflow', () => {
    const data = complete() as Record<string, any>;
    data.solution.name = '名'.repeat(75); // limit 60
    data.solution.summary = '简'.repeat(412); // limit 300
    const saved = draft.safeParse(data);
    expect(saved.error?.issues).toBeUndefined();
    expect((saved.data as any).solution.summary).toHaveLength(412); // nothing cut
    const issues = submit.safeParse(data).error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['solution.name', '解决方案名称：75字，超过60字的限制（超出15字）'],
      ['solution.summary', '方案简介（300字以内）：412字，超过300字的限制（超出112字）'],
    ]);
  });

  test('a number field keeps what was typed in a draft; a submission refuses what is not a number', () => {
    const data = complete() as Record<string, any>;
    data.apps.items[0].users = '3家企业210个用户';
    data.applicant.rdStaff = -2;
    expect(draft.safeParse(data).error?.issues).toBeUndefined();
    expect((draft.safeParse(data).data as any).apps.items[0].users).toBe('3家企业210个用户');
    const issues = submit.safeParse(data).error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['applicant.rdStaff', '研发人员数不能小于0'],
      ['apps.items.0.users', '用户数/装机量须为数字，请只填数字（不含文字、单位）'],
    ]);
    const users = fieldsOf(MIIT_2021_FORM)
      .find((f) => f.path === 'apps.items')!
      .field as Extract<FormField, { type: 'group' }>;
    const field = users.fields.find((f) => f.key === 'users') as Extract<
      FormField,
      { type: 'number' }
    >;
    expect(numberProblem(field, '3家企业210个用户')).toBe(
      '用户数/装机量须为数字，请只填数字（不含文字、单位）',
    );
    expect(numberProblem(field, 3.5)).toBe('用户数/装机量须为整数');
    expect(numberProblem(field, 3210)).toBeNull();
    expect(numberProblem(field, '')).toBeNull();
  });

  test('codes, phones and unknown keys are checked even in a draft', () => {
    const bad = { applicant: { uscc: '91110108MA01XK2Q8X', phone: '12345' }, extra: {} };
    const msgs = draft.safeParse(bad).error!.issues.map((i) => i.message);
    expect(msgs.some((m) => m.includes('校验位错误'))).toBe(true);
    expect(msgs).toContain('请填写11位手机号或带区号的固定电话');
    expect(draft.safeParse(bad).error!.issues.some((i) => i.code === 'unrecognized_keys')).toBe(
      true,
    );
  });
});

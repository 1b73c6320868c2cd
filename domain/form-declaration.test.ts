import { describe, expect, it } from 'vitest';
import { declarationIssues, formDeclarationSchema } from './form-declaration';
import { dataWithFacts, factsOf } from './facts';
import { MIIT_2021_FORM } from './forms/miit-2021-form';
import { followUpFormTemplate } from './forms';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function problems(input: unknown, kind: 'application' | 'followUp' = 'application') {
  const r = formDeclarationSchema(kind).safeParse(input);
  return r.success ? [] : declarationIssues(input, r.error.issues);
}

describe('form declaration as data', () => {
  it('accepts the 2021 申报书 as it is seeded, round-tripped through JSON', () => {
    const r = formDeclarationSchema('application').safeParse(clone(MIIT_2021_FORM));
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(r.data).toEqual(clone(MIIT_2021_FORM));
  });

  it('accepts the 2021 附件4 (rows keyed by year) as a follow-up form', () => {
    const f = clone(followUpFormTemplate());
    const r = formDeclarationSchema('followUp').safeParse(f);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(r.data).toEqual(f);
  });

  it('refuses a duplicate field key, naming the section and field in Chinese', () => {
    const f = clone(MIIT_2021_FORM);
    f.sections[1]!.fields[2]!.key = f.sections[1]!.fields[0]!.key;
    const p = problems(f);
    expect(p).toContainEqual({
      path: 'sections.1.fields.2.key',
      message: expect.stringMatching(/^第2节“二、申报单位”的第3个字段.*字段代码“name”在本节中重复/),
    });
  });

  it('refuses an unknown field type, a word-counted non-text field and an empty section', () => {
    const f = clone(MIIT_2021_FORM) as unknown as {
      sections: { fields: Record<string, unknown>[] }[];
    };
    f.sections[0]!.fields[5]!.type = 'slider';
    f.sections[1]!.fields[0]!.countsTowardWordLimit = true;
    f.sections[6]!.fields = [];
    const p = problems(f);
    expect(p.map((x) => x.path)).toEqual(
      expect.arrayContaining([
        'sections.0.fields.5.type',
        'sections.1.fields.0.countsTowardWordLimit',
        'sections.6.fields',
      ]),
    );
    expect(p.find((x) => x.path === 'sections.0.fields.5.type')!.message).toContain(
      '未知的字段类型“slider”',
    );
    expect(
      p.find((x) => x.path === 'sections.1.fields.0.countsTowardWordLimit')!.message,
    ).toContain('只有多行文本字段可以计入字数');
    expect(p.find((x) => x.path === 'sections.6.fields')!.message).toContain('章节不能为空');
  });

  it('refuses a fact bound to a missing or wrongly typed field, and a missing required binding', () => {
    const f = clone(MIIT_2021_FORM);
    f.facts!.solutionName = 'solution.nope';
    f.facts!.uscc = 'applicant.name'; // a text field, not 统一社会信用代码
    delete f.facts!.category;
    f.facts!.apps = { path: 'apps.items', name: 'title' };
    const p = problems(f);
    expect(p).toEqual(
      expect.arrayContaining([
        { path: 'facts.solutionName', message: '“解决方案名称”指向的字段 solution.nope 不存在' },
        {
          path: 'facts.uscc',
          message: expect.stringContaining('“统一社会信用代码”须取自统一社会信用代码字段'),
        },
        { path: 'facts.category', message: '请指定“申报类别”取自哪个字段' },
        { path: 'facts.apps.name', message: '“APP名称”指向的子字段 title 不在 apps.items 中' },
      ]),
    );
  });

  it('does not require application facts of a 附件4 form', () => {
    const f = clone(MIIT_2021_FORM);
    delete f.facts;
    expect(problems(f, 'followUp')).toEqual([]);
    expect(problems(f, 'application').length).toBe(4);
  });
});

describe('facts', () => {
  it('reads the facts through the bindings, whatever the keys are called', () => {
    const f = clone(MIIT_2021_FORM);
    const facts = factsOf(f, {
      solution: { name: ' 高炉APP ', category: 'basic_common', industries: ['3110'] },
      applicant: { uscc: '91110108ma01xk2q8k', region: '110108', revenue: 12.5 },
      apps: { items: [{ name: 'A', users: 3 }, { name: 'B' }] },
      text: { needs: '需求一二三', approach: 'abc def' },
    });
    expect(facts).toMatchObject({
      solutionName: '高炉APP',
      category: 'basic_common',
      industries: ['3110'],
      uscc: '91110108MA01XK2Q8K',
      region: '110108',
      revenue: 12.5,
      appCount: 2,
      apps: [
        { name: 'A', users: 3, version: '' },
        { name: 'B', users: null },
      ],
      wordCount: 5 + 2,
    });

    // the same form with every key renamed reads the same facts
    const renamed = clone(f);
    renamed.sections[0]!.key = 'fangan';
    renamed.sections[0]!.fields[0]!.key = 'mingcheng';
    renamed.facts!.solutionName = 'fangan.mingcheng';
    renamed.facts!.category = 'fangan.category';
    expect(factsOf(renamed, { fangan: { mingcheng: '别名方案', category: 'x' } })).toMatchObject({
      solutionName: '别名方案',
      category: 'x',
    });
  });

  it('reads the co-applicants (联合申报单位) through their group binding', () => {
    const f = clone(MIIT_2021_FORM);
    const data = {
      applicant: {
        coApplicants: [
          { name: ' 上海合作科技有限公司 ', uscc: '91310000ma1fl0xx5a', role: '联合开发' },
          { name: '', uscc: '', role: '空行' },
        ],
      },
    };
    expect(factsOf(f, data).coApplicants).toEqual([
      { name: '上海合作科技有限公司', uscc: '91310000MA1FL0XX5A' },
    ]);
    expect(factsOf(f, {}).coApplicants).toEqual([]);
    // a form that does not bind them reads none
    const unbound = clone(f);
    delete unbound.facts!.coApplicants;
    expect(factsOf(unbound, data).coApplicants).toEqual([]);
  });

  it('refuses a co-applicant binding that is not a group with the right sub-fields', () => {
    const f = clone(MIIT_2021_FORM);
    f.facts!.coApplicants = { path: 'applicant.name', name: 'name' };
    expect(problems(f)).toContainEqual({
      path: 'facts.coApplicants.path',
      message: expect.stringContaining(
        '“联合申报单位”须指向一个重复组字段，applicant.name 不是重复组',
      ),
    });
    f.facts!.coApplicants = { path: 'applicant.coApplicants', uscc: 'nosuch' };
    expect(problems(f).map((p) => p.path)).toEqual(
      expect.arrayContaining(['facts.coApplicants.name', 'facts.coApplicants.uscc']),
    );
  });

  it('prefills a new application where the form binds the facts', () => {
    expect(
      dataWithFacts(MIIT_2021_FORM, { applicantName: '某公司', uscc: 'X', region: null }),
    ).toEqual({ applicant: { name: '某公司', uscc: 'X' } });
  });
});

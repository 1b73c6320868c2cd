import { Form } from 'antd';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FormDeclaration } from '../../domain/form';
import { renderWithApp, type RouteAnswer } from '../../test/web/render';
import { FieldsProvider, SectionFields } from './form/FormFields';
import { FormView } from './form/FormView';

const INDUSTRIES = [
  { code: 'C', name: '制造业', level: 1, parentCode: null, section: 'C', remark: '' },
  {
    code: '3421',
    name: '工业自动控制系统装置制造',
    level: 4,
    parentCode: '342',
    section: 'C',
    remark: '',
  },
  { code: '6513', name: '应用软件开发', level: 4, parentCode: '651', section: 'I', remark: '' },
];

/** As the API answers: the empty search lists sections only, a code finds itself. */
const industries: RouteAnswer = {
  byQuery: (q) => {
    const text = q.get('q') ?? '';
    return {
      items: text
        ? INDUSTRIES.filter((i) => i.code.startsWith(text) || i.name.includes(text))
        : INDUSTRIES.filter((i) => i.level === 1),
    };
  },
};

const decl: FormDeclaration = {
  id: 't',
  version: 1,
  title: '测试表单',
  sections: [
    {
      key: 'solution',
      title: '一、解决方案概况',
      titleEn: 'Solution',
      fields: [
        { key: 'industries', type: 'industries', label: '所属行业', labelEn: 'Industries', max: 3 },
      ],
    },
  ],
};
const data = { solution: { industries: ['3421', '6513'] } };

function Editor({ readOnly }: { readOnly: boolean }) {
  const [form] = Form.useForm();
  return (
    <FieldsProvider
      value={{
        settings: { categories: [], businessStages: [] },
        attachments: new Map(),
        onUploaded: () => {},
        readOnly,
      }}
    >
      <Form form={form} initialValues={data} disabled={readOnly}>
        <SectionFields section={decl.sections[0]!} />
      </Form>
    </FieldsProvider>
  );
}

describe('所属行业 after a reload', () => {
  it.each([
    ['the editor', false],
    ['the disabled editor', true],
  ])('%s shows each stored code with its name', async (_, readOnly) => {
    renderWithApp(<Editor readOnly={readOnly} />, { 'GET /industries': industries });
    const field = screen.getByTestId('field-solution.industries');
    await waitFor(() => expect(field.textContent).toContain('3421 工业自动控制系统装置制造'));
    expect(field.textContent).toContain('6513 应用软件开发');
  });

  it('the read-only view shows code and name', async () => {
    renderWithApp(<FormView decl={decl} data={data} testId="view" />, {
      'GET /industries': industries,
    });
    const view = screen.getByTestId('view');
    await waitFor(() =>
      expect(view.textContent).toContain('3421 工业自动控制系统装置制造、6513 应用软件开发'),
    );
  });
});

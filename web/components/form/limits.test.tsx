import { Form } from 'antd';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FormSection } from '../../../domain/form';
import { renderWithApp } from '../../../test/web/render';
import { FieldsProvider, SectionFields } from './FormFields';
import { parseNumberText } from './limits';

const section: FormSection = {
  key: 'solution',
  title: '一、解决方案概况',
  titleEn: 'Solution',
  fields: [
    { key: 'name', type: 'text', label: '解决方案名称', labelEn: 'Name', maxLength: 60 },
    {
      key: 'summary',
      type: 'longtext',
      maxLength: 300,
      countsTowardWordLimit: false,
      label: '方案简介',
      labelEn: 'Summary',
    },
    {
      key: 'users',
      type: 'number',
      min: 0,
      integer: true,
      unit: '个',
      label: '用户数',
      labelEn: 'Users',
    },
  ],
};

function Harness({ onChange, initial }: { onChange?: (v: any) => void; initial?: object }) {
  const [form] = Form.useForm();
  return (
    <FieldsProvider
      value={{
        settings: { categories: [], businessStages: [] },
        attachments: new Map(),
        onUploaded: () => {},
        readOnly: false,
      }}
    >
      <Form form={form} initialValues={initial} onValuesChange={(_, all) => onChange?.(all)}>
        <SectionFields section={section} />
      </Form>
    </FieldsProvider>
  );
}

describe('a number field', () => {
  it('keeps text that is not a number as typed and says so at the field', async () => {
    const onChange = vi.fn();
    renderWithApp(<Harness onChange={onChange} />);
    const input = screen.getByLabelText('用户数') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '3家企业210个用户' } });
    // never 3210: what was typed stays on screen and in the draft
    expect(input.value).toBe('3家企业210个用户');
    expect(onChange).toHaveBeenLastCalledWith({ solution: { users: '3家企业210个用户' } });
    const item = screen.getByTestId('field-solution.users');
    await waitFor(() =>
      expect(item.textContent).toContain('用户数须为数字，请只填数字（不含文字、单位）'),
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '3210' } });
    expect(onChange).toHaveBeenLastCalledWith({ solution: { users: 3210 } });
    await waitFor(() => expect(item.textContent).not.toContain('须为数字'));
    // a fraction where an integer is asked is named, not rounded
    fireEvent.change(input, { target: { value: '2.5' } });
    expect(input.value).toBe('2.5');
    await waitFor(() => expect(item.textContent).toContain('用户数须为整数'));
  });

  it('shows a stored value, even one that is not a number', () => {
    renderWithApp(<Harness initial={{ solution: { users: '约两千' } }} />);
    expect((screen.getByLabelText('用户数') as HTMLInputElement).value).toBe('约两千');
    expect(screen.getByTestId('field-solution.users').textContent).toContain('须为数字');
  });

  it('reads digits however they are typed, and nothing else', () => {
    expect(parseNumberText('3210')).toBe(3210);
    expect(parseNumberText(' 1,234.5 ')).toBe(1234.5);
    expect(parseNumberText('３２１０')).toBe(3210);
    expect(parseNumberText('3.')).toBe(3);
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('3家企业210个用户')).toBe('3家企业210个用户');
    expect(parseNumberText('1e9')).toBe('1e9');
    expect(parseNumberText('12,34')).toBe('12,34');
  });
});

describe('a text over its limit', () => {
  it('keeps a pasted 解决方案名称 whole and counts the overflow in red', () => {
    const onChange = vi.fn();
    renderWithApp(<Harness onChange={onChange} />);
    const input = screen.getByLabelText('解决方案名称') as HTMLInputElement;
    expect(input.getAttribute('maxlength')).toBeNull(); // the browser would cut a paste
    const count = () =>
      screen.getByTestId('field-solution.name').querySelector('[data-testid="length-count"]')!;
    expect(count().textContent).toBe('0 / 60 字');
    fireEvent.change(input, { target: { value: '名'.repeat(75) } });
    expect(input.value).toHaveLength(75);
    expect(onChange).toHaveBeenLastCalledWith({ solution: { name: '名'.repeat(75) } });
    expect(count().textContent).toBe('75 / 60 字（超出 15 字，提交前请删减）');
    expect(count().className).toContain('danger');
  });

  it('keeps all 412 字 of a pasted 方案简介', () => {
    const onChange = vi.fn();
    renderWithApp(<Harness onChange={onChange} />);
    const area = screen.getByLabelText('方案简介') as HTMLTextAreaElement;
    expect(area.getAttribute('maxlength')).toBeNull();
    fireEvent.change(area, { target: { value: '简'.repeat(412) } });
    expect(area.value).toHaveLength(412);
    expect(onChange.mock.lastCall![0].solution.summary).toHaveLength(412);
    const count = screen
      .getByTestId('field-solution.summary')
      .querySelector('[data-testid="length-count"]')!;
    expect(count.textContent).toBe('412 / 300 字（超出 112 字，提交前请删减）');
  });
});

import { Form } from 'antd';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FormDeclaration, FormSection } from '../../../domain/form';
import { renderWithApp } from '../../../test/web/render';
import { ConflictDialog } from './ConflictDialog';
import { FieldsProvider, SectionFields } from './FormFields';
import { WordCount } from './StickyBar';

const section: FormSection = {
  key: 'apps',
  title: '三、工业APP清单',
  titleEn: 'APPs',
  fields: [
    {
      key: 'items',
      type: 'group',
      label: '工业APP',
      labelEn: 'APPs',
      itemLabel: '工业APP',
      minItems: 1,
      maxItems: 3,
      fields: [{ key: 'name', type: 'text', label: 'APP名称', labelEn: 'Name', maxLength: 60 }],
    },
    {
      key: 'text',
      type: 'longtext',
      label: '解决方案',
      labelEn: 'Approach',
      countsTowardWordLimit: true,
    },
  ],
};

function Harness({ onChange }: { onChange?: (v: unknown) => void }) {
  const [form] = Form.useForm();
  return (
    <FieldsProvider
      value={{
        appId: '00000000-0000-0000-0000-000000000000',
        settings: { categories: [], businessStages: [] },
        attachments: new Map(),
        onUploaded: () => {},
        readOnly: false,
      }}
    >
      <Form form={form} onValuesChange={(_, all) => onChange?.(all)}>
        <SectionFields section={section} />
      </Form>
    </FieldsProvider>
  );
}

describe('the live word count', () => {
  it('shows the total against the limit with thousands separators', () => {
    renderWithApp(<WordCount words={4980} limit={5000} />);
    expect(screen.getByTestId('word-count').textContent).toBe('正文 4,980 / 5,000 字');
  });

  it('turns red and names the overflow when over', () => {
    renderWithApp(<WordCount words={5012} limit={5000} />);
    const el = screen.getByTestId('word-count');
    expect(el.textContent).toBe('正文 5,012 / 5,000 字（超出 12 字）');
    expect(el.className).toContain('danger');
  });

  it('counts a field as WPS/Word does while typing', () => {
    renderWithApp(<Harness />);
    fireEvent.change(screen.getByLabelText('解决方案'), {
      target: { value: '基于 PaaS 平台，OEE 提升12%。' },
    });
    // 基 于 平 台 ， 提 升 。 = 8; PaaS, OEE, 12% = 3
    expect(screen.getByTestId('field-words').textContent).toBe('本栏 11 字（计入正文字数）');
  });
});

describe('a repeatable group', () => {
  it('adds and removes rows, each with its own fields', async () => {
    const onChange = vi.fn();
    renderWithApp(<Harness onChange={onChange} />);
    expect(screen.getByText('尚未添加')).toBeTruthy();
    const add = screen.getByRole('button', { name: /添加工业APP/ });
    fireEvent.click(add);
    fireEvent.click(add);
    await waitFor(() => expect(screen.getAllByLabelText('APP名称')).toHaveLength(2));
    fireEvent.change(screen.getAllByLabelText('APP名称')[1]!, { target: { value: '第二个' } });
    expect(screen.getByText('工业APP 2')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: /删\s*除/ })[0]!);
    await waitFor(() => expect(screen.getAllByLabelText('APP名称')).toHaveLength(1));
    expect((screen.getByLabelText('APP名称') as HTMLInputElement).value).toBe('第二个');
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ apps: { items: [{ name: '第二个' }] } }),
    );
  });

  it('stops offering 添加 at the maximum', async () => {
    renderWithApp(<Harness />);
    for (let i = 0; i < 3; i++)
      fireEvent.click(screen.getByRole('button', { name: /添加工业APP/ }));
    await waitFor(() => expect(screen.getAllByLabelText('APP名称')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: /添加工业APP/ })).toBeNull();
  });
});

describe('the conflict dialog', () => {
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
          { key: 'name', type: 'text', label: '解决方案名称', labelEn: 'Name', maxLength: 60 },
          {
            key: 'category',
            type: 'select',
            label: '申报类别',
            labelEn: 'Category',
            options: { from: 'categories' },
          },
          {
            key: 'industries',
            type: 'industries',
            label: '所属行业',
            labelEn: 'Industries',
            max: 3,
          },
        ],
      },
      {
        key: 'applicant',
        title: '二、申报单位',
        titleEn: 'Applicant',
        fields: [{ key: 'region', type: 'region', label: '所在地区', labelEn: 'Region' }],
      },
      section,
    ],
  };
  const settings = {
    categories: [
      { code: 'industry_general', name: '行业通用工业APP', noticeText: '…', focusAreas: ['x'] },
      { code: 'basic_common', name: '基础共性工业APP', noticeText: '…', focusAreas: ['y'] },
    ],
  };
  const industries = {
    items: [
      { code: '3421', name: '工业自动控制系统装置制造', level: 4, section: 'C' },
      { code: '6513', name: '应用软件开发', level: 4, section: 'I' },
    ],
  };
  const regions = {
    items: [
      { code: '110000', name: '北京市', level: 1, parentCode: null },
      { code: '110100', name: '北京市', level: 2, parentCode: '110000' },
      { code: '310100', name: '上海市', level: 2, parentCode: null },
    ],
  };

  it('shows only the fields that differ, by label and as a person reads them', async () => {
    const onOverwrite = vi.fn();
    const onReload = vi.fn();
    const mine = {
      solution: { name: '同一个名称', category: 'industry_general', industries: ['3421'] },
      applicant: { region: '110100' },
      apps: { items: [{ name: 'A' }, { name: '新加的APP' }], text: '这是没有保存的一段文字' },
    };
    const theirs = {
      solution: { name: '同一个名称', category: 'basic_common', industries: ['3421', '6513'] },
      applicant: { region: '310100' },
      apps: { items: [{ name: 'A' }], text: '' },
    };
    renderWithApp(
      <ConflictDialog
        open
        decl={decl}
        comparison={{ mine, other: theirs, kind: 'latest' }}
        settings={settings}
        currentVersion={7}
        updatedAt="2026-10-20T02:32:00.000Z"
        onReload={onReload}
        onOverwrite={onOverwrite}
        onClose={() => {}}
      />,
      { 'GET /regions': regions, 'GET /industries': industries },
    );
    expect(await screen.findByText('申报书已在别处修改')).toBeTruthy();
    expect(screen.getByText(/第 7 版，2026-10-20 10:32:00/)).toBeTruthy();
    const box = screen.getByTestId('conflict-mine');
    expect(box.textContent).toContain('与最新版本不同的栏目（5 处）');
    const rows = () =>
      screen
        .getAllByTestId('conflict-field')
        .map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent));
    await waitFor(() =>
      expect(rows()).toEqual([
        ['一、解决方案概况 › 申报类别', '行业通用工业APP', '基础共性工业APP'],
        [
          '一、解决方案概况 › 所属行业',
          '3421 工业自动控制系统装置制造',
          '3421 工业自动控制系统装置制造、6513 应用软件开发',
        ],
        ['二、申报单位 › 所在地区', '北京市', '上海市'],
        ['三、工业APP清单 › 工业APP 2 › APP名称', '新加的APP', '（空）'],
        ['三、工业APP清单 › 解决方案', '这是没有保存的一段文字', '（空）'],
      ]),
    );
    // never the raw codes, never the fields that are the same
    expect(box.textContent).not.toMatch(/industry_general|basic_common|110100|310100|同一个名称/);
    expect(screen.getByRole('button', { name: /复制我的内容/ })).toBeTruthy();
    // overwriting asks once more
    fireEvent.click(screen.getByRole('button', { name: /用我的内容覆盖/ }));
    expect(onOverwrite).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(onOverwrite).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button', { name: /载入最新版本/ }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('waits for the newer version before comparing', async () => {
    renderWithApp(
      <ConflictDialog
        open
        decl={decl}
        comparison={{ mine: {}, other: undefined, kind: 'latest' }}
        onReload={() => {}}
        onOverwrite={() => {}}
        onClose={() => {}}
      />,
    );
    expect(await screen.findByText('正在载入最新版本以便比较…')).toBeTruthy();
    expect(screen.queryByTestId('conflict-mine')).toBeNull();
  });
});

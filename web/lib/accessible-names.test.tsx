import { CheckCircleOutlined, WarningFilled } from '@ant-design/icons';
import { Input, Select } from 'antd';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/web/render';

describe('accessible names on a Chinese page', () => {
  it('hides glyph-named icons, keeps icons named in Chinese, and says 清除 instead of "Clear"', async () => {
    renderWithApp(
      <>
        <span>
          <CheckCircleOutlined /> 已保存
        </span>
        <WarningFilled aria-label="可能重复" />
        <Select
          aria-label="聚焦领域"
          mode="multiple"
          allowClear
          value={['a']}
          options={[{ value: 'a', label: '机械制造' }]}
        />
      </>,
    );
    await waitFor(() => expect(document.querySelector('[aria-label="check-circle"]')).toBeNull());
    expect(screen.queryAllByRole('img', { name: /^[a-z-]+$/ })).toHaveLength(0);
    expect(screen.getByRole('img', { name: '可能重复' })).toBeTruthy();
    expect(document.querySelector('[aria-label="Clear"]')).toBeNull();
    expect(document.querySelector('.ant-select-clear')?.getAttribute('aria-label')).toBe('清除');
  });

  it('names a button whose only content was a glyph-named icon (Input.Search) in Chinese', async () => {
    renderWithApp(<Input.Search aria-label="操作人账号" />);
    await waitFor(() => expect(screen.getByRole('button', { name: '搜索' })).toBeTruthy());
  });
});

import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import { ProblemsAlert } from './DraftParts';

describe('ProblemsAlert', () => {
  it('lists each problem with a button the keyboard reaches, which jumps to the field', () => {
    const onJump = vi.fn();
    renderWithApp(
      <ProblemsAlert
        problems={[
          {
            key: 'solution.name',
            name: ['solution', 'name'],
            label: '解决方案名称',
            message: '请填写',
          },
        ]}
        title={(n) => `有 ${n} 处需要修改`}
        testId="submit-problems"
        onJump={onJump}
      />,
    );
    const jump = screen.getByRole('button', { name: '解决方案名称' });
    expect(jump.tabIndex).toBe(0);
    fireEvent.click(jump);
    expect(onJump).toHaveBeenCalledWith(['solution', 'name']);
  });
});

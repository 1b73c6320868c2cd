import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Application } from '../../lib/applications';
import { renderWithApp } from '../../../test/web/render';
import { ApplicationActions } from './ApplicationActions';

// antd in jsdom on a loaded 2-core machine: give each wait more than the default second
configure({ asyncUtilTimeout: 8000 });

const base: Application = {
  id: 'a1',
  campaignId: 'c1',
  enterpriseId: 'e1',
  channelUnitId: 'u1',
  state: 'draft',
  formId: 'miit-2021',
  data: {},
  draftVersion: 3,
  wordCount: 0,
  solutionName: '基于5G的轴承质量在线检测APP',
  currentVersionNo: null,
  returnComment: null,
  rejectReason: null,
  recommendRank: null,
  createdAt: '2026-09-01T01:00:00.000Z',
  updatedAt: '2026-09-01T01:00:00.000Z',
  submittedAt: null,
  decidedAt: null,
};

function actions(app: Application, onDelete = vi.fn()) {
  renderWithApp(
    <ApplicationActions
      app={app}
      canEdit
      isOwner
      saving={false}
      latestVersion={undefined}
      onSave={vi.fn()}
      onSubmit={vi.fn()}
      onWithdraw={vi.fn()}
      onDelete={onDelete}
    />,
  );
  return onDelete;
}

describe('deleting a draft', () => {
  it('is offered for a never-submitted draft and asks before it deletes', async () => {
    const onDelete = actions(base);
    fireEvent.click(screen.getByRole('button', { name: /删除草稿/ }));
    expect(await screen.findByText(/删除后草稿及其附件不可恢复/)).toBeTruthy();
    expect(onDelete).not.toHaveBeenCalled();
    const confirm = screen.getAllByRole('button', { name: /删除草稿/ }).at(-1)!;
    fireEvent.click(confirm);
    await waitFor(() => expect(onDelete).toHaveBeenCalledTimes(1));
  });

  it('is not offered once the application has been submitted, even when withdrawn to a draft', () => {
    actions({ ...base, currentVersionNo: 1 });
    expect(screen.queryByRole('button', { name: /删除草稿/ })).toBeNull();
  });
});

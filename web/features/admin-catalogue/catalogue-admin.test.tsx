// 目录清单 on the web: the organizer's page lists the versions, starts the next one from the last,
// previews it (the changes, or the problems on their rows) and publishes only a previewed draft,
// after confirming; an imported sheet fills the table and names its rows' problems.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  CatalogueEntry,
  CatalogueImport,
  CataloguePreview,
  CatalogueView,
} from '../../../domain/api/catalogue-versions';
import { renderPageAt, type Answer } from '../../../test/web/render';
import { CatalogueAdminPage } from './CatalogueAdminPage';

const renderAt = (answer: Answer) =>
  renderPageAt('/admin/catalogue', <CatalogueAdminPage />, '/admin/catalogue', answer);

afterEach(() => vi.unstubAllGlobals());

const entry = (publicId: string, band: string, solutionName: string): CatalogueEntry => ({
  publicId,
  band,
  category: 'basic_common',
  categoryName: '基础共性工业APP',
  solutionName,
  enterpriseName: '北京甲科技有限公司',
  regionName: '北京市',
  score: null,
});
const E1 = entry('2024-IIAPP-001', 'A类', '高炉炉况智能诊断工业APP');
const E2 = entry('2024-IIAPP-002', 'B类', '设备预测性维护工业APP');

const V1: CatalogueView = {
  version: 1,
  title: '工业互联网APP优秀解决方案目录清单（2026年版）',
  documentNo: '工信厅信发函〔2026〕200号',
  publishedOn: '2026-10-20',
  count: 2,
  publishedAt: '2026-10-20T02:00:00.000Z',
  evaluationRoundId: null,
  bands: [
    { band: 'A类', count: 1, categories: [{ ...E1, entries: [E1] }] },
    { band: 'B类', count: 1, categories: [{ ...E2, entries: [E2] }] },
  ],
  changes: { previousVersion: null, added: [E1, E2], removed: [], bandChanged: [] },
  url: 'http://localhost/catalogue/v/1',
};
const versions = {
  items: [
    {
      version: 1,
      title: V1.title,
      documentNo: V1.documentNo,
      publishedOn: V1.publishedOn,
      count: 2,
    },
  ],
};
const notFound: [number, unknown] = [
  404,
  { error: { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' } },
];

describe('目录清单', () => {
  it('starts from the last version, previews the changes, publishes after confirming', async () => {
    const moved = { ...E2, band: 'A类' };
    const preview: CataloguePreview = {
      problems: [],
      rowProblems: [],
      entries: [E1, moved],
      version: 2,
      changes: {
        previousVersion: 1,
        added: [],
        removed: [],
        bandChanged: [{ entry: moved, from: 'B类', to: 'A类' }],
      },
    };
    const calls = renderAt((method, path, q, body) => {
      if (method === 'GET' && path === '/catalogue/versions') return [200, versions];
      if (method === 'GET' && path === '/catalogue' && q.get('version') === '1') return [200, V1];
      if (method === 'POST' && path === '/catalogue/preview') return [200, preview];
      if (method === 'POST' && path === '/catalogue/versions')
        return [201, { ...V1, version: 2, title: body.title }];
      return notFound;
    });
    const versionsTable = await screen.findByTestId('catalogue-versions');
    expect(await within(versionsTable).findByText(V1.title)).toBeTruthy();
    expect(screen.getByTestId('catalogue-draft').textContent).toContain('发布第2版目录清单');

    fireEvent.click(await screen.findByTestId('catalogue-copy-latest'));
    const table = screen.getByTestId('catalogue-entries');
    await waitFor(() => expect(within(table).getAllByLabelText('公开编号')).toHaveLength(2));
    const bands = within(table).getAllByRole('combobox', { name: '等级' });
    fireEvent.change(bands[1]!, { target: { value: 'A类' } });

    // no publishing before a preview of the entries as they are
    expect(screen.getByTestId('catalogue-publish').hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByTestId('catalogue-preview'));
    const changes = await screen.findByTestId('catalogue-changes');
    expect(changes.textContent).toContain('与第1版相比：新增 0 项，移出 0 项，等级调整 1 项。');
    expect(within(changes).getByTestId('catalogue-band-changed').textContent).toContain(
      'B类 → A类',
    );
    expect(calls.find((c) => c.path === '/catalogue/preview')!.body).toEqual({
      entries: [
        { publicId: '2024-IIAPP-001', band: 'A类' },
        { publicId: '2024-IIAPP-002', band: 'A类' },
      ],
    });

    fireEvent.change(screen.getByTestId('catalogue-title'), {
      target: { value: '工业互联网APP优秀解决方案目录清单（2026年第二版）' },
    });
    fireEvent.change(screen.getByTestId('catalogue-document-no'), {
      target: { value: '工信厅信发函〔2026〕260号' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('catalogue-publish').hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByTestId('catalogue-publish'));
    expect((await screen.findByTestId('catalogue-confirm')).textContent).toContain('共 2 项');
    fireEvent.click(screen.getByTestId('catalogue-confirm-ok'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST' && c.path === '/catalogue/versions')).toEqual({
        method: 'POST',
        path: '/catalogue/versions',
        body: {
          title: '工业互联网APP优秀解决方案目录清单（2026年第二版）',
          documentNo: '工信厅信发函〔2026〕260号',
          publishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          entries: [
            { publicId: '2024-IIAPP-001', band: 'A类' },
            { publicId: '2024-IIAPP-002', band: 'A类' },
          ],
        },
      }),
    );
  });

  it('a preview with problems names them and marks their rows; publishing stays off', async () => {
    const preview: CataloguePreview = {
      problems: ['以下公开编号不在已发布的优秀解决方案名单中：1999-IIAPP-001'],
      rowProblems: [{ publicId: '1999-IIAPP-001', message: '不在已发布的名单中' }],
      entries: [],
      version: 2,
      changes: { previousVersion: 1, added: [], removed: [E1, E2], bandChanged: [] },
    };
    renderAt((method, path) => {
      if (method === 'GET' && path === '/catalogue/versions') return [200, versions];
      if (method === 'POST' && path === '/catalogue/preview') return [200, preview];
      return notFound;
    });
    fireEvent.click(await screen.findByTestId('catalogue-add-row'));
    const table = screen.getByTestId('catalogue-entries');
    fireEvent.change(within(table).getByLabelText('公开编号'), {
      target: { value: '1999-iiapp-001' },
    });
    fireEvent.change(within(table).getByRole('combobox', { name: '等级' }), {
      target: { value: 'A类' },
    });
    fireEvent.click(screen.getByTestId('catalogue-preview'));
    expect((await screen.findByTestId('catalogue-problems')).textContent).toContain(
      '1999-IIAPP-001',
    );
    expect(within(table).getByTestId('catalogue-row-problem').textContent).toBe(
      '不在已发布的名单中',
    );
    expect(screen.getByTestId('catalogue-publish').hasAttribute('disabled')).toBe(true);
  });

  it('an imported sheet fills the table and lists its rows’ problems', async () => {
    const result: CatalogueImport = {
      entries: [{ row: 2, publicId: '2024-IIAPP-001', band: 'A类' }],
      problems: [{ row: 3, column: '等级', message: '请填写等级（如 A类）' }],
    };
    renderAt((method, path) => {
      if (method === 'GET' && path === '/catalogue/versions') return [200, { items: [] }];
      if (method === 'POST' && path === '/catalogue/import') return [200, result];
      return notFound;
    });
    await screen.findByText('尚未发布目录清单');
    expect(screen.queryByTestId('catalogue-copy-latest')).toBeNull();
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File(['公开编号,等级\n'], '目录.csv', { type: 'text/csv' })] },
    });
    const outcome = await screen.findByTestId('catalogue-import-result');
    expect(outcome.textContent).toContain('已读取“目录.csv”：1行可用，1行有问题');
    expect(outcome.textContent).toContain('第3行（等级）：请填写等级（如 A类）');
    const table = screen.getByTestId('catalogue-entries');
    expect((within(table).getByLabelText('公开编号') as HTMLInputElement).value).toBe(
      '2024-IIAPP-001',
    );
  });
});

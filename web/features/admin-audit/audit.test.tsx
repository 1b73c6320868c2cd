import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import type { AuditCheckpoint, AuditEvent, ChainVerdict } from '../../lib/types';
import { AuditPage } from './AuditPage';

configure({ asyncUtilTimeout: 8000 });

const UNIT = '0b5c7f1e-3f1a-4b0e-9a57-1c2d3e4f5a6b';
const signOff: AuditEvent = {
  id: 42,
  at: '2026-11-01T01:00:00.000Z',
  actorId: 'a1',
  actorRole: 'recommender',
  actorLabel: 'beijing',
  action: 'batch.sign_off',
  targetType: 'recommendation_batch',
  targetId: UNIT,
  summary: { before: { state: 'open' }, after: { state: 'signed_off', count: 2 } },
  ip: '127.0.0.1',
  hash: 'f'.repeat(64),
  actionLabel: '确认报送',
  targetTypeLabel: '推荐报送批次',
  objectLabel: '北京市 · 2026年工业互联网APP优秀解决方案征集',
  objectLink: '/admin/progress/c1',
  actorName: '北京市推荐人（beijing）',
  changes: [
    { key: 'state', label: '状态', before: '未报送', after: '已确认报送' },
    { key: 'count', label: '份数', before: null, after: '2' },
  ],
  note: null,
};
const checkpoint: AuditCheckpoint = {
  key: 'audit-checkpoints/20261101T010000.000Z-42-abcdef.json',
  at: '2026-11-01T01:00:00.000Z',
  count: 42,
  lastId: 42,
  hash: 'ab'.repeat(32),
  source: 'timer',
  node: 'host:1',
};
const truncated: ChainVerdict = {
  ok: false,
  rows: 40,
  checkpoints: 1,
  reason: 'truncated',
  checkpoint,
  unreadableCheckpoints: [],
  stateMismatches: [],
};

describe('the audit page', () => {
  it('shows names, not codes: action, object with a link, changed fields by label; codes in tooltips', async () => {
    renderWithApp(<AuditPage />, {
      'GET /audit-events': { items: [signOff], total: 1, actions: ['batch.sign_off'] },
      'GET /audit-events/checkpoints': { items: [checkpoint], total: 1 },
      'GET /audit-events/verification': truncated,
    });
    const row = (await screen.findByText('确认报送')).closest('tr')!;
    expect(row.textContent).not.toContain('batch.sign_off');
    expect(row.textContent).not.toContain(UNIT.slice(0, 8));
    expect(within(row).getByText('确认报送').getAttribute('title')).toBe('batch.sign_off');
    const link = within(row).getByRole('link', { name: /北京市 · 2026年/ });
    expect(link.getAttribute('href')).toBe('/admin/progress/c1');
    expect(link.getAttribute('title')).toBe(`recommendation_batch:${UNIT}`);
    expect(row.textContent).toContain('北京市推荐人（beijing）');
    expect(row.textContent).toContain('状态：未报送 → 已确认报送');
    expect(row.textContent).toContain('份数：2');

    // the checkpoints, to copy out of the system
    const checkpoints = await screen.findByTestId('checkpoints');
    await waitFor(() => expect(checkpoints.textContent).toContain('ab'.repeat(32)));
    expect(checkpoints.textContent).toContain('42');

    fireEvent.click(screen.getByRole('button', { name: /校验审计日志/ }));
    const verdict = await screen.findByTestId('chain-verdict');
    expect(verdict.textContent).toContain('最新的记录被删除，条数少于检查点');
    expect(verdict.textContent).toContain('42 条');
  });
});

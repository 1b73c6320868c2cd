import { describe, expect, test } from 'vitest';
import {
  codeTextOf,
  inRegistry,
  isCalendarDay,
  isLate,
  paperDeadlineDay,
  paperStatusOfCopy,
  REGISTRY_STATES,
} from './registry';

describe('申报项目库 and 纸质材料签收 rules', () => {
  test('the registry holds forwarded and every later state, nothing before', () => {
    expect(REGISTRY_STATES[0]).toBe('forwarded');
    expect(REGISTRY_STATES).toContain('under_review');
    expect(REGISTRY_STATES).toContain('catalogued');
    for (const s of ['draft', 'submitted', 'returned', 'recommended'] as const)
      expect(inRegistry(s)).toBe(false);
  });

  test('a copy is current, superseded or not forwarded', () => {
    expect(paperStatusOfCopy(2, { state: 'forwarded', currentVersionNo: 2 })).toBe('current');
    expect(paperStatusOfCopy(1, { state: 'under_review', currentVersionNo: 2 })).toBe('superseded');
    expect(paperStatusOfCopy(1, { state: 'submitted', currentVersionNo: 1 })).toBe('not_forwarded');
    expect(paperStatusOfCopy(1, { state: 'returned', currentVersionNo: 1 })).toBe('not_forwarded');
  });

  test('late: by the postmark, else the day received, against the deadline’s Beijing day', () => {
    const deadline = new Date('2021-10-20T23:59:59.999+08:00');
    expect(paperDeadlineDay(deadline)).toBe('2021-10-20');
    expect(paperDeadlineDay(new Date('2021-10-21T00:00:00+08:00'))).toBe('2021-10-20');
    expect(isLate({ receivedOn: '2021-10-25', postmarkedOn: '2021-10-20' }, deadline)).toBe(false);
    expect(isLate({ receivedOn: '2021-10-25', postmarkedOn: '2021-10-21' }, deadline)).toBe(true);
    expect(isLate({ receivedOn: '2021-10-20' }, deadline)).toBe(false);
    expect(isLate({ receivedOn: '2021-10-21', postmarkedOn: null }, deadline)).toBe(true);
  });

  test('the code in a QR code’s address or as typed', () => {
    expect(codeTextOf('https://zx.example/verify?code=ABCD-EFGH-JKMN')).toBe('ABCD-EFGH-JKMN');
    expect(codeTextOf('http://x/verify?lang=zh&code=abcd%20efgh%20jkmn#top')).toBe(
      'abcd efgh jkmn',
    );
    expect(codeTextOf('  abcd-efgh-jkmn ')).toBe('abcd-efgh-jkmn');
    expect(codeTextOf('http://x/verify?code=%E0%A4%A')).toBe('%E0%A4%A');
  });

  test('calendar days', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
    expect(isCalendarDay('2021-10-20T00:00')).toBe(false);
    expect(isCalendarDay('20211020')).toBe(false);
  });
});

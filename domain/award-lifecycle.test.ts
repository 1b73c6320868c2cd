// A published solution's reminders and expiry by the Beijing calendar: on their days, exactly
// once, made up after a missed run, an overtaken reminder dropped, nothing after revocation.
import { describe, expect, test } from 'vitest';
import { dueLifecycleActions, expiresOnOf, nextLifecycleDay } from './award-lifecycle';
import { validUntilOf } from './publication';

// published 2021-12-20: valid through 2023-12-19, expired from 2023-12-20;
// reminded on 2023-09-21 (90 days before) and 2023-11-20 (30 days before)
const s = {
  publicId: '2021-IIAPP-001',
  status: 'valid' as const,
  validUntil: validUntilOf('2021-12-20'),
};
const none = new Set<string>();
const kinds = (today: string, done = none) =>
  dueLifecycleActions([s], today, done).map((a) =>
    a.kind === 'remind' ? `remind-${a.daysBefore}` : a.kind,
  );

describe('reminders and expiry', () => {
  test('the days: 90 and 30 days before the day it ends, and that day', () => {
    expect(s.validUntil).toBe('2023-12-19');
    expect(expiresOnOf(s.validUntil)).toBe('2023-12-20');
    expect(kinds('2023-09-20')).toEqual([]);
    expect(kinds('2023-09-21')).toEqual(['remind-90']);
    expect(kinds('2023-11-19')).toEqual(['remind-90']);
    expect(kinds('2023-11-20')).toEqual(['remind-30']);
    expect(kinds('2023-12-19')).toEqual(['remind-30']);
    expect(kinds('2023-12-20')).toEqual(['expire']);
  });

  test('exactly once: what is done is not due again', () => {
    const [remind] = dueLifecycleActions([s], '2023-09-21', none);
    expect(remind?.key).toBe('remind-90:2021-IIAPP-001');
    expect(kinds('2023-09-22', new Set([remind!.key]))).toEqual([]);
    const [expire] = dueLifecycleActions([s], '2023-12-20', none);
    expect(expire).toMatchObject({
      kind: 'expire',
      key: 'expire:2021-IIAPP-001',
      expiresOn: '2023-12-20',
    });
    expect(kinds('2023-12-21', new Set([expire!.key]))).toEqual([]);
  });

  test('a missed run is made up; an overtaken reminder is dropped, not sent late', () => {
    // down from before the 90-day reminder until after the 30-day one: only the 30-day one
    expect(kinds('2023-11-25')).toEqual(['remind-30']);
    // down across the end: the expiry, no reminder
    expect(kinds('2024-01-05')).toEqual(['expire']);
  });

  test('a revoked or already expired solution gets nothing', () => {
    for (const status of ['revoked', 'expired'] as const) {
      expect(dueLifecycleActions([{ ...s, status }], '2023-12-20', none)).toEqual([]);
      expect(nextLifecycleDay({ ...s, status }, '2023-01-01')).toBeNull();
    }
  });

  test('the next day something falls due, for the schedule', () => {
    expect(nextLifecycleDay(s, '2022-01-01')).toBe('2023-09-21');
    expect(nextLifecycleDay(s, '2023-09-21')).toBe('2023-11-20');
    expect(nextLifecycleDay(s, '2023-11-20')).toBe('2023-12-20');
    expect(nextLifecycleDay(s, '2023-12-20')).toBeNull();
  });

  test('a leap day: published 2024-02-29, valid through 2026-02-27, ends 2026-02-28', () => {
    const leap = { ...s, validUntil: validUntilOf('2024-02-29') };
    expect(leap.validUntil).toBe('2026-02-27');
    expect(dueLifecycleActions([leap], '2026-02-28', none).map((a) => a.kind)).toEqual(['expire']);
  });
});

import { describe, expect, it } from 'vitest';
import { dueReminder } from './notifications';
import { calendarDaysLeft, deadlineDay, reminderKey } from './reminders';

// 2021-10-20 24:00 Beijing
const DEADLINE = new Date('2021-10-21T00:00:00+08:00');

describe('reminder days', () => {
  it('counts Beijing calendar days to the deadline’s day', () => {
    expect(deadlineDay(DEADLINE)).toBe('2021-10-20');
    expect(calendarDaysLeft(DEADLINE, new Date('2021-10-13T09:00:00+08:00'))).toBe(7);
    expect(calendarDaysLeft(DEADLINE, new Date('2021-10-17T23:59:00+08:00'))).toBe(3);
    expect(calendarDaysLeft(DEADLINE, new Date('2021-10-19T09:00:00+08:00'))).toBe(1);
    expect(calendarDaysLeft(DEADLINE, new Date('2021-10-20T12:00:00+08:00'))).toBe(0);
    // a 23:59 deadline is the same day
    expect(deadlineDay(new Date('2021-10-20T23:59:00+08:00'))).toBe('2021-10-20');
  });

  it('names a reminder by subject, days and the deadline’s day', () => {
    const at = new Date('2021-10-13T09:00:00+08:00');
    expect(reminderKey('online', 'app-1', dueReminder(DEADLINE, at)!, DEADLINE)).toBe(
      'reminder.online:app-1:7:2021-10-20',
    );
    // a deadline moved to another day is another reminder
    expect(reminderKey('online', 'app-1', 7, new Date('2021-10-26T00:00:00+08:00'))).not.toBe(
      reminderKey('online', 'app-1', 7, DEADLINE),
    );
  });
});

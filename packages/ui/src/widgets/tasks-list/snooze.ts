import { addDays, instantAt, localDate } from '@crmkit/core';

/** The snooze choices a task offers, by message key suffix. */
export type SnoozeChoice = 'hour' | 'tomorrow' | 'nextWeek';

export const SNOOZE_CHOICES: SnoozeChoice[] = ['hour', 'tomorrow', 'nextWeek'];

/**
 * The new due time of a snooze at `now`: in an hour, tomorrow at 9:00 or in a week at 9:00 — days and 9:00 in
 * `timeZone` (the provider's), whatever the browser's is.
 *
 * @example
 * snoozeUntil('tomorrow', new Date('2030-06-15T03:00:00Z'), 'Asia/Ho_Chi_Minh'); // 2030-06-16T02:00:00.000Z
 */
export function snoozeUntil(choice: SnoozeChoice, now: Date, timeZone: string): Date {
  if (choice === 'hour') return new Date(now.getTime() + 3600_000);
  const today = localDate(now.getTime(), timeZone);
  return new Date(instantAt(addDays(today, choice === 'tomorrow' ? 1 : 7), '09:00', timeZone));
}

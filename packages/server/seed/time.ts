import { Rng, seedOf } from './random.js';

/** The instant seeded data is relative to (its "now"), unless the caller passes a clock. */
export const SEED_BASE = new Date('2026-11-01T00:00:00.000Z');

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Vietnam and Thailand are both UTC+7 all year (no daylight saving time). */
const LOCAL_OFFSET = 7 * 60 * MINUTE;

/** Times relative to a base instant, in the seeded workspaces' local time (UTC+7), picked with `rng`. */
export class SeedTime {
  constructor(
    readonly base: Date,
    private readonly rng: Rng,
  ) {}

  /** `minutes` after `at`. */
  plusMinutes(at: Date, minutes: number): Date {
    return new Date(at.getTime() + Math.round(minutes) * MINUTE);
  }

  /** `days` after the base (negative: before), at the base's time of day. */
  day(days: number): Date {
    return new Date(this.base.getTime() + days * DAY);
  }

  /**
   * A random moment in working hours (Mon–Fri, `from`–`to` local time) between `maxDaysAgo` and `minDaysAgo`
   * days before the base (negative numbers: after it). Weekend days move to the Friday before.
   */
  workTime(minDaysAgo: number, maxDaysAgo: number, from = 8.5, to = 17.5): Date {
    const dayStart = this.localMidnight(this.rng.int(minDaysAgo, maxDaysAgo));
    const weekday = new Date(dayStart.getTime() + LOCAL_OFFSET).getUTCDay();
    const shift = weekday === 6 ? 1 : weekday === 0 ? 2 : 0;
    const minute = this.rng.int(Math.round(from * 60), Math.round(to * 60) - 1);
    return new Date(dayStart.getTime() - shift * DAY + minute * MINUTE);
  }

  /** A random moment of any day (every day of the week, `from`–`to` local time), like `workTime`. */
  anyTime(minDaysAgo: number, maxDaysAgo: number, from = 6, to = 22): Date {
    const dayStart = this.localMidnight(this.rng.int(minDaysAgo, maxDaysAgo));
    return new Date(dayStart.getTime() + this.rng.int(Math.round(from * 60), Math.round(to * 60) - 1) * MINUTE);
  }

  /** Local midnight (UTC+7) of the day `daysAgo` days before the base. */
  localMidnight(daysAgo: number): Date {
    const local = this.base.getTime() + LOCAL_OFFSET - daysAgo * DAY;
    return new Date(local - (local % DAY) - LOCAL_OFFSET);
  }

  /** The local calendar date (`YYYY-MM-DD`) of an instant. */
  dateOf(at: Date): string {
    return new Date(at.getTime() + LOCAL_OFFSET).toISOString().slice(0, 10);
  }

  /** The next occurrence of a birthday (`YYYY-MM-DD`) on or after the base, at 09:00 local time. */
  nextBirthday(birthday: string): Date {
    const [, month, day] = birthday.split('-').map(Number) as [number, number, number];
    const baseYear = new Date(this.base.getTime() + LOCAL_OFFSET).getUTCFullYear();
    for (const year of [baseYear, baseYear + 1]) {
      // 29 February falls on 1 March in other years, as Date.UTC rolls it over.
      const at = new Date(Date.UTC(year, month - 1, day, 9) - LOCAL_OFFSET);
      if (at.getTime() >= this.localMidnight(0).getTime()) return at;
    }
    return new Date(Date.UTC(baseYear + 1, month - 1, day, 9) - LOCAL_OFFSET);
  }
}

/** A random generator and times drawn from it, for one part of a seed (parts do not disturb each other). */
export function seedPart(base: Date, name: string): { rng: Rng; time: SeedTime } {
  const rng = new Rng(seedOf(name));
  return { rng, time: new SeedTime(base, rng) };
}

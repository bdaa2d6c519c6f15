/** The server's source of time; tests inject a controllable one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that only moves when told to: for tests of SLA timers and expiry.
 *
 * @example
 * const clock = manualClock('2026-11-23T02:00:00Z');
 * clock.advance({ minutes: 30 });
 */
export function manualClock(
  start: string | Date,
): Clock & { set(at: string | Date): void; advance(by: { minutes?: number; hours?: number; seconds?: number }): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (at) => {
      t = new Date(at).getTime();
    },
    advance: ({ minutes = 0, hours = 0, seconds = 0 }) => {
      t += ((hours * 60 + minutes) * 60 + seconds) * 1000;
    },
  };
}

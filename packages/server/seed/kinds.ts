import type { Clock } from '../src/core/clock.js';

/** The data sets `seedDatabase` can load. */
export const SEED_KINDS = ['demo', 'fitness'] as const;
export type SeedKind = (typeof SEED_KINDS)[number];

/** Options of `seedDatabase`. */
export interface SeedOptions {
  /**
   * The instant the data is relative to ("now" for the seed): activities, tickets and due dates are placed
   * around it. Default: a fixed 2026-11-01T00:00:00Z, so the same kind always gives the same data.
   */
  clock?: Clock;
}

import type { RecordOf, Schemas } from '@crmkit/client';
import { idleDays, isRotting, type NextActivityState, nextActivityState } from '@crmkit/core';

/** A deal as the board shows it. */
export type BoardDeal = RecordOf<'deals'>;

/** A stage of the board's pipeline. */
export type BoardStage = Schemas['Stage'];

const DAY = 86_400_000;

/** What a card shows that depends on the clock. */
export interface DealFacts {
  /** Whole days since the deal entered its stage. */
  daysInStage: number;
  /** Whole idle days, when the deal rots (idle past its stage's threshold). */
  rottingDays: number | undefined;
  activity: NextActivityState;
  /** The expected close date is before today and the deal is still open. */
  closeOverdue: boolean;
}

/**
 * The facts of a deal at `now`, by the rules of @crmkit/core (the same the server filters and groups by): days in
 * stage, whether it rots and for how long, the state of its next activity, and whether its expected close date has
 * passed. `dayOf` gives the date (`YYYY-MM-DD`) of an instant in the provider's time zone; `today` is `dayOf(now)`.
 *
 * @example
 * const facts = dealFacts(deal, stage, Date.now(), f.dayKey(new Date()), (t) => f.dayKey(new Date(t)));
 */
export function dealFacts(
  deal: BoardDeal,
  stage: BoardStage | undefined,
  now: number,
  today: string,
  dayOf: (instant: string | number) => string,
): DealFacts {
  return {
    daysInStage: Math.max(0, Math.floor((now - Date.parse(deal.stageEnteredAt)) / DAY)),
    rottingDays: stage && isRotting(deal, stage, now) ? idleDays(deal, now) : undefined,
    activity: nextActivityState(deal.nextActivityAt, now, dayOf),
    closeOverdue: deal.status === 'open' && !!deal.expectedCloseDate && deal.expectedCloseDate < today,
  };
}

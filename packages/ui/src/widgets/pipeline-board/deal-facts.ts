import type { RecordOf, Schemas } from '@crmkit/client';

/** A deal as the board reads it: the fields of the contract, and those a server may not send yet. */
export type BoardDeal = RecordOf<'deals'> & {
  stageEnteredAt?: string | null;
  lastActivityAt?: string | null;
  nextActivityAt?: string | null;
};

/** A stage, with the idle threshold a server may not send yet. */
export type BoardStage = Schemas['Stage'] & { rottingDays?: number | null };

/** Where a deal's next open task or reminder stands: overdue, due today, later, or none planned. */
export type ActivityState = 'overdue' | 'today' | 'future' | 'none';

const DAY = 86_400_000;

/** What a card shows that depends on the clock: computed per card render, from the deal and "now". */
export interface DealFacts {
  /** Whole days since the deal entered its stage (undefined when the server does not say). */
  daysInStage: number | undefined;
  /** Whole days without activity, when that is past the stage's idle threshold (an open deal "rots"). */
  rottingDays: number | undefined;
  activity: ActivityState;
  /** The expected close date is before today and the deal is still open. */
  closeOverdue: boolean;
}

/**
 * The facts of a deal at `now`: days in stage, whether it is idle past its stage's threshold (rotting: the later of
 * entering the stage and the last activity, as Pipedrive counts it; any activity resets it), the state of its next
 * activity, and whether its expected close date has passed. `today` is the date of `now` in the provider's time zone.
 *
 * @example
 * const facts = dealFacts(deal, stage, Date.now(), f.dayKey(new Date()));
 */
export function dealFacts(
  deal: BoardDeal,
  stage: BoardStage | undefined,
  now: number,
  today: string,
  dayOf: (iso: string) => string,
): DealFacts {
  const entered = deal.stageEnteredAt ? Date.parse(deal.stageEnteredAt) : Number.NaN;
  const daysInStage = Number.isNaN(entered) ? undefined : Math.max(0, Math.floor((now - entered) / DAY));
  const last = deal.lastActivityAt ? Date.parse(deal.lastActivityAt) : Number.NaN;
  const idleSince = Math.max(Number.isNaN(entered) ? -Infinity : entered, Number.isNaN(last) ? -Infinity : last);
  const idle = Number.isFinite(idleSince) ? Math.floor((now - idleSince) / DAY) : undefined;
  const threshold = stage?.rottingDays;
  const rotting =
    deal.status === 'open' && threshold != null && idle !== undefined && idle > threshold ? idle : undefined;
  const next = deal.nextActivityAt;
  const activity: ActivityState = !next
    ? 'none'
    : Date.parse(next) < now
      ? 'overdue'
      : dayOf(next) === today
        ? 'today'
        : 'future';
  const closeOverdue = deal.status === 'open' && !!deal.expectedCloseDate && deal.expectedCloseDate < today;
  return { daysInStage, rottingDays: rotting, activity, closeOverdue };
}

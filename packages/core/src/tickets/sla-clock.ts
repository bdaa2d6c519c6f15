import { type BusinessCalendar, businessMinutesBetween } from './business-time.js';

/** The SLA targets of a ticket, in the order they usually come due. */
export const SLA_TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** A ticket's SLA as the contract returns it (`Ticket.sla`). */
export interface SlaFacts {
  status: 'active' | 'paused' | 'hit' | 'missed';
  firstResponseDueAt: string | null;
  firstResponseAt: string | null;
  firstResponseBreached: boolean;
  nextResponseDueAt: string | null;
  nextResponseBreached: boolean;
  resolutionDueAt: string | null;
  resolutionBreached: boolean;
  pausedAt: string | null;
  nextBreachAt: string | null;
}

/**
 * Where the clock that matters next stands: `on_track`, `at_risk` (inside the policy's warning window), `breached`
 * (due and not met), `paused` (pending / on hold), `hit` (every target met), `missed` (settled with a breach).
 */
export type SlaClockState = 'on_track' | 'at_risk' | 'breached' | 'paused' | 'hit' | 'missed';

/** The SLA clock that matters next for a ticket. */
export interface SlaClock {
  state: SlaClockState;
  /** The target this clock measures; null once settled (`hit`, `missed`). */
  target: SlaTarget | null;
  dueAt: string | null;
  /**
   * Business minutes left until `dueAt` (negative once overdue); while paused, what was left when the clock stopped.
   * Null without a due time.
   */
  businessMinutesLeft: number | null;
  /** Some target was already missed (the ticket is in breach even if another clock still runs on time). */
  missedBefore: boolean;
}

const DUE = {
  firstResponse: 'firstResponseDueAt',
  nextResponse: 'nextResponseDueAt',
  resolution: 'resolutionDueAt',
} as const satisfies Record<SlaTarget, keyof SlaFacts>;
const BREACHED = {
  firstResponse: 'firstResponseBreached',
  nextResponse: 'nextResponseBreached',
  resolution: 'resolutionBreached',
} as const satisfies Record<SlaTarget, keyof SlaFacts>;

/** Whether a target is still owed: it has a due time and was not met (breached targets stay owed until met). */
function isOwed(sla: SlaFacts, target: SlaTarget): boolean {
  if (sla[DUE[target]] === null) return false;
  return target !== 'firstResponse' || sla.firstResponseAt === null;
}

/** The owed target with the earliest due time (the one that matters next), or null. */
function nextTarget(sla: SlaFacts): SlaTarget | null {
  let best: SlaTarget | null = null;
  for (const t of SLA_TARGETS) {
    if (!isOwed(sla, t)) continue;
    if (best === null || Date.parse(sla[DUE[t]]!) < Date.parse(sla[DUE[best]]!)) best = t;
  }
  return best;
}

/**
 * The clock a queue shows for a ticket: the next target to come due, how much business time is left, and its state —
 * on track, at risk once inside the policy's warning window (`warnBeforeMinutes` before the due time, as the server's
 * `ticket.sla.warning`), breached once due and not met; paused while pending or on hold; hit or missed once solved.
 *
 * @example
 * const clock = slaClock(ticket.sla, ticket.status, { warnBeforeMinutes: 30, calendar }, new Date());
 * if (clock?.state === 'at_risk') badge(`${clock.target} due in ${clock.businessMinutesLeft} min`);
 */
export function slaClock(
  sla: SlaFacts | null,
  ticketStatus: string,
  policy: { warnBeforeMinutes: number; calendar: BusinessCalendar },
  now: Date,
): SlaClock | null {
  if (!sla) return null;
  const missedBefore =
    sla.status === 'missed' || sla.firstResponseBreached || sla.nextResponseBreached || sla.resolutionBreached;
  const target = ticketStatus === 'solved' || ticketStatus === 'closed' ? null : nextTarget(sla);
  if (target === null) {
    return { state: missedBefore ? 'missed' : 'hit', target, dueAt: null, businessMinutesLeft: null, missedBefore };
  }
  const dueAt = sla[DUE[target]]!;
  const dueMs = Date.parse(dueAt);
  if (sla.pausedAt !== null) {
    const left = businessMinutesBetween(sla.pausedAt, dueAt, policy.calendar);
    return { state: 'paused', target, dueAt, businessMinutesLeft: Math.round(left), missedBefore };
  }
  const t = now.getTime();
  const state: SlaClockState =
    sla[BREACHED[target]] || t >= dueMs
      ? 'breached'
      : t >= dueMs - policy.warnBeforeMinutes * 60_000
        ? 'at_risk'
        : 'on_track';
  const left = businessMinutesBetween(now, dueAt, policy.calendar);
  return { state, target, dueAt, businessMinutesLeft: Math.round(left), missedBefore };
}

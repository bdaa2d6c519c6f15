import { addBusinessMinutes, businessMinutesBetween } from '@crmkit/core/tickets';
import type { BusinessCalendar, TicketSla, TicketStatus } from '@crmkit/spec';
import type { SlaPlan } from './policy.js';

/**
 * The SLA state machine of a ticket, as pure functions over its stored state. Callers clone the state,
 * apply the steps of one write in order, then {@link summarize}.
 */

export const SLA_TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** Bookkeeping stored with the SLA (in the `sla` jsonb) but not part of the API record. */
export interface SlaClock {
  /** Business minutes the clocks have stood still so far (pending, on hold, solved, closed). */
  pausedMinutes: number;
  /** Start of the running next-response cycle (the customer's message), or null. */
  nextResponseFrom: string | null;
  /** Business minutes paused since that cycle started. */
  nextResponsePausedMinutes: number;
  /** Targets whose `ticket.sla.warning` was emitted. */
  warned: Record<SlaTarget, boolean>;
}

/** The SLA as stored: the API's `TicketSla` plus its clock. */
export type StoredSla = TicketSla & { clock: SlaClock };

/** Statuses in which every SLA clock stands still: waiting for the customer or a third party, or done. */
export const STOPPED_STATUSES: ReadonlySet<TicketStatus> = new Set(['pending', 'on_hold', 'solved', 'closed']);
const DONE_STATUSES: ReadonlySet<TicketStatus> = new Set(['solved', 'closed']);

const DUE = {
  firstResponse: 'firstResponseDueAt',
  nextResponse: 'nextResponseDueAt',
  resolution: 'resolutionDueAt',
} as const satisfies Record<SlaTarget, keyof TicketSla>;
const BREACHED = {
  firstResponse: 'firstResponseBreached',
  nextResponse: 'nextResponseBreached',
  resolution: 'resolutionBreached',
} as const satisfies Record<SlaTarget, keyof TicketSla>;

const emptyClock = (): SlaClock => ({
  pausedMinutes: 0,
  nextResponseFrom: null,
  nextResponsePausedMinutes: 0,
  warned: { firstResponse: false, nextResponse: false, resolution: false },
});

const later = (from: string | Date, minutes: number, calendar: BusinessCalendar) =>
  addBusinessMinutes(from, minutes, calendar).toISOString();

/** The due time of a target, or null when it has none. */
export function dueOf(sla: TicketSla, target: SlaTarget): string | null {
  return sla[DUE[target]];
}

/** Whether a target's clock is running: it has a due time, is neither met nor breached, and nothing is paused. */
export function isRunning(sla: TicketSla, target: SlaTarget): boolean {
  if (sla.pausedAt !== null || sla[DUE[target]] === null || sla[BREACHED[target]]) return false;
  return target !== 'firstResponse' || sla.firstResponseAt === null;
}

/** A deep copy of stored SLA state (tolerating state written without a clock). */
export function cloneSla(sla: TicketSla & { clock?: Partial<SlaClock> }): StoredSla {
  const clock = { ...emptyClock(), ...sla.clock };
  return { ...sla, clock: { ...clock, warned: { ...emptyClock().warned, ...clock.warned } } };
}

/** The API view of stored state. */
export function publicSla(sla: StoredSla): TicketSla {
  const { clock: _clock, ...rest } = sla;
  return rest;
}

/** Fresh SLA state for a ticket created at `createdAt`: due times from the plan's targets in business time. */
export function startSla(plan: SlaPlan, createdAt: string | Date): StoredSla {
  const { firstResponseMinutes: first, resolutionMinutes: resolution } = plan.targets;
  return {
    policyId: plan.policy.id,
    status: 'active',
    firstResponseDueAt: first ? later(createdAt, first, plan.calendar) : null,
    firstResponseAt: null,
    firstResponseBreached: false,
    nextResponseDueAt: null,
    nextResponseBreached: false,
    resolutionDueAt: resolution ? later(createdAt, resolution, plan.calendar) : null,
    resolutionBreached: false,
    pausedAt: null,
    nextBreachAt: null,
    clock: emptyClock(),
  };
}

/** Marks every running target whose due time has come as breached; returns those targets. */
export function settle(sla: StoredSla, now: Date): SlaTarget[] {
  const breached: SlaTarget[] = [];
  for (const target of SLA_TARGETS) {
    const due = sla[DUE[target]];
    if (isRunning(sla, target) && due !== null && Date.parse(due) <= now.getTime()) {
      sla[BREACHED[target]] = true;
      breached.push(target);
    }
  }
  return breached;
}

/**
 * Applies another plan (policy or priority changed): due times of targets still open are recomputed from
 * their start, plus the business time paused since. Met and breached targets keep their history.
 */
export function retarget(sla: StoredSla, plan: SlaPlan, createdAt: string): void {
  const { firstResponseMinutes: first, nextResponseMinutes: next, resolutionMinutes: resolution } = plan.targets;
  const before = { ...sla };
  sla.policyId = plan.policy.id;
  if (sla.firstResponseAt === null && !sla.firstResponseBreached) {
    sla.firstResponseDueAt = first ? later(createdAt, first + sla.clock.pausedMinutes, plan.calendar) : null;
  }
  if (!sla.resolutionBreached) {
    sla.resolutionDueAt = resolution ? later(createdAt, resolution + sla.clock.pausedMinutes, plan.calendar) : null;
  }
  const from = sla.clock.nextResponseFrom;
  if (from !== null && !sla.nextResponseBreached) {
    sla.nextResponseDueAt = next ? later(from, next + sla.clock.nextResponsePausedMinutes, plan.calendar) : null;
    if (!next) sla.clock.nextResponseFrom = null;
  }
  for (const target of SLA_TARGETS) {
    if (before[DUE[target]] !== sla[DUE[target]]) sla.clock.warned[target] = false;
  }
}

/** A public reply by an agent: records the first response and stops the next-response clock. */
export function agentReplied(sla: StoredSla, now: Date): void {
  if (sla.firstResponseAt === null) sla.firstResponseAt = now.toISOString();
  if (sla.clock.nextResponseFrom !== null) {
    sla.nextResponseDueAt = null;
    sla.clock.nextResponseFrom = null;
    sla.clock.nextResponsePausedMinutes = 0;
  }
}

/**
 * A message from the customer: after the first response, starts a next-response cycle unless one is running
 * (or the clocks stand still, e.g. on a closed ticket).
 */
export function customerWrote(sla: StoredSla, plan: SlaPlan, now: Date): void {
  const minutes = plan.targets.nextResponseMinutes;
  if (!minutes || sla.firstResponseAt === null || sla.clock.nextResponseFrom !== null || sla.pausedAt !== null) return;
  sla.clock.nextResponseFrom = now.toISOString();
  sla.clock.nextResponsePausedMinutes = 0;
  sla.clock.warned.nextResponse = false;
  sla.nextResponseDueAt = later(now, minutes, plan.calendar);
  sla.nextResponseBreached = false;
}

/**
 * A status change: entering pending/on hold/solved/closed stops the clocks (`pausedAt`); leaving them pushes
 * every running due time forward by the business time spent stopped.
 */
export function changeStatus(
  sla: StoredSla,
  from: TicketStatus,
  to: TicketStatus,
  now: Date,
  calendar: BusinessCalendar,
): void {
  const wasStopped = STOPPED_STATUSES.has(from);
  const stops = STOPPED_STATUSES.has(to);
  if (!stops && sla.pausedAt === null) return;
  if (stops) {
    if (!wasStopped || sla.pausedAt === null) sla.pausedAt = now.toISOString();
    return;
  }
  const paused = businessMinutesBetween(sla.pausedAt!, now, calendar);
  sla.pausedAt = null;
  if (paused <= 0) return;
  for (const target of SLA_TARGETS) {
    const due = sla[DUE[target]];
    if (due !== null && isRunning(sla, target)) sla[DUE[target]] = later(due, paused, calendar);
  }
  sla.clock.pausedMinutes += paused;
  if (sla.clock.nextResponseFrom !== null) sla.clock.nextResponsePausedMinutes += paused;
}

/** Sets `status` and `nextBreachAt` from the state and the ticket's status. */
export function summarize(sla: StoredSla, ticketStatus: TicketStatus): StoredSla {
  const missed =
    sla.status === 'missed' || sla.firstResponseBreached || sla.nextResponseBreached || sla.resolutionBreached;
  sla.status = missed
    ? 'missed'
    : DONE_STATUSES.has(ticketStatus)
      ? 'hit'
      : STOPPED_STATUSES.has(ticketStatus)
        ? 'paused'
        : 'active';
  const running = SLA_TARGETS.filter((t) => isRunning(sla, t)).map((t) => sla[DUE[t]]!);
  sla.nextBreachAt = running.length > 0 ? running.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null;
  return sla;
}

/**
 * Running targets that entered their warning window (`warnBeforeMinutes` before the due time, not yet due)
 * and were not warned about; marks them warned.
 */
export function dueWarnings(sla: StoredSla, now: Date, warnBeforeMinutes: number): SlaTarget[] {
  if (warnBeforeMinutes <= 0) return [];
  const out: SlaTarget[] = [];
  for (const target of SLA_TARGETS) {
    const due = sla[DUE[target]];
    if (due === null || !isRunning(sla, target) || sla.clock.warned[target]) continue;
    const dueMs = Date.parse(due);
    if (now.getTime() >= dueMs - warnBeforeMinutes * 60_000 && now.getTime() < dueMs) {
      sla.clock.warned[target] = true;
      out.push(target);
    }
  }
  return out;
}

/** Targets flagged breached in `after` but not in `before`. */
export function newlyBreached(before: TicketSla | null, after: TicketSla | null): SlaTarget[] {
  if (!after) return [];
  return SLA_TARGETS.filter((t) => after[BREACHED[t]] && !before?.[BREACHED[t]]);
}

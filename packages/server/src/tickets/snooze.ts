import type { TicketSnooze } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { fieldError, validationFailed } from '../http/problem.js';
import type { AnyRecord } from '../resources/engine.js';

/** Why a snoozed ticket woke up: its time came, the customer wrote, or someone woke it (or solved it). */
export type WakeReason = 'time' | 'reply' | 'user';

/** Wake reasons of the tickets a write wakes, by ticket id, until `emitSnoozeEvents` reads them. */
const reasons = new WeakMap<WriteContext, Map<string, WakeReason>>();

/** Notes why `ticketId` wakes up in this write (the default is `user`). */
export function wakeBecause(w: WriteContext, ticketId: string, reason: WakeReason): void {
  const map = reasons.get(w) ?? new Map<string, WakeReason>();
  map.set(ticketId, reason);
  reasons.set(w, map);
}

/**
 * The columns of a snooze change in a ticket patch: `{ until }` snoozes (a time in the future, or null for "until the
 * customer replies"), `null` wakes. Solving or closing a ticket wakes it too.
 */
export function snoozeColumns(
  w: WriteContext,
  patch: Record<string, unknown>,
  existing: AnyRecord,
): { snooze?: TicketSnooze | null; snoozedUntil?: string | null } {
  const closing = patch.status === 'solved' || patch.status === 'closed';
  if (!('snooze' in patch) && !(closing && existing.snooze)) return {};
  const input = closing ? null : (patch.snooze as { until: string | null } | null);
  if (input === null) return { snooze: null, snoozedUntil: null };
  if (input.until !== null && Date.parse(input.until) <= w.now.getTime()) {
    throw validationFailed([fieldError('snooze.until', 'future', 'must be in the future')]);
  }
  const until = input.until === null ? null : new Date(input.until).toISOString();
  return {
    snooze: { until, since: w.now.toISOString(), by: w.principal.userId },
    snoozedUntil: until,
  };
}

/** Emits `ticket.snoozed` or `ticket.unsnoozed` (with `wokenBy`) when a write changed whether a ticket sleeps. */
export function emitSnoozeEvents(w: WriteContext, record: AnyRecord, existing: AnyRecord | null): void {
  const was = existing?.snooze ?? null;
  const now = record.snooze ?? null;
  if (now && (!was || JSON.stringify(now) !== JSON.stringify(was))) {
    w.emit({ type: 'ticket.snoozed', resource: 'tickets', resourceId: record.id, data: record });
  } else if (was && !now) {
    const wokenBy = reasons.get(w)?.get(record.id) ?? 'user';
    w.emit({ type: 'ticket.unsnoozed', resource: 'tickets', resourceId: record.id, data: { ...record, wokenBy } });
  }
}

import type { TicketChannel, TicketPriority, TicketSla, TicketStatus } from '@crmkit/spec';
import type { WriteContext } from '../../core/context.js';
import type { Queryable } from '../../db/types.js';
import { matchPolicy } from './policy.js';
import {
  agentReplied,
  changeStatus,
  cloneSla,
  customerWrote,
  dueOf,
  newlyBreached,
  retarget,
  type SlaTarget,
  STOPPED_STATUSES,
  type StoredSla,
  settle,
  startSla,
  summarize,
} from './state.js';

/** The ticket attributes its SLA depends on. */
export interface SlaTicket {
  id?: string;
  createdAt: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  teamId: string | null;
}

/** One write's change to a ticket, as the SLA sees it. */
export interface SlaChange {
  /** The stored state before the write (null: none yet). */
  stored: StoredSla | null;
  /** The ticket before the write; null on create. */
  before: SlaTicket | null;
  after: SlaTicket;
  /** A public reply by an agent, or a message from the customer, written with this change. */
  message?: 'agent' | 'customer';
}

/** The stored SLA state of a ticket (with its clock), or null. Query inside the write that changes it. */
export async function loadStoredSla(db: Queryable, workspaceId: string, ticketId: string): Promise<StoredSla | null> {
  const { rows } = await db.query<{ sla: StoredSla | null }>(
    'SELECT sla FROM tickets WHERE workspace_id = $1 AND id = $2',
    [workspaceId, ticketId],
  );
  return rows[0]?.sla ? cloneSla(rows[0].sla) : null;
}

async function firstAgentReplyAt(w: WriteContext, ticketId: string): Promise<string | null> {
  const { rows } = await w.tx.query<{ at: string | null }>(
    `SELECT min(created_at) AS at FROM ticket_messages
      WHERE workspace_id = $1 AND ticket_id = $2 AND kind = 'reply' AND author_type = 'user'`,
    [w.principal.workspaceId, ticketId],
  );
  return rows[0]?.at ?? null;
}

/**
 * The SLA state after a write: the policy is (re)matched on priority, channel and team; breaches that came due
 * are flagged; then the message and the status change are applied in the order they happened. Without the
 * `sla` capability the state is left as it was.
 */
export async function evolveSla(w: WriteContext, change: SlaChange): Promise<StoredSla | null> {
  if (!w.capabilities.sla) return change.stored;
  const { before, after, message } = change;
  const now = w.now;
  const plan = matchPolicy(w.principal.settings, after);
  let sla = change.stored ? cloneSla(change.stored) : null;
  if (sla) settle(sla, now);
  if (!plan) return null;
  if (!sla) {
    sla = startSla(plan, after.createdAt);
    if (before?.id) {
      // A policy starts to apply to an existing ticket: measure from its creation.
      sla.firstResponseAt = await firstAgentReplyAt(w, before.id);
      const due = sla.firstResponseDueAt;
      if (sla.firstResponseAt && due && sla.firstResponseAt > due) sla.firstResponseBreached = true;
      if (STOPPED_STATUSES.has(before.status)) sla.pausedAt = now.toISOString();
      settle(sla, now);
    }
  } else if (sla.policyId !== plan.policy.id || before?.priority !== after.priority) {
    retarget(sla, plan, after.createdAt);
    settle(sla, now);
  }
  const from = before?.status ?? 'new';
  if (message === 'agent') agentReplied(sla, now);
  changeStatus(sla, from, after.status, now, plan.calendar);
  if (message === 'customer') customerWrote(sla, plan, now);
  return summarize(sla, after.status);
}

/** Column values of a ticket for its SLA state (the `sla` jsonb plus the filterable `slaStatus`/`nextBreachAt`). */
export function slaColumns(sla: StoredSla | null): {
  sla: StoredSla | null;
  slaStatus: string | null;
  nextBreachAt: string | null;
} {
  return { sla, slaStatus: sla?.status ?? null, nextBreachAt: sla?.nextBreachAt ?? null };
}

/** Payload of `ticket.sla.warning` / `ticket.sla.breached`: the ticket, plus which target and its due time. */
export function slaEventData(ticket: Record<string, unknown>, target: SlaTarget): Record<string, unknown> {
  const sla = ticket.sla as TicketSla | null;
  return { ...ticket, slaTarget: target, slaDueAt: sla ? dueOf(sla, target) : null };
}

/** Emits `ticket.sla.breached` for every target the write flagged as breached. */
export function emitBreaches(
  w: WriteContext,
  record: Record<string, unknown> & { id: string },
  existing: Record<string, unknown> | null,
): void {
  const breached = newlyBreached((existing?.sla as TicketSla | null) ?? null, record.sla as TicketSla | null);
  for (const target of breached) {
    w.emit({
      type: 'ticket.sla.breached',
      resource: 'tickets',
      resourceId: record.id,
      data: slaEventData(record, target),
    });
  }
}

import { type TicketStatus, type TicketView, tickets } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import type { AnyRecord, ResourceDef } from '../resources/engine.js';
import { rowToRecord, type TableDef } from '../resources/table.js';
import { unlinkActivities } from '../timeline/links.js';
import { assertAssignable, nextAgent, routeTeam } from './assignment.js';
import { insertMessage, lastMessageOf, renderBody } from './messages.js';
import type { SanitizedBody } from './sanitize.js';
import { cloneSla, publicSla, type StoredSla } from './sla/state.js';
import { emitBreaches, evolveSla, loadStoredSla, type SlaTicket, slaColumns } from './sla/ticket-sla.js';
import { emitSnoozeEvents, snoozeColumns } from './snooze.js';
import { viewCondition } from './views.js';

const table: TableDef = {
  table: 'tickets',
  idPrefix: 'tkt',
  fields: {
    number: { column: 'number', kind: 'int', notNull: true, readOnly: true },
    subject: { column: 'subject', kind: 'text', notNull: true },
    status: { column: 'status', kind: 'text', notNull: true },
    priority: {
      column: 'priority',
      kind: 'text',
      notNull: true,
      // Sorted by severity (low → urgent), not alphabetically.
      sortExpr: "(CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 WHEN 'urgent' THEN 3 END)",
    },
    channel: { column: 'channel', kind: 'text', notNull: true },
    requesterId: { column: 'requester_id', kind: 'text' },
    assigneeId: { column: 'assignee_id', kind: 'text' },
    teamId: { column: 'team_id', kind: 'text' },
    tags: { column: 'tags', kind: 'textarr', notNull: true },
    customFields: { column: 'custom_fields', kind: 'json', notNull: true },
    sla: { column: 'sla', kind: 'json', readOnly: true },
    // Filter/sort-only copies of `sla.status` and `sla.nextBreachAt`; left out of the record by `toRecord`.
    slaStatus: { column: 'sla_status', kind: 'text', readOnly: true },
    nextBreachAt: { column: 'next_breach_at', kind: 'ts', readOnly: true },
    lastMessageAt: { column: 'last_message_at', kind: 'ts', readOnly: true },
    solvedAt: { column: 'solved_at', kind: 'ts', readOnly: true },
    closedAt: { column: 'closed_at', kind: 'ts', readOnly: true },
    snooze: { column: 'snooze', kind: 'json', readOnly: true },
    // Filter-only copy of `snooze.until`, left out of the record by `toRecord`.
    snoozedUntil: { column: 'snoozed_until', kind: 'ts', readOnly: true },
    mergedIntoId: { column: 'merged_into_id', kind: 'text', readOnly: true },
    lastMessage: { column: 'last_message', kind: 'json', readOnly: true },
  },
};

/** Descriptions of tickets being created, by write and ticket number, until `afterWrite` stores them. */
const pendingDescriptions = new WeakMap<WriteContext, Map<number, SanitizedBody>>();

/** `solvedAt`/`closedAt` for a status change. */
function statusTimestamps(
  existing: Record<string, unknown> | null,
  to: TicketStatus,
  now: Date,
): { solvedAt: string | null; closedAt: string | null } {
  const at = now.toISOString();
  if (to === 'solved') return { solvedAt: at, closedAt: null };
  if (to === 'closed') return { solvedAt: (existing?.solvedAt as string | null | undefined) ?? at, closedAt: at };
  return { solvedAt: null, closedAt: null };
}

const slaFacts = (t: Record<string, unknown>): SlaTicket => t as unknown as SlaTicket;

function normalize(values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  if (Array.isArray(out.tags)) out.tags = [...new Set(out.tags as string[])];
  return out;
}

const SLA_INPUTS = ['status', 'priority', 'channel', 'teamId'] as const;

/**
 * Tickets: numbered per workspace, routed to a team and an agent on arrival, with SLA targets in business time.
 * The first message comes from `description`; replies and notes go through `/v1/tickets/{id}/messages`.
 * Server-side updates may pass a precomputed `sla` (see `evolveSla`); client patches never contain one.
 */
export const ticketResource: ResourceDef = {
  spec: tickets,
  permission: 'tickets',
  entity: 'ticket',
  table,
  refs: {
    requesterId: { table: 'contacts', what: 'contact' },
    assigneeId: { table: 'users', what: 'user' },
    teamId: { table: 'teams', what: 'team' },
  },
  toRecord(row) {
    const { slaStatus: _status, nextBreachAt: _next, snoozedUntil: _until, ...record } = rowToRecord(table, row);
    return { ...record, sla: row.sla ? publicSla(cloneSla(row.sla as StoredSla)) : null };
  },
  async decorate(ctx, records) {
    if (!ctx.capabilities.sla) for (const r of records) r.sla = null;
  },
  async prepareCreate(w, input) {
    const { description, ...rest } = input;
    const values: Record<string, unknown> = {
      status: 'new',
      priority: 'normal',
      channel: 'web',
      requesterId: null,
      assigneeId: null,
      teamId: null,
      tags: [],
      ...normalize(rest),
    };
    const { rows } = await w.tx.query<{ ticket_seq: number }>(
      'UPDATE workspaces SET ticket_seq = ticket_seq + 1 WHERE id = $1 RETURNING ticket_seq',
      [w.principal.workspaceId],
    );
    values.number = rows[0]!.ticket_seq;
    if (values.assigneeId) {
      await assertAssignable(w, values.assigneeId as string);
    } else {
      values.teamId = await routeTeam(w, slaFacts(values));
      if (values.teamId) values.assigneeId = await nextAgent(w, values.teamId as string);
    }
    Object.assign(values, statusTimestamps(null, values.status as TicketStatus, w.now));
    if (typeof description === 'string' && description.trim() !== '') {
      values.lastMessageAt = w.now.toISOString();
      const pending = pendingDescriptions.get(w) ?? new Map<number, SanitizedBody>();
      pending.set(values.number as number, renderBody(description, 'auto', 'description'));
      pendingDescriptions.set(w, pending);
    }
    const sla = await evolveSla(w, {
      stored: null,
      before: null,
      after: slaFacts({ ...values, createdAt: w.now.toISOString() }),
    });
    return Object.assign(values, slaColumns(sla));
  },
  async prepareUpdate(w, patch, existing) {
    const out = { ...normalize(patch), ...snoozeColumns(w, patch, existing) };
    if (typeof patch.assigneeId === 'string' && patch.assigneeId !== existing.assigneeId) {
      await assertAssignable(w, patch.assigneeId);
    }
    const status = patch.status as TicketStatus | undefined;
    if (status !== undefined && status !== existing.status)
      Object.assign(out, statusTimestamps(existing, status, w.now));
    if ('sla' in patch) return Object.assign(out, slaColumns(patch.sla as StoredSla | null));
    if (SLA_INPUTS.some((k) => patch[k] !== undefined && patch[k] !== existing[k])) {
      const sla = await evolveSla(w, {
        stored: await loadStoredSla(w.tx, w.principal.workspaceId, existing.id),
        before: slaFacts(existing),
        after: slaFacts({ ...existing, ...out }),
      });
      if (w.capabilities.sla) Object.assign(out, slaColumns(sla));
    }
    return out;
  },
  async afterWrite(w, record, existing) {
    if (!existing) {
      const description = pendingDescriptions.get(w)?.get(record.number as number);
      if (description !== undefined) {
        pendingDescriptions.get(w)!.delete(record.number as number);
        const message = await insertMessage(w, {
          ticketId: record.id,
          kind: 'reply',
          authorType: 'contact',
          authorId: (record.requesterId as string | null) ?? null,
          body: description,
        });
        await w.tx.query('UPDATE tickets SET last_message = $3 WHERE workspace_id = $1 AND id = $2', [
          w.principal.workspaceId,
          record.id,
          JSON.stringify(lastMessageOf(message)),
        ]);
      }
      if (record.assigneeId)
        w.emit({ type: 'ticket.assigned', resource: 'tickets', resourceId: record.id, data: record });
    }
    emitBreaches(w, record, existing);
    emitSnoozeEvents(w, record, existing);
  },
  updateEvent(record: AnyRecord, existing: AnyRecord) {
    return record.assigneeId && record.assigneeId !== existing.assigneeId ? 'ticket.assigned' : 'ticket.updated';
  },
  listScope(ctx, query) {
    const view = query.view as TicketView | undefined;
    if (!view) return undefined;
    const now = ctx.clock.now();
    return (params) => [viewCondition(ctx, view, now, params)];
  },
  async beforeDelete(w, existing) {
    // Messages go with the ticket; activities only about it too, others lose the link.
    await unlinkActivities(w, 'ticket_id', existing.id);
  },
};

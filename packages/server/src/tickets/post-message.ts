import type { TicketMessage, TicketMessageCreate, TicketStatus } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { ProblemError, validationFailed } from '../http/problem.js';
import { applyUpdate, getRecord } from '../resources/engine.js';
import { insertMessage, lastMessageOf, messagesSince, renderBody, statusAfterMessage } from './messages.js';
import { ticketResource } from './resource.js';
import { evolveSla, loadStoredSla, type SlaTicket } from './sla/ticket-sla.js';
import { wakeBecause } from './snooze.js';

/** Checks who may write what: notes are agents' only; a customer message needs the ticket's requester. */
async function assertAuthor(w: WriteContext, ticket: Record<string, unknown>, input: TicketMessageCreate) {
  if (input.authorType !== 'contact') return;
  if (input.kind === 'note') throw validationFailed([{ path: 'authorType', message: 'notes are written by users' }]);
  if (input.status !== undefined) {
    throw validationFailed([{ path: 'status', message: 'only users can set the status with a message' }]);
  }
  const requesterId = ticket.requesterId as string | null;
  const { rows } = requesterId
    ? await w.tx.query('SELECT 1 FROM contacts WHERE workspace_id = $1 AND id = $2', [
        w.principal.workspaceId,
        requesterId,
      ])
    : { rows: [] };
  if (rows.length === 0) {
    throw validationFailed([{ path: 'authorType', message: 'the ticket has no requester to write as' }]);
  }
}

/**
 * Adds a reply or an internal note to a ticket in the write's transaction: sanitises the body, emits
 * `ticket.message.created`, and updates the ticket (`lastMessageAt`, status transitions, SLA clocks) through
 * the engine, which emits `ticket.updated`.
 */
export async function postTicketMessage(
  w: WriteContext,
  ticketId: string,
  input: TicketMessageCreate,
): Promise<TicketMessage> {
  const ticket = await getRecord(w, ticketResource, ticketId, w.tx, true);
  await assertAuthor(w, ticket, input);
  const fromCustomer = input.authorType === 'contact';
  if (input.lastSeenMessageId !== undefined) {
    // The ticket row is locked: no message can slip in between this check and the insert.
    const unseen = await messagesSince(w, ticketId, input.lastSeenMessageId, fromCustomer);
    if (unseen === undefined) {
      throw validationFailed([{ path: 'lastSeenMessageId', message: 'is not a message of this ticket' }]);
    }
    if (unseen.length > 0) {
      throw new ProblemError(409, 'stale-thread', 'The thread has new messages', {
        detail: `${unseen.length === 50 ? '50 or more' : unseen.length} message(s) arrived since lastSeenMessageId; nothing was posted. Send again with the newest id to post anyway.`,
        newMessages: unseen,
      });
    }
  }
  const message = await insertMessage(w, {
    ticketId,
    kind: input.kind,
    authorType: fromCustomer ? 'contact' : 'user',
    authorId: fromCustomer ? (ticket.requesterId as string) : w.principal.userId,
    body: renderBody(input.body, input.bodyFormat ?? 'text', 'body'),
  });
  w.emit({ type: 'ticket.message.created', resource: 'tickets', resourceId: ticketId, data: { ...message } });

  const status = statusAfterMessage(ticket.status as TicketStatus, input);
  const patch: Record<string, unknown> = { lastMessageAt: message.createdAt };
  if (input.kind === 'reply') patch.lastMessage = lastMessageOf(message);
  if (status !== ticket.status) patch.status = status;
  if (fromCustomer && ticket.snooze) {
    patch.snooze = null;
    wakeBecause(w, ticketId, 'reply');
  }
  if (w.capabilities.sla) {
    const before = ticket as unknown as SlaTicket;
    patch.sla = await evolveSla(w, {
      stored: await loadStoredSla(w.tx, w.principal.workspaceId, ticketId),
      before,
      after: { ...before, status },
      ...(fromCustomer
        ? { message: 'customer' as const }
        : input.kind === 'reply'
          ? { message: 'agent' as const }
          : {}),
    });
  }
  await applyUpdate(w, ticketResource, ticketId, patch, null);
  return message;
}

import type { TicketChannel, TicketPriority, TicketStatus } from '@crmkit/spec';
import type { AnyRecord } from '../src/resources/engine.js';
import { postTicketMessage } from '../src/tickets/post-message.js';
import { ticketResource } from '../src/tickets/resource.js';
import type { SeedWriter } from './writer.js';

/** A ticket to seed; its first message is `description`, from the requester. */
export interface SeedTicket {
  subject: string;
  description: string;
  priority: TicketPriority;
  channel: TicketChannel;
  requesterId: string;
  tags: string[];
  at: Date;
  /** Omit to let routing and round robin pick them, as for a real new ticket. */
  teamId?: string;
  assigneeId?: string;
  customFields?: Record<string, string | number | boolean>;
}

/** One later step of a thread: a message by the requester (`customer`), the assignee (`agent`) or a note. */
export interface SeedMessage {
  at: Date;
  from: 'customer' | 'agent' | 'note';
  body: string;
  /** Set the ticket status with an agent message or note (as agents do: "reply and mark pending"). */
  status?: TicketStatus;
}

/**
 * Creates a ticket and plays its thread through the ticket module (`postTicketMessage`), so statuses, SLA
 * clocks and `lastMessageAt` evolve exactly as they would live. `closeAt` closes a solved ticket afterwards.
 * Agent messages are written by the ticket's assignee, or `fallbackAgentId` when it has none.
 * @returns the ticket as created (before its thread)
 */
export async function seedTicketThread(
  writer: SeedWriter,
  id: string,
  ticket: SeedTicket,
  thread: readonly SeedMessage[],
  options: { fallbackAgentId: string; closeAt?: Date },
): Promise<AnyRecord> {
  const { at, ...body } = ticket;
  const created = await writer.create(ticketResource, id, body, at);
  const agentId = (created.assigneeId as string | null) ?? options.fallbackAgentId;
  for (const step of thread) {
    const fromCustomer = step.from === 'customer';
    await postTicketMessage(writer.as(step.at, fromCustomer ? null : agentId), id, {
      kind: step.from === 'note' ? 'note' : 'reply',
      body: step.body,
      ...(fromCustomer ? { authorType: 'contact' as const } : {}),
      ...(step.status && !fromCustomer ? { status: step.status } : {}),
    });
  }
  if (options.closeAt) return writer.update(ticketResource, id, { status: 'closed' }, options.closeAt, agentId);
  return created;
}

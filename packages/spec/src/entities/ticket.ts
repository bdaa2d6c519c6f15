import { CONTRACT_LIMITS } from '@crmkit/core';
import { z } from 'zod';
import { CustomFieldValues, Id, RecordBase, Tags, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';

export const TicketStatus = named('TicketStatus', z.enum(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']));
export type TicketStatus = z.infer<typeof TicketStatus>;
export const TicketPriority = named('TicketPriority', z.enum(['low', 'normal', 'high', 'urgent']));
export type TicketPriority = z.infer<typeof TicketPriority>;
export const TicketChannel = named('TicketChannel', z.enum(['email', 'phone', 'chat', 'web', 'sms', 'app', 'social']));
export type TicketChannel = z.infer<typeof TicketChannel>;

export const SlaStatus = z.enum(['active', 'paused', 'hit', 'missed']);

/** SLA state of a ticket; times are computed in business time over the policy's calendar. */
export const TicketSla = named(
  'TicketSla',
  z.object({
    policyId: Id,
    status: SlaStatus.describe(
      '`active` while a target is running, `paused` while pending/on hold, `hit` when every target was met, `missed` once any was breached.',
    ),
    firstResponseDueAt: Timestamp.nullable(),
    firstResponseAt: Timestamp.nullable(),
    firstResponseBreached: z.boolean(),
    nextResponseDueAt: Timestamp.nullable(),
    nextResponseBreached: z.boolean(),
    resolutionDueAt: Timestamp.nullable(),
    resolutionBreached: z.boolean(),
    pausedAt: Timestamp.nullable(),
    nextBreachAt: Timestamp.nullable().describe('The earliest due time still running, or null.'),
  }),
);
export type TicketSla = z.infer<typeof TicketSla>;

const ticketFields = {
  subject: z.string().trim().min(1).max(300),
  status: TicketStatus,
  priority: TicketPriority,
  channel: TicketChannel,
  requesterId: Id.nullable().describe('The contact who asked.'),
  assigneeId: Id.nullable(),
  teamId: Id.nullable(),
  tags: Tags,
  customFields: CustomFieldValues,
};

/** A customer request, with SLA targets. */
export const Ticket = named(
  'Ticket',
  z.object({
    ...RecordBase,
    ...ticketFields,
    number: z.int().min(1).describe('Human-friendly number, unique per workspace.'),
    sla: TicketSla.nullable(),
    lastMessageAt: Timestamp.nullable(),
    solvedAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
  }),
  'A customer request. Unassigned tickets are routed to a team and an agent on arrival.',
);
export type Ticket = z.infer<typeof Ticket>;

export const TicketCreate = named(
  'TicketCreate',
  z
    .strictObject({
      ...ticketFields,
      description: z
        .string()
        .max(100_000)
        .optional()
        .describe('The first message, from the requester (plain text or HTML).'),
    })
    .partial()
    .required({ subject: true }),
);
export type TicketCreate = z.infer<typeof TicketCreate>;
export const TicketUpdate = named('TicketUpdate', z.strictObject(ticketFields).partial());
export type TicketUpdate = z.infer<typeof TicketUpdate>;

export const TicketMessageKind = z.enum(['reply', 'note']);

/** A message in a ticket thread: a public reply or an internal note. */
export const TicketMessage = named(
  'TicketMessage',
  z.object({
    id: Id,
    ticketId: Id,
    kind: TicketMessageKind,
    authorType: z.enum(['user', 'contact']),
    authorId: Id.nullable(),
    bodyHtml: z.string().max(CONTRACT_LIMITS.messageHtml).describe('Sanitised HTML: safe to render.'),
    bodyText: z.string().max(100_000),
    createdAt: Timestamp,
  }),
);
export type TicketMessage = z.infer<typeof TicketMessage>;

export const TicketMessageCreate = named(
  'TicketMessageCreate',
  z.strictObject({
    kind: TicketMessageKind.describe('`note` is internal and never shown to the customer.'),
    body: z.string().min(1).max(100_000),
    bodyFormat: z.enum(['text', 'html']).optional().describe('Default `text`; HTML is sanitised.'),
    authorType: z
      .enum(['user', 'contact'])
      .optional()
      .describe('`contact`: a message from the requester (replies only).'),
    status: TicketStatus.optional().describe('Set the ticket status in the same step (e.g. reply and mark pending).'),
  }),
);
export type TicketMessageCreate = z.infer<typeof TicketMessageCreate>;

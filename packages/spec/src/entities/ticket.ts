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

/** A ticket set aside until a time or until the customer writes again, whichever comes first. */
export const TicketSnooze = named(
  'TicketSnooze',
  z.object({
    until: Timestamp.nullable().describe('When the ticket wakes up; null: only when the customer replies.'),
    since: Timestamp,
    by: Id.nullable().describe('Who snoozed it.'),
  }),
);
export type TicketSnooze = z.infer<typeof TicketSnooze>;

/** What a snooze is set with: a time, or `null` for "until the customer replies". */
export const TicketSnoozeInput = z.strictObject({
  until: Timestamp.nullable().describe('Wake-up time (in the future); null: until the customer replies.'),
});

/** The latest public message of a ticket, as a queue shows it (internal notes are never summarised here). */
export const TicketLastMessage = named(
  'TicketLastMessage',
  z.object({
    id: Id,
    authorType: z.enum(['user', 'contact']),
    authorId: Id.nullable(),
    snippet: z.string().max(200).describe('The start of its plain text, on one line.'),
    createdAt: Timestamp,
  }),
);

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
    snooze: TicketSnooze.nullable().describe(
      'Set while the ticket is snoozed; it wakes by time or on a customer reply.',
    ),
    mergedIntoId: Id.nullable().describe('The ticket this one was merged into (it is then closed).'),
    lastMessage: TicketLastMessage.nullable().describe(
      'The latest reply (from the customer or an agent); internal notes never appear here.',
    ),
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
export const TicketUpdate = named(
  'TicketUpdate',
  z
    .strictObject({
      ...ticketFields,
      snooze: TicketSnoozeInput.nullable().describe(
        'Snooze until a time (or, with `until: null`, until the customer replies); `null` wakes the ticket now.',
      ),
    })
    .partial(),
);
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
    lastSeenMessageId: Id.nullable()
      .optional()
      .describe(
        'The newest message the writer had seen (null: an empty thread). When the thread has newer messages the write is refused with a 409 `stale-thread` problem listing them; send again with the newest id to post anyway.',
      ),
  }),
);
export type TicketMessageCreate = z.infer<typeof TicketMessageCreate>;

/** The inbox views of the caller: their queues, counted by `GET /v1/tickets/views` and listed by `GET /v1/tickets?view=`. */
export const TicketView = named(
  'TicketView',
  z.enum(['mine', 'team', 'unassigned', 'open', 'atRisk', 'breached', 'snoozed', 'solved']),
  "`mine`, `team` (the caller's teams), `unassigned` and `open`: unresolved (new, open, pending, on hold), not snoozed. `atRisk`: unresolved with a running SLA target inside its policy's warning window; `breached`: unresolved with a target missed or overdue (both include snoozed tickets). `snoozed`: snoozed. `solved`: solved or closed, merged ones left out.",
);
export type TicketView = z.infer<typeof TicketView>;

/** How many tickets each view of the caller holds. */
export const TicketViewCounts = named(
  'TicketViewCounts',
  z.object({
    counts: z.object(
      Object.fromEntries(TicketView.options.map((v) => [v, z.int().min(0).max(2_000_000_000)])) as Record<
        TicketView,
        z.ZodInt
      >,
    ),
    at: Timestamp.describe('The server time the counts are for (at risk and breached depend on it).'),
  }),
);

/** Merge tickets into this one. */
export const TicketMerge = named(
  'TicketMerge',
  z.strictObject({
    sourceIds: z
      .array(Id)
      .min(1)
      .max(50)
      .describe(
        'Tickets to merge into this one: their threads move here and each is closed, linked by `mergedIntoId`.',
      ),
  }),
);

export const TicketMergeResult = named(
  'TicketMergeResult',
  z.object({
    ticket: Ticket.describe('The surviving ticket, its SLA recomputed over the combined thread.'),
    merged: z.array(Ticket).max(50).describe('The merged tickets, closed.'),
  }),
);

export const PresenceState = z.enum(['viewing', 'replying']);

/** An agent with a ticket open: short-lived, renewed by a heartbeat, gone when it expires. */
export const TicketPresence = named(
  'TicketPresence',
  z.object({
    ticketId: Id,
    userId: Id,
    state: PresenceState,
    since: Timestamp.describe('When the agent started this state.'),
    expiresAt: Timestamp.describe('Gone after this unless renewed.'),
  }),
);
export type TicketPresence = z.infer<typeof TicketPresence>;

export const TicketPresenceUpdate = named(
  'TicketPresenceUpdate',
  z.strictObject({
    state: PresenceState,
    ttlSeconds: z.int().min(5).max(300).optional().describe('How long it lasts without a renewal (default 30).'),
  }),
);

export const TicketPresenceList = named(
  'TicketPresenceList',
  z.object({ data: z.array(TicketPresence).max(1000) }),
  'Who has tickets open right now (expired entries are never listed).',
);

/** What a page of a thread is narrowed and ordered by. */
export const TicketMessageQuery = z.object({
  kind: TicketMessageKind.optional().describe('Only replies (what the customer sees) or only internal notes.'),
  sort: z
    .enum(['createdAt', '-createdAt'])
    .optional()
    .describe('Oldest first (default) or newest first, to show the latest messages before loading older ones.'),
});

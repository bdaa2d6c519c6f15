import type { Ticket, TicketMessage, TicketMessageCreate, TicketStatus } from '@crmkit/spec';
import type { RequestContext, WriteContext } from '../core/context.js';
import { dbOf } from '../core/context.js';
import { newId } from '../core/ids.js';
import { validationFailed } from '../http/problem.js';
import { type ListSource, listRows } from '../query/list.js';
import { looksLikeHtml, type SanitizedBody, sanitizeHtml, textToHtml } from './sanitize.js';

/** A message to store, its body already rendered by {@link renderBody}. */
export interface NewMessage {
  ticketId: string;
  kind: TicketMessage['kind'];
  authorType: TicketMessage['authorType'];
  authorId: string | null;
  body: SanitizedBody;
}

interface MessageRow {
  id: string;
  ticket_id: string;
  kind: TicketMessage['kind'];
  author_type: TicketMessage['authorType'];
  author_id: string | null;
  body_html: string;
  body_text: string;
  created_at: string;
}

const toMessage = (r: MessageRow): TicketMessage => ({
  id: r.id,
  ticketId: r.ticket_id,
  kind: r.kind,
  authorType: r.author_type,
  authorId: r.author_id,
  bodyHtml: r.body_html,
  bodyText: r.body_text,
  createdAt: r.created_at,
});

/** A ticket thread as a list source: oldest first, keyset-paginated by `(createdAt, id)`. */
const MESSAGES: ListSource = {
  table: 'ticket_messages',
  resolve: (name) =>
    name === 'createdAt'
      ? { expr: 'created_at', kind: 'ts', notNull: true }
      : name === 'id'
        ? { expr: 'id', kind: 'text', notNull: true }
        : undefined,
  sortable: [],
  defaultSort: 'createdAt',
  searchable: false,
};

/**
 * Sanitised HTML and plain text of a body (`auto`: HTML when it contains tags, as ticket descriptions may).
 * A body with nothing left once unsafe HTML is removed is a 400 problem at `path`.
 */
export function renderBody(body: string, format: 'text' | 'html' | 'auto', path: string): SanitizedBody {
  const html = format === 'html' || (format === 'auto' && looksLikeHtml(body));
  const rendered = html ? sanitizeHtml(body) : textToHtml(body);
  if (rendered.text === '' && rendered.html === '') {
    throw validationFailed([{ path, message: 'is empty once unsafe HTML is removed' }]);
  }
  return rendered;
}

/** Stores a message in the write's transaction (no event, no ticket update). */
export async function insertMessage(w: WriteContext, m: NewMessage): Promise<TicketMessage> {
  const { rows } = await w.tx.query<MessageRow>(
    `INSERT INTO ticket_messages (id, workspace_id, ticket_id, kind, author_type, author_id, body_html, body_text, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING *`,
    [
      newId('msg', w.now.getTime()),
      w.principal.workspaceId,
      m.ticketId,
      m.kind,
      m.authorType,
      m.authorId,
      m.body.html,
      m.body.text,
      w.now.toISOString(),
    ],
  );
  return toMessage(rows[0]!);
}

/**
 * A page of a ticket's thread, oldest first (`sort: '-createdAt'`: newest first); `kind: 'reply'` leaves internal notes
 * out (what a customer may see). The caller checks the ticket exists.
 */
export async function listMessages(
  ctx: RequestContext,
  ticketId: string,
  page: { limit?: number; cursor?: string; kind?: TicketMessage['kind']; sort?: 'createdAt' | '-createdAt' },
): Promise<{ data: TicketMessage[]; nextCursor: string | null }> {
  const { kind, ...rest } = page;
  const { rows, nextCursor } = await listRows<MessageRow & Record<string, unknown>>(dbOf(ctx), MESSAGES, {
    workspaceId: ctx.principal.workspaceId,
    ...rest,
    where: (params) => [`ticket_id = ${params.add(ticketId)}`, ...(kind ? [`kind = ${params.add(kind)}`] : [])],
  });
  return { data: rows.map(toMessage), nextCursor };
}

/**
 * The messages after `lastSeenId` in a ticket's thread (all of them when it is null), oldest first, at most the latest
 * 50 — what a writer had not seen. `publicOnly` leaves internal notes out. Undefined when `lastSeenId` is not a message
 * of the ticket.
 */
export async function messagesSince(
  w: WriteContext,
  ticketId: string,
  lastSeenId: string | null,
  publicOnly: boolean,
): Promise<TicketMessage[] | undefined> {
  const params: unknown[] = [w.principal.workspaceId, ticketId];
  let after = '';
  if (lastSeenId !== null) {
    const seen = await w.tx.query<{ created_at: string }>(
      'SELECT created_at FROM ticket_messages WHERE workspace_id = $1 AND ticket_id = $2 AND id = $3',
      [w.principal.workspaceId, ticketId, lastSeenId],
    );
    if (!seen.rows[0]) return undefined;
    params.push(seen.rows[0].created_at, lastSeenId);
    after = 'AND (created_at, id) > ($3::timestamptz, $4)';
  }
  const { rows } = await w.tx.query<MessageRow>(
    `SELECT * FROM ticket_messages WHERE workspace_id = $1 AND ticket_id = $2 ${after} ${publicOnly ? "AND kind = 'reply'" : ''}
      ORDER BY created_at DESC, id DESC LIMIT 50`,
    params,
  );
  return rows.reverse().map(toMessage);
}

/** The queue's summary of a public message: who wrote it, when, and the start of its text on one line. */
export function lastMessageOf(m: TicketMessage): TicketLastMessage {
  const line = m.bodyText.replace(/\s+/g, ' ').trim();
  return {
    id: m.id,
    authorType: m.authorType,
    authorId: m.authorId,
    snippet: line.length > 200 ? `${line.slice(0, 199)}…` : line,
    createdAt: m.createdAt,
  };
}

type TicketLastMessage = NonNullable<Ticket['lastMessage']>;

/**
 * The ticket status after a message: an explicit status wins (agents only); a public agent reply opens a new
 * ticket; a customer message reopens a pending, on-hold or solved one.
 */
export function statusAfterMessage(current: TicketStatus, input: TicketMessageCreate): TicketStatus {
  if (input.status) return input.status;
  const fromCustomer = input.authorType === 'contact';
  if (fromCustomer) return ['pending', 'on_hold', 'solved'].includes(current) ? 'open' : current;
  if (input.kind === 'reply' && current === 'new') return 'open';
  return current;
}

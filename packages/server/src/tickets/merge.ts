import { TAG_LIMITS } from '@crmkit/core';
import type { Ticket, TicketStatus } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { ProblemError, validationFailed } from '../http/problem.js';
import { type AnyRecord, applyUpdate, getRecord } from '../resources/engine.js';
import { lastMessageOf } from './messages.js';
import { ticketResource } from './resource.js';
import { matchPolicy } from './sla/policy.js';
import { replaySla } from './sla/replay.js';
import { loadStoredSla } from './sla/ticket-sla.js';

interface ThreadRow {
  id: string;
  ticket_id: string;
  kind: 'reply' | 'note';
  author_type: 'user' | 'contact';
  author_id: string | null;
  body_text: string;
  body_html: string;
  created_at: string;
}

/**
 * Merges `sourceIds` into ticket `targetId` in the write's transaction: the sources' messages (and activities) move to
 * the target's thread, each source is closed with `mergedIntoId` (`ticket.merged`), and the target takes their tags, its
 * latest reply, and an SLA rebuilt over the combined thread from the earliest ticket's creation (`ticket.updated`).
 * Anything refused — a missing ticket, the target among the sources, a ticket already merged — throws, and the caller's
 * transaction writes nothing.
 */
export async function mergeTickets(
  w: WriteContext,
  targetId: string,
  input: { sourceIds: string[] },
): Promise<{ ticket: AnyRecord; merged: AnyRecord[] }> {
  const sourceIds = [...new Set(input.sourceIds)];
  if (sourceIds.includes(targetId)) {
    throw validationFailed([{ path: 'sourceIds', message: 'cannot merge a ticket into itself' }]);
  }
  // Locks in id order, so two merges over the same tickets cannot deadlock.
  const locked = new Map<string, AnyRecord>();
  for (const id of [targetId, ...sourceIds].sort()) locked.set(id, await getRecord(w, ticketResource, id, w.tx, true));
  for (const [id, t] of locked) {
    if (t.mergedIntoId) {
      throw new ProblemError(409, 'already-merged', 'Already merged', {
        detail: `Ticket ${id} was already merged into ${t.mergedIntoId}.`,
      });
    }
  }
  const target = locked.get(targetId)!;
  const sources = sourceIds.map((id) => locked.get(id)!);
  const ws = w.principal.workspaceId;
  await w.tx.query(
    'UPDATE ticket_messages SET ticket_id = $2 WHERE workspace_id = $1 AND ticket_id = ANY($3::text[])',
    [ws, targetId, sourceIds],
  );
  await w.tx.query('UPDATE activities SET ticket_id = $2 WHERE workspace_id = $1 AND ticket_id = ANY($3::text[])', [
    ws,
    targetId,
    sourceIds,
  ]);
  const merged: AnyRecord[] = [];
  for (const source of sources) {
    const closed = await applyUpdate(
      w,
      ticketResource,
      source.id,
      { status: 'closed', mergedIntoId: targetId, lastMessage: null, snooze: null },
      null,
    );
    w.emit({ type: 'ticket.merged', resource: 'tickets', resourceId: source.id, data: closed });
    merged.push(closed);
  }

  const { rows: thread } = await w.tx.query<ThreadRow>(
    'SELECT * FROM ticket_messages WHERE workspace_id = $1 AND ticket_id = $2 ORDER BY created_at, id',
    [ws, targetId],
  );
  const lastReply = thread.filter((m) => m.kind === 'reply').at(-1);
  const patch: Record<string, unknown> = {
    tags: [...new Set([target, ...sources].flatMap((t) => t.tags as string[]))].slice(0, TAG_LIMITS.count),
    lastMessageAt: thread.at(-1)?.created_at ?? target.lastMessageAt,
    lastMessage: lastReply
      ? lastMessageOf({
          id: lastReply.id,
          ticketId: targetId,
          kind: 'reply',
          authorType: lastReply.author_type,
          authorId: lastReply.author_id,
          bodyHtml: lastReply.body_html,
          bodyText: lastReply.body_text,
          createdAt: new Date(lastReply.created_at).toISOString(),
        })
      : target.lastMessage,
  };
  if (w.capabilities.sla) {
    const t = target as unknown as Ticket;
    const plan = matchPolicy(w.principal.settings, t);
    const stored = await loadStoredSla(w.tx, ws, targetId);
    const createdAt = [target, ...sources].map((x) => x.createdAt as string).sort()[0]!;
    patch.sla = plan
      ? replaySla(
          plan,
          {
            createdAt,
            status: t.status as TicketStatus,
            pausedMinutes: stored?.clock.pausedMinutes ?? 0,
            pausedAt: stored?.pausedAt ?? null,
            messages: thread.map((m) => ({
              kind: m.kind,
              authorType: m.author_type,
              createdAt: new Date(m.created_at).toISOString(),
            })),
          },
          w.now,
        )
      : null;
  }
  const ticket = await applyUpdate(w, ticketResource, targetId, patch, null);
  return { ticket, merged };
}

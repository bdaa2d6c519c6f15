import type { CreateOf, RecordOf, Schemas, UpdateOf } from '@crmkit/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { HookResource } from './keys.js';
import { crmKeys } from './keys.js';
import { useCrm } from './provider.js';
import { useCapabilities } from './queries.js';

/**
 * What a write does to the cache (optimistic changes, rollback, echoes, invalidation) is in `writes.ts`, loaded with
 * the first write: pages that only read never download it. `preloadWrites()` loads it ahead, e.g. when a form opens.
 */
const writes = () => import('./writes.js');

/**
 * Loads what the mutation hooks need to write (also loaded by the first write itself), so that the first save after
 * a user's intent — an edit form opening, a hover on a button — starts at once.
 *
 * @example
 * <button onPointerEnter={preloadWrites} onFocus={preloadWrites} onClick={startEditing}>Edit</button>
 */
export function preloadWrites(): void {
  void writes();
}

/**
 * A write that lost a race: someone changed the record since you read it (the server answered 412). Show both and let
 * the user choose.
 */
export interface Conflict<T> {
  /** The fields this user tried to save. */
  mine: object;
  /** The record as stored now, with the other change. */
  theirs: T;
  /** The record as this user saw it before their change (undefined when it was not cached). */
  base: T | undefined;
  /** Saves `mine` again on top of `theirs` (overwriting the other change in those fields). */
  keepMine(): void;
  /** Drops `mine` and shows `theirs`. */
  takeTheirs(): void;
}

/** Variables of {@link useUpdateRecord}'s mutation. */
export interface UpdateVariables<N extends HookResource> {
  id: string;
  patch: UpdateOf<N>;
  /** The version the user saw (default: the cached record's); the write is refused if the record changed since. */
  ifVersion?: number;
}

/**
 * Changes fields of a record, optimistically: the cached record and its list rows change at once and are put back
 * exactly if the server refuses. The write carries `If-Match` with the version the user saw — or, on a server without
 * ETags, the record is read first and compared — so a concurrent change is never overwritten silently: it becomes
 * `conflict`, with `keepMine()` and `takeTheirs()`.
 *
 * @example
 * const { update, conflict, error } = useUpdateRecord('contacts');
 * update(contact.id, { lifecycleStage: 'loyal' });
 * if (conflict) return <ConflictPrompt theirs={conflict.theirs} onKeep={conflict.keepMine} onTake={conflict.takeTheirs} />;
 */
export function useUpdateRecord<N extends HookResource>(name: N) {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  const etags = useCapabilities()?.etags !== false;
  const [conflict, setConflict] = useState<Conflict<RecordOf<N>> | null>(null);
  const mutation = useMutation({
    mutationFn: async (vars: UpdateVariables<N>) =>
      (await writes()).sendUpdate(client, queryClient, name, vars as UpdateVariables<N> & { patch: object }, etags),
    onMutate: async ({ id, patch }) => {
      setConflict(null);
      return (await writes()).beginUpdate(queryClient, name, id, patch as object);
    },
    onError: (error, { patch }, session) => {
      const theirs = session?.failed(error);
      if (theirs) {
        setConflict({
          mine: patch as object,
          theirs: theirs as RecordOf<N>,
          base: session?.before as RecordOf<N> | undefined,
          keepMine: () => mutation.mutate({ id: theirs.id, patch, ifVersion: theirs.version }),
          takeTheirs: () => setConflict(null),
        });
      }
    },
    onSuccess: (record, _vars, session) => session.succeeded(record),
    onSettled: (record, _error, _vars, session) => session?.settled(record),
  });
  const update = useCallback(
    (id: string, patch: UpdateOf<N>, options: { ifVersion?: number } = {}) =>
      mutation.mutate({ id, patch, ifVersion: options.ifVersion }),
    [mutation.mutate],
  );
  return { ...mutation, update, conflict };
}

/**
 * Creates a record; lists of the resource (and the timeline of a new activity, the aggregates of a new deal) refresh.
 *
 * @example
 * const { mutate: create } = useCreateRecord('activities');
 * create({ type: 'call', contactId, direction: 'outbound', outcome: 'connected', occurredAt: new Date().toISOString() });
 */
export function useCreateRecord<N extends HookResource>(name: N) {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: CreateOf<N>) => client[name].create(data as never) as Promise<RecordOf<N>>,
    onMutate: async () => (await writes()).beginCreate(queryClient, name),
    onSuccess: (record, _data, session) => session.succeeded(record),
    onSettled: (record, _error, _data, session) => session?.settled(record),
  });
}

/**
 * Deletes a record, removing it from cached lists at once (and putting it back if the server refuses).
 *
 * @example
 * const { mutate: remove } = useDeleteRecord('contacts');
 * remove(contact.id);
 */
export function useDeleteRecord<N extends HookResource>(name: N) {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client[name].remove(id),
    onMutate: async (id) => (await writes()).beginDelete(queryClient, name, id),
    onError: (_error, _id, session) => session?.failed(),
    onSuccess: (_void, _id, session) => session.succeeded(),
    onSettled: (_void, error, _id, session) => session?.settled(error),
  });
}

/**
 * Marks a task (or reminder) done — or not done again — optimistically, timelines included.
 *
 * @example
 * const { complete } = useCompleteTask();
 * <input type="checkbox" checked={!!task.completedAt} onChange={(e) => complete(task.id, e.target.checked)} />
 */
export function useCompleteTask() {
  const { update, ...rest } = useUpdateRecord('activities');
  const queryClient = useQueryClient();
  const complete = useCallback(
    (id: string, done = true) => {
      const completedAt = done ? new Date().toISOString() : null;
      // Timelines hold activities under their own keys: patch them as well as the activity lists.
      queryClient.setQueriesData<{ pages: { data: { id: string }[] }[] }>({ queryKey: crmKeys.timelines() }, (d) =>
        d
          ? {
              ...d,
              pages: d.pages.map((p) => ({ ...p, data: p.data.map((a) => (a.id === id ? { ...a, completedAt } : a)) })),
            }
          : d,
      );
      update(id, { completedAt });
    },
    [update, queryClient],
  );
  return { ...rest, complete };
}

/**
 * Assigns a ticket to an agent and/or team, optimistically.
 *
 * @example
 * const { assign } = useAssignTicket();
 * assign(ticket.id, { assigneeId: me.user.id });
 */
export function useAssignTicket() {
  const { update, ...rest } = useUpdateRecord('tickets');
  const assign = useCallback(
    (id: string, to: { assigneeId?: string | null; teamId?: string | null }) => update(id, to),
    [update],
  );
  return { ...rest, assign };
}

/**
 * Sets a ticket's status — `solved` or `closed` to close it — optimistically.
 *
 * @example
 * const { setStatus } = useTicketStatus();
 * setStatus(ticket.id, 'solved');
 */
export function useTicketStatus() {
  const { update, ...rest } = useUpdateRecord('tickets');
  const setStatus = useCallback((id: string, status: Schemas['TicketStatus']) => update(id, { status }), [update]);
  return { ...rest, setStatus };
}

/** Variables of {@link useReplyTicket}. */
export interface ReplyVariables {
  ticketId: string;
  body: string;
  /** `text` (default) or `html` (sanitised by the server with the allow-list of `@crmkit/core/tickets`). */
  bodyFormat?: 'text' | 'html';
  /** `reply` (to the requester, the default) or an internal `note`. */
  kind?: 'reply' | 'note';
  /** Set the ticket status in the same step. */
  status?: Schemas['TicketStatus'];
  /**
   * The newest message the writer had seen (null: an empty thread): a thread that gained messages since refuses the
   * reply with a 409 `stale-thread` whose new messages {@link staleMessages} reads. Omit to post regardless.
   */
  lastSeenMessageId?: string | null;
}

/** A message shown in a thread before the server confirmed it. */
export type PendingMessage = Schemas['TicketMessage'] & { pending: true };

/**
 * Replies to a ticket or adds an internal note: the message shows in the thread at once (`pending: true`, in every
 * cached order of the thread) and is removed again if the server refuses — e.g. because the thread gained messages
 * since `lastSeenMessageId`.
 *
 * @example
 * const { mutate: reply } = useReplyTicket();
 * reply({ ticketId, body: 'Fixed — thanks for your patience!', status: 'pending', lastSeenMessageId: last.id });
 */
export function useReplyTicket() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, kind = 'reply', ...message }: ReplyVariables) => client.tickets[kind](ticketId, message),
    onMutate: async ({ ticketId, body, kind = 'reply' }) => {
      const pending: PendingMessage = {
        id: `pending_${Date.now()}`,
        ticketId,
        kind,
        authorType: 'user',
        authorId: null,
        bodyHtml: '',
        bodyText: body,
        createdAt: new Date().toISOString(),
        pending: true,
      } as PendingMessage;
      return (await writes()).beginReply(queryClient, ticketId, pending);
    },
    onError: (_error, _vars, session) => session?.failed(),
    onSettled: (message, _error, _vars, session) => session?.settled(message),
  });
}

/**
 * Converts a lead into a contact (+ company) (+ deal); the lead and the lists it affects refresh.
 *
 * @example
 * const { mutate: convert, data } = useConvertLead();
 * convert({ id: lead.id, body: { deal: { name: 'Gold membership', amount: 12_000_000 } } });
 */
export function useConvertLead() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body?: Schemas['LeadConvert'] }) => client.leads.convert(id, body),
    onMutate: async ({ id }) => (await writes()).beginConvert(queryClient, id),
    onSuccess: (converted, _vars, session) => session.succeeded(converted),
    onSettled: (converted, _error, _vars, session) => session?.settled(converted),
  });
}

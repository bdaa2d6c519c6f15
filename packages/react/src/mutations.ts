import {
  type CreateOf,
  type CrmClient,
  PreconditionFailedError,
  type RecordOf,
  type ResourceName,
  type Schemas,
  type UpdateOf,
} from '@crmkit/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { echoOf, trackWrite, writeKey } from './echoes.js';
import { invalidateAfterChange } from './invalidate.js';
import { crmKeys } from './keys.js';
import { restore, snapshot } from './optimistic.js';
import { useCrm } from './provider.js';
import { useCapabilities } from './queries.js';
import { cachedRecord, editLists, patchRecord, putRecord } from './records.js';

/**
 * A write that lost a race: someone changed the record since you read it (the server answered 412). Show both and let
 * the user choose.
 */
export interface Conflict<T> {
  /** The fields this user tried to save. */
  mine: object;
  /** The record as stored now, with the other change. */
  theirs: T;
  /** Saves `mine` again on top of `theirs` (overwriting the other change in those fields). */
  keepMine(): void;
  /** Drops `mine` and shows `theirs`. */
  takeTheirs(): void;
}

/** Variables of {@link useUpdateRecord}'s mutation. */
export interface UpdateVariables<N extends ResourceName> {
  id: string;
  patch: UpdateOf<N>;
  /** The version the user saw (default: the cached record's); the write is refused if the record changed since. */
  ifVersion?: number;
}

/**
 * On a server without ETags, which cannot refuse a stale write itself: reads the record and refuses the write, as the
 * server's 412 would, when its version is no longer `version`. A change made between this read and the write is still
 * overwritten; the window is one request long instead of the whole edit.
 */
async function assertUnchanged(client: CrmClient, name: ResourceName, id: string, version: number) {
  const current = (await client[name].get(id)) as { version?: number };
  if (current.version !== version) {
    throw new PreconditionFailedError({
      type: 'https://crmkit.dev/problems/precondition-failed',
      title: 'Precondition failed',
      status: 412,
      current,
    });
  }
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
export function useUpdateRecord<N extends ResourceName>(name: N) {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  const etags = useCapabilities()?.etags !== false;
  const [conflict, setConflict] = useState<Conflict<RecordOf<N>> | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ id, patch, ifVersion }: UpdateVariables<N>) => {
      if (!etags && ifVersion !== undefined) await assertUnchanged(client, name, id, ifVersion);
      return client[name].update(id, patch as never, { ifVersion: etags ? ifVersion : undefined }) as Promise<
        RecordOf<N>
      >;
    },
    onMutate: async ({ id, patch }) => {
      setConflict(null);
      const saved = await snapshot(queryClient, [crmKeys.resource(name)]);
      patchRecord(queryClient, name, id, patch as object);
      return { saved, settle: trackWrite(queryClient, [writeKey(name, id)]) };
    },
    onError: (error, { patch }, context) => {
      restore(queryClient, context?.saved);
      if (error instanceof PreconditionFailedError && error.current) {
        const theirs = error.current as RecordOf<N> & { id: string; version: number };
        putRecord(queryClient, name, theirs);
        setConflict({
          mine: patch as object,
          theirs,
          keepMine: () => mutation.mutate({ id: theirs.id, patch, ifVersion: theirs.version }),
          takeTheirs: () => setConflict(null),
        });
      }
    },
    onSuccess: (record) => putRecord(queryClient, name, record as { id: string }),
    onSettled: (record, _error, _vars, context) => {
      invalidateAfterChange(queryClient, name, { membership: false, ...(record ? { record } : {}) });
      context?.settle(
        record ? [echoOf(name, (record as { id: string }).id, (record as { version?: number }).version)] : [],
      );
    },
  });
  const update = useCallback(
    (id: string, patch: UpdateOf<N>, options: { ifVersion?: number } = {}) =>
      mutation.mutate({
        id,
        patch,
        ifVersion: options.ifVersion ?? cachedRecord(queryClient, name, id)?.version,
      }),
    [mutation.mutate, queryClient, name],
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
export function useCreateRecord<N extends ResourceName>(name: N) {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: CreateOf<N>) => client[name].create(data as never) as Promise<RecordOf<N>>,
    onMutate: () => ({ settle: trackWrite(queryClient, [writeKey(name)]) }),
    onSuccess: (record) => {
      queryClient.setQueryData(crmKeys.record(name, (record as { id: string }).id), record);
      invalidateAfterChange(queryClient, name, { membership: true, record: record as object });
    },
    onSettled: (record, _error, _data, context) =>
      context?.settle(
        record ? [echoOf(name, (record as { id: string }).id, (record as { version?: number }).version)] : [],
      ),
  });
}

/**
 * Deletes a record, removing it from cached lists at once (and putting it back if the server refuses).
 *
 * @example
 * const { mutate: remove } = useDeleteRecord('contacts');
 * remove(contact.id);
 */
export function useDeleteRecord<N extends ResourceName>(name: N) {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client[name].remove(id),
    onMutate: async (id) => {
      const saved = await snapshot(queryClient, [crmKeys.resource(name)]);
      editLists(queryClient, name, (items) => items.filter((i) => i.id !== id));
      return { saved, settle: trackWrite(queryClient, [writeKey(name, id)]) };
    },
    onError: (_error, _id, context) => restore(queryClient, context?.saved),
    onSuccess: (_void, id) => queryClient.removeQueries({ queryKey: crmKeys.record(name, id), exact: true }),
    onSettled: (_void, error, id, context) => {
      invalidateAfterChange(queryClient, name, { membership: true });
      context?.settle(error ? [] : [echoOf(name, id, id)]);
    },
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
  /** `reply` (to the requester, the default) or an internal `note`. */
  kind?: 'reply' | 'note';
  /** Set the ticket status in the same step. */
  status?: Schemas['TicketStatus'];
}

/** A message shown in a thread before the server confirmed it. */
export type PendingMessage = Schemas['TicketMessage'] & { pending: true };

/**
 * Replies to a ticket or adds an internal note: the message shows in the thread at once (`pending: true`) and is
 * removed again if the server refuses.
 *
 * @example
 * const { mutate: reply } = useReplyTicket();
 * reply({ ticketId, body: 'Fixed — thanks for your patience!', status: 'pending' });
 */
export function useReplyTicket() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, body, kind = 'reply', status }: ReplyVariables) =>
      client.tickets[kind](ticketId, { body, ...(status ? { status } : {}) }),
    onMutate: async ({ ticketId, body, kind = 'reply' }) => {
      const key = crmKeys.ticketMessages(ticketId);
      const saved = await snapshot(queryClient, [key]);
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
      queryClient.setQueryData<{ pages: { data: unknown[] }[] }>(key, (d) =>
        d?.pages.length
          ? {
              ...d,
              pages: d.pages.map((p, i) => (i === d.pages.length - 1 ? { ...p, data: [...p.data, pending] } : p)),
            }
          : d,
      );
      return { saved, settle: trackWrite(queryClient, [writeKey('tickets', ticketId)]) };
    },
    onError: (_error, _vars, context) => restore(queryClient, context?.saved),
    onSettled: (message, _error, { ticketId }, context) => {
      void queryClient.invalidateQueries({ queryKey: crmKeys.ticketMessages(ticketId) });
      void queryClient.invalidateQueries({ queryKey: crmKeys.record('tickets', ticketId) });
      context?.settle(message ? [echoOf('tickets', ticketId, message.id)] : []);
    },
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
    onMutate: ({ id }) => ({
      settle: trackWrite(queryClient, [
        writeKey('leads', id),
        writeKey('contacts'),
        writeKey('companies'),
        writeKey('deals'),
      ]),
    }),
    onSettled: (converted, _error, _vars, context) => {
      const { lead, contact, company, deal } = converted ?? {};
      const records = { leads: lead, contacts: contact, companies: company, deals: deal };
      context?.settle(Object.entries(records).flatMap(([name, r]) => (r ? [echoOf(name, r.id, r.version)] : [])));
    },
    onSuccess: ({ lead, contact, company, deal }) => {
      putRecord(queryClient, 'leads', lead);
      queryClient.setQueryData(crmKeys.record('contacts', contact.id), contact);
      if (company) queryClient.setQueryData(crmKeys.record('companies', company.id), company);
      if (deal) queryClient.setQueryData(crmKeys.record('deals', deal.id), deal);
      for (const name of ['leads', 'contacts', 'companies', 'deals'] as const) {
        invalidateAfterChange(queryClient, name, { membership: true });
      }
    },
  });
}

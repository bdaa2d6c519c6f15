import { type CrmClient, PreconditionFailedError, type RecordOf } from '@crmkit/client';
import type { QueryClient } from '@tanstack/react-query';
import { echoOf, trackWrite, writeKey } from './echoes.js';
import { invalidateAfterChange } from './invalidate.js';
import type { HookResource } from './keys.js';
import { crmKeys } from './keys.js';
import { restore, snapshot } from './optimistic.js';
import { cachedRecord, editLists, patchRecord, putRecord } from './records.js';

/**
 * What the mutation hooks of `mutations.ts` do to the cache around a write — optimistic changes and their exact
 * rollback, echo tracking, invalidation — loaded with the first write (a chunk of its own: a page that only reads
 * never downloads it). Each `begin…` runs in `onMutate` and returns the write's session, whose methods the hook calls
 * as the write fails, succeeds and settles.
 */

type Versioned = { id: string; version?: number };
type Thread = { pages: { data: unknown[] }[] };

/** The session of a record update. */
export interface UpdateSession {
  /** The record as cached before the change (as the user saw it), when it was. */
  before: Versioned | undefined;
  /** Puts the cache back; on a 412 writes the stored record in and returns it (the conflict's "theirs"). */
  failed(error: unknown): Versioned | undefined;
  succeeded(record: unknown): void;
  settled(record: unknown): void;
}

/**
 * Starts an update: snapshots the resource's queries, then patches the record and its list rows.
 *
 * @example
 * const session = await beginUpdate(queryClient, 'contacts', id, { lifecycleStage: 'loyal' });
 */
export async function beginUpdate(
  queryClient: QueryClient,
  name: HookResource,
  id: string,
  patch: object,
): Promise<UpdateSession> {
  const saved = await snapshot(queryClient, [crmKeys.resource(name)]);
  const before = cachedRecord<Versioned>(queryClient, name, id);
  patchRecord(queryClient, name, id, patch);
  const settle = trackWrite(queryClient, [writeKey(name, id)]);
  return {
    before,
    failed: (error) => {
      restore(queryClient, saved);
      if (!(error instanceof PreconditionFailedError && error.current)) return undefined;
      const theirs = error.current as Versioned;
      putRecord(queryClient, name, theirs);
      return theirs;
    },
    succeeded: (record) => putRecord(queryClient, name, record as Versioned),
    settled: (record) => {
      invalidateAfterChange(queryClient, name, { membership: false, ...(record ? { record } : {}) });
      settle(record ? [echoOf(name, (record as Versioned).id, (record as Versioned).version)] : []);
    },
  };
}

/**
 * Sends an update with `If-Match`: the version the user saw, else the cached record's. On a server without ETags,
 * which cannot refuse a stale write itself, the record is read first and the write refused, as the server's 412
 * would, when its version is no longer that one (a change made between this read and the write is still overwritten;
 * the window is one request long instead of the whole edit).
 */
export async function sendUpdate<N extends HookResource>(
  client: CrmClient,
  queryClient: QueryClient,
  name: N,
  {
    id,
    patch,
    ifVersion = cachedRecord(queryClient, name, id)?.version,
  }: { id: string; patch: object; ifVersion?: number },
  etags: boolean,
): Promise<RecordOf<N>> {
  if (!etags && ifVersion !== undefined) {
    const current = (await client[name].get(id)) as Versioned;
    if (current.version !== ifVersion) {
      throw new PreconditionFailedError({
        type: 'https://crmkit.dev/problems/precondition-failed',
        title: 'Precondition failed',
        status: 412,
        current,
      });
    }
  }
  return client[name].update(id, patch as never, { ifVersion: etags ? ifVersion : undefined }) as Promise<RecordOf<N>>;
}

/**
 * Starts a create: events of records of `name` created meanwhile wait for it (one of them is its echo).
 *
 * @example
 * const session = await beginCreate(queryClient, 'activities');
 */
export function beginCreate(queryClient: QueryClient, name: HookResource) {
  const settle = trackWrite(queryClient, [writeKey(name)]);
  return {
    succeeded: (record: unknown) => {
      queryClient.setQueryData(crmKeys.record(name, (record as Versioned).id), record);
      invalidateAfterChange(queryClient, name, { membership: true, record: record as object });
    },
    settled: (record: unknown) =>
      settle(record ? [echoOf(name, (record as Versioned).id, (record as Versioned).version)] : []),
  };
}

/**
 * Starts a delete: the record leaves cached lists at once (and comes back if the server refuses).
 *
 * @example
 * const session = await beginDelete(queryClient, 'contacts', id);
 */
export async function beginDelete(queryClient: QueryClient, name: HookResource, id: string) {
  const saved = await snapshot(queryClient, [crmKeys.resource(name)]);
  editLists(queryClient, name, (items) => items.filter((i) => i.id !== id));
  const settle = trackWrite(queryClient, [writeKey(name, id)]);
  return {
    failed: () => restore(queryClient, saved),
    succeeded: () => queryClient.removeQueries({ queryKey: crmKeys.record(name, id), exact: true }),
    settled: (error: unknown) => {
      invalidateAfterChange(queryClient, name, { membership: true });
      settle(error ? [] : [echoOf(name, id, id)]);
    },
  };
}

/**
 * Starts a reply or note: `pending` shows in the ticket's thread at once — at the end of an oldest-first thread, at
 * the start of a newest-first one — and goes again if the server refuses.
 *
 * @example
 * const session = await beginReply(queryClient, ticketId, pendingMessage);
 */
export async function beginReply(queryClient: QueryClient, ticketId: string, pending: object) {
  const threads = crmKeys.ticketThreads(ticketId);
  const saved = await snapshot(queryClient, [threads]);
  for (const [key] of queryClient.getQueriesData<Thread>({ queryKey: threads })) {
    const newestFirst = (key[4] as { sort?: string } | undefined)?.sort === '-createdAt';
    queryClient.setQueryData<Thread>(key, (d) => {
      if (!d?.pages.length) return d;
      const at = newestFirst ? 0 : d.pages.length - 1;
      const pages = d.pages.map((p, i) =>
        i === at ? { ...p, data: newestFirst ? [pending, ...p.data] : [...p.data, pending] } : p,
      );
      return { ...d, pages };
    });
  }
  const settle = trackWrite(queryClient, [writeKey('tickets', ticketId)]);
  return {
    failed: () => restore(queryClient, saved),
    settled: (message: Versioned | undefined) => {
      void queryClient.invalidateQueries({ queryKey: threads });
      void queryClient.invalidateQueries({ queryKey: crmKeys.record('tickets', ticketId) });
      settle(message ? [echoOf('tickets', ticketId, message.id)] : []);
    },
  };
}

/** The records a lead conversion produced. */
export interface Conversion {
  lead: Versioned;
  contact: Versioned;
  company?: Versioned | null;
  deal?: Versioned | null;
}

/**
 * Starts a lead conversion: events of the lead, and of contacts, companies and deals created meanwhile, wait for it.
 *
 * @example
 * const session = beginConvert(queryClient, leadId);
 */
export function beginConvert(queryClient: QueryClient, id: string) {
  const settle = trackWrite(queryClient, [
    writeKey('leads', id),
    writeKey('contacts'),
    writeKey('companies'),
    writeKey('deals'),
  ]);
  return {
    succeeded: ({ lead, contact, company, deal }: Conversion) => {
      putRecord(queryClient, 'leads', lead);
      queryClient.setQueryData(crmKeys.record('contacts', contact.id), contact);
      if (company) queryClient.setQueryData(crmKeys.record('companies', company.id), company);
      if (deal) queryClient.setQueryData(crmKeys.record('deals', deal.id), deal);
      for (const name of ['leads', 'contacts', 'companies', 'deals'] as const) {
        invalidateAfterChange(queryClient, name, { membership: true });
      }
    },
    settled: (converted: Conversion | undefined) => {
      const { lead, contact, company, deal } = converted ?? {};
      const records = { leads: lead, contacts: contact, companies: company, deals: deal };
      settle(Object.entries(records).flatMap(([name, r]) => (r ? [echoOf(name, r.id, r.version)] : [])));
    },
  };
}

import type { CrmEvent } from '@crmkit/client';
import type { QueryClient } from '@tanstack/react-query';

/**
 * The echoes of a provider's own writes on the change feed. A mutation refreshes what its write may have changed when
 * it settles; the feed then brings the same write back as an event, which would refresh it all again. So a mutation
 * tells here what it writes ({@link trackWrite}) and, once settled, what it got back; an event's refresh
 * ({@link routeEvent}) is dropped when it is the echo of such a write, waits while a write of the same record is in
 * flight (its echo may come before the response), and runs at once otherwise.
 *
 * Writes and events meet by key: `<resource>/<id>` for a record, `<resource>/+` for a create in flight (its id is
 * not known yet), `tickets/<id>/messages` for a ticket's thread; and by token: `v<version>` for a record's version,
 * `deleted`, `m<id>` for a message.
 */

/** What a settled write produced: the key and token its echo carries. */
export interface Written {
  key: string;
  token: string;
}

interface Echoes {
  /** Writes in flight, by key. */
  inFlight: Map<string, number>;
  /** Refreshes of events waiting for a write of their key to settle, with the event's key and token. */
  waiting: { keys: string[]; token: string | undefined; refresh: () => void }[];
  /** Recently settled writes, `<key>@<token>` (insertion order, bounded). */
  written: Set<string>;
}

/** How many settled writes are remembered: their echoes arrive within a second or so. */
const REMEMBERED = 500;

const registry = new WeakMap<QueryClient, Echoes>();
function echoesOf(queryClient: QueryClient): Echoes {
  let echoes = registry.get(queryClient);
  if (!echoes) {
    echoes = { inFlight: new Map(), waiting: [], written: new Set() };
    registry.set(queryClient, echoes);
  }
  return echoes;
}

/** The key of a record's writes. */
export const recordKey = (resource: string, id: string) => `${resource}/${id}`;
/** The key of the creates of a resource in flight. */
export const createKey = (resource: string) => `${resource}/+`;
/** The key of the messages of a ticket. */
export const messagesKey = (ticketId: string) => `tickets/${ticketId}/messages`;
/** What a settled write of `record` of `resource` produced (its echo carries its version). */
export const wroteRecord = (resource: string, record: { id: string; version?: number }): Written => ({
  key: recordKey(resource, record.id),
  token: `v${record.version}`,
});

/** The keys an event may be the echo of, and its token. */
function eventKeys(event: CrmEvent): { keys: string[]; token: string | undefined } {
  const data = event.data as { id?: string; version?: number } | undefined;
  if (event.type === 'ticket.message.created') return { keys: [messagesKey(event.resourceId)], token: `m${data?.id}` };
  const own = recordKey(event.resource, event.resourceId);
  if (event.type.endsWith('.deleted')) return { keys: [own], token: 'deleted' };
  const version = data?.version === undefined ? undefined : `v${data.version}`;
  return { keys: event.type.endsWith('.created') ? [own, createKey(event.resource)] : [own], token: version };
}

const isEcho = (echoes: Echoes, keys: string[], token: string | undefined) =>
  token !== undefined && keys.some((key) => echoes.written.has(`${key}@${token}`));
const inFlight = (echoes: Echoes, keys: string[]) => keys.some((key) => (echoes.inFlight.get(key) ?? 0) > 0);

/**
 * Starts a write of `keys`: events of those keys wait until it settles. Call what it returns when the write settles,
 * with what it produced (nothing when it failed): waiting events that are its echo are dropped, the others refresh.
 *
 * @example
 * const settle = trackWrite(queryClient, [recordKey('contacts', id)]);
 * // ... the request ...
 * settle(record ? [wroteRecord('contacts', record)] : []);
 */
export function trackWrite(queryClient: QueryClient, keys: string[]): (written?: Written[]) => void {
  const echoes = echoesOf(queryClient);
  for (const key of keys) echoes.inFlight.set(key, (echoes.inFlight.get(key) ?? 0) + 1);
  let settled = false;
  return (written = []) => {
    if (settled) return;
    settled = true;
    for (const key of keys) {
      const n = (echoes.inFlight.get(key) ?? 1) - 1;
      if (n > 0) echoes.inFlight.set(key, n);
      else echoes.inFlight.delete(key);
    }
    for (const w of written) {
      echoes.written.add(`${w.key}@${w.token}`);
      if (echoes.written.size > REMEMBERED) echoes.written.delete(echoes.written.values().next().value!);
    }
    const waiting = echoes.waiting.splice(0);
    for (const event of waiting) {
      if (isEcho(echoes, event.keys, event.token)) continue;
      if (inFlight(echoes, event.keys)) echoes.waiting.push(event);
      else event.refresh();
    }
  };
}

/**
 * Runs `refresh` (the invalidations an event calls for) unless the event is the echo of a write of this query
 * client: dropped when a settled write produced it, deferred while a write of its record is in flight.
 */
export function routeEvent(queryClient: QueryClient, event: CrmEvent, refresh: () => void): void {
  const echoes = registry.get(queryClient);
  const { keys, token } = eventKeys(event);
  if (!echoes) refresh();
  else if (isEcho(echoes, keys, token)) return;
  else if (inFlight(echoes, keys)) echoes.waiting.push({ keys, token, refresh });
  else refresh();
}

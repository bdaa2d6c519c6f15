import type { CrmEvent } from '@crmkit/client';
import type { QueryClient } from '@tanstack/react-query';

/**
 * The echoes of a provider's own writes on the change feed. A mutation refreshes what its write may have changed when
 * it settles; the feed then brings the same write back as an event, which would refresh it all again. So a mutation
 * says which records it writes ({@link trackWrite}) and, once settled, what it produced; an event's refresh
 * ({@link routeEvent}) is dropped when the event is such a write's echo, waits while a write of its record is in
 * flight (the echo may come before the response), and runs at once otherwise.
 *
 * A record is keyed `<resource>/<id>` (`<resource>/+` stands for a create in flight, whose id is not known yet); an
 * echo is `<resource>/<id>@<token>`, the token being the version a write produced, or the id of what it produced
 * without one (a deleted record's, a ticket message's).
 */

interface Echoes {
  /** Writes in flight, by record key. */
  busy: Map<string, number>;
  /** The echoes of recently settled writes (insertion order, bounded). */
  seen: Set<string>;
  /** Refreshes of events waiting for a write of their record to settle. */
  held: { keys: string[]; echo: string; refresh: () => void }[];
}

const registry = new WeakMap<QueryClient, Echoes>();

/** The key of a record's writes; without `id`, of a create in flight. */
export const writeKey = (resource: string, id = '+') => `${resource}/${id}`;

/** The echo a write of record `id` of `resource` produced: its version, or the id of what it produced without one. */
export const echoOf = (resource: string, id: string, token: string | number | undefined) =>
  `${writeKey(resource, id)}@${token}`;

function route(echoes: Echoes, keys: string[], echo: string, refresh: () => void) {
  if (echoes.seen.has(echo)) return;
  if (keys.some((key) => echoes.busy.get(key))) echoes.held.push({ keys, echo, refresh });
  else refresh();
}

/**
 * Starts a write of the records `keys` ({@link writeKey}); events of them wait until it settles. Call what it returns
 * when the write settles, with the echoes it produced ({@link echoOf}; none when it failed): waiting events that are
 * its echo are dropped, the others refresh.
 *
 * @example
 * const settle = trackWrite(queryClient, [writeKey('contacts', id)]);
 * // ... the request ...
 * settle(record ? [echoOf('contacts', record.id, record.version)] : []);
 */
export function trackWrite(queryClient: QueryClient, keys: string[]): (echoes?: string[]) => void {
  const state = registry.get(queryClient) ?? { busy: new Map(), seen: new Set(), held: [] };
  registry.set(queryClient, state);
  for (const key of keys) state.busy.set(key, (state.busy.get(key) ?? 0) + 1);
  let settled = false;
  return (produced = []) => {
    if (settled) return;
    settled = true;
    for (const key of keys) state.busy.set(key, state.busy.get(key)! - 1);
    for (const echo of produced) {
      state.seen.add(echo);
      if (state.seen.size > 500) state.seen.delete(state.seen.values().next().value!);
    }
    for (const held of state.held.splice(0)) route(state, held.keys, held.echo, held.refresh);
  };
}

/**
 * Runs `refresh` (the invalidations an event calls for) unless the event is the echo of a write of this query
 * client: dropped when a settled write produced it, held while a write of its record is in flight.
 */
export function routeEvent(queryClient: QueryClient, event: CrmEvent, refresh: () => void): void {
  const echoes = registry.get(queryClient);
  const data = event.data as { id?: string; version?: number } | undefined;
  const key = writeKey(event.resource, event.resourceId);
  if (!echoes) refresh();
  else
    route(
      echoes,
      event.type.endsWith('.created') ? [key, writeKey(event.resource)] : [key],
      `${key}@${data?.version ?? data?.id}`,
      refresh,
    );
}

import type { CrmEvent, RecordOf } from '@crmkit/client';
import type { QueryClient } from '@tanstack/react-query';
import { routeEvent } from './echoes.js';
import { invalidateAfterChange } from './invalidate.js';
import type { HookResource } from './keys.js';
import { crmKeys } from './keys.js';
import { placeByRank } from './placement.js';
import { cachedRecord, editLists } from './records.js';
import { applyTicketEvent } from './ticket-live.js';

type Versioned = { id: string; version?: number };

/** `incoming` unless `current` is a newer version of the same record (events may arrive after a later read). */
export function newer<T extends Versioned>(current: T | undefined, incoming: T): T {
  return current && (current.version ?? 0) > (incoming.version ?? 0) ? current : incoming;
}

/** Per QueryClient: how many holds are active, and the events queued meanwhile. */
interface Hold {
  holds: number;
  queue: CrmEvent[];
}

const held = new WeakMap<QueryClient, Hold>();

/**
 * Holds the change feed for this cache: events are queued, not applied, until every hold is released, then applied in
 * order. For moments when the screen must not change under the user's hands, such as a drag in progress.
 *
 * @example
 * const release = holdLive(queryClient);
 * onDrop(() => release());
 */
export function holdLive(queryClient: QueryClient): () => void {
  const hold = held.get(queryClient) ?? { holds: 0, queue: [] };
  held.set(queryClient, hold);
  hold.holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--hold.holds > 0) return;
    for (const event of hold.queue.splice(0)) applyEvent(queryClient, event);
  };
}

/**
 * Updates the cache for one change-feed event, touching only what it affects: the record's cached copy and its rows in
 * cached lists are replaced in place (older versions never overwrite newer ones); a deal that moved or appeared is put
 * exactly where its rank belongs in rank-ordered stage lists; other lists whose membership may have changed, deal
 * aggregates and the timelines of an activity's links are invalidated, so only those on screen refetch; a ticket's
 * thread follows its messages. Events are queued while the feed is held ({@link holdLive}). The echo of a write this
 * query client's mutations made invalidates nothing again: the mutation already did when it settled (see `echoes.ts`).
 *
 * @example
 * client.events.subscribe((event) => applyEvent(queryClient, event));
 */
export function applyEvent(queryClient: QueryClient, event: CrmEvent): void {
  const hold = held.get(queryClient);
  if (hold && hold.holds > 0) {
    hold.queue.push(event);
    return;
  }
  const name = event.resource as HookResource;
  const id = event.resourceId;
  if (applyTicketEvent(queryClient, event)) return;
  const deleted = event.type.endsWith('.deleted');
  const record = event.data as Versioned;
  if (deleted) {
    queryClient.removeQueries({ queryKey: crmKeys.record(name, id), exact: true });
    editLists(queryClient, name, (items) => items.filter((i) => i.id !== id));
  } else {
    queryClient.setQueryData<Versioned>(crmKeys.record(name, id), (current) => current && newer(current, record));
    editLists(queryClient, name, (items) => items.map((i) => (i.id === id ? newer(i, record) : i)));
  }
  // A run that ends may join or leave the run lists filtered by outcome.
  const membership =
    deleted || /\.(created|moved|converted)$/.test(event.type) || event.type.startsWith('automation.run.');
  routeEvent(queryClient, event, () => {
    if (name === 'deals' && membership && !deleted) {
      type Deal = RecordOf<'deals'>;
      placeByRank(queryClient, newer(cachedRecord<Deal>(queryClient, 'deals', id), record as Deal));
    }
    invalidateAfterChange(queryClient, name, {
      membership,
      exactRankLists: name === 'deals',
      // A deleted activity carries only its id: every timeline might have shown it.
      ...(deleted ? {} : { record }),
    });
  });
}

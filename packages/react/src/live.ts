import type { CrmEvent } from '@crmkit/client';
import type { QueryClient } from '@tanstack/react-query';
import { routeEvent } from './echoes.js';
import { invalidateAfterChange } from './invalidate.js';
import type { HookResource } from './keys.js';
import { crmKeys } from './keys.js';
import { editLists } from './records.js';
import { applyTicketEvent } from './ticket-live.js';

type Versioned = { id: string; version?: number };

/** `incoming` unless `current` is a newer version of the same record (events may arrive after a later read). */
export function newer<T extends Versioned>(current: T | undefined, incoming: T): T {
  return current && (current.version ?? 0) > (incoming.version ?? 0) ? current : incoming;
}

/**
 * Updates the cache for one change-feed event, touching only what it affects: the record's cached copy and its rows in
 * cached lists are replaced in place (older versions never overwrite newer ones); lists whose membership may have
 * changed, deal aggregates and the timelines of an activity's links are invalidated, so only those on screen refetch;
 * a ticket's thread follows its messages. The echo of a write this query client's mutations made invalidates nothing
 * again: the mutation already did when it settled (see `echoes.ts`).
 *
 * @example
 * client.events.subscribe((event) => applyEvent(queryClient, event));
 */
export function applyEvent(queryClient: QueryClient, event: CrmEvent): void {
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
  routeEvent(queryClient, event, () =>
    invalidateAfterChange(queryClient, name, {
      membership: deleted || /\.(created|moved|converted)$/.test(event.type),
      // A deleted activity carries only its id: every timeline might have shown it.
      ...(deleted ? {} : { record }),
    }),
  );
}

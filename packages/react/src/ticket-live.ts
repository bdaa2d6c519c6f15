import type { CrmEvent, Schemas } from '@crmkit/client';
import type { QueryClient } from '@tanstack/react-query';
import { routeEvent } from './echoes.js';
import { crmKeys } from './keys.js';

type Presence = Schemas['TicketPresence'];
type PresenceList = { data: Presence[] };

/** Puts one presence change into a cached presence list (a `left` state removes the agent). */
function patchPresence(
  list: PresenceList | undefined,
  change: Presence | (Omit<Presence, 'state'> & { state: 'left' }),
) {
  if (!list) return list;
  const others = list.data.filter((p) => !(p.ticketId === change.ticketId && p.userId === change.userId));
  return { data: change.state === 'left' ? others : [...others, change as Presence] };
}

/**
 * The ticket events the generic record handling cannot take: a new message refreshes the ticket's threads; a presence
 * change patches the presence lists in place (no refetch); a merge refreshes the survivor's thread. Every ticket event
 * refreshes the view counts. Returns true when the event was handled completely.
 */
export function applyTicketEvent(queryClient: QueryClient, event: CrmEvent): boolean {
  if (!event.type.startsWith('ticket.')) return false;
  if (event.type === 'ticket.presence.changed') {
    const change = event.data as unknown as Presence;
    queryClient.setQueryData<PresenceList>(crmKeys.presence(), (l) => patchPresence(l, change));
    queryClient.setQueryData<PresenceList>(crmKeys.presence(event.resourceId), (l) => patchPresence(l, change));
    return true;
  }
  void queryClient.invalidateQueries({ queryKey: crmKeys.ticketViews() });
  if (event.type === 'ticket.message.created') {
    const thread = crmKeys.ticketThreads(event.resourceId);
    routeEvent(queryClient, event, () => void queryClient.invalidateQueries({ queryKey: thread }));
    return true;
  }
  const into = (event.data as { mergedIntoId?: string | null }).mergedIntoId;
  if (event.type === 'ticket.merged' && into) {
    void queryClient.invalidateQueries({ queryKey: crmKeys.ticketThreads(into) });
  }
  return false;
}

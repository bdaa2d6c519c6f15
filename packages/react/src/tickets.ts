import type { ListQuery, RecordOf, Schemas } from '@crmkit/client';
import { useQuery } from '@tanstack/react-query';
import { crmKeys } from './keys.js';
import { useCrm } from './provider.js';
import { useList } from './queries.js';

type Ticket = RecordOf<'tickets'>;

/**
 * The inbox views of the caller (the contract's `TicketView`): `mine`, `team`, `unassigned` and `open` (unresolved, not
 * snoozed), `atRisk` and `breached` (by SLA), `snoozed`, `solved`. The server defines them, so lists and counts agree.
 */
export type TicketView = Schemas['TicketView'];

/** The views in the order an inbox shows them. */
export const TICKET_VIEWS: readonly TicketView[] = [
  'mine',
  'team',
  'unassigned',
  'open',
  'atRisk',
  'breached',
  'snoozed',
  'solved',
];

/**
 * A ticket queue of the inbox: one of the caller's views, soonest SLA breach first unless `query.sort` says otherwise
 * (the solved view: most recent activity first), with the list's own filters and search on top.
 *
 * @example
 * const { items: tickets, fetchNextPage } = useTicketQueue('mine', { filter: { priority: ['high', 'urgent'] } });
 */
export function useTicketQueue(view: TicketView, query: ListQuery<Ticket> = {}) {
  const sort = view === 'solved' ? '-lastMessageAt' : 'nextBreachAt';
  return useList('tickets', { sort, ...query, view } as ListQuery<Ticket>);
}

/**
 * How many tickets each of the caller's views holds, without listing them; refreshed when tickets change on the feed.
 *
 * @example
 * const { data } = useTicketViews();
 * <span>{data?.counts.breached}</span>
 */
export function useTicketViews() {
  const { client } = useCrm();
  return useQuery({
    queryKey: crmKeys.ticketViews(),
    queryFn: ({ signal }) => client.tickets.views({ signal }),
    retry: false,
  });
}

import type { Filter, ListQuery, RecordOf } from '@crmkit/client';
import { useList, useMe } from './queries.js';

type Ticket = RecordOf<'tickets'>;

/** The ticket queues of an inbox. */
export type TicketView = 'mine' | 'team' | 'unassigned' | 'breached' | 'all';

/** Statuses of tickets still to be worked on. */
export const UNRESOLVED = ['new', 'open', 'pending', 'on_hold'] as const;

/** The filter of a queue for the caller (undefined while the caller loads, for the views that need them). */
export function queueFilter(
  view: TicketView,
  me: { id: string; teamIds: string[] } | null | undefined,
): Filter<Ticket> | undefined {
  const open = { status: [...UNRESOLVED] };
  switch (view) {
    case 'mine':
      return me ? { ...open, assigneeId: me.id } : undefined;
    case 'team':
      // A caller in no team has an empty team queue: no ticket's team id is ''.
      return me ? { ...open, teamId: me.teamIds.length ? me.teamIds : [''] } : undefined;
    case 'unassigned':
      return { ...open, assigneeId: { isNull: true } };
    case 'breached':
      return { ...open, slaStatus: 'missed' } as Filter<Ticket>;
    case 'all':
      return open;
  }
}

/**
 * A ticket queue of the inbox, unresolved tickets only: `mine` (assigned to the caller), `team` (the caller's teams),
 * `unassigned`, `breached` (an SLA target was missed) or `all`; soonest SLA breach first unless `query.sort` says
 * otherwise.
 *
 * @example
 * const { items: tickets, fetchNextPage } = useTicketQueue('mine');
 */
export function useTicketQueue(view: TicketView, query: ListQuery<Ticket> = {}) {
  const me = useMe().data?.user;
  const filter = queueFilter(view, me);
  return useList(
    'tickets',
    { sort: 'nextBreachAt' as ListQuery<Ticket>['sort'], ...query, filter: { ...filter, ...query.filter } },
    { enabled: filter !== undefined },
  );
}

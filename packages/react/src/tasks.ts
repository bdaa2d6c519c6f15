import type { Filter, ListQuery, RecordOf } from '@crmkit/client';
import { addDays, instantAt, localDate } from '@crmkit/core';
import type { TimelineTarget } from './keys.js';
import { useCrm } from './provider.js';
import { useList, useMe } from './queries.js';

type Activity = RecordOf<'activities'>;

/** The task lists of a to-do view: open tasks and reminders. */
export type TaskView = 'mine' | 'overdue' | 'today' | 'upcoming' | 'all';

const MINUTE = 60_000;

/**
 * The filter of a task view for the caller at `now`, "today" being the calendar day in `timeZone`: `mine` every open
 * task assigned to the caller, `overdue` due before now, `today` due today (overdue ones included), `upcoming` due
 * after today, `all` every open task (with a `target`: that record's). `me` is undefined while the caller loads (no
 * filter yet) and null for a caller acting for no user (an integration's API key): then `mine` has no filter (see
 * {@link useTasks}' `needsUser`) and the time views are everyone's.
 *
 * @example
 * taskFilter('today', me, new Date(), 'Asia/Ho_Chi_Minh');
 */
export function taskFilter(
  view: TaskView,
  me: { id: string } | null | undefined,
  now: Date,
  timeZone: string,
  target: TimelineTarget = {},
): Filter<Activity> | undefined {
  const open: Filter<Activity> = { type: ['task', 'reminder'], completedAt: { isNull: true }, ...target };
  if (view === 'all') return open;
  if (me === undefined || (me === null && view === 'mine')) return undefined;
  const scope = me ? { ...open, assigneeId: me.id } : open;
  const today = localDate(now.getTime(), timeZone);
  const endOfToday = new Date(instantAt(addDays(today, 1), '00:00', timeZone)).toISOString();
  switch (view) {
    case 'mine':
      return scope;
    case 'overdue':
      return { ...scope, dueAt: { lt: now.toISOString() } };
    case 'today':
      return { ...scope, dueAt: { lt: endOfToday } };
    case 'upcoming':
      return { ...scope, dueAt: { gte: endOfToday } };
  }
}

/**
 * Open tasks and reminders of a view (see {@link taskFilter}), soonest due first, optionally of one record; "now" and
 * "today" come from the provider's clock and time zone. Complete with `useCompleteTask`, snooze or reassign with
 * `useUpdateRecord('activities')` (`{ dueAt }`, `{ assigneeId }`): both optimistic. `needsUser` is true when the view
 * is `mine` and the caller acts for no user (an integration's API key): there is nothing to load, show that instead.
 *
 * @example
 * const { items: overdue } = useTasks('overdue');
 * const { items: theirs } = useTasks('all', { contactId });
 * const { needsUser } = useTasks('mine'); // "Sign in as a user to see your tasks"
 */
export function useTasks(view: TaskView, target: TimelineTarget = {}, query: ListQuery<Activity> = {}) {
  const { now, timeZone } = useCrm();
  const me = useMe().data?.user;
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // "Now" to the minute: the filter is part of the list's query key, which a now to the millisecond would change on
  // every render (a new query each time, never settling). A task comes due in its view within a minute.
  const minute = Math.floor(now().getTime() / MINUTE) * MINUTE;
  const filter = taskFilter(view, me, new Date(minute), zone, target);
  const list = useList(
    'activities',
    { sort: 'dueAt', ...query, filter: { ...filter, ...query.filter } },
    { enabled: filter !== undefined },
  );
  return { ...list, needsUser: me === null && filter === undefined };
}

import type { RecordOf } from '@crmkit/client';
import {
  type TaskView,
  type TimelineTarget,
  useCan,
  useCompleteTask,
  useNow,
  useTasks,
  useUpdateRecord,
} from '@crmkit/react';
import { type CSSProperties, lazy, type ReactNode, Suspense, useId, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { cx } from '../../context/parts.js';
import { MessagesScope } from '../../context/scope.js';
import { tasksMessages } from '../../i18n/messages/tasks-list/index.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { ListHeader } from '../shared/lists/ListHeader.js';
import { LoadMore } from '../shared/lists/LoadMore.js';
import { useRowFocus } from '../shared/lists/useRowFocus.js';
import { useTarget } from '../shared/lists/useTarget.js';
import { useUsers } from '../shared/lists/useUsers.js';
import { TaskRow } from './TaskRow.js';

type Activity = RecordOf<'activities'>;

// A conflict is rare: its prompt loads when one happens.
const TaskConflict = lazy(() => import('./TaskConflict.js').then((m) => ({ default: m.TaskConflict })));

/** Props of {@link TasksList}: give a record (`contactId`, …) for that record's tasks. */
export interface TasksListProps extends TimelineTarget {
  /**
   * The view shown first: `mine` (default without a record), `overdue`, `today` (overdue included), `upcoming`, or
   * `all` (every open task; the default with a record).
   */
  defaultView?: TaskView;
  /** Opens the record a task is about (its contact, deal, company or ticket); without it tasks are not links. */
  onOpenRecord?: (
    target: { resource: 'contacts' | 'deals' | 'companies' | 'tickets'; id: string },
    task: Activity,
  ) => void;
  /** The heading (default the catalog's "Tasks"). */
  title?: ReactNode;
  /** Level of the heading in the host's outline (default 2). */
  headingLevel?: HeadingLevel;
  /** Tasks per page, "Load more" fetches the next (default 30). */
  pageSize?: number;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

const VIEWS: TaskView[] = ['mine', 'overdue', 'today', 'upcoming'];

/** The record a task is about, most specific first. */
function relatedOf(task: Activity) {
  if (task.dealId) return { resource: 'deals' as const, id: task.dealId };
  if (task.ticketId) return { resource: 'tickets' as const, id: task.ticketId };
  if (task.contactId) return { resource: 'contacts' as const, id: task.contactId };
  if (task.companyId) return { resource: 'companies' as const, id: task.companyId };
  return undefined;
}

/**
 * The caller's open tasks and reminders by view — mine, overdue, today (in the provider's time zone), upcoming — or a
 * record's, soonest due first: complete with the checkbox, snooze (an hour, tomorrow or a week), reassign, open the
 * record. Changes show at once and are put back if the server refuses; a change that crossed someone else's (the
 * task changed since it was shown) asks whether to keep mine or take theirs; changes by others arrive live through the
 * provider's change feed. Viewers see the list read-only. Customer text is always shown as plain text.
 *
 * Keyboard: the views are buttons; in the list Arrow Up / Arrow Down, Home and End move between tasks, Space completes
 * the focused one; the snooze and reassign menus open with Enter or Arrow Down. Focus stays in the list when a
 * completed task leaves it.
 *
 * @example
 * <TasksList defaultView="today" onOpenRecord={({ resource, id }) => router.push(`/crm/${resource}/${id}`)} />
 * <TasksList dealId={deal.id} />
 */
export function TasksList(props: TasksListProps) {
  return (
    <MessagesScope part={tasksMessages}>
      <Tasks {...props} />
    </MessagesScope>
  );
}

function Tasks({
  contactId,
  companyId,
  dealId,
  ticketId,
  defaultView,
  onOpenRecord,
  title,
  headingLevel = 2,
  pageSize = 30,
  className,
  style,
}: TasksListProps) {
  const t = useT();
  const id = useId();
  const target = useTarget({ contactId, companyId, dealId, ticketId });
  const hasTarget = Object.keys(target).length > 0;
  const views = hasTarget ? (['all', ...VIEWS] as TaskView[]) : VIEWS;
  const [view, setView] = useState<TaskView>(defaultView ?? (hasTarget ? 'all' : 'mine'));
  const tasks = useTasks(view, target, { limit: pageSize });
  const { items, isPending, isFetching, isFetchingNextPage, error, refetch, needsUser } = tasks;
  const canEdit = useCan('update', 'activities');
  const { complete, error: completeError, conflict: completeConflict, reset: resetComplete } = useCompleteTask();
  const { update, error: updateError, conflict: updateConflict, reset: resetUpdate } = useUpdateRecord('activities');
  // A refused change is put back by the hooks; say so. A change someone else's crossed asks what to keep instead.
  const conflict = completeConflict ?? updateConflict;
  const notSaved = !conflict && !!(completeError || updateError);
  const { names, assignable } = useUsers();
  const now = useNow();
  const rows = useRowFocus(items.length);

  let body: ReactNode;
  if (needsUser)
    body = <StateView state="forbidden" title={t('tasks.signIn')} description={t('tasks.signIn.description')} />;
  else if (error && !items.length) body = <StateView error={error} onRetry={() => void refetch()} />;
  else if (isPending) {
    body = (
      <div className="crm-tl-loading" role="status" aria-label={t('state.loading')}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} lines={2} />
        ))}
      </div>
    );
  } else if (!items.length) body = <StateView state="empty" compact title={t(`tasks.empty.${view}`)} />;
  else {
    body = (
      <ul className="crm-tl-list" aria-labelledby={`${id}-title`} {...rows.listProps}>
        {(items as Activity[]).map((task) => (
          <TaskRow
            key={task.id}
            task={task}
            now={now}
            names={names}
            assignable={assignable}
            canEdit={canEdit}
            onComplete={(task, done) => {
              resetUpdate();
              complete(task.id, done);
            }}
            onChange={(task, patch) => {
              resetComplete();
              update(task.id, patch);
            }}
            onOpen={
              onOpenRecord
                ? (task) => {
                    const related = relatedOf(task);
                    if (related) onOpenRecord(related, task);
                  }
                : undefined
            }
          />
        ))}
      </ul>
    );
  }

  return (
    <CrmRoot part="tasksList" className={cx('crm-list-widget', className)} style={style}>
      <section aria-labelledby={`${id}-title`} className="crm-list-section">
        <ListHeader
          id={`${id}-title`}
          level={headingLevel}
          title={title ?? t('tasks.title')}
          refreshing={isFetching && !isPending && !isFetchingNextPage}
        />
        {/* A group of toggle buttons, not form fields: no fieldset. */}
        {/* biome-ignore lint/a11y/useSemanticElements: see above */}
        <div className="crm-tl-views" role="group" aria-label={t('tasks.views')}>
          {views.map((v) => (
            <button key={v} type="button" className="crm-tl-view" aria-pressed={v === view} onClick={() => setView(v)}>
              {t(`tasks.view.${v}`)}
            </button>
          ))}
        </div>
        {notSaved && (
          <p role="alert" className="crm-tl-error">
            {t('tasks.notSaved')}
          </p>
        )}
        {body}
        {conflict && (
          <Suspense fallback={null}>
            <TaskConflict conflict={conflict} names={names} />
          </Suspense>
        )}
        <LoadMore list={tasks} shown={items.length} />
      </section>
    </CrmRoot>
  );
}

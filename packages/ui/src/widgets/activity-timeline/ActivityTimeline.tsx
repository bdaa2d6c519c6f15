import type { RecordOf } from '@crmkit/client';
import { crmKeys, type TimelineTarget, useCan, useTimeline } from '@crmkit/react';
import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import { type CSSProperties, type ReactNode, useId, useMemo, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { cx } from '../../context/parts.js';
import { MessagesScope } from '../../context/scope.js';
import { timelineMessages } from '../../i18n/messages/activity-timeline/index.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import { StateView } from '../../primitives/StateView.js';
import { ListHeader } from '../shared/lists/ListHeader.js';
import { LoadMore } from '../shared/lists/LoadMore.js';
import { useTarget } from '../shared/lists/useTarget.js';
import { Feed } from './Feed.js';
import { LazyComposer, usePreloadComposer } from './LazyComposer.js';
import type { ActivityType } from './labels.js';
import { TypeFilter } from './TypeFilter.js';

type Activity = RecordOf<'activities'>;

/** Props of {@link ActivityTimeline}: give one of `contactId`, `companyId`, `dealId` or `ticketId`. */
export interface ActivityTimelineProps extends TimelineTarget {
  /** The heading (default the catalog's "Activity"). */
  title?: ReactNode;
  /** Level of the heading in the host's outline (default 2). */
  headingLevel?: HeadingLevel;
  /** Types shown at first (default every type). */
  defaultTypes?: ActivityType[];
  /** Show the composer to users who may create activities (default `true`). */
  composer?: boolean;
  /** Activities per page, "Load more" fetches the next (default 30). */
  pageSize?: number;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/**
 * Every touch with a contact, company, deal or ticket as a feed grouped by day, newest first: calls, emails, SMS,
 * chats, meetings, notes, tasks and reminders (with due dates, overdue marking and a checkbox to complete them), app
 * and system events such as stage changes. Filter by type, load more, and log a call, add a note, add a task or
 * schedule a reminder in the composer (for users who may create activities). Changes by others arrive live through
 * the provider's change feed. Customer text is always shown as plain text.
 *
 * Keyboard: the feed's articles are focusable; Page Down / Page Up move between them.
 *
 * @example
 * <ActivityTimeline contactId={contact.id} />
 */
export function ActivityTimeline(props: ActivityTimelineProps) {
  return (
    <MessagesScope part={timelineMessages}>
      <Timeline {...props} />
    </MessagesScope>
  );
}

function Timeline({
  contactId,
  companyId,
  dealId,
  ticketId,
  title,
  headingLevel = 2,
  defaultTypes = [],
  composer = true,
  pageSize = 30,
  className,
  style,
}: ActivityTimelineProps) {
  const t = useT();
  const canCreate = useCan('create', 'activities');
  const canUpdate = useCan('update', 'activities');
  const queryClient = useQueryClient();
  const id = useId();

  const target = useTarget({ contactId, companyId, dealId, ticketId });
  const [types, setTypes] = useState<ActivityType[]>(defaultTypes);
  const query = useMemo(
    () => ({ limit: pageSize, ...(types.length ? { filter: { type: types } } : {}) }),
    [types, pageSize],
  );
  const timeline = useTimeline(target, query);
  const { items, isPending, isFetchingNextPage, isFetching } = timeline;

  const toggleType = (type: ActivityType | null) =>
    setTypes((current) =>
      type === null ? [] : current.includes(type) ? current.filter((x) => x !== type) : [...current, type],
    );

  // A new activity shows at once in this feed (when the filter lets it); the refetch that follows confirms it.
  const onCreated = (activity: Activity) => {
    if (types.length && !types.includes(activity.type)) return;
    queryClient.setQueryData<InfiniteData<{ data: Activity[]; nextCursor: string | null }>>(
      crmKeys.timeline(target, query),
      (d) =>
        d?.pages.length && !d.pages.some((p) => p.data.some((a) => a.id === activity.id))
          ? { ...d, pages: d.pages.map((p, i) => (i === 0 ? { ...p, data: [activity, ...p.data] } : p)) }
          : d,
    );
  };

  const hasTarget = Object.keys(target).length > 0;
  usePreloadComposer(composer && hasTarget);
  return (
    <CrmRoot part="activityTimeline" className={cx('crm-list-widget', className)} style={style}>
      <section aria-labelledby={`${id}-title`} className="crm-list-section crm-at-section">
        <ListHeader
          id={`${id}-title`}
          level={headingLevel}
          title={title ?? t('timeline.title')}
          refreshing={isFetching && !isPending && !isFetchingNextPage}
        />
        {composer && canCreate && hasTarget && <LazyComposer target={target} onCreated={onCreated} />}
        <TypeFilter types={types} onToggle={toggleType} />
        {hasTarget ? (
          <Feed
            timeline={timeline}
            filtered={types.length > 0}
            onClearFilter={() => toggleType(null)}
            labelledBy={`${id}-title`}
            headingLevel={headingLevel}
            canComplete={canUpdate}
          />
        ) : (
          <StateView state="not-found" compact />
        )}
        <LoadMore list={timeline} shown={items.length} />
      </section>
    </CrmRoot>
  );
}

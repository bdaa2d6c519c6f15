import type { RecordOf } from '@crmkit/client';
import { useCrm, useFormat, useList, useNow, useSchema, type useTimeline } from '@crmkit/react';
import { type KeyboardEvent, useMemo } from 'react';
import { useT } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import * as icons from '../../primitives/icons.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { ActivityItem } from './ActivityItem.js';
import { groupByDay } from './days.js';
import { typeLabel } from './labels.js';

type Activity = RecordOf<'activities'>;

/** Props of {@link Feed}. */
export interface FeedProps {
  /** The timeline's query (`useTimeline`): its activities, newest first, and its state. */
  timeline: ReturnType<typeof useTimeline>;
  /** A type filter is on: nothing found is "no results" (with a button calling `onClearFilter`), not "empty". */
  filtered: boolean;
  onClearFilter: () => void;
  /** The id of the timeline's heading, which names the feed. */
  labelledBy: string;
  /** Level of the timeline's heading: days are headed one level below. */
  headingLevel: HeadingLevel;
  /** The user may complete tasks. */
  canComplete: boolean;
}

/**
 * The activities as a WAI-ARIA feed grouped by day (each day's heading in its first article), with its states:
 * loading (placeholders), error (with retry), empty, and no results for the filter. Page Down / Page Up move
 * between articles.
 */
export function Feed({
  timeline: { items: loaded, isPending, isFetching, error, refetch, hasNextPage },
  filtered,
  onClearFilter,
  labelledBy,
  headingLevel,
  canComplete,
}: FeedProps) {
  const t = useT();
  const f = useFormat();
  const { locale } = useCrm();
  const schema = useSchema().data;
  const DayHeading = `h${Math.min(6, headingLevel + 1)}` as 'h3';
  const users = useList('users', { limit: 200 }).items as { id: string; name: string }[];
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.name])), [users]);
  // "Now" for Today / Yesterday and overdue marks, from the provider's clock, refreshed every minute.
  const now = useNow();
  const items = loaded as Activity[];
  const days = useMemo(() => groupByDay(items, f, now, t), [items, f, now, t]);
  const total = items.length;

  if (error && !total) return <StateView error={error} onRetry={() => void refetch()} />;
  if (isPending) {
    return (
      <div role="feed" aria-busy="true" aria-labelledby={labelledBy} className="crm-at-feed">
        {[0, 1, 2].map((i) => (
          <div key={i} className="crm-at-item" aria-hidden="true">
            <Skeleton shape="circle" width={32} height={32} />
            <div className="crm-at-content">
              <Skeleton width={`${40 + i * 15}%`} />
              <Skeleton lines={2} />
            </div>
          </div>
        ))}
      </div>
    );
  }
  if (!total) {
    return filtered ? (
      <StateView
        state="no-results"
        compact
        action={
          <Button size="sm" icon={icons.x} onClick={onClearFilter}>
            {t('action.clearAll')}
          </Button>
        }
      />
    ) : (
      <StateView state="empty" title={t('timeline.empty')} />
    );
  }

  // Page Down / Page Up move between articles (the feed pattern).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const articles = [...event.currentTarget.querySelectorAll<HTMLElement>('article')];
    const current = articles.findIndex((a) => a.contains(event.target as Node));
    const next = articles[current + (event.key === 'PageDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
  let position = 0;
  return (
    <div
      role="feed"
      aria-busy={isFetching || undefined}
      aria-labelledby={labelledBy}
      className="crm-at-feed"
      onKeyDown={onKeyDown}
    >
      {days.map((day) =>
        day.items.map((a, i) => (
          <ActivityItem
            key={a.id}
            activity={a}
            position={++position}
            setSize={hasNextPage ? -1 : total}
            now={now}
            names={names}
            canComplete={canComplete}
            label={typeLabel(a.type, t, locale, schema)}
            day={i === 0 ? <DayHeading className="crm-at-day">{day.label}</DayHeading> : undefined}
          />
        )),
      )}
    </div>
  );
}

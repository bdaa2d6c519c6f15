import type { RecordOf } from '@crmkit/client';
import {
  crmKeys,
  type TimelineTarget,
  useCan,
  useCompleteTask,
  useCrm,
  useFormat,
  useList,
  useNow,
  useSchema,
  useTimeline,
} from '@crmkit/react';
import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import {
  type CSSProperties,
  Fragment,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
  useId,
  useMemo,
  useState,
} from 'react';
import { useT } from '../../i18n/hooks.js';
import { Badge } from '../../primitives/Badge.js';
import { Button } from '../../primitives/Button.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { Checkbox } from '../../primitives/Field.js';
import { Icon } from '../../primitives/Icon.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { Spinner } from '../../primitives/Spinner.js';
import { StateView } from '../../primitives/StateView.js';
import { CrmRoot, VisuallyHidden } from '../../root.js';
import { cx } from '../../theme/parts.js';
import { Composer } from './Composer.js';
import {
  type ActivityType,
  durationLabel,
  MISSED,
  outcomeLabel,
  purposeLabel,
  TYPE_ICON,
  TYPES,
  typeLabel,
} from './labels.js';

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
  className?: string;
  style?: CSSProperties;
}

/** One day of the feed. */
interface Day {
  key: string;
  label: string;
  items: Activity[];
}

const LONG_BODY = 320;

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
export function ActivityTimeline({
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
  const f = useFormat();
  const { locale } = useCrm();
  const schema = useSchema().data;
  const canCreate = useCan('create', 'activities');
  const canUpdate = useCan('update', 'activities');
  const queryClient = useQueryClient();
  const id = useId();
  const H = `h${headingLevel}` as const;
  const DayHeading = `h${Math.min(6, headingLevel + 1)}` as 'h3';

  const target = useMemo<TimelineTarget>(
    () =>
      Object.fromEntries(
        Object.entries({ contactId, companyId, dealId, ticketId }).filter(([, v]) => !!v),
      ) as TimelineTarget,
    [contactId, companyId, dealId, ticketId],
  );
  const [types, setTypes] = useState<ActivityType[]>(defaultTypes);
  const query = useMemo(
    () => ({ limit: pageSize, ...(types.length ? { filter: { type: types } } : {}) }),
    [types, pageSize],
  );
  const timeline = useTimeline(target, query);
  const { items, isPending, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage, isFetching } = timeline;

  const users = useList('users', { limit: 200 }).items as { id: string; name: string }[];
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.name])), [users]);

  // "Now" for Today / Yesterday and overdue marks, from the provider's clock, refreshed every minute.
  const now = useNow();

  const days = useMemo<Day[]>(() => {
    const today = f.dayKey(now);
    const yesterday = f.dayKey(new Date(now.getTime() - 86_400_000));
    const out: Day[] = [];
    for (const a of items as Activity[]) {
      const key = f.dayKey(a.occurredAt);
      let day = out[out.length - 1];
      if (day?.key !== key) {
        const label =
          key === today
            ? t('timeline.today')
            : key === yesterday
              ? t('timeline.yesterday')
              : f.date(a.occurredAt, 'long');
        day = { key, label, items: [] };
        out.push(day);
      }
      day.items.push(a);
    }
    return out;
  }, [items, f, now, t]);

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

  // Page Down / Page Up move between articles (the feed pattern).
  const onFeedKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const articles = [...event.currentTarget.querySelectorAll<HTMLElement>('article')];
    const current = articles.findIndex((a) => a.contains(event.target as Node));
    const next = articles[current + (event.key === 'PageDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  const shownTypes = schema ? TYPES.filter((k) => schema.activityTypes.some((a) => a.key === k)) : TYPES;
  const hasTarget = Object.keys(target).length > 0;
  const total = items.length;
  let position = 0;

  let feed: ReactNode;
  if (!hasTarget) {
    feed = <StateView state="not-found" compact />;
  } else if (error && !total) {
    feed = <StateView error={error} onRetry={() => void refetch()} />;
  } else if (isPending) {
    feed = (
      <div role="feed" aria-busy="true" aria-labelledby={`${id}-title`} className="crm-at-feed">
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
  } else if (!total) {
    feed = types.length ? (
      <StateView
        state="no-results"
        compact
        action={
          <Button size="sm" icon="x" onClick={() => toggleType(null)}>
            {t('action.clearAll')}
          </Button>
        }
      />
    ) : (
      <StateView state="empty" title={t('timeline.empty')} />
    );
  } else {
    feed = (
      <div
        role="feed"
        aria-busy={isFetching || undefined}
        aria-labelledby={`${id}-title`}
        className="crm-at-feed"
        onKeyDown={onFeedKeyDown}
      >
        {days.map((day) =>
          day.items.map((a, i) => (
            <Item
              key={a.id}
              activity={a}
              position={++position}
              setSize={hasNextPage ? -1 : total}
              now={now}
              names={names}
              canComplete={canUpdate}
              label={typeLabel(a.type, t, locale, schema)}
              day={i === 0 ? <DayHeading className="crm-at-day">{day.label}</DayHeading> : undefined}
            />
          )),
        )}
      </div>
    );
  }

  return (
    <CrmRoot part="activityTimeline" className={className} style={style}>
      <section aria-labelledby={`${id}-title`} className="crm-at-section">
        <div className="crm-at-header">
          <H id={`${id}-title`} className="crm-at-title-main">
            {title ?? t('timeline.title')}
          </H>
          {isFetching && !isPending && !isFetchingNextPage && <Spinner size={14} className="crm-at-refreshing" />}
        </div>
        {composer && canCreate && hasTarget && <Composer target={target} onCreated={onCreated} />}
        {/* A group of toggle buttons, not form fields: no fieldset. */}
        {/* biome-ignore lint/a11y/useSemanticElements: see above */}
        <div role="group" aria-label={t('timeline.filterByType')} className="crm-at-filters">
          <button
            type="button"
            className="crm-at-chip"
            aria-pressed={types.length === 0}
            onClick={() => toggleType(null)}
          >
            {t('timeline.allTypes')}
          </button>
          {shownTypes.map((type) => (
            <button
              key={type}
              type="button"
              className="crm-at-chip"
              data-type={type}
              aria-pressed={types.includes(type)}
              onClick={() => toggleType(type)}
            >
              <Icon name={TYPE_ICON[type]} />
              {typeLabel(type, t, locale, schema)}
            </button>
          ))}
        </div>
        {feed}
        {hasNextPage && total > 0 && (
          <div className="crm-at-more">
            <Button size="sm" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
              {t('action.loadMore')}
            </Button>
          </div>
        )}
      </section>
    </CrmRoot>
  );
}

/** One activity: an `article` named by its type and subject. */
function Item({
  activity: a,
  position,
  setSize,
  now,
  names,
  canComplete,
  label,
  day,
}: {
  /** The day's heading, in the day's first article (a feed may only hold articles). */
  day?: ReactNode;
  activity: Activity;
  position: number;
  setSize: number;
  now: Date;
  names: Map<string, string>;
  canComplete: boolean;
  label: string;
}) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const { complete } = useCompleteTask();
  const [expanded, setExpanded] = useState(false);
  const task = a.type === 'task';
  const done = !!a.completedAt;
  const overdue = task && !done && !!a.dueAt && new Date(a.dueAt).getTime() < now.getTime();
  const subject = a.subject?.trim();
  const heading = subject || label;
  const author = a.authorId ? names.get(a.authorId) : undefined;
  const body = a.body?.trim();
  const long = !!body && (body.length > LONG_BODY || body.split('\n').length > 5);
  const today = f.dayKey(a.occurredAt) === f.dayKey(now);
  const occurred = new Date(a.occurredAt);
  const recent = now.getTime() - occurred.getTime() < 6 * 3600_000 && occurred.getTime() <= now.getTime();

  // The type, unless it is already the title.
  const meta: ReactElement[] = subject ? [<span key="type">{label}</span>] : [];
  if (a.durationSeconds) {
    meta.push(
      <span key="duration">
        <Icon name="clock" />
        {durationLabel(a.durationSeconds, f)}
      </span>,
    );
  }
  if (task && a.dueAt) {
    meta.push(
      <span key="due" data-overdue={overdue || undefined}>
        <Icon name="calendar" />
        {t('timeline.due', { date: f.dateTime(a.dueAt, 'short') })}
      </span>,
    );
  }
  if (done && a.completedAt) {
    meta.push(<span key="done">{t('timeline.completedAt', { date: f.dateTime(a.completedAt, 'short') })}</span>);
  }
  if (author) meta.push(<span key="author">{t('timeline.by', { name: author })}</span>);

  return (
    <article
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-meta`}
      aria-posinset={position}
      aria-setsize={setSize}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: feed articles are focusable (WAI-ARIA feed pattern)
      tabIndex={0}
      className="crm-at-article"
    >
      {day}
      <div className="crm-at-item" data-type={a.type} data-done={done || undefined} data-overdue={overdue || undefined}>
        <span className="crm-at-icon" data-type={a.type} aria-hidden="true">
          <Icon name={TYPE_ICON[a.type]} />
        </span>
        <div className="crm-at-content">
          <div className="crm-at-head">
            {task && canComplete && (
              <Checkbox
                className="crm-at-check"
                hideLabel
                label={`${t(done ? 'timeline.markIncomplete' : 'timeline.markComplete')}: ${heading}`}
                checked={done}
                onChange={(e) => complete(a.id, e.target.checked)}
              />
            )}
            <p id={`${id}-title`} className="crm-at-title">
              {subject && <VisuallyHidden>{`${label}: `}</VisuallyHidden>}
              {heading}
            </p>
            <time className="crm-at-time" dateTime={a.occurredAt} title={f.dateTime(a.occurredAt)}>
              {today && recent ? f.relative(a.occurredAt, now) : f.time(a.occurredAt)}
            </time>
          </div>
          {(a.direction || a.outcome || a.purpose || overdue || done) && (
            <div className="crm-at-badges">
              {a.direction && (
                <Badge icon={a.direction === 'inbound' ? 'inbound' : 'outbound'}>
                  {t(`timeline.direction.${a.direction}`)}
                </Badge>
              )}
              {a.outcome && (
                <Badge tone={MISSED.has(a.outcome) ? 'warning' : 'success'}>{outcomeLabel(a.outcome, t)}</Badge>
              )}
              {a.purpose && <Badge icon="bell">{purposeLabel(a.purpose, t)}</Badge>}
              {overdue && (
                <Badge tone="danger" icon="alert">
                  {t('timeline.overdue')}
                </Badge>
              )}
              {done && (
                <Badge tone="success" icon="check">
                  {t('timeline.completed')}
                </Badge>
              )}
            </div>
          )}
          {body && (
            <p className={cx('crm-at-body', long && !expanded && 'crm-at-clamped')} id={`${id}-body`}>
              {body}
            </p>
          )}
          {long && (
            <button
              type="button"
              className="crm-at-toggle"
              aria-expanded={expanded}
              aria-controls={`${id}-body`}
              onClick={() => setExpanded((x) => !x)}
            >
              {t(expanded ? 'action.showLess' : 'action.showMore')}
            </button>
          )}
          <p id={`${id}-meta`} className="crm-at-meta">
            {meta.map((part, i) => (
              <Fragment key={part.key}>
                {i > 0 && (
                  <span className="crm-at-sep" aria-hidden="true">
                    ·
                  </span>
                )}
                {part}
              </Fragment>
            ))}
          </p>
        </div>
      </div>
    </article>
  );
}

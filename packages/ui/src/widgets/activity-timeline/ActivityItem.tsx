import type { RecordOf } from '@crmkit/client';
import { useCompleteTask, useFormat } from '@crmkit/react';
import { Fragment, type ReactElement, type ReactNode, useId, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { cx } from '../../context/parts.js';
import { Badge } from '../../primitives/Badge.js';
import { Checkbox } from '../../primitives/Field.js';
import { Icon } from '../../primitives/Icon.js';
import * as icons from '../../primitives/icons.js';
import { VisuallyHidden } from '../../primitives/VisuallyHidden.js';
import { durationLabel, MISSED, outcomeKey, outcomeLabel, purposeLabel, TYPE_ICON } from './labels.js';

type Activity = RecordOf<'activities'>;

/** A body longer than this (or than five lines) is clamped, with "Show more". */
const LONG_BODY = 320;

/** One activity: an `article` named by its type and subject. */
export function ActivityItem({
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
        <Icon icon={icons.clock} />
        {durationLabel(a.durationSeconds, f)}
      </span>,
    );
  }
  if (task && a.dueAt) {
    meta.push(
      <span key="due" data-overdue={overdue || undefined}>
        <Icon icon={icons.calendar} />
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
          <Icon icon={TYPE_ICON[a.type]} />
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
                <Badge icon={a.direction === 'inbound' ? icons.inbound : icons.outbound}>
                  {t(`timeline.direction.${a.direction}`)}
                </Badge>
              )}
              {a.outcome && (
                <Badge tone={MISSED.has(outcomeKey(a.outcome) ?? '') ? 'warning' : 'success'}>
                  {outcomeLabel(a.outcome, t)}
                </Badge>
              )}
              {a.purpose && <Badge icon={icons.bell}>{purposeLabel(a.purpose, t)}</Badge>}
              {overdue && (
                <Badge tone="danger" icon={icons.alert}>
                  {t('timeline.overdue')}
                </Badge>
              )}
              {done && (
                <Badge tone="success" icon={icons.check}>
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

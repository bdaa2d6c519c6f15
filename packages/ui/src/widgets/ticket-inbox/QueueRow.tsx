import { memo } from 'react';
import { useT } from '../../context/i18n.js';
import { cx } from '../../context/parts.js';
import { Badge } from '../../primitives/Badge.js';
import { Icon } from '../../primitives/Icon.js';
import * as icons from '../../primitives/icons.js';
import { VisuallyHidden } from '../../primitives/VisuallyHidden.js';
import { channelIcon, PRIORITY_TONE, type Ticket, type useTicketFacts } from './common/labels.js';
import { SlaBadge } from './common/SlaBadge.js';

/** Height of a queue row in pixels (fixed, so the queue can window its rows). */
export const ROW_HEIGHT = 92;
/**
 * Height of a row in a narrow queue (under {@link NARROW_QUEUE} px; `crm-inbox-queue` in ticket-inbox.css): its facts
 * take up to three lines in place of the snippet, so the SLA clock, priority and status show whole in every language.
 */
export const NARROW_ROW_HEIGHT = 136;
/** Width under which the queue is narrow (the same figure as the container query in ticket-inbox.css). */
export const NARROW_QUEUE = 520;

/** Props of {@link QueueRow}. */
export interface QueueRowProps {
  /** The row's height: {@link ROW_HEIGHT}, or {@link NARROW_ROW_HEIGHT} in a narrow queue. */
  height: number;
  ticket: Ticket;
  index: number;
  count: number;
  requester: string | undefined;
  assignee: string | undefined;
  /** Names of other agents viewing / replying. */
  watchers: { viewing: string[]; replying: string[] };
  open: boolean;
  selected: boolean;
  selectable: boolean;
  facts: ReturnType<typeof useTicketFacts>;
  now: Date;
  relative: (iso: string) => string;
  onOpen: (id: string) => void;
  onToggle: (id: string) => void;
}

/**
 * One ticket of the queue: requester, subject, the last reply's snippet, channel, priority, status, assignee, tags and
 * the SLA clock that matters next; who else is viewing or replying. Customer text is text, never HTML.
 */
export const QueueRow = memo(function QueueRow(p: QueueRowProps) {
  const t = useT();
  const { ticket } = p;
  const names = (list: string[]) => list.join(', ');
  return (
    <li
      className="crm-inbox-row"
      data-open={p.open || undefined}
      data-selected={p.selected || undefined}
      aria-setsize={p.count}
      aria-posinset={p.index + 1}
      style={{ height: p.height }}
    >
      {p.selectable && (
        <input
          type="checkbox"
          className="crm-inbox-check"
          checked={p.selected}
          onChange={() => p.onToggle(ticket.id)}
          aria-label={t('inbox.select', { number: ticket.number })}
        />
      )}
      <button
        type="button"
        className="crm-inbox-row-button"
        data-ticket-id={ticket.id}
        aria-current={p.open ? 'true' : undefined}
        onClick={() => p.onOpen(ticket.id)}
      >
        <span className="crm-inbox-row-line">
          <span className="crm-inbox-requester">
            {p.requester ?? (ticket.requesterId ? '…' : t('inbox.noRequester'))}
          </span>
          <span className="crm-inbox-number">#{ticket.number}</span>
          {ticket.lastMessageAt && <span className="crm-inbox-when">{p.relative(ticket.lastMessageAt)}</span>}
        </span>
        <span className="crm-inbox-subject" dir="auto">
          {ticket.subject}
        </span>
        <span className="crm-inbox-snippet" dir="auto">
          {ticket.lastMessage?.snippet ?? ''}
        </span>
        <span className="crm-inbox-row-line crm-inbox-meta">
          <SlaBadge ticket={ticket} facts={p.facts} now={p.now} />
          <Badge tone={PRIORITY_TONE[ticket.priority]}>{p.facts.priority(ticket.priority)}</Badge>
          <Badge>{p.facts.status(ticket.status)}</Badge>
          <span className="crm-inbox-channel">
            <Icon icon={channelIcon(ticket.channel)} />
            {p.facts.channel(ticket.channel)}
          </span>
          <span className={cx('crm-inbox-assignee', !ticket.assigneeId && 'is-empty')}>
            <Icon icon={icons.user} />
            {p.assignee ?? t('inbox.unassigned')}
          </span>
          {ticket.tags.slice(0, 3).map((tag) => (
            <Badge key={tag} icon={icons.tag} className="crm-inbox-tag" title={tag}>
              <span className="crm-inbox-tag-text">{tag}</span>
            </Badge>
          ))}
          {ticket.snooze && (
            <span className="crm-inbox-snoozed">
              <Icon icon={icons.bell} />
              <VisuallyHidden>{t('inbox.view.snoozed')}</VisuallyHidden>
            </span>
          )}
        </span>
        {(p.watchers.viewing.length > 0 || p.watchers.replying.length > 0) && (
          <span className="crm-inbox-watchers" data-replying={p.watchers.replying.length > 0 || undefined}>
            <Icon icon={icons.user} />
            {p.watchers.replying.length > 0
              ? t('inbox.replying', { names: names(p.watchers.replying) })
              : t('inbox.viewing', { names: names(p.watchers.viewing) })}
          </span>
        )}
        {p.open && <VisuallyHidden>({t('action.open')})</VisuallyHidden>}
      </button>
    </li>
  );
});

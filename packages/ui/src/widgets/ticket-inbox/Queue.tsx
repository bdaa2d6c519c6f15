import type { ListQuery } from '@crmkit/client';
import { type TicketView, useFormat, useNow, useTicketQueue, useWorkspacePresence } from '@crmkit/react';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { Spinner } from '../../primitives/Spinner.js';
import { StateView } from '../../primitives/StateView.js';
import { LiveRegion } from '../../primitives/VisuallyHidden.js';
import { useUsers } from '../shared/lists/useUsers.js';
import { useWindow } from '../shared/lists/useWindow.js';
import { type Ticket, useTicketFacts } from './common/labels.js';
import { NARROW_QUEUE, NARROW_ROW_HEIGHT, QueueRow, ROW_HEIGHT } from './QueueRow.js';
import { useContactNames } from './useNames.js';

/** Props of {@link Queue}. */
export interface QueueProps {
  view: TicketView;
  query: ListQuery<Ticket>;
  openId: string | null;
  selected: ReadonlySet<string>;
  selectable: boolean;
  meId: string | undefined;
  onOpen: (id: string) => void;
  onToggle: (id: string) => void;
  /** The tickets loaded so far, as they change (for keyboard navigation and bulk actions). */
  onItems: (items: Ticket[]) => void;
}

/** What the inbox can ask of its queue. */
export interface QueueHandle {
  /** Focuses the row of ticket `id`, scrolling it into view. */
  focusRow(id: string): void;
}

/**
 * The tickets of a view, a page of 50 at a time as the list nears its end (cursor pages), in a windowed list: only the
 * rows in view (and a few around) are in the DOM, so it stays the same size at 100,000 tickets. Requester names are
 * fetched per page, never per row; who else has a ticket open shows on its row.
 */
export const Queue = forwardRef<QueueHandle, QueueProps>(function Queue(p, ref) {
  const t = useT();
  const f = useFormat();
  const facts = useTicketFacts();
  const now = useNow(30_000);
  const scroller = useRef<HTMLDivElement>(null);
  const queue = useTicketQueue(p.view, { limit: 50, ...p.query });
  const { items, isPending, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = queue;
  const tickets = items as Ticket[];
  // A narrow queue's rows are taller (their facts wrap); the width is the one measured at the last render.
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const win = useWindow({ count: tickets.length, rowHeight, scroller, overscan: 6 });
  const measured = win.width === 0 ? rowHeight : win.width < NARROW_QUEUE ? NARROW_ROW_HEIGHT : ROW_HEIGHT;
  if (measured !== rowHeight) setRowHeight(measured);
  const visible = tickets.slice(win.start, win.end);

  // Measured from the clock at render, so a message just in never reads as in the future.
  const relative = useCallback((iso: string) => f.relative(iso), [f]);
  const { onItems } = p;
  useEffect(() => onItems(tickets), [tickets, onItems]);
  // The next page loads while the last rows come into view.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && win.end >= tickets.length - 10) void fetchNextPage();
  }, [win.end, tickets.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const names = useContactNames(useMemo(() => visible.map((x) => x.requesterId), [visible]));
  const userNames = useUsers().names;
  const presence = useWorkspacePresence().data?.data;
  const watchers = useMemo(() => {
    const map = new Map<string, { viewing: string[]; replying: string[] }>();
    for (const x of presence ?? []) {
      if (x.userId === p.meId) continue;
      const entry = map.get(x.ticketId) ?? { viewing: [], replying: [] };
      entry[x.state].push(userNames.get(x.userId) ?? '…');
      map.set(x.ticketId, entry);
    }
    return map;
  }, [presence, userNames, p.meId]);

  useImperativeHandle(
    ref,
    () => ({
      focusRow(id) {
        const index = tickets.findIndex((x) => x.id === id);
        if (index < 0) return;
        win.scrollToIndex(index);
        requestAnimationFrame(() =>
          scroller.current?.querySelector<HTMLElement>(`[data-ticket-id="${CSS.escape(id)}"]`)?.focus(),
        );
      },
    }),
    [tickets, win],
  );

  if (error && !tickets.length) return <StateView error={error} onRetry={() => void refetch()} compact />;
  if (isPending) return <StateView state="loading" entity="ticket" compact />;
  if (!tickets.length) {
    return <StateView state={p.query.q || p.query.filter ? 'no-results' : 'empty'} entity="ticket" compact />;
  }
  const noRows = { viewing: [], replying: [] };
  return (
    <div className="crm-inbox-scroller" ref={scroller}>
      <ul className="crm-inbox-rows" aria-label={t('inbox.queue')} aria-busy={isFetchingNextPage || undefined}>
        <li aria-hidden="true" className="crm-inbox-spacer" style={{ height: win.before }} />
        {visible.map((ticket, i) => (
          <QueueRow
            key={ticket.id}
            height={rowHeight}
            ticket={ticket}
            index={win.start + i}
            count={hasNextPage ? -1 : tickets.length}
            requester={ticket.requesterId ? names.get(ticket.requesterId) : undefined}
            assignee={ticket.assigneeId ? userNames.get(ticket.assigneeId) : undefined}
            watchers={watchers.get(ticket.id) ?? noRows}
            open={ticket.id === p.openId}
            selected={p.selected.has(ticket.id)}
            selectable={p.selectable}
            facts={facts}
            now={now}
            relative={relative}
            onOpen={p.onOpen}
            onToggle={p.onToggle}
          />
        ))}
        <li aria-hidden="true" className="crm-inbox-spacer" style={{ height: win.after }} />
      </ul>
      {isFetchingNextPage && (
        <div className="crm-inbox-more">
          <Spinner size={16} />
          <span>{t('inbox.loadingMore')}</span>
        </div>
      )}
      <LiveRegion>{hasNextPage ? '' : t('inbox.count', { count: tickets.length })}</LiveRegion>
    </div>
  );
});

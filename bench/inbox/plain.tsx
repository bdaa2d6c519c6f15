/**
 * The baseline of the inbox benchmark: the same queue rows (`QueueRow`) for the same tickets of the same view, paged
 * the same way, but every loaded row rendered — no windowing; and a thread that renders every message of the ticket.
 */
import { useFormat, useNow, useTicketQueue, useTicketThread } from '@crmkit/react';
import { useEffect, useRef } from 'react';
import { useTicketFacts } from '../../packages/ui/src/widgets/ticket-inbox/common/labels.js';
import { QueueRow, ROW_HEIGHT } from '../../packages/ui/src/widgets/ticket-inbox/QueueRow.js';
import { MessageBody } from '../../packages/ui/src/widgets/ticket-inbox/ticket/MessageBody.js';

const noWatchers = { viewing: [], replying: [] };
const noop = () => {};

export function PlainQueue() {
  const facts = useTicketFacts();
  const f = useFormat();
  const now = useNow(30_000);
  const { items, hasNextPage, fetchNextPage, isFetchingNextPage } = useTicketQueue('open', { limit: 50 });
  const scroller = useRef<HTMLDivElement>(null);
  const onScroll = () => {
    const el = scroller.current!;
    if (hasNextPage && !isFetchingNextPage && el.scrollHeight - el.scrollTop - el.clientHeight < 600)
      void fetchNextPage();
  };
  return (
    <div className="crm-inbox-scroller" ref={scroller} onScroll={onScroll} style={{ height: 860, overflowY: 'auto' }}>
      <ul className="crm-inbox-rows" aria-label="Tickets">
        {items.map((ticket, i) => (
          <QueueRow
            key={ticket.id}
            height={ROW_HEIGHT}
            ticket={ticket}
            index={i}
            count={items.length}
            requester={undefined}
            assignee={undefined}
            watchers={noWatchers}
            open={false}
            selected={false}
            selectable={false}
            facts={facts}
            now={now}
            relative={f.relative}
            onOpen={noop}
            onToggle={noop}
          />
        ))}
      </ul>
    </div>
  );
}

/** Every message of a thread, loaded page by page and all rendered. */
export function PlainThread({ ticketId }: { ticketId: string }) {
  const { items, hasNextPage, fetchNextPage, isFetching } = useTicketThread(ticketId);
  useEffect(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);
  if (hasNextPage || !items.length) return null;
  return (
    <div className="crm-inbox-thread" style={{ height: 860, overflowY: 'auto' }}>
      {items.map((m) => (
        <article key={m.id} className="crm-inbox-message" data-kind={m.kind} data-author={m.authorType}>
          <MessageBody html={m.bodyHtml} />
        </article>
      ))}
    </div>
  );
}

import { useFormat, useTicketThread } from '@crmkit/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useT } from '../../../context/i18n.js';
import { Badge } from '../../../primitives/Badge.js';
import * as icons from '../../../primitives/icons.js';
import { Spinner } from '../../../primitives/Spinner.js';
import { StateView } from '../../../primitives/StateView.js';
import type { Message } from '../common/labels.js';
import { MessageBody } from './MessageBody.js';

/** Props of {@link Thread}. */
export interface ThreadProps {
  ticketId: string;
  /** Names of users and of the requester, by id. */
  names: ReadonlyMap<string, string>;
  /** The newest message loaded, as it changes (the composer's "last seen"). */
  onNewest: (id: string | null) => void;
}

/**
 * The conversation, oldest at the top and the latest at the bottom, where it opens. Only the messages in view are
 * rendered (each measured as it renders), so a 2,000-message thread opens as fast as a short one; older pages load
 * as the agent scrolls up, without the view jumping. Internal notes are unmistakable: marked, tinted and labelled.
 */
export function Thread({ ticketId, names, onNewest }: ThreadProps) {
  const t = useT();
  const f = useFormat();
  const thread = useTicketThread(ticketId, { newestFirst: true });
  const { items, isPending, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = thread;
  const messages = useMemo(() => [...(items as (Message & { pending?: boolean })[])].reverse(), [items]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 120,
    overscan: 4,
    getItemKey: (i) => messages[i]!.id,
  });
  const newest = messages.at(-1);
  useEffect(() => onNewest(newest && !newest.pending ? newest.id : null), [newest, onNewest]);

  // Opens at the latest message, and follows new ones while the agent is at the bottom.
  const atBottom = useRef(true);
  const firstId = messages[0]?.id;
  const previous = useRef({ count: 0, firstId: undefined as string | undefined, height: 0 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    if (before.firstId && firstId !== before.firstId && messages.length > before.count) {
      // Older messages came in above: keep what the agent was reading where it was.
      el.scrollTop += virtualizer.getTotalSize() - before.height;
    } else if (atBottom.current && messages.length) {
      virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
    }
    previous.current = { count: messages.length, firstId, height: virtualizer.getTotalSize() };
  });
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 200 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };

  if (error) return <StateView error={error} onRetry={() => void refetch()} compact />;
  if (isPending) return <StateView state="loading" compact />;
  const author = (m: Message) =>
    m.authorId ? (names.get(m.authorId) ?? '…') : m.authorType === 'contact' ? t('inbox.customer') : t('inbox.agent');
  return (
    <div
      className="crm-inbox-thread"
      ref={scroller}
      onScroll={onScroll}
      aria-label={t('inbox.thread')}
      role="log"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling conversation needs a tab stop to scroll it with the keyboard (WCAG 2.1.1)
      tabIndex={0}
    >
      {isFetchingNextPage && (
        <div className="crm-inbox-more">
          <Spinner size={16} />
          <span>{t('inbox.olderMessages')}</span>
        </div>
      )}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const m = messages[row.index]!;
          return (
            <article
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className="crm-inbox-message"
              data-kind={m.kind}
              data-author={m.authorType}
              data-pending={m.pending || undefined}
              aria-label={`${author(m)}, ${f.dateTime(m.createdAt)}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
            >
              <header className="crm-inbox-message-head">
                <strong>{author(m)}</strong>
                {m.kind === 'note' && (
                  <Badge tone="warning" icon={icons.lock}>
                    {t('inbox.note')}
                  </Badge>
                )}
                <time dateTime={m.createdAt}>{f.dateTime(m.createdAt)}</time>
                {m.pending && <span className="crm-inbox-sending">{t('inbox.sending')}</span>}
              </header>
              {m.pending ? <p className="crm-inbox-body">{m.bodyText}</p> : <MessageBody html={m.bodyHtml} />}
            </article>
          );
        })}
      </div>
    </div>
  );
}

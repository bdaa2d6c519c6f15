import type { TicketView } from '@crmkit/react';
import { useAssignTicket, useCan, useMe, useTicketStatus } from '@crmkit/react';
import {
  type CSSProperties,
  type KeyboardEvent,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useT } from '../../context/i18n.js';
import { MessagesScope } from '../../context/scope.js';
import { inboxMessages } from '../../i18n/messages/ticket-inbox/index.js';
import { Button } from '../../primitives/Button.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import * as icons from '../../primitives/icons.js';
import { StateView } from '../../primitives/StateView.js';
import { DEFAULT_KEYMAP, type InboxAction, isTyping, type Keymap, keyOf } from './common/keymap.js';
import { type Ticket, useTicketFacts } from './common/labels.js';
import { BulkDialog, HelpDialog, MergeDialog, preloadTicketPane, SnoozeDialog, TicketPane } from './lazy.js';
import { Queue, type QueueHandle } from './Queue.js';
import { listQuery, NO_FILTERS, type QueueQuery, QueueToolbar } from './QueueToolbar.js';
import { useSlaNotices } from './useSlaNotices.js';
import { ViewNav } from './ViewNav.js';

/** Props of {@link TicketInbox}. */
export interface TicketInboxProps {
  /** The view shown (controlled with `onViewChange`), or the first one (default `mine`). */
  view?: TicketView;
  /** Called when the agent picks another view (the host may keep it in its URL). */
  onViewChange?: (view: TicketView) => void;
  /** The open ticket (controlled with `onOpenTicket`); uncontrolled without it. */
  ticketId?: string | null;
  /** Called when the agent opens a ticket (the host may route to it). */
  onOpenTicket?: (ticketId: string) => void;
  /** Called when the agent closes the open ticket ("Back to the queue" on a narrow host): a host that controls
   * `ticketId` sets it to null. */
  onCloseTicket?: () => void;
  /** Opens a contact in the host: the requester panel gets an Open button that calls it with the requester's id. */
  onOpenContact?: (contactId: string) => void;
  /** Opens a deal in the host: the requester's open deals become links that call it. */
  onOpenDeal?: (dealId: string) => void;
  /** Keys of the keyboard actions, merged over the defaults (`?` lists them). */
  keymap?: Partial<Keymap>;
  /** Level of the widget's heading in the host's outline (default 2). */
  headingLevel?: HeadingLevel;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

type Dialog = 'snooze' | 'merge' | 'bulk' | 'help' | null;

/**
 * The support agent's workspace: views with live counts; the queue of a view — the SLA clock that matters next in
 * business time, sort, filters, search, windowed rows for 100,000 tickets; the open ticket — its thread, a composer with
 * rich text, canned responses, reply-and-set-status, drafts and the "traffic cop", inline-editable properties and the
 * requester. Who else is viewing or replying shows live. Snooze, merge, bulk changes, a keyboard layer scoped to the
 * widget (`?` lists it), and one notice when tickets at risk or breached enter the agent's queues. Three panes that
 * become one on a narrow host. Viewers read; agents work tickets; managers and admins also change them in bulk.
 *
 * @example
 * <TicketInbox onOpenContact={(id) => navigate(`/contacts/${id}`)} />
 */
export function TicketInbox(props: TicketInboxProps) {
  return (
    <MessagesScope part={inboxMessages}>
      <Inbox {...props} />
    </MessagesScope>
  );
}

function Inbox({
  view: viewProp,
  onViewChange,
  ticketId,
  onOpenTicket,
  onCloseTicket,
  onOpenContact,
  onOpenDeal,
  keymap,
  headingLevel = 2,
  className,
  style,
}: TicketInboxProps) {
  const t = useT();
  const me = useMe();
  const user = me.data?.user ?? null;
  const canWork = useCan('update', 'tickets');
  const canBulk = useCan('delete', 'tickets');
  const facts = useTicketFacts();
  const { assign } = useAssignTicket();
  const { setStatus } = useTicketStatus();
  const [ownView, setOwnView] = useState<TicketView>(viewProp ?? 'mine');
  const view = viewProp ?? ownView;
  const [ownOpen, setOwnOpen] = useState<string | null>(null);
  const openId = ticketId === undefined ? ownOpen : ticketId;
  const [query, setQuery] = useState<QueueQuery>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [command, setCommand] = useState<{ kind: 'reply' | 'note'; at: number } | null>(null);
  const items = useRef<Ticket[]>([]);
  const [loaded, setLoaded] = useState(0);
  const queue = useRef<QueueHandle>(null);
  const search = useRef<HTMLInputElement>(null);
  const keys = useMemo(() => ({ ...DEFAULT_KEYMAP, ...keymap }), [keymap]);
  const { notice, dismiss } = useSlaNotices(user, canWork);
  const H = `h${headingLevel}` as const;

  useEffect(preloadTicketPane, []);
  const changeView = (v: TicketView) => {
    setOwnView(v);
    setSelected(new Set());
    onViewChange?.(v);
  };
  const open = useCallback(
    (id: string) => {
      setOwnOpen(id);
      onOpenTicket?.(id);
    },
    [onOpenTicket],
  );
  const toggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const onItems = useCallback((list: Ticket[]) => {
    items.current = list;
    setLoaded(list.length);
  }, []);
  const allSelected = loaded > 0 && selected.size === loaded;
  const openTicket = items.current.find((x) => x.id === openId);

  /** The ticket a keyboard action applies to: the focused row's, else the open one. */
  const current = (): string | null =>
    (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-ticket-id]')?.dataset.ticketId ??
    openId;
  const move = (by: number) => {
    const list = items.current;
    const at = list.findIndex((x) => x.id === current());
    const next = list[Math.max(0, Math.min(list.length - 1, at + by))];
    if (next) queue.current?.focusRow(next.id);
  };
  const run: Record<InboxAction, () => void> = {
    next: () => move(1),
    previous: () => move(-1),
    open: () => {
      const id = current();
      if (id) open(id);
    },
    reply: () => canWork && openId && setCommand({ kind: 'reply', at: Date.now() }),
    note: () => canWork && openId && setCommand({ kind: 'note', at: Date.now() }),
    assignMe: () => {
      const id = current();
      if (canWork && id && user) assign(id, { assigneeId: user.id });
    },
    close: () => {
      const id = current();
      if (canWork && id) setStatus(id, 'solved');
    },
    snooze: () => canWork && current() && setDialog('snooze'),
    search: () => search.current?.focus(),
    select: () => {
      const id = current();
      if (canBulk && id) toggle(id);
    },
    help: () => setDialog('help'),
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || isTyping(event.target)) return;
    const key = keyOf(event);
    const action = (Object.keys(keys) as InboxAction[]).find((a) => keys[a] === key);
    const arrows: Record<string, InboxAction> = { ArrowDown: 'next', ArrowUp: 'previous' };
    const inQueue = !!(event.target as HTMLElement).closest?.('.crm-inbox-rows');
    const chosen = action ?? (inQueue ? arrows[event.key] : undefined);
    if (!chosen) return;
    event.preventDefault();
    run[chosen]();
  };

  if (me.error) return <StateView error={me.error} onRetry={() => void me.refetch()} />;
  const snoozeId = dialog === 'snooze' ? current() : null;
  return (
    <CrmRoot
      part="ticketInbox"
      className={className}
      style={style}
      onKeyDown={onKeyDown}
      data-pane={openId ? 'ticket' : 'queue'}
    >
      <div className="crm-inbox">
        <header className="crm-inbox-header">
          <H className="crm-inbox-title">{t('inbox.title')}</H>
          <Button variant="ghost" size="sm" icon={icons.info} onClick={() => setDialog('help')}>
            {t('inbox.keys.help')}
          </Button>
        </header>
        {notice && (
          <div className="crm-inbox-notice" role="status" data-kind={notice.kind}>
            <span>
              {notice.tickets.length === 1
                ? t(`inbox.notice.${notice.kind}.one`, { number: notice.tickets[0]!.number })
                : t(`inbox.notice.${notice.kind}.many`, { count: notice.tickets.length })}
            </span>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                changeView(notice.kind);
                open(notice.tickets[0]!.id);
                dismiss();
              }}
            >
              {t('inbox.notice.show')}
            </Button>
            <Button size="sm" variant="ghost" onClick={dismiss}>
              {t('inbox.notice.dismiss')}
            </Button>
          </div>
        )}
        <ViewNav view={view} onChange={changeView} />
        <section className="crm-inbox-queue" aria-label={t(`inbox.view.${view}`)}>
          <QueueToolbar value={query} onChange={setQuery} facts={facts} searchRef={search} />
          {canBulk && loaded > 0 && (
            <label className="crm-inbox-select-all">
              <input
                type="checkbox"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(items.current.map((x) => x.id)))}
              />
              {t('inbox.selectAll', { count: loaded })}
            </label>
          )}
          {selected.size > 0 && (
            <section className="crm-inbox-bulkbar" aria-label={t('inbox.action.bulk')}>
              <span>{t('inbox.selected', { count: selected.size })}</span>
              <Button size="sm" onClick={() => setDialog('bulk')}>
                {t('inbox.action.bulk')}
              </Button>
              {selected.size > 1 && (
                <Button size="sm" variant="secondary" onClick={() => setDialog('merge')}>
                  {t('inbox.action.merge')}
                </Button>
              )}
              <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
                {t('action.clear')}
              </Button>
            </section>
          )}
          <Queue
            ref={queue}
            view={view}
            query={listQuery(query)}
            openId={openId}
            selected={selected}
            selectable={canBulk}
            meId={user?.id}
            onOpen={open}
            onToggle={toggle}
            onItems={onItems}
          />
        </section>
        <section className="crm-inbox-ticket" aria-label={t('inbox.thread')}>
          {openId ? (
            <Suspense fallback={<StateView state="loading" entity="ticket" compact />}>
              <TicketPane
                key={openId}
                ticketId={openId}
                initial={openTicket}
                command={command}
                canWork={canWork}
                headingLevel={Math.min(6, headingLevel + 1) as HeadingLevel}
                onBack={() => {
                  setOwnOpen(null);
                  onCloseTicket?.();
                  // Focus goes back to the ticket's row (its pane, and the focused Back button, are gone).
                  queue.current?.focusRow(openId);
                }}
                onOpenContact={onOpenContact}
                onOpenDeal={onOpenDeal}
                onOpenTicket={open}
                onSnooze={() => setDialog('snooze')}
                onMerge={() => setDialog('merge')}
              />
            </Suspense>
          ) : (
            // Compact views show no description: the title says what to do.
            <StateView state="empty" title={t('inbox.pickTicket')} compact />
          )}
        </section>
      </div>
      <Suspense>
        {dialog === 'help' && <HelpDialog keymap={keys} onClose={() => setDialog(null)} />}
        {dialog === 'snooze' && snoozeId && <SnoozeDialog ticketId={snoozeId} onClose={() => setDialog(null)} />}
        {dialog === 'merge' && (
          <MergeDialog
            ids={selected.size > 1 ? [...selected] : openId ? [openId] : []}
            tickets={items.current}
            onClose={(merged) => {
              setDialog(null);
              if (merged) setSelected(new Set());
            }}
          />
        )}
        {dialog === 'bulk' && (
          <BulkDialog
            ids={[...selected]}
            tickets={items.current}
            onClose={(failed) => {
              setDialog(null);
              if (failed) setSelected(new Set(failed));
            }}
          />
        )}
      </Suspense>
    </CrmRoot>
  );
}

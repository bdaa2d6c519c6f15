import type { PlaceholderValues } from '@crmkit/core/tickets';
import {
  contactName,
  crmQueries,
  useAssignTicket,
  useCrm,
  useFormat,
  useMe,
  useRecord,
  useSnoozeTicket,
  useTicketPresence,
  useTicketStatus,
} from '@crmkit/react';
import { usePrefetchInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { MessagesScope } from '../../../context/scope.js';
import { cardMessages } from '../../../i18n/messages/cards/index.js';
import { Badge } from '../../../primitives/Badge.js';
import { Button } from '../../../primitives/Button.js';
import type { HeadingLevel } from '../../../primitives/Card.js';
import * as icons from '../../../primitives/icons.js';
import { StateView } from '../../../primitives/StateView.js';
import { ContactCard } from '../../contact-card/ContactCard.js';
import { RelatedDeals } from '../../shared/cards/RelatedDeals.js';
import { RelatedTickets } from '../../shared/cards/RelatedTickets.js';
import { useUsers } from '../../shared/lists/useUsers.js';
import { type Ticket, useTicketFacts } from '../common/labels.js';
import { SlaBadge } from '../common/SlaBadge.js';
import { Composer } from './Composer.js';
import { Properties } from './Properties.js';
import { Thread } from './Thread.js';

/** Props of {@link TicketPane}. */
export interface TicketPaneProps {
  ticketId: string;
  /** The ticket as the queue has it, shown while it loads. */
  initial: Ticket | undefined;
  command: { kind: 'reply' | 'note'; at: number } | null;
  canWork: boolean;
  headingLevel: HeadingLevel;
  onBack: () => void;
  onOpenContact?: (id: string) => void;
  onOpenDeal?: (id: string) => void;
  onOpenTicket: (id: string) => void;
  onSnooze: () => void;
  onMerge: () => void;
}

/**
 * The open ticket: its subject, SLA clock and actions (assign to me, snooze or wake, merge, solve); who else is viewing
 * or replying (live, from the server); the thread; the composer; its properties; and the requester — their compact
 * card, other tickets and open deals.
 */
export function TicketPane(p: TicketPaneProps) {
  const t = useT();
  const f = useFormat();
  const facts = useTicketFacts();
  const me = useMe().data?.user;
  const record = useRecord('tickets', p.ticketId);
  // The thread's first page is asked for with the ticket, not after it (a ticket opened by link is not in the queue).
  usePrefetchInfiniteQuery(crmQueries.ticketMessages(useCrm().client, p.ticketId, true));
  const ticket = (record.data ?? p.initial) as Ticket | undefined;
  const [writing, setWriting] = useState(false);
  const presence = useTicketPresence(p.ticketId, p.canWork ? (writing ? 'replying' : 'viewing') : null).data?.data;
  const users = useUsers().names;
  const requester = useRecord('contacts', ticket?.requesterId ?? undefined).data;
  const names = useMemo(() => {
    const map = new Map(users);
    if (requester) map.set(requester.id, contactName(requester));
    return map;
  }, [users, requester]);
  const merged = useRecord('tickets', ticket?.mergedIntoId ?? undefined).data;
  const [newest, setNewest] = useState<string | null>(null);
  const onNewest = useCallback((id: string | null) => setNewest(id), []);
  const { assign } = useAssignTicket();
  const { setStatus } = useTicketStatus();
  const { wake } = useSnoozeTicket();
  const H = `h${p.headingLevel}` as const;

  if (!ticket) {
    return record.error ? (
      <StateView error={record.error} onRetry={() => void record.refetch()} compact />
    ) : (
      <StateView state="loading" entity="ticket" compact />
    );
  }
  const others = (presence ?? []).filter((x) => x.userId !== me?.id);
  const who = (state: 'viewing' | 'replying') =>
    others.filter((x) => x.state === state).map((x) => names.get(x.userId) ?? '…');
  const values: PlaceholderValues = {
    'contact.firstName': requester?.firstName ?? '',
    'contact.lastName': requester?.lastName ?? '',
    'contact.name': requester ? contactName(requester) : '',
    'contact.email': requester?.emails[0] ?? '',
    'ticket.number': ticket.number,
    'ticket.subject': ticket.subject,
    'agent.name': me?.name ?? '',
    'agent.firstName': me?.name.split(' ').at(-1) ?? '',
  };
  return (
    <div className="crm-inbox-pane">
      <header className="crm-inbox-pane-head">
        <Button variant="ghost" size="sm" icon={icons.chevronLeft} className="crm-inbox-back" onClick={p.onBack}>
          {t('inbox.backToQueue')}
        </Button>
        <H className="crm-inbox-pane-title" dir="auto">
          <span className="crm-inbox-number">#{ticket.number}</span> {ticket.subject}
        </H>
        <div className="crm-inbox-pane-badges">
          <SlaBadge ticket={ticket} facts={facts} now={new Date()} />
          {ticket.snooze && (
            <Badge icon={icons.bell}>
              {ticket.snooze.until
                ? t('inbox.snoozedUntil', { date: f.dateTime(ticket.snooze.until) })
                : t('inbox.snoozedUntilReply')}
            </Badge>
          )}
          {ticket.mergedIntoId && (
            <Button size="sm" variant="ghost" onClick={() => p.onOpenTicket(ticket.mergedIntoId!)}>
              {t('inbox.merged', { number: merged?.number ?? '…' })}
            </Button>
          )}
        </div>
        {others.length > 0 && (
          <p className="crm-inbox-presence" role="status" data-replying={who('replying').length > 0 || undefined}>
            {who('replying').length > 0 && t('inbox.replying', { names: who('replying').join(', ') })}
            {who('replying').length > 0 && who('viewing').length > 0 && ' · '}
            {who('viewing').length > 0 && t('inbox.viewing', { names: who('viewing').join(', ') })}
          </p>
        )}
        {p.canWork && (
          <div className="crm-inbox-actions">
            {me && ticket.assigneeId !== me.id && (
              <Button size="sm" variant="secondary" onClick={() => assign(ticket.id, { assigneeId: me.id })}>
                {t('inbox.action.assignMe')}
              </Button>
            )}
            {ticket.snooze ? (
              <Button size="sm" variant="secondary" onClick={() => wake(ticket.id)}>
                {t('inbox.action.wake')}
              </Button>
            ) : (
              <Button size="sm" variant="secondary" onClick={p.onSnooze}>
                {t('inbox.action.snooze')}
              </Button>
            )}
            <Button size="sm" variant="secondary" onClick={p.onMerge}>
              {t('inbox.action.merge')}
            </Button>
            {ticket.status !== 'solved' && ticket.status !== 'closed' && (
              <Button size="sm" onClick={() => setStatus(ticket.id, 'solved')}>
                {t('inbox.action.close')}
              </Button>
            )}
          </div>
        )}
      </header>
      <div className="crm-inbox-pane-body">
        <div className="crm-inbox-conversation">
          <Thread ticketId={ticket.id} names={names} onNewest={onNewest} />
          {p.canWork && me && (
            <Composer
              ticket={ticket}
              me={{ id: me.id, name: me.name, teamIds: me.teamIds }}
              newestId={newest}
              command={p.command}
              assigneeName={ticket.assigneeId ? names.get(ticket.assigneeId) : undefined}
              values={values}
              facts={facts}
              onWriting={setWriting}
            />
          )}
        </div>
        <aside className="crm-inbox-side">
          <Properties ticket={ticket} facts={facts} canWork={p.canWork} />
          <section aria-label={t('inbox.requester')} className="crm-inbox-requester-panel">
            {ticket.requesterId ? (
              // The related tickets and deals show the cards' strings (ContactCard brings its own scope).
              <MessagesScope part={cardMessages}>
                <ContactCard
                  contactId={ticket.requesterId}
                  variant="compact"
                  headingLevel={Math.min(6, p.headingLevel + 1) as HeadingLevel}
                  onOpenTicket={p.onOpenTicket}
                  onOpenDeal={p.onOpenDeal}
                />
                {p.onOpenContact && (
                  <Button size="sm" variant="ghost" onClick={() => p.onOpenContact?.(ticket.requesterId!)}>
                    {t('action.open')}
                  </Button>
                )}
                <RelatedTickets filter={{ requesterId: ticket.requesterId }} onOpenTicket={p.onOpenTicket} />
                <RelatedDeals filter={{ contactIds: ticket.requesterId }} onOpenDeal={p.onOpenDeal} />
              </MessagesScope>
            ) : (
              <p className="crm-inbox-muted">{t('inbox.noRequester')}</p>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}

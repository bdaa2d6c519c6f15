import type { Filter, RecordOf } from '@crmkit/client';
import { localize, useCrm, useList, useSchema } from '@crmkit/react';
import { useT } from '../../../context/i18n.js';
import { Badge } from '../../../primitives/Badge.js';
import { type HeadingLevel, Section } from '../../../primitives/Card.js';
import { Skeleton } from '../../../primitives/Skeleton.js';
import { StateView } from '../../../primitives/StateView.js';
import { Opener } from './Opener.js';

type Ticket = RecordOf<'tickets'>;

/**
 * The unresolved tickets of a contact: number, subject, status, priority and SLA breaches.
 *
 * @example
 * <RelatedTickets filter={{ requesterId: contact.id }} onOpenTicket={(id) => navigate(`/tickets/${id}`)} />
 */
export function RelatedTickets({
  filter,
  onOpenTicket,
  headingLevel,
}: {
  filter: Filter<Ticket>;
  onOpenTicket?: (id: string) => void;
  headingLevel?: HeadingLevel;
}) {
  const t = useT();
  const { locale } = useCrm();
  const schema = useSchema().data;
  const tickets = useList('tickets', {
    filter: { ...filter, status: ['new', 'open', 'pending', 'on_hold'] },
    limit: 5,
  });
  const label = (list: { key: string; label: { en: string } }[] | undefined, key: string) => {
    const hit = list?.find((x) => x.key === key);
    return hit ? localize(hit.label, locale) : key;
  };
  return (
    <Section title={t('field.openTickets')} headingLevel={headingLevel}>
      {tickets.isPending ? (
        <Skeleton lines={2} />
      ) : tickets.error ? (
        <StateView compact error={tickets.error} onRetry={() => tickets.refetch()} />
      ) : !tickets.items.length ? (
        <p className="crm-muted">{t('card.noOpenTickets')}</p>
      ) : (
        <ul className="crm-related">
          {tickets.items.map((ticket) => (
            <li key={ticket.id}>
              <Opener id={ticket.id} onOpen={onOpenTicket}>
                <span className="crm-muted">#{ticket.number}</span> {ticket.subject}
              </Opener>
              <span className="crm-related-meta">
                <Badge tone={ticket.status === 'new' ? 'primary' : 'neutral'}>
                  {label(schema?.ticketStatuses, ticket.status)}
                </Badge>
                {(ticket.priority === 'high' || ticket.priority === 'urgent') && (
                  <Badge tone="warning">{label(schema?.ticketPriorities, ticket.priority)}</Badge>
                )}
                {ticket.sla?.status === 'missed' && <Badge tone="danger">{t('card.slaBreached')}</Badge>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

import { TicketInbox } from '@crmkit/ui/ticket-inbox';
import { navigate } from '../app/router.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { usePortalT } from '../i18n/preferences.js';

/**
 * Support: the portal's page around the crmkit ticket inbox. The open ticket is in the URL (`/support/:ticketId`), so
 * a ticket can be linked to and the browser's Back (or the inbox's own, on a narrow screen) returns to the queue; the requester and their deals open on the
 * portal's own pages. What a user may do follows their CRM role: agents work tickets, admins also change them in
 * bulk, the read-only user only reads.
 */
export function SupportPage({ ticketId }: { ticketId: string | null }) {
  const t = usePortalT();
  usePageTitle(t('nav.support'));
  return (
    <>
      <PageHeader title={t('nav.support')} subtitle={t('support.subtitle')} />
      <TicketInbox
        ticketId={ticketId}
        onOpenTicket={(id) => navigate(`/support/${encodeURIComponent(id)}`)}
        onCloseTicket={() => navigate('/support')}
        onOpenContact={(id) => navigate(`/contacts/${encodeURIComponent(id)}`)}
        onOpenDeal={(id) => navigate(`/deals/${encodeURIComponent(id)}`)}
        style={{ height: 'max(560px, calc(100vh - 230px))' }}
      />
    </>
  );
}

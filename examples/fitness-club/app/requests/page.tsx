import type { Metadata } from 'next';
import { PageIntro } from '../../components/PageIntro';
import { RequestsInbox } from '../../components/RequestsInbox';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';

export const metadata: Metadata = { title: 'Requests' };

/**
 * Members' requests — a server component around crmkit's ticket inbox: the views, the SLA clocks (the club's opening
 * hours), the threads and the replies go straight to the CRM; the labels come from the club's workspace ("Requests").
 * `?ticket=tkt_…` opens with that request (a task or notification about it links here).
 */
export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ ticket?: string }> }) {
  const t = dictionary(await requestLocale());
  const { ticket } = await searchParams;
  return (
    <>
      <PageIntro title={t.requests} lead={t.requestsLead} />
      <div className="mt-8">
        <RequestsInbox key={ticket} ticketId={ticket} />
      </div>
    </>
  );
}

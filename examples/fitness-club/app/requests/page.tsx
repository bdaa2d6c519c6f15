import type { Metadata } from 'next';
import { RequestsInbox } from '../../components/RequestsInbox';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';

export const metadata: Metadata = { title: 'Requests' };

/**
 * Members' requests — a server component around crmkit's ticket inbox: the views, the SLA clocks (the club's opening
 * hours), the threads and the replies go straight to the CRM; the labels come from the club's workspace ("Requests").
 */
export default async function RequestsPage() {
  const t = dictionary(await requestLocale());
  return (
    <>
      <p className="text-xs font-semibold tracking-[0.2em] text-lotus-700 uppercase">Lotus Fitness Club</p>
      <h1 className="mt-1 text-3xl">{t.requests}</h1>
      <p className="mt-2 max-w-2xl text-sm text-stone-600">{t.requestsLead}</p>
      <div className="mt-8">
        <RequestsInbox />
      </div>
    </>
  );
}

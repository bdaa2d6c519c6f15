import type { Metadata } from 'next';
import { RenewalsBoard } from '../../components/RenewalsBoard';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';

export const metadata: Metadata = { title: 'Renewals' };

/**
 * Membership renewals — a server component around crmkit's pipeline board: the columns, totals and card labels come
 * from the club's workspace ("Renewals", its stages, VND), moves go straight to the CRM.
 */
export default async function RenewalsPage() {
  const t = dictionary(await requestLocale());
  return (
    <>
      <p className="text-xs font-semibold tracking-[0.2em] text-lotus-700 uppercase">Lotus Fitness Club</p>
      <h1 className="mt-1 text-3xl">{t.renewals}</h1>
      <p className="mt-2 max-w-2xl text-sm text-stone-600">{t.renewalsLead}</p>
      <div className="mt-8">
        <RenewalsBoard />
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { PageIntro } from '../../components/PageIntro';
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
      <PageIntro title={t.renewals} lead={t.renewalsLead} />
      <div className="mt-8">
        <RenewalsBoard />
      </div>
    </>
  );
}

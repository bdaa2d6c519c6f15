import type { Metadata } from 'next';
import { ClubSegments } from '../../components/ClubSegments';
import { PageIntro } from '../../components/PageIntro';
import { RenewalCampaign } from '../../components/RenewalCampaign';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';

export const metadata: Metadata = { title: 'Marketing' };

/** The club's segment and campaign from the fitness seed (packages/server/seed/fitness-marketing.ts). */
const EXPIRING_SEGMENT = 'seg_fit_expiring';
const RENEWAL_OFFER = 'cmp_fit_renewal_offer';

/**
 * The club's marketing — a server component around crmkit's segment widgets and campaign hooks: the members whose
 * membership expires this month (a segment in the CRM, configuration only), the Vietnamese renewal offer to them,
 * sending it, and its report.
 */
export default async function MarketingPage() {
  const t = dictionary(await requestLocale());
  return (
    <>
      <PageIntro title={t.marketing} lead={t.marketingLead} />
      {/* Not landmarks of their own: the widgets inside name their regions. */}
      <div className="mt-8">
        <h2>{t.segments}</h2>
        <div className="mt-4">
          <ClubSegments initialSegmentId={EXPIRING_SEGMENT} />
        </div>
      </div>
      <div className="mt-10">
        <h2>{t.campaign}</h2>
        <div className="mt-4">
          <RenewalCampaign campaignId={RENEWAL_OFFER} t={t} />
        </div>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { ClubRules } from '../../components/ClubRules';
import { PageIntro } from '../../components/PageIntro';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';

export const metadata: Metadata = { title: 'Touch plan' };

/**
 * The club's touch plan — a server component around crmkit's AutomationRules: the twelve touches of a member's year as
 * the workspace's automation rules (configuration in the CRM, no code of the club's), what each does and how it ran.
 */
export default async function RulesPage() {
  const t = dictionary(await requestLocale());
  return (
    <>
      <PageIntro title={t.rules} lead={t.rulesLead} />
      <div className="mt-8 max-w-4xl">
        <ClubRules />
      </div>
    </>
  );
}

import { navigate } from '../app/router.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { CompaniesTable } from '../crm/CompaniesTable.js';
import { usePortalT } from '../i18n/preferences.js';

/** Companies: the portal's own list on crmkit's headless hooks; opening a company routes to its page. */
export function CompaniesPage() {
  const t = usePortalT();
  usePageTitle(t('nav.companies'));
  return (
    <>
      <PageHeader title={t('nav.companies')} subtitle={t('companies.subtitle')} />
      <CompaniesTable onOpenCompany={(id) => navigate(`/companies/${id}`)} />
    </>
  );
}

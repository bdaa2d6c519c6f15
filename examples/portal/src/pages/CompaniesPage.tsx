import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { CompaniesTable } from '../crm/CompaniesTable.js';
import { navigate } from '../router.js';

/** Companies: the portal's own list on crmkit's headless hooks; opening a company routes to its page. */
export function CompaniesPage() {
  usePageTitle('Companies');
  return (
    <>
      <PageHeader title="Companies" subtitle="Organisations we sell to and support." />
      <CompaniesTable onOpenCompany={(id) => navigate(`/companies/${id}`)} />
    </>
  );
}

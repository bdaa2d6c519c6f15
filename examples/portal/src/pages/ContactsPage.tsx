import { ContactsTable } from '@crmkit/ui/contacts-table';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { navigate } from '../router.js';

/** Contacts: the portal's page chrome around the crmkit contacts table; the portal routes when a row is opened. */
export function ContactsPage() {
  usePageTitle('Contacts');
  return (
    <>
      <PageHeader title="Contacts" subtitle="People at our customers and prospects, shared with the whole team." />
      <ContactsTable onOpenContact={(id) => navigate(`/contacts/${id}`)} />
    </>
  );
}

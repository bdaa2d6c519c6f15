import { ContactsTable } from '@crmkit/ui/contacts-table';
import { navigate } from '../app/router.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { usePortalT } from '../i18n/preferences.js';

/** Contacts: the portal's page chrome around the crmkit contacts table; the portal routes when a row is opened. */
export function ContactsPage() {
  const t = usePortalT();
  usePageTitle(t('nav.contacts'));
  return (
    <>
      <PageHeader title={t('nav.contacts')} subtitle={t('contacts.subtitle')} />
      <ContactsTable onOpenContact={(id) => navigate(`/contacts/${id}`)} />
    </>
  );
}

import { contactName, useRecord } from '@crmkit/react';
import { ActivityTimeline } from '@crmkit/ui/activity-timeline';
import { ContactCard } from '@crmkit/ui/contact-card';
import { navigate } from '../app/router.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { usePortalT } from '../i18n/preferences.js';

/** One contact: the portal's header (its title comes from `useRecord`) around the contact card and timeline. */
export function ContactPage({ contactId }: { contactId: string }) {
  const t = usePortalT();
  const { data: contact, error } = useRecord('contacts', contactId);
  // The name as the ContactCard writes it (Vietnamese family name first), so the heading and the card agree.
  const title = contact ? contactName(contact) : error ? t('contact.notFound') : t('shell.loading');
  usePageTitle(contact ? title : t('contact.title'));
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ to: '/contacts', label: t('nav.contacts') }]}
        subtitle={contact?.title ?? undefined}
      />
      <div className="row g-4">
        <div className="col-xl-5">
          <ContactCard contactId={contactId} onOpenCompany={(id) => navigate(`/companies/${id}`)} />
        </div>
        <div className="col-xl-7">
          <ActivityTimeline contactId={contactId} />
        </div>
      </div>
    </>
  );
}

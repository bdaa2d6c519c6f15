import { useRecord } from '@crmkit/react';
import { ActivityTimeline } from '@crmkit/ui/activity-timeline';
import { CompanyCard } from '@crmkit/ui/company-card';
import { ContactsTable } from '@crmkit/ui/contacts-table';
import { navigate } from '../app/router.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { usePortalT } from '../i18n/preferences.js';

/** One company: the portal's header around the company card, its people (a filtered contacts table) and timeline. */
export function CompanyPage({ companyId }: { companyId: string }) {
  const t = usePortalT();
  const { data: company, error } = useRecord('companies', companyId);
  const title = company?.name ?? (error ? t('company.notFound') : t('shell.loading'));
  usePageTitle(company ? title : t('company.title'));
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ to: '/companies', label: t('nav.companies') }]}
        subtitle={company?.industry ?? undefined}
      />
      <div className="row g-4">
        <div className="col-xl-5">
          <CompanyCard companyId={companyId} onOpenContact={(id) => navigate(`/contacts/${id}`)} />
        </div>
        <div className="col-xl-7 d-flex flex-column gap-4">
          <section aria-labelledby="company-people">
            <h2 id="company-people" className="h6 text-uppercase text-body-secondary mb-2">
              {t('company.people')}
            </h2>
            <ContactsTable
              baseFilter={{ companyId }}
              maxHeight={420}
              onOpenContact={(id) => navigate(`/contacts/${id}`)}
            />
          </section>
          <ActivityTimeline companyId={companyId} />
        </div>
      </div>
    </>
  );
}

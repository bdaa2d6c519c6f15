import { useFormat, useRecord } from '@crmkit/react';
import { ActivityTimeline } from '@crmkit/ui/activity-timeline';
import { Link } from '../app/router.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { usePortalT } from '../i18n/preferences.js';

/** One deal: the portal's own summary (from the hooks) beside the deal's timeline. */
export function DealPage({ dealId }: { dealId: string }) {
  const { data: deal, error } = useRecord('deals', dealId);
  const company = useRecord('companies', deal?.companyId ?? undefined).data;
  const f = useFormat();
  const t = usePortalT();
  const title = deal?.name ?? (error ? t('deal.notFound') : t('shell.loading'));
  usePageTitle(deal ? title : t('deal.title'));
  return (
    <>
      <PageHeader title={title} crumbs={[{ to: '/deals', label: t('nav.deals') }]} />
      {deal && (
        <div className="row g-4">
          <div className="col-xl-4">
            <dl className="card card-body mb-0">
              <dt>{t('deal.amount')}</dt>
              <dd>{deal.amount === null ? '—' : f.money(deal.amount, deal.currency)}</dd>
              <dt>{t('deal.probability')}</dt>
              <dd>{f.percent(deal.probability)}</dd>
              <dt>{t('deal.expectedClose')}</dt>
              <dd>{deal.expectedCloseDate ? f.date(deal.expectedCloseDate) : '—'}</dd>
              {company && (
                <>
                  <dt>{t('deal.company')}</dt>
                  <dd className="mb-0">
                    <Link to={`/companies/${company.id}`}>{company.name}</Link>
                  </dd>
                </>
              )}
            </dl>
          </div>
          <div className="col-xl-8">
            <ActivityTimeline dealId={dealId} />
          </div>
        </div>
      )}
    </>
  );
}

import { useMe } from '@crmkit/react';
import { PipelineBoard } from '@crmkit/ui/pipeline-board';
import { useState } from 'react';
import { navigate } from '../app/router.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { usePortalT } from '../i18n/preferences.js';

/**
 * Deals: the portal's page around the crmkit pipeline board, with a portal toggle between the whole pipeline and the
 * user's own deals (a base filter of the board). What a user may do on the board (move, add) follows their CRM role:
 * agents and admins move and add deals, read-only users only look; opening a deal routes to the portal's deal page.
 */
export function DealsPage() {
  const t = usePortalT();
  usePageTitle(t('nav.deals'));
  const mine = useMe().data?.user?.id;
  const [current, setScope] = useState<'mine' | 'all'>('all');
  return (
    <>
      <PageHeader
        title={t('nav.deals')}
        subtitle={t('deals.subtitle')}
        actions={
          mine && (
            <fieldset className="btn-group" aria-label={t('deals.whose')}>
              {(['mine', 'all'] as const).map((value) => (
                <label key={value} className={`btn btn-outline-primary btn-sm ${current === value ? 'active' : ''}`}>
                  <input
                    type="radio"
                    className="btn-check"
                    name="deal-scope"
                    value={value}
                    checked={current === value}
                    onChange={() => setScope(value)}
                  />
                  {t(value === 'mine' ? 'deals.mine' : 'deals.all')}
                </label>
              ))}
            </fieldset>
          )
        }
      />
      <PipelineBoard
        key={current}
        filter={current === 'mine' && mine ? { ownerId: mine } : undefined}
        headingLevel={2}
        onOpenDeal={(id) => navigate(`/deals/${id}`)}
      />
    </>
  );
}

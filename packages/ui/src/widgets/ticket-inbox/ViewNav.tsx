import { TICKET_VIEWS, type TicketView, useFormat, useTicketViews } from '@crmkit/react';
import { useT } from '../../context/i18n.js';

/**
 * The caller's views with their counts (from `GET /v1/tickets/views`, refreshed live): a navigation of buttons, the
 * current one marked. At risk and breached counts are highlighted when not zero.
 */
export function ViewNav({ view, onChange }: { view: TicketView; onChange: (v: TicketView) => void }) {
  const t = useT();
  const f = useFormat();
  const counts = useTicketViews().data?.counts;
  return (
    <nav className="crm-inbox-views" aria-label={t('inbox.views')}>
      <ul>
        {TICKET_VIEWS.map((v) => {
          const n = counts?.[v];
          const alarm = (v === 'atRisk' || v === 'breached') && !!n;
          return (
            <li key={v}>
              <button
                type="button"
                className="crm-inbox-view"
                aria-current={v === view ? 'page' : undefined}
                data-alarm={alarm ? v : undefined}
                onClick={() => onChange(v)}
              >
                <span>{t(`inbox.view.${v}`)}</span>
                <span className="crm-inbox-view-count">{n === undefined ? '' : f.number(n)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

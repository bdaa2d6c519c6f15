import { type DealScope, useCrm, useForecast, useFormat } from '@crmkit/react';
import { memo } from 'react';
import { useT } from '../../../context/i18n.js';
import { VisuallyHidden } from '../../../primitives/VisuallyHidden.js';

/** Most bars shown: the months from the first with open deals on, and "no date". */
const MAX_BARS = 12;

/** Props of {@link Forecast}. */
export interface ForecastProps {
  pipelineId: string;
  /** The board's filters and search. */
  scope: DealScope;
  currency: string;
  /** `YYYY-MM-DD` in the provider's time zone. */
  today: string;
  entities: string;
}

/**
 * A small weighted-forecast chart: the open deals' probability-weighted amount by the month they are expected to
 * close (in the pipeline's currency; other currencies are never added in), months already past marked, deals without
 * a date last. Each bar's amount is in its text for screen readers and its title for a pointer. It loads its data
 * itself and as a chunk of its own (`lazy.ts`): the board's columns never wait for it.
 */
export const Forecast = memo(function Forecast({ pipelineId, scope, currency, today, entities }: ForecastProps) {
  const t = useT();
  const f = useFormat();
  const { locale, calendar } = useCrm();
  const months = useForecast(pipelineId, scope);
  // Its place while it loads (as the board's fallback while the chunk does), so the header does not move.
  if (!months) return <div className="crm-pb-forecast" aria-hidden="true" />;
  const options = { timeZone: 'UTC', ...(calendar ? { calendar } : {}) } as const;
  const label = new Intl.DateTimeFormat(locale, { ...options, month: 'short', year: 'numeric' });
  // `12/26` (`12/69` in the Buddhist era): short enough under a bar in every language.
  const short = new Intl.DateTimeFormat(locale, { ...options, month: 'numeric', year: '2-digit' });
  const bars = months
    .map((m) => ({ month: m.month, weighted: m.currencies.find((c) => c.currency === currency)?.weightedSum ?? 0 }))
    .filter((b) => b.weighted > 0)
    .slice(-MAX_BARS);
  const max = Math.max(1, ...bars.map((b) => b.weighted));
  const thisMonth = today.slice(0, 7);
  const name = (month: string | null) =>
    month === null ? t('board.forecast.noDate') : label.format(Date.parse(`${month}-01T00:00:00Z`));
  return (
    <figure className="crm-pb-forecast">
      <figcaption className="crm-pb-forecast-title">{t('board.forecast')}</figcaption>
      {bars.length === 0 ? (
        <p className="crm-pb-forecast-empty">{t('board.forecast.empty', { entities })}</p>
      ) : (
        <>
          <ol className="crm-pb-forecast-bars">
            {bars.map((b) => {
              const text = `${name(b.month)}: ${f.money(b.weighted, currency)}`;
              return (
                <li
                  key={b.month ?? 'none'}
                  className="crm-pb-forecast-bar"
                  data-past={(b.month !== null && b.month < thisMonth) || undefined}
                  data-undated={b.month === null || undefined}
                  style={{ height: `${Math.max(4, (b.weighted / max) * 100)}%` }}
                  title={text}
                >
                  <VisuallyHidden>{text}</VisuallyHidden>
                </li>
              );
            })}
          </ol>
          <div className="crm-pb-forecast-axis" aria-hidden="true">
            {bars.map((b) => (
              <span key={b.month ?? 'none'}>
                {b.month === null ? '—' : short.format(Date.parse(`${b.month}-01T00:00:00Z`))}
              </span>
            ))}
          </div>
        </>
      )}
    </figure>
  );
});

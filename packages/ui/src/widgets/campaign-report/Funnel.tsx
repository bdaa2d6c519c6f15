import type { Campaign } from '@crmkit/client';
import { useFormat } from '@crmkit/react';
import { useT } from '../../context/i18n.js';
import { FUNNEL, type FunnelRow, OUTCOMES, share } from './steps.js';

/** Props of {@link Funnel}. */
export interface FunnelProps {
  /** The heading's id (the table is labelled by it). */
  id: string;
  stats: Campaign['stats'];
}

/**
 * The funnel as a table: each step's recipients and its rate in words ("40% of those sent"), with a bar drawn beside
 * it that is decoration only (`aria-hidden`); then, in a group of their own, the recipients it did not reach.
 *
 * @example
 * <Funnel id={`${id}-funnel`} stats={report.funnel} />
 */
export function Funnel({ id, stats }: FunnelProps) {
  const t = useT();
  const f = useFormat();
  const row = ({ step, base }: FunnelRow, header: boolean) => {
    const count = stats[step];
    const rate = base === null ? 100 : share(count, stats[base]);
    return (
      <tr key={step} data-step={step}>
        <th scope="row">{t(`report.step.${step}`)}</th>
        <td className="crm-cr-num">{f.number(count)}</td>
        <td className="crm-cr-rate">
          {base !== null && t(base === 'audience' ? 'report.ofAudience' : 'report.ofSent', { rate: f.percent(rate) })}
        </td>
        <td className="crm-cr-bar-cell" aria-hidden="true">
          <span className="crm-cr-bar" data-outcome={header ? undefined : ''} style={{ inlineSize: `${rate}%` }} />
        </td>
      </tr>
    );
  };
  return (
    <table className="crm-cr-table crm-cr-funnel" aria-labelledby={id}>
      <thead>
        <tr>
          <th scope="col">{t('report.step')}</th>
          <th scope="col" className="crm-cr-num">
            {t('report.recipients')}
          </th>
          <th scope="col">{t('report.rate')}</th>
          <td className="crm-cr-bar-cell" aria-hidden="true" />
        </tr>
      </thead>
      <tbody>{FUNNEL.map((r) => row(r, true))}</tbody>
      <tbody>
        <tr className="crm-cr-group">
          <th scope="rowgroup" colSpan={4}>
            {t('report.outcomes')}
          </th>
        </tr>
        {OUTCOMES.map((r) => row(r, false))}
      </tbody>
    </table>
  );
}

import type { CampaignReport } from '@crmkit/client';
import { useFormat } from '@crmkit/react';
import { useT } from '../../context/i18n.js';

/** A bucket of the time series. */
export type Interval = CampaignReport['interval'];

/** Props of {@link Series}. */
export interface SeriesProps {
  /** The heading's id (the switch and the chart name the section by it). */
  id: string;
  /** The report shown (its series is of `report.interval`). */
  report: CampaignReport;
  /** The interval chosen: while its report loads the previous one stays, marked busy. */
  selected: Interval;
  onInterval: (interval: Interval) => void;
  busy: boolean;
}

const WIDTH = 600;
const HEIGHT = 140;
const HOUR_MS = 3_600_000;

/**
 * First opens and clicks over time: a switch between hours and days, a bar chart drawn in SVG — a picture with a name
 * that sums it up ("… from 1 Dec to 3 Dec: 12 opens, 5 clicks") — and the same numbers as a table under "Show as a
 * table". Buckets without responses are left out by the server; the bars sit at their time, so gaps stay gaps.
 *
 * Hand-drawn: a chart library would cost more than this whole widget's budget for two bar series.
 *
 * @example
 * <Series id={`${id}-series`} report={report} selected={interval} onInterval={setInterval} busy={isFetching} />
 */
export function Series({ id, report: { series, interval }, selected, onInterval, busy }: SeriesProps) {
  const t = useT();
  const f = useFormat();
  const when = (at: string) => (interval === 'hour' ? f.dateTime(at, 'short') : f.date(at, 'medium'));
  return (
    <div className="crm-cr-series" aria-busy={busy || undefined}>
      {/* A group of toggle buttons, not form fields: no fieldset. */}
      {/* biome-ignore lint/a11y/useSemanticElements: see above */}
      <div className="crm-cr-switch" role="group" aria-label={t('report.interval')}>
        {(['hour', 'day'] as const).map((i) => (
          <button key={i} type="button" aria-pressed={i === selected} onClick={() => onInterval(i)}>
            {t(i === 'hour' ? 'report.perHour' : 'report.perDay')}
          </button>
        ))}
      </div>
      {series.length === 0 ? (
        <p className="crm-cr-none">{t('report.noResponses')}</p>
      ) : (
        <>
          <Chart
            series={series}
            interval={interval}
            label={t('report.chartSummary', {
              interval: t(interval === 'hour' ? 'report.chartHour' : 'report.chartDay'),
              from: when(series[0]!.at),
              to: when(series.at(-1)!.at),
              opens: series.reduce((n, b) => n + b.opened, 0),
              clicks: series.reduce((n, b) => n + b.clicked, 0),
            })}
          />
          <div className="crm-cr-legend" aria-hidden="true">
            <span data-series="opened">{t('report.opens')}</span>
            <span data-series="clicked">{t('report.clicks')}</span>
            <span>{t('report.peak', { count: Math.max(...series.map((b) => Math.max(b.opened, b.clicked))) })}</span>
            <span className="crm-cr-from">{when(series[0]!.at)}</span>
          </div>
          <details className="crm-cr-details">
            <summary>{t('report.showTable')}</summary>
            <table className="crm-cr-table" aria-labelledby={id}>
              <thead>
                <tr>
                  <th scope="col">{t('report.time')}</th>
                  <th scope="col" className="crm-cr-num">
                    {t('report.opens')}
                  </th>
                  <th scope="col" className="crm-cr-num">
                    {t('report.clicks')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {series.map((b) => (
                  <tr key={b.at}>
                    <th scope="row">{when(b.at)}</th>
                    <td className="crm-cr-num">{f.number(b.opened)}</td>
                    <td className="crm-cr-num">{f.number(b.clicked)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
}

/** The fewest buckets the chart spans, so that a campaign answered within an hour does not fill it with one bar. */
const MIN_BUCKETS = 24;
/** The widest a bar gets, in the chart's units. */
const MAX_BAR = 14;

/** The bars: opens and clicks side by side in each bucket, placed by time, scaled to the busiest bucket. */
function Chart({ series, interval, label }: { series: CampaignReport['series']; interval: Interval; label: string }) {
  const bucket = interval === 'hour' ? HOUR_MS : 24 * HOUR_MS;
  const start = Date.parse(series[0]!.at);
  const span = Math.max(Date.parse(series.at(-1)!.at) - start + bucket, MIN_BUCKETS * bucket);
  const slot = (bucket / span) * WIDTH;
  const width = Math.max(Math.min(slot * 0.4, MAX_BAR), 1);
  const peak = Math.max(1, ...series.map((b) => Math.max(b.opened, b.clicked)));
  const bar = (x: number, value: number, kind: 'opened' | 'clicked') => {
    const h = (value / peak) * (HEIGHT - 4);
    return <rect className={`crm-cr-${kind}`} x={x} y={HEIGHT - h} width={width} height={h} rx={1} />;
  };
  return (
    <svg
      className="crm-cr-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <line className="crm-cr-axis" x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
      {series.map((b) => {
        const x = ((Date.parse(b.at) - start) / span) * WIDTH + (slot - 2 * width) / 2;
        return (
          <g key={b.at}>
            {bar(x, b.opened, 'opened')}
            {bar(x + width, b.clicked, 'clicked')}
          </g>
        );
      })}
    </svg>
  );
}

import type { CampaignInsights } from '@crmkit/client';
import { localize, useCampaignInsights, useFormat, useSchema } from '@crmkit/react';
import { useMessages } from '../../context/i18n.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { stageLabel } from '../shared/fields/labels.js';

/** Props of {@link Insights}. */
export interface InsightsProps {
  /** The heading's id (the tables are labelled by it and their own caption). */
  id: string;
  /** The segment whose campaigns are compared (the reported campaign's). */
  segmentId: string;
}

type Counts = Pick<CampaignInsights['bySendHour'][number], 'sent' | 'opened' | 'responded' | 'responseRate'>;

/**
 * How the segment's campaigns were responded to, to aim the next one: by channel and the recipient's local send
 * hour, and by what the members are now (lifecycle stage, each tag, each select custom field) — counts and the
 * response rate (clicked, replied or converted of those sent), no model. Attributes and values are named as the
 * workspace names them.
 *
 * @example
 * <Insights id={`${id}-insights`} segmentId={campaign.segmentId} />
 */
export function Insights({ id, segmentId }: InsightsProps) {
  const { t, locale } = useMessages();
  const f = useFormat();
  const schema = useSchema().data;
  const insights = useCampaignInsights(segmentId);
  if (insights.error) return <StateView error={insights.error} compact onRetry={() => void insights.refetch()} />;
  if (!insights.data) return <Skeleton lines={3} />;
  const { campaigns, bySendHour, byAttribute } = insights.data;
  if (!bySendHour.length) return <p className="crm-cr-none">{t('report.noResponses')}</p>;

  const custom = (key: string) => schema?.fields.contact.find((field) => field.custom && field.key === key);
  const attribute = (name: string) => {
    if (name === 'lifecycleStage') return t('field.lifecycleStage');
    if (name === 'tags') return t('field.tags');
    const field = custom(name.replace(/^customFields\./, ''));
    return field ? localize(field.label, locale) : name;
  };
  const value = (name: string, v: string | null) => {
    if (v === null) return '—';
    if (name === 'lifecycleStage') return stageLabel(v, { t, locale, schema });
    const option = custom(name.replace(/^customFields\./, ''))?.options?.find((o) => o.value === v);
    return option ? localize(option.label, locale) : v;
  };
  const counts = (c: Counts) => (
    <>
      <td className="crm-cr-num">{f.number(c.sent)}</td>
      <td className="crm-cr-num">{f.number(c.opened)}</td>
      <td className="crm-cr-num">{f.number(c.responded)}</td>
      <td className="crm-cr-num">{f.percent(c.responseRate * 100)}</td>
    </>
  );
  const head = (first: string, second: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{second}</th>
        <th scope="col" className="crm-cr-num">
          {t('report.step.sent')}
        </th>
        <th scope="col" className="crm-cr-num">
          {t('report.step.opened')}
        </th>
        <th scope="col" className="crm-cr-num">
          {t('report.responded')}
        </th>
        <th scope="col" className="crm-cr-num">
          {t('report.responseRate')}
        </th>
      </tr>
    </thead>
  );
  return (
    <>
      <p className="crm-cr-none">{t('report.insightsAbout', { count: campaigns })}</p>
      <div className="crm-cr-scroll">
        <table className="crm-cr-table" aria-labelledby={`${id} ${id}-hours`}>
          <caption id={`${id}-hours`}>{t('report.bySendHour')}</caption>
          {head(t('report.channel'), t('report.sendHour'))}
          <tbody>
            {bySendHour.map((h) => (
              <tr key={`${h.channel}-${h.hour}`}>
                <td>{t(`report.channel.${h.channel}`)}</td>
                <th scope="row">{`${String(h.hour).padStart(2, '0')}:00`}</th>
                {counts(h)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {byAttribute.length > 0 && (
        <div className="crm-cr-scroll">
          <table className="crm-cr-table" aria-labelledby={`${id} ${id}-attributes`}>
            <caption id={`${id}-attributes`}>{t('report.byAttribute')}</caption>
            {head(t('report.attribute'), t('report.value'))}
            <tbody>
              {byAttribute.map((a) => (
                <tr key={`${a.attribute}=${a.value}`}>
                  <td>{attribute(a.attribute)}</td>
                  <th scope="row">{value(a.attribute, a.value)}</th>
                  {counts(a)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

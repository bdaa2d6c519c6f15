import type { CampaignRecipient } from '@crmkit/client';
import { campaignKeys, useCampaign, useCampaignReport, useFormat, useSchema } from '@crmkit/react';
import { useQueryClient } from '@tanstack/react-query';
import { type CSSProperties, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../../context/i18n.js';
import { cx } from '../../context/parts.js';
import { MessagesScope } from '../../context/scope.js';
import { campaignReportMessages } from '../../i18n/messages/campaign-report/index.js';
import { Badge } from '../../primitives/Badge.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { ListHeader } from '../shared/lists/ListHeader.js';
import { Funnel } from './Funnel.js';
import { Insights } from './Insights.js';
import { Recipients } from './Recipients.js';
import { type Interval, Series } from './Series.js';

/** Props of {@link CampaignReport}. */
export interface CampaignReportProps {
  /** The campaign reported on. */
  campaignId: string;
  /** Opens a recipient's contact; without it recipients' names are plain text. */
  onOpenContact?: (contactId: string) => void;
  /** The heading (default the campaign's name). */
  title?: ReactNode;
  /** Level of the heading in the host's outline (default 2); the sections' headings are one level below. */
  headingLevel?: HeadingLevel;
  /** Recipients per page, "Load more" fetches the next (default 50). */
  pageSize?: number;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/** How often the report refreshes while its campaign sends (else the hook's default: responses keep coming). */
const SENDING_REFRESH_MS = 5_000;

/**
 * How a campaign did: its funnel (audience → sent → delivered → opened → clicked → replied → converted, and who was
 * skipped, bounced, opted out or failed) with counts and rates; its first opens and clicks per hour or per day; and
 * its recipients with their status and times, filtered by status and exported as CSV; and, to aim the next one, how
 * its segment's campaigns were responded to by send hour and by member attribute. While the campaign sends the
 * report refreshes every few seconds (afterwards every 30 s, as responses come in) and the recipients with it. On a
 * server without campaigns (`capabilities.campaigns`) it says so instead.
 *
 * Accessible: the funnel and the time series are tables (the bars are decoration, the chart a named picture).
 *
 * @example
 * <CampaignReport campaignId={campaign.id} onOpenContact={(id) => router.push(`/contacts/${id}`)} />
 */
export function CampaignReport(props: CampaignReportProps) {
  return (
    <MessagesScope part={campaignReportMessages}>
      <Report {...props} />
    </MessagesScope>
  );
}

function Report({
  campaignId,
  onOpenContact,
  title,
  headingLevel = 2,
  pageSize = 50,
  className,
  style,
}: CampaignReportProps) {
  const { t } = useMessages();
  const f = useFormat();
  const id = useId();
  const schema = useSchema();
  const available = schema.data?.capabilities.campaigns === true;
  const campaign = useCampaign(available ? campaignId : undefined);
  const status = campaign.data?.status;
  const [interval, setInterval] = useState<Interval>('hour');
  const [filter, setFilter] = useState<CampaignRecipient['status']>();
  const started = status !== undefined && status !== 'draft' && status !== 'scheduled';
  const report = useCampaignReport(started ? campaignId : undefined, {
    interval,
    refreshMs: status === 'sending' ? SENDING_REFRESH_MS : undefined,
  });
  // While another interval loads, the report shown stays (its funnel is the same; its series follows when it comes).
  const last = useRef(report.data);
  if (report.data) last.current = report.data;
  const shown = report.data ?? (last.current?.campaignId === campaignId ? last.current : undefined);
  useRecipientsFollow(campaignId, shown?.funnel);

  const H = `h${Math.min(headingLevel + 1, 6)}` as 'h3';
  const section = (key: string, heading: string, content: ReactNode) => (
    <section className="crm-cr-section" aria-labelledby={`${id}-${key}`}>
      <H id={`${id}-${key}`} className="crm-cr-heading">
        {heading}
      </H>
      {content}
    </section>
  );

  let body: ReactNode;
  // A refresh that fails keeps what was shown (the next one may work).
  const failed = schema.error ?? (campaign.data ? null : campaign.error) ?? (shown ? null : report.error);
  const loading = (
    <div className="crm-list-loading" role="status" aria-label={t('state.loading')}>
      <Skeleton lines={4} />
    </div>
  );
  if (failed) {
    const retry = schema.error ? schema.refetch : campaign.error ? campaign.refetch : report.refetch;
    body = <StateView error={failed} onRetry={() => void retry()} />;
  } else if (schema.data && !available) {
    body = <StateView state="empty" compact title={t('report.unavailable')} />;
  } else if (!campaign.data) body = loading;
  else if (!started) body = <p className="crm-cr-none">{t('report.notSent')}</p>;
  else if (!shown) body = loading;
  else {
    body = (
      <>
        {section('funnel', t('report.funnel'), <Funnel id={`${id}-funnel`} stats={shown.funnel} />)}
        {section(
          'series',
          t('report.series'),
          <Series
            id={`${id}-series`}
            report={shown}
            selected={interval}
            onInterval={setInterval}
            busy={!report.data}
          />,
        )}
        {section(
          'recipients',
          t('report.recipients'),
          <Recipients
            id={`${id}-recipients`}
            campaign={campaign.data}
            status={filter}
            onStatus={setFilter}
            onOpenContact={onOpenContact}
            pageSize={pageSize}
          />,
        )}
        {section(
          'insights',
          t('report.insights'),
          <Insights id={`${id}-insights`} segmentId={campaign.data.segmentId} />,
        )}
      </>
    );
  }

  const c = campaign.data;
  return (
    <CrmRoot part="campaignReport" className={cx('crm-list-widget', 'crm-cr', className)} style={style}>
      <section aria-labelledby={`${id}-title`} className="crm-list-section">
        <div className="crm-cr-header">
          <ListHeader
            id={`${id}-title`}
            level={headingLevel}
            title={title ?? c?.name ?? t('report.title')}
            refreshing={report.isFetching && !report.isPending}
          />
          {c && (
            <div className="crm-list-meta">
              <Badge tone={status === 'sending' ? 'primary' : status === 'cancelled' ? 'warning' : 'neutral'} dot>
                {t(`report.status.${c.status}`)}
              </Badge>
              <span>{t(`report.channel.${c.channel}`)}</span>
              {c.startedAt && <span>{t('report.startedAt', { date: f.dateTime(c.startedAt) })}</span>}
              {c.sentAt && <span>{t('report.sentAt', { date: f.dateTime(c.sentAt) })}</span>}
              {status === 'sending' && <span>{t('report.live')}</span>}
            </div>
          )}
        </div>
        {body}
      </section>
    </CrmRoot>
  );
}

/**
 * Refreshes the recipients table when the report's funnel changes (a message went out, someone opened or clicked):
 * the report polls, the recipients' pages follow it rather than polling each page themselves.
 */
function useRecipientsFollow(campaignId: string, funnel: object | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef<string | undefined>(undefined);
  const key = funnel && JSON.stringify(funnel);
  useEffect(() => {
    if (!key) return;
    if (seen.current !== undefined && seen.current !== key) {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.recipients(campaignId) });
    }
    seen.current = key;
  }, [key, campaignId, queryClient]);
}

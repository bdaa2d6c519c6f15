import type { Campaign, CampaignRecipient } from '@crmkit/client';

/** A count of a campaign's funnel (`CampaignStats`). */
export type FunnelStep = keyof Campaign['stats'];

/** A row of the funnel table: its step, and the step its rate is a share of (none for the audience). */
export interface FunnelRow {
  step: FunnelStep;
  base: 'audience' | 'sent' | null;
}

/**
 * The funnel, in order: the audience, then how many messages went out, then each response. Responses are shares of
 * the messages sent, not of those "delivered": a channel that cannot confirm delivery (SMTP) only learns of it from
 * an open or a reply, so "delivered" is a lower bound and a share of it would overstate every later step.
 */
export const FUNNEL: readonly FunnelRow[] = [
  { step: 'audience', base: null },
  { step: 'sent', base: 'audience' },
  { step: 'delivered', base: 'sent' },
  { step: 'opened', base: 'sent' },
  { step: 'clicked', base: 'sent' },
  { step: 'replied', base: 'sent' },
  { step: 'converted', base: 'sent' },
];

/** The recipients the funnel did not reach or lost: skipped and failed of the audience, the rest of those sent. */
export const OUTCOMES: readonly FunnelRow[] = [
  { step: 'skipped', base: 'audience' },
  { step: 'failed', base: 'audience' },
  { step: 'bounced', base: 'sent' },
  { step: 'optedOut', base: 'sent' },
];

/** `count` as a percentage of `base` (0 when the base is empty), for `Format.percent`. */
export const share = (count: number, base: number): number => (base > 0 ? (count / base) * 100 : 0);

/** Every status a recipient can have, in the funnel's order: the status filter's options. */
export const RECIPIENT_STATUSES: readonly CampaignRecipient['status'][] = [
  'pending',
  'queued',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'replied',
  'converted',
  'skipped',
  'bounced',
  'optedOut',
  'failed',
  'cancelled',
];

/** When a recipient reached their status (for statuses without a time of their own: when their message was due). */
export function statusTime(r: CampaignRecipient): string | null {
  const at: Partial<Record<CampaignRecipient['status'], string | null>> = {
    sent: r.sentAt,
    delivered: r.deliveredAt,
    bounced: r.bouncedAt,
    opened: r.openedAt,
    clicked: r.clickedAt,
    replied: r.repliedAt,
    converted: r.convertedAt,
    optedOut: r.optedOutAt,
  };
  return at[r.status] ?? r.sendAt;
}

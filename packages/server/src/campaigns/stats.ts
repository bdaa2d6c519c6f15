import type { CampaignStats } from '@crmkit/spec';
import type { Queryable } from '../db/types.js';

/** A campaign's funnel before its audience is frozen. */
export const EMPTY_STATS: CampaignStats = {
  audience: 0,
  skipped: 0,
  sent: 0,
  delivered: 0,
  bounced: 0,
  opened: 0,
  clicked: 0,
  replied: 0,
  converted: 0,
  optedOut: 0,
  failed: 0,
};

/**
 * The funnel columns of `campaign_recipients` as SQL aggregates: each step counts the recipients with its timestamp
 * (a later step stamps the earlier ones too, so the funnel never widens).
 */
export const FUNNEL_SQL = `count(*)::int AS audience,
  count(*) FILTER (WHERE r.status = 'skipped')::int AS skipped,
  count(r.sent_at)::int AS sent,
  count(r.delivered_at)::int AS delivered,
  count(r.bounced_at)::int AS bounced,
  count(r.opened_at)::int AS opened,
  count(r.clicked_at)::int AS clicked,
  count(r.replied_at)::int AS replied,
  count(r.converted_at)::int AS converted,
  count(r.opted_out_at)::int AS opted_out,
  count(*) FILTER (WHERE r.status = 'failed')::int AS failed`;

type FunnelRow = Record<string, number>;

/** A row of {@link FUNNEL_SQL} as stats. */
export const statsOf = (row: FunnelRow | undefined): CampaignStats =>
  row
    ? {
        audience: row.audience!,
        skipped: row.skipped!,
        sent: row.sent!,
        delivered: row.delivered!,
        bounced: row.bounced!,
        opened: row.opened!,
        clicked: row.clicked!,
        replied: row.replied!,
        converted: row.converted!,
        optedOut: row.opted_out!,
        failed: row.failed!,
      }
    : { ...EMPTY_STATS };

/** The funnel of each of `campaignIds` (one query). */
export async function campaignStats(
  db: Queryable,
  workspaceId: string,
  campaignIds: readonly string[],
): Promise<Map<string, CampaignStats>> {
  const { rows } = await db.query<FunnelRow & { campaign_id: string }>(
    `SELECT r.campaign_id, ${FUNNEL_SQL} FROM campaign_recipients r
      WHERE r.workspace_id = $1 AND r.campaign_id = ANY($2::text[]) GROUP BY r.campaign_id`,
    [workspaceId, campaignIds],
  );
  return new Map(rows.map((r) => [r.campaign_id, statsOf(r)]));
}

import type { CampaignInsights } from '@crmkit/spec';
import { dbOf, type RequestContext } from '../core/context.js';
import { customFieldDefs } from '../resources/custom-fields.js';

/** Most values listed per attribute (the ones with the most messages). */
const VALUES_PER_ATTRIBUTE = 20;

/** The counts of {@link CampaignInsights} over sent recipients `r`. */
const COUNTS = `count(*)::int AS sent,
  count(r.opened_at)::int AS opened,
  count(*) FILTER (WHERE r.clicked_at IS NOT NULL OR r.replied_at IS NOT NULL OR r.converted_at IS NOT NULL)::int AS responded`;

/** The sent messages of the segment's campaigns in the workspace (`$1`, `$2`): the tables, then the conditions. */
const FROM = 'FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id';
const WHERE = 'WHERE r.workspace_id = $1 AND c.segment_id = $2 AND r.sent_at IS NOT NULL';
const SENT = `${FROM} ${WHERE}`;

interface Counts {
  sent: number;
  opened: number;
  responded: number;
}

const withRate = <T extends Counts>(row: T) => ({ ...row, responseRate: row.sent ? row.responded / row.sent : 0 });

/**
 * How a segment's campaigns were responded to: by channel and local send hour, and by the members' lifecycle stage,
 * tags and select custom fields as they are now (a contact deleted since counts under no attribute). Plain counts and
 * rates, so the next campaign can be aimed at who answered.
 *
 * @example
 * const insights = await campaignInsights(ctx, segmentId);
 * insights.byAttribute.filter((a) => a.attribute === 'lifecycleStage');
 */
export async function campaignInsights(ctx: RequestContext, segmentId: string): Promise<CampaignInsights> {
  const db = dbOf(ctx);
  const params = [ctx.principal.workspaceId, segmentId];
  const campaigns = await db.query<{ n: number }>(`SELECT count(DISTINCT r.campaign_id)::int AS n ${SENT}`, params);
  const hours = await db.query<Counts & { channel: 'email' | 'sms'; hour: number }>(
    `SELECT c.channel, r.send_hour AS hour, ${COUNTS} ${SENT} GROUP BY c.channel, r.send_hour ORDER BY 1, 2`,
    params,
  );
  // Each attribute as an expression giving the values of a contact (several for tags), with its parameter ($3).
  const attributes: [string, string, string?][] = [
    ['lifecycleStage', 'ARRAY[ct.lifecycle_stage]'],
    ['tags', 'CASE WHEN cardinality(ct.tags) = 0 THEN ARRAY[NULL::text] ELSE ct.tags END'],
    ...customFieldDefs(ctx.principal.settings, 'contact')
      .filter((d) => d.type === 'select')
      .map((d): [string, string, string] => [`customFields.${d.key}`, 'ARRAY[ct.custom_fields->>$3::text]', d.key]),
  ];
  const byAttribute: CampaignInsights['byAttribute'] = [];
  for (const [attribute, values, key] of attributes) {
    const { rows } = await db.query<Counts & { value: string | null }>(
      `SELECT v.value, ${COUNTS} ${FROM}
         JOIN contacts ct ON ct.id = r.contact_id AND ct.workspace_id = r.workspace_id
         CROSS JOIN LATERAL unnest(${values}) AS v(value)
        ${WHERE} GROUP BY v.value ORDER BY sent DESC, v.value LIMIT ${VALUES_PER_ATTRIBUTE}`,
      key === undefined ? params : [...params, key],
    );
    for (const row of rows) byAttribute.push(withRate({ attribute, ...row }));
  }
  return {
    segmentId,
    campaigns: campaigns.rows[0]?.n ?? 0,
    bySendHour: hours.rows.map(withRate),
    byAttribute,
  };
}

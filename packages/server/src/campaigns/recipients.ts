import type { CampaignRecipient, CampaignRecipientStatus, CampaignReport } from '@crmkit/spec';
import { dbOf, type RequestContext } from '../core/context.js';
import { badRequest } from '../http/problem.js';
import { DEFAULT_LIMIT } from '../query/list.js';
import { FUNNEL_SQL, statsOf } from './stats.js';

/** A row of `campaign_recipients`. */
export interface RecipientRow {
  id: string;
  campaign_id: string;
  contact_id: string;
  position: number;
  name: string;
  address: string | null;
  status: CampaignRecipientStatus;
  skip_reason: CampaignRecipient['skipReason'];
  send_at: string;
  sent_at: string | null;
  delivered_at: string | null;
  bounced_at: string | null;
  opened_at: string | null;
  clicked_at: string | null;
  replied_at: string | null;
  converted_at: string | null;
  opted_out_at: string | null;
  error: string | null;
}

/** A stored recipient as the API's record. */
export const recipientOf = (r: RecipientRow): CampaignRecipient => ({
  id: r.id,
  campaignId: r.campaign_id,
  contactId: r.contact_id,
  name: r.name,
  address: r.address,
  status: r.status,
  skipReason: r.skip_reason,
  sendAt: r.send_at,
  sentAt: r.sent_at,
  deliveredAt: r.delivered_at,
  bouncedAt: r.bounced_at,
  openedAt: r.opened_at,
  clickedAt: r.clicked_at,
  repliedAt: r.replied_at,
  convertedAt: r.converted_at,
  optedOutAt: r.opted_out_at,
  error: r.error,
});

/** A recipients cursor: the position after which the next page starts. */
const cursorOf = (position: number) => `p${position}`;
function positionAfter(cursor: string | undefined): number {
  if (cursor === undefined) return -1;
  const m = /^p(\d{1,9})$/.exec(cursor);
  if (!m) throw badRequest('The cursor is not one this list gave.', [{ path: 'cursor', message: 'invalid cursor' }]);
  return Number(m[1]);
}

/** Where a recipients query selects: the campaign, and one status when asked. */
function scope(workspaceId: string, campaignId: string, status: CampaignRecipientStatus | undefined) {
  const params: unknown[] = [workspaceId, campaignId];
  let where = 'workspace_id = $1 AND campaign_id = $2';
  if (status) {
    params.push(status);
    where += ` AND status = $${params.length}`;
  }
  return { where, params };
}

/** Up to `limit` recipients after `cursor` in the order they were frozen, and the cursor of the next ones. */
async function recipientRows(
  ctx: RequestContext,
  campaignId: string,
  status: CampaignRecipientStatus | undefined,
  cursor: string | undefined,
  limit: number,
) {
  const { where, params } = scope(ctx.principal.workspaceId, campaignId, status);
  const { rows } = await dbOf(ctx).query<RecipientRow>(
    `SELECT * FROM campaign_recipients WHERE ${where} AND position > $${params.length + 1}
      ORDER BY position LIMIT $${params.length + 2}`,
    [...params, positionAfter(cursor), limit + 1],
  );
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? cursorOf(page.at(-1)!.position) : null };
}

/** A page of a campaign's frozen audience in the order it was frozen; with `count`, how many there are in all. */
export async function listRecipients(
  ctx: RequestContext,
  campaignId: string,
  query: { limit?: number; cursor?: string; status?: CampaignRecipientStatus; count?: boolean },
) {
  const { rows, next } = await recipientRows(ctx, campaignId, query.status, query.cursor, query.limit ?? DEFAULT_LIMIT);
  const page = { data: rows.map(recipientOf), nextCursor: next };
  if (!query.count) return page;
  const { where, params } = scope(ctx.principal.workspaceId, campaignId, query.status);
  const counted = await dbOf(ctx).query<{ n: number }>(
    `SELECT count(*)::int AS n FROM campaign_recipients WHERE ${where}`,
    params,
  );
  return { ...page, count: { value: counted.rows[0]!.n, exact: true } };
}

/**
 * Every recipient of a campaign in the order they were frozen, a batch at a time (for the CSV export, which must not
 * hold a large audience in memory at once).
 */
export async function* eachRecipient(
  ctx: RequestContext,
  campaignId: string,
  status: CampaignRecipientStatus | undefined,
  batch = 1000,
): AsyncGenerator<RecipientRow> {
  let cursor: string | null = null;
  do {
    const page = await recipientRows(ctx, campaignId, status, cursor ?? undefined, batch);
    yield* page.rows;
    cursor = page.next;
  } while (cursor);
}

/** A campaign's funnel, and its first opens and clicks per hour or per day of the workspace's time zone. */
export async function campaignReport(
  ctx: RequestContext,
  campaignId: string,
  interval: 'hour' | 'day',
): Promise<CampaignReport> {
  const db = dbOf(ctx);
  const ws = ctx.principal.workspaceId;
  const funnel = await db.query<Record<string, number>>(
    `SELECT ${FUNNEL_SQL} FROM campaign_recipients r WHERE r.workspace_id = $1 AND r.campaign_id = $2`,
    [ws, campaignId],
  );
  const bucket = (col: string) => `date_trunc($3, ${col} AT TIME ZONE $4) AT TIME ZONE $4`;
  const { rows } = await db.query<{ at: string; opened: number; clicked: number }>(
    `SELECT b AS at, sum(o)::int AS opened, sum(c)::int AS clicked FROM (
       SELECT ${bucket('opened_at')} AS b, 1 AS o, 0 AS c FROM campaign_recipients
        WHERE workspace_id = $1 AND campaign_id = $2 AND opened_at IS NOT NULL
       UNION ALL
       SELECT ${bucket('clicked_at')}, 0, 1 FROM campaign_recipients
        WHERE workspace_id = $1 AND campaign_id = $2 AND clicked_at IS NOT NULL
     ) x GROUP BY b ORDER BY b LIMIT 2000`,
    [ws, campaignId, interval, ctx.principal.settings.timeZone],
  );
  return { campaignId, funnel: statsOf(funnel.rows[0]), interval, series: rows };
}

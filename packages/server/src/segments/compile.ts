import { addDays, instantAt, localDate } from '@crmkit/core';
import {
  ACTIVITY_LINKED_RESOURCES,
  type ActivityCondition,
  type CampaignCondition,
  type CampaignResponse,
  type RelativeDateCondition,
  type SegmentCondition,
  type SegmentFilter,
  type SegmentResource,
} from '@crmkit/spec';
import type { RequestContext } from '../core/context.js';
import { anniversaryDays, indexedDays } from '../query/days.js';
import { compileFieldCondition, compileTree, invalidFilter, type ResolvedField } from '../query/filters.js';
import type { Params } from '../query/sql.js';
import { type ResourceDef, resolverFor } from '../resources/engine.js';

/** The column of `activities` that links an activity to a record of each resource. */
const ACTIVITY_LINK: Partial<Record<SegmentResource, string>> = {
  contacts: 'contact_id',
  companies: 'company_id',
  deals: 'deal_id',
  tickets: 'ticket_id',
};

/** The longest window of a custom date field matched day by day through its index (a value per day). */
const MAX_INDEXED_DAYS = 366;

/** What relative conditions count from: today's date in the workspace's zone, and the instant of now. */
interface Today {
  date: string;
  now: Date;
  timeZone: string;
}

/** The instant `date` starts in the workspace's zone, as an ISO string. */
const startOf = (today: Today, date: string) => new Date(instantAt(date, '00:00', today.timeZone)).toISOString();

/** The first and last day (inclusive) of an `inLastDays` / `inNextDays` window. */
function windowOf(c: RelativeDateCondition, today: string): [string, string] {
  return c.op === 'inLastDays' ? [addDays(today, -c.days), today] : [today, addDays(today, c.days)];
}

/** SQL of a relative-date condition on a date or date-time field. */
function relativeDate(f: ResolvedField, c: RelativeDateCondition, today: Today, params: Params, path: string): string {
  if (f.kind !== 'date' && f.kind !== 'ts') invalidFilter(`${path}.field`, `${c.field} is not a date field`);
  const ts = f.kind === 'ts';
  if (c.yearly) {
    if (c.op !== 'inLastDays' && c.op !== 'inNextDays') {
      invalidFilter(`${path}.yearly`, 'yearly applies to inLastDays and inNextDays');
    }
    if (c.days > 365) invalidFilter(`${path}.days`, 'a yearly window is at most 365 days');
    const [from, to] = windowOf(c, today.date);
    const date = ts ? `((${f.expr}) AT TIME ZONE ${params.add(today.timeZone)})::date` : `(${f.expr})`;
    return anniversaryDays(date, from, to);
  }
  // Plain comparisons with constants, so an index on the field answers them.
  const bound = (date: string) => (ts ? params.add(startOf(today, date), 'timestamptz') : params.add(date, 'date'));
  switch (c.op) {
    case 'inLastDays':
    case 'inNextDays': {
      const [from, to] = windowOf(c, today.date);
      // A custom date field: each day's value by containment, which the GIN index of custom_fields answers.
      if (f.json && c.days <= MAX_INDEXED_DAYS) return indexedDays(f, from, to, today.timeZone, params);
      return ts
        ? `(${f.expr} >= ${bound(from)} AND ${f.expr} < ${bound(addDays(to, 1))})`
        : `(${f.expr} BETWEEN ${bound(from)} AND ${bound(to)})`;
    }
    case 'moreThanDaysAgo':
      return `${f.expr} < ${bound(addDays(today.date, -c.days))}`;
    case 'moreThanDaysAhead':
      return `${f.expr} ${ts ? '>=' : '>'} ${bound(addDays(today.date, ts ? c.days + 1 : c.days))}`;
  }
}

/** SQL of an activity fact: an activity linked to the record, of these types and direction, in the window. */
function activityFact(
  def: ResourceDef,
  resource: SegmentResource,
  c: ActivityCondition,
  today: Today,
  params: Params,
  path: string,
): string {
  const link = ACTIVITY_LINK[resource];
  if (!link || !ACTIVITY_LINKED_RESOURCES.includes(resource)) {
    invalidFilter(`${path}.activity`, `activities do not link to ${resource}`);
  }
  const table = def.table.table;
  const where = [`a.workspace_id = ${table}.workspace_id`, `a.${link} = ${table}.id`];
  const { types, direction, inLastDays } = c.activity;
  if (types) where.push(`a.type = ANY(${params.add(types, 'text[]')})`);
  if (direction) where.push(`a.direction = ${params.add(direction)}`);
  // What happened: an activity planned for later is not a fact yet.
  where.push(`a.occurred_at <= ${params.add(today.now.toISOString(), 'timestamptz')}`);
  if (inLastDays !== undefined) {
    where.push(`a.occurred_at >= ${params.add(startOf(today, addDays(today.date, -inLastDays)), 'timestamptz')}`);
  }
  return `${c.has ? '' : 'NOT '}EXISTS (SELECT 1 FROM activities a WHERE ${where.join(' AND ')})`;
}

/** The column of `campaign_recipients` holding when a recipient reached each response. */
const RESPONSE_COLUMN: Record<CampaignResponse, string> = {
  sent: 'sent_at',
  delivered: 'delivered_at',
  opened: 'opened_at',
  clicked: 'clicked_at',
  replied: 'replied_at',
  converted: 'converted_at',
  optedOut: 'opted_out_at',
};

/** SQL of a campaign fact: the contact responded so to the campaign (or any), within the window. */
function campaignFact(
  def: ResourceDef,
  resource: SegmentResource,
  c: CampaignCondition,
  today: Today,
  params: Params,
  path: string,
): string {
  if (resource !== 'contacts') invalidFilter(`${path}.campaign`, `campaigns are sent to contacts, not ${resource}`);
  const table = def.table.table;
  const at = `r.${RESPONSE_COLUMN[c.campaign.response]}`;
  const where = [`r.workspace_id = ${table}.workspace_id`, `r.contact_id = ${table}.id`, `${at} IS NOT NULL`];
  if (c.campaign.campaignId) where.push(`r.campaign_id = ${params.add(c.campaign.campaignId)}`);
  const { inLastDays } = c.campaign;
  if (inLastDays !== undefined) {
    where.push(`${at} >= ${params.add(startOf(today, addDays(today.date, -inLastDays)), 'timestamptz')}`);
  }
  return `${c.has ? '' : 'NOT '}EXISTS (SELECT 1 FROM campaign_recipients r WHERE ${where.join(' AND ')})`;
}

/**
 * The SQL condition of a segment's filter over `def`'s table (the records of `resource`), as of `now`: the search
 * filter's conditions, relative dates from today in the workspace's time zone, activity facts and campaign facts. Throws a 400
 * problem naming the path of anything the workspace's fields do not allow.
 *
 * @example
 * const where = compileSegment(ctx, contactResource, 'contacts', { field: 'birthday', op: 'inNextDays', days: 7, yearly: true }, now, params);
 */
export function compileSegment(
  ctx: RequestContext,
  def: ResourceDef,
  resource: SegmentResource,
  filter: SegmentFilter,
  now: Date,
  params: Params,
): string {
  const resolve = resolverFor(ctx, def);
  const timeZone = ctx.principal.settings.timeZone;
  const today: Today = { date: localDate(now.getTime(), timeZone), now, timeZone };
  return compileTree<SegmentCondition>(filter, (c, path) => {
    if ('activity' in c) return activityFact(def, resource, c, today, params, path);
    if ('campaign' in c) return campaignFact(def, resource, c, today, params, path);
    if ('days' in c) {
      const f = resolve(c.field) ?? invalidFilter(`${path}.field`, `"${c.field}" is not a filterable field`);
      return relativeDate(f, c, today, params, path);
    }
    return compileFieldCondition(c, resolve, params, path);
  });
}

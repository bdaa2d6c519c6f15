import { addDays } from '@crmkit/core';
import type { AutomationRule } from '@crmkit/spec';
import type { RequestContext } from '../core/context.js';
import { validationFailed } from '../http/problem.js';
import { indexedDays } from '../query/days.js';
import { Params } from '../query/sql.js';
import { resolverFor } from '../resources/engine.js';
import { filterSql } from './conditions.js';
import type { Candidates } from './enrol.js';
import { recordDef } from './rules.js';

type DateTrigger = Extract<AutomationRule['trigger'], { type: 'date' }>;

/** Days a date pass looks back after the server was down; older occurrences are skipped, not sent late. */
export const CATCH_UP_DAYS = 7;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The (year, month, day) of a yearly date whose anniversary, moved by `offsetDays`, falls on each day of
 * `from`…`to`: a 29 February date has its anniversary on 28 February in other years.
 */
function anniversaries(from: string, to: string, offsetDays: number): [number, number, number, string][] {
  const out: [number, number, number, string][] = [];
  for (let t = from; t <= to; t = addDays(t, 1)) {
    const a = addDays(t, -offsetDays);
    const [y, m, d] = a.split('-').map(Number) as [number, number, number];
    out.push([y, m, d, t]);
    if (m === 2 && d === 28 && !isLeap(y)) out.push([y, 2, 29, t]);
  }
  return out;
}

/**
 * The records a date trigger enrols on the days `from`…`to` (local dates of the workspace), as candidates: each with
 * its occurrence (`y2027` for the 2027 anniversary of a yearly date; `date:2027-03-15` for a date that triggers once
 * per value, so a changed expiry triggers again) and its start, the trigger's time of day in the workspace's zone on
 * the trigger day. Conditions apply.
 */
export function dateCandidates(
  ctx: RequestContext,
  rule: Pick<AutomationRule, 'resource' | 'conditions'> & { trigger: DateTrigger },
  from: string,
  to: string,
): Candidates {
  const def = recordDef(rule.resource);
  const trigger = rule.trigger;
  const field = resolverFor(ctx, def)(trigger.field);
  if (!field || (field.kind !== 'date' && field.kind !== 'ts')) {
    throw validationFailed([{ path: 'trigger.field', message: `${trigger.field} is not a date field` }]);
  }
  const params = new Params();
  const tz = params.add(ctx.principal.settings.timeZone);
  const date = field.kind === 'ts' ? `((${field.expr}) AT TIME ZONE ${tz})::date` : `(${field.expr})`;
  const at = params.add(trigger.at, 'time');
  const ws = params.add(ctx.principal.workspaceId);
  const where = filterSql(ctx, def, rule.conditions, params);
  if (trigger.repeat === 'once') {
    const offset = params.add(trigger.offsetDays, 'int');
    const first = addDays(from, -trigger.offsetDays);
    const last = addDays(to, -trigger.offsetDays);
    return {
      sql: `SELECT id AS record_id, 'date:' || ${date}::text AS occurrence,
                   ((${date} + ${offset}) + ${at}) AT TIME ZONE ${tz} AS start_at
              FROM ${def.table.table}
             WHERE workspace_id = ${ws} AND ${date} BETWEEN ${params.add(first, 'date')} AND ${params.add(last, 'date')}
                   AND ${indexedDays(field, first, last, ctx.principal.settings.timeZone, params)} AND ${where}`,
      params,
    };
  }
  const days = anniversaries(from, to, trigger.offsetDays);
  const values = days
    .map(
      ([y, m, d, t]) =>
        `(${params.add(y, 'int')}, ${params.add(m, 'int')}, ${params.add(d, 'int')}, ${params.add(t, 'date')})`,
    )
    .join(', ');
  return {
    sql: `SELECT r.id AS record_id, 'y' || v.v_y AS occurrence, (v.v_t + ${at}) AT TIME ZONE ${tz} AS start_at
            FROM ${def.table.table} r
            JOIN (VALUES ${values}) AS v(v_y, v_m, v_d, v_t)
              ON EXTRACT(MONTH FROM ${date}) = v.v_m AND EXTRACT(DAY FROM ${date}) = v.v_d
           WHERE r.workspace_id = ${ws} AND ${date} IS NOT NULL AND EXTRACT(YEAR FROM ${date}) < v.v_y AND ${where}`,
    params,
  };
}

/** The days a date rule's pass covers today: from the day after the last one it covered (at most a week back). */
export function passWindow(scannedThrough: string | null, today: string): { from: string; to: string } | null {
  if (scannedThrough !== null && scannedThrough >= today) return null;
  const earliest = addDays(today, -CATCH_UP_DAYS);
  const from = scannedThrough === null ? today : addDays(scannedThrough, 1);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates (YYYY-MM-DD) compare as strings; Math.max gives NaN.
  return { from: from < earliest ? earliest : from, to: today };
}

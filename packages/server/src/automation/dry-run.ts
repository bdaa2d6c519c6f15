import { addDays, contactName, localDate } from '@crmkit/core';
import type { AutomationDryRun, AutomationRule, AutomationStep } from '@crmkit/spec';
import { dbOf, type RequestContext } from '../core/context.js';
import { getRecord } from '../resources/engine.js';
import { matchingIds } from './conditions.js';
import { dateCandidates } from './dates.js';
import { recordDef } from './rules.js';
import { delayEnd } from './runner.js';
import { nextSlot } from './schedule.js';
import { enterBranch, nextPath, stepAt } from './steps.js';

type Rule = Pick<AutomationRule, 'resource' | 'trigger' | 'conditions' | 'steps'>;

const UPCOMING_MAX = 500;

/** A step in words (English; widgets write their own summary from the rule itself). */
function describe(step: AutomationStep): string {
  switch (step.type) {
    case 'delay':
      return `wait${step.minutes ? ` ${step.minutes} min` : ''}${step.until ? ` until ${step.until.time}` : ''}`;
    case 'branch':
      return 'check a condition';
    case 'create_task':
      return `create ${step.kind} "${step.subject}" due in ${step.dueInMinutes} min`;
    case 'assign':
      return `assign (${step.assignee.type})`;
    case 'update_field':
      return `set ${step.field} to ${JSON.stringify(step.value)}`;
    case 'add_tag':
      return `add tag ${step.tag}`;
    case 'remove_tag':
      return `remove tag ${step.tag}`;
    case 'set_lifecycle':
      return `set lifecycle stage ${step.stage}`;
    case 'send_message':
      return `send ${step.channel}${step.subject ? ` "${step.subject}"` : ''}`;
    case 'notify':
      return `notify (${step.to.type})`;
    case 'webhook':
      return `call webhook ${step.subscriptionId}`;
    case 'create_deal':
      return `open deal "${step.name}"`;
  }
}

/** A record's display name. */
function nameOf(row: Record<string, unknown>): string {
  if ('first_name' in row)
    return contactName({ firstName: row.first_name as string, lastName: row.last_name as string });
  return String(row.name ?? row.subject ?? row.id);
}

/**
 * What a rule would do, writing nothing: for a record, whether it meets the conditions and each step with the time it
 * would run (delays computed, branches decided on the record as it is now); for a number of days, which records a date
 * or schedule trigger would enrol and when.
 */
export async function dryRun(
  ctx: RequestContext,
  rule: Rule,
  input: { recordId?: string; days?: number },
): Promise<AutomationDryRun> {
  const def = recordDef(rule.resource);
  const out: AutomationDryRun = { matches: null, steps: [], upcoming: [], truncated: false };
  const now = ctx.clock.now();
  if (input.recordId) {
    const record = await getRecord(ctx, def, input.recordId);
    out.matches = (await matchingIds(ctx, dbOf(ctx), def, [record.id], rule.conditions)).length > 0;
    let at = now;
    let path: string | null = '0';
    while (path !== null && out.steps.length < 200) {
      const step = stepAt(rule.steps, path);
      if (!step) break;
      if (step.type === 'delay')
        at = delayEnd(at, step, ctx.principal.settings, rule.resource === 'contacts' ? record : null);
      let description = describe(step);
      let next = nextPath(rule.steps, path);
      if (step.type === 'branch') {
        const yes = (await matchingIds(ctx, dbOf(ctx), def, [record.id], step.if)).length > 0;
        description += yes ? ': yes' : ': no';
        next = enterBranch(rule.steps, path, yes ? 'yes' : 'no');
      }
      out.steps.push({ path, type: step.type, at: at.toISOString(), description });
      path = next;
    }
  }
  if (input.days) {
    const tz = ctx.principal.settings.timeZone;
    const today = localDate(now.getTime(), tz);
    let rows: Record<string, unknown>[] = [];
    if (rule.trigger.type === 'date') {
      const c = dateCandidates(ctx, { ...rule, trigger: rule.trigger }, today, addDays(today, input.days - 1));
      const { rows: found } = await dbOf(ctx).query(
        `SELECT t.*, cand.occurrence, cand.start_at FROM (${c.sql}) cand JOIN ${def.table.table} t ON t.id = cand.record_id
          WHERE cand.start_at >= ${c.params.add(now.toISOString(), 'timestamptz')}
          ORDER BY cand.start_at, t.id LIMIT ${UPCOMING_MAX + 1}`,
        c.params.values,
      );
      rows = found;
    } else if (rule.trigger.type === 'schedule') {
      const slot = nextSlot(rule.trigger.cron, tz, now);
      if (slot && slot.getTime() < now.getTime() + input.days * 86_400_000) {
        const ids = await dbOf(ctx).query<{ id: string }>(
          `SELECT id FROM ${def.table.table} WHERE workspace_id = $1 ORDER BY id LIMIT 5000`,
          [ctx.principal.workspaceId],
        );
        const matching = new Set(
          await matchingIds(
            ctx,
            dbOf(ctx),
            def,
            ids.rows.map((r) => r.id),
            rule.conditions,
          ),
        );
        const { rows: found } = await dbOf(ctx).query(
          `SELECT * FROM ${def.table.table} WHERE workspace_id = $1 AND id = ANY($2::text[]) ORDER BY id LIMIT ${UPCOMING_MAX + 1}`,
          [ctx.principal.workspaceId, [...matching]],
        );
        rows = found.map((r) => ({ ...r, occurrence: `schedule:${slot.toISOString()}`, start_at: slot.toISOString() }));
      }
    }
    out.truncated = rows.length > UPCOMING_MAX;
    out.upcoming = rows.slice(0, UPCOMING_MAX).map((r) => ({
      recordId: r.id as string,
      name: nameOf(r).slice(0, 300),
      at: r.start_at as string,
      occurrence: r.occurrence as string,
    }));
  }
  return out;
}

import {
  AUTOMATION_MAX_STEPS,
  type AutomationResource,
  type AutomationRule,
  type AutomationStep,
  type AutomationTrigger,
  automationRules,
  type FilterNode,
} from '@crmkit/spec';
import { Cron } from 'croner';
import { activityResource } from '../activities/resource.js';
import { contactResource } from '../contacts/resource.js';
import type { WriteContext } from '../core/context.js';
import type { Queryable } from '../db/types.js';
import { dealResource } from '../deals/resource.js';
import { validationFailed } from '../http/problem.js';
import { leadResource } from '../leads/resource.js';
import { compileFilter } from '../query/filters.js';
import { Params } from '../query/sql.js';
import { type AnyRecord, type ResourceDef, resolverFor } from '../resources/engine.js';
import { rowToRecord } from '../resources/table.js';
import { ticketResource } from '../tickets/resource.js';
import { syncSchedule } from './schedule.js';
import { allSteps, branchDepth } from './steps.js';

/** The server's definition of each resource a rule can run on. */
export function recordDef(resource: AutomationResource): ResourceDef {
  return RECORD_DEFS[resource];
}

const RECORD_DEFS: Record<AutomationResource, ResourceDef> = {
  contacts: contactResource,
  deals: dealResource,
  tickets: ticketResource,
  leads: leadResource,
  activities: activityResource,
};

/** The event prefix of a resource's records (`contact.` for contacts). */
const eventPrefix = (resource: AutomationResource) => `${recordDef(resource).spec.singular}.`;

/** Where each action may be used. */
const ACTION_RESOURCES: Partial<Record<AutomationStep['type'], readonly AutomationResource[]>> = {
  create_task: ['contacts', 'deals', 'tickets', 'activities'],
  set_lifecycle: ['contacts'],
  send_message: ['contacts', 'deals', 'tickets'],
  create_deal: ['contacts'],
};

/** Checks a rule against the workspace's fields and records; throws a 400 listing what is wrong. */
export async function validateRule(
  ctx: WriteContext,
  rule: Omit<AutomationRule, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'stats'>,
) {
  const errors: { path: string; message: string }[] = [];
  const def = recordDef(rule.resource);
  const resolve = resolverFor(ctx, def);
  const filterOk = (node: FilterNode, path: string) => {
    try {
      compileFilter(node, resolve, new Params());
    } catch (e) {
      errors.push({ path, message: e instanceof Error ? e.message : 'invalid filter' });
    }
  };
  const trigger = rule.trigger;
  if (trigger.type === 'event') {
    trigger.events.forEach((type, i) => {
      if (!type.startsWith(eventPrefix(rule.resource)) || type.endsWith('.deleted')) {
        errors.push({ path: `trigger.events.${i}`, message: `${type} is not an event of ${rule.resource} records` });
      }
    });
    trigger.changed?.forEach((field, i) => {
      if (!resolve(field))
        errors.push({ path: `trigger.changed.${i}`, message: `${field} is not a field of ${rule.resource}` });
    });
  } else if (trigger.type === 'date') {
    const kind = resolve(trigger.field)?.kind;
    if (kind !== 'date' && kind !== 'ts') {
      errors.push({ path: 'trigger.field', message: `${trigger.field} is not a date field of ${rule.resource}` });
    }
  } else if (trigger.type === 'schedule') {
    try {
      new Cron(trigger.cron, { paused: true, timezone: ctx.principal.settings.timeZone });
    } catch {
      errors.push({ path: 'trigger.cron', message: 'not a valid cron expression' });
    }
  }
  if (rule.conditions) filterOk(rule.conditions, 'conditions');
  const steps = allSteps(rule.steps);
  if (steps.length > AUTOMATION_MAX_STEPS) {
    errors.push({ path: 'steps', message: `a rule has at most ${AUTOMATION_MAX_STEPS} steps, branches included` });
  }
  if (branchDepth(rule.steps) > 3) errors.push({ path: 'steps', message: 'branches nest at most 3 deep' });
  for (const { path, step } of steps) {
    const at = `steps.${path}`;
    const allowed = ACTION_RESOURCES[step.type];
    if (allowed && !allowed.includes(rule.resource)) {
      errors.push({ path: `${at}.type`, message: `${step.type} does not apply to ${rule.resource}` });
    }
    if (step.type === 'branch') filterOk(step.if, `${at}.if`);
    if (step.type === 'delay' && step.minutes === undefined && step.until === undefined) {
      errors.push({ path: at, message: 'a delay needs minutes, until, or both' });
    }
    if (step.type === 'update_field' && !isWritable(def, step.field, resolve)) {
      errors.push({ path: `${at}.field`, message: `${step.field} is not a field the rule can set` });
    }
    errors.push(...assigneeProblems(step, at));
    if (step.type === 'create_deal' && step.stageId) {
      const { rows } = await ctx.tx.query(
        `SELECT 1 FROM pipelines WHERE workspace_id = $1 AND id = $2
           AND EXISTS (SELECT 1 FROM jsonb_array_elements(stages) s WHERE s->>'id' = $3)`,
        [ctx.principal.workspaceId, step.pipelineId, step.stageId],
      );
      if (rows.length === 0) errors.push({ path: `${at}.stageId`, message: 'not a stage of the chosen pipeline' });
    }
    for (const [key, id] of stepReferences(step)) {
      const table = key === 'subscriptionId' ? 'webhook_subscriptions' : key === 'pipelineId' ? 'pipelines' : key;
      const { rows } = await ctx.tx.query(`SELECT 1 FROM ${table} WHERE workspace_id = $1 AND id = $2`, [
        ctx.principal.workspaceId,
        id,
      ]);
      if (rows.length === 0) errors.push({ path: `${at}.${key}`, message: `no such record: ${id}` });
    }
  }
  if (errors.length > 0) throw validationFailed(errors.slice(0, 50), 'The rule has invalid parts.');
}

/** A chosen user without its id, a team's rotation without the team: the step would reach nobody. */
function assigneeProblems(step: AutomationStep, at: string): { path: string; message: string }[] {
  const [key, assignee] =
    'assignee' in step ? ['assignee', step.assignee] : step.type === 'notify' ? ['to', step.to] : [];
  if (!assignee) return [];
  if (assignee.type === 'user' && !assignee.userId)
    return [{ path: `${at}.${key}.userId`, message: 'choose the user' }];
  if (assignee.type === 'round_robin' && !assignee.teamId)
    return [{ path: `${at}.${key}.teamId`, message: 'choose the team' }];
  return [];
}

/** Records a step names, as [field, id] (the field tells the table). */
function stepReferences(step: AutomationStep): [string, string][] {
  const out: [string, string][] = [];
  const assignee = 'assignee' in step ? step.assignee : step.type === 'notify' ? step.to : undefined;
  if (assignee?.userId) out.push(['users', assignee.userId]);
  if (assignee?.teamId) out.push(['teams', assignee.teamId]);
  if (step.type === 'webhook') out.push(['subscriptionId', step.subscriptionId]);
  if (step.type === 'create_deal') out.push(['pipelineId', step.pipelineId]);
  return out;
}

function isWritable(def: ResourceDef, field: string, resolve: ReturnType<typeof resolverFor>): boolean {
  if (field.startsWith('customFields.')) return resolve(field) !== undefined;
  const f = def.table.fields[field];
  return Boolean(f && !f.readOnly && !f.hidden && field in (def.spec.update as { shape?: object }).shape!);
}

/** The columns the runner and the observers read, which the API record does not show. */
async function storeDerived(w: WriteContext, record: AnyRecord, existing: AnyRecord | null) {
  const trigger = record.trigger as AutomationTrigger;
  const triggerChanged = !existing || JSON.stringify(existing.trigger) !== JSON.stringify(trigger);
  await w.tx.query(
    `UPDATE automation_rules SET trigger_type = $3, trigger_events = $4::text[],
       owner_id = COALESCE(owner_id, $5::text), scanned_through = CASE WHEN $6::boolean THEN NULL ELSE scanned_through END
     WHERE workspace_id = $1 AND id = $2`,
    [
      w.principal.workspaceId,
      record.id,
      trigger.type,
      trigger.type === 'event' ? trigger.events : [],
      w.principal.userId,
      triggerChanged,
    ],
  );
}

/**
 * Automation rules: stored like every other resource (lists, ETags, events), checked against the workspace's fields,
 * with run counts (`stats`) kept by the runner.
 */
export const automationRuleResource: ResourceDef = {
  spec: automationRules,
  permission: 'automation-rules',
  table: {
    table: 'automation_rules',
    idPrefix: 'rul',
    fields: {
      name: { column: 'name', kind: 'text', notNull: true },
      description: { column: 'description', kind: 'text' },
      enabled: { column: 'enabled', kind: 'bool', notNull: true },
      resource: { column: 'resource', kind: 'text', notNull: true },
      trigger: { column: 'trigger', kind: 'json', notNull: true },
      conditions: { column: 'conditions', kind: 'json' },
      steps: { column: 'steps', kind: 'json', notNull: true },
    },
  },
  toRecord(row) {
    return {
      ...rowToRecord(automationRuleResource.table, row),
      stats: {
        runs: row.runs ?? 0,
        failures: row.failures ?? 0,
        lastRunAt: row.last_run_at ?? null,
        lastFailureAt: row.last_failure_at ?? null,
      },
    };
  },
  async prepareCreate(w, input) {
    const values = { description: null, enabled: true, conditions: null, ...input } as AutomationRule;
    await validateRule(w, values);
    return values;
  },
  async prepareUpdate(w, patch, existing) {
    await validateRule(w, { ...(existing as unknown as AutomationRule), ...patch });
    return patch;
  },
  async afterWrite(w, record, existing) {
    await storeDerived(w, record, existing);
    await syncSchedule(w, record as unknown as AutomationRule);
  },
};

/** A stored rule, with the user who made it (who hears of its failures). */
export type StoredRule = AutomationRule & { ownerId: string | null };

/** The rule `id` of workspace `workspaceId`, or null. */
export async function loadRule(db: Queryable, workspaceId: string, id: string): Promise<StoredRule | null> {
  const { rows } = await db.query('SELECT * FROM automation_rules WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    id,
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    ...(automationRuleResource.toRecord!(row) as unknown as AutomationRule),
    ownerId: (row.owner_id as string) ?? null,
  };
}

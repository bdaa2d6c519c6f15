import { type AutomationResource, type AutomationRule, AutomationResource as Resources } from '@crmkit/spec';
import type { WriteObserver } from '../core/context.js';
import { newId } from '../core/ids.js';
import { matchingIds } from './conditions.js';
import { enrol, listedCandidates } from './enrol.js';
import { recordDef } from './rules.js';

/** A change made by a rule may start other rules, this many levels deep at most (and never the same rule again). */
export const MAX_CHAIN_DEPTH = 3;

/**
 * Event triggers: in the transaction of each write, enrols the records whose events match an enabled rule (its event
 * types, the fields that must have changed, its conditions). The occurrence is the event id, so the same event never
 * enrols a record twice.
 */
export const enrolOnEvents: WriteObserver = async (w, events) => {
  const depth = w.origin?.depth ?? 0;
  if (depth >= MAX_CHAIN_DEPTH) return;
  const relevant = events.filter(
    (e) => Resources.options.includes(e.resource as AutomationResource) && !e.type.endsWith('.deleted'),
  );
  if (relevant.length === 0) return;
  const { rows } = await w.tx.query<{
    id: string;
    resource: AutomationResource;
    trigger: AutomationRule['trigger'];
    conditions: AutomationRule['conditions'];
    steps: AutomationRule['steps'];
  }>(
    `SELECT id, resource, trigger, conditions, steps FROM automation_rules
      WHERE workspace_id = $1 AND enabled AND trigger_type = 'event' AND trigger_events && $2::text[]`,
    [w.principal.workspaceId, [...new Set(relevant.map((e) => e.type))]],
  );
  for (const rule of rows) {
    if (w.origin?.ruleIds.includes(rule.id) || rule.trigger.type !== 'event') continue;
    const { events: types, changed } = rule.trigger;
    for (const e of relevant) {
      if (e.resource !== rule.resource || !types.includes(e.type)) continue;
      if (changed?.length && e.changed && !changed.some((f) => e.changed!.includes(f))) continue;
      const ids = await matchingIds(w, w.tx, recordDef(rule.resource), [e.resourceId], rule.conditions);
      if (ids.length === 0) continue;
      const occurrence = `event:${e.id ?? newId('evt', w.now.getTime())}`;
      await enrol(w.tx, w.principal.workspaceId, rule, listedCandidates(ids, occurrence, w.now), w.now, depth + 1);
    }
  }
};

import type { AutomationRule } from '@crmkit/spec';
import { Cron } from 'croner';
import type { WriteContext } from '../core/context.js';
import type { Queryable } from '../db/types.js';
import { dequeue, enqueue } from '../queue/queue.js';

/** The queue of schedule triggers: one job per rule, due at its next slot. */
export const SCHEDULE_QUEUE = 'automation.schedule';
/** The queue of each workspace's daily pass (date triggers, lifecycle rules), due just after its local midnight. */
export const DAILY_QUEUE = 'automation.daily';

/** Queues the daily pass of a workspace to run now (a date rule was saved; the server starts). */
export async function queueDailyPass(tx: Queryable, workspaceId: string, now: Date): Promise<void> {
  await enqueue(tx, { queue: DAILY_QUEUE, key: workspaceId, workspaceId, runAt: now, replace: true }, now);
}

/** The first slot of a five-field cron expression after `after`, in `timeZone`; null when there is none. */
export function nextSlot(cron: string, timeZone: string, after: Date): Date | null {
  return new Cron(cron, { paused: true, timezone: timeZone }).nextRun(after);
}

/**
 * After a rule is saved: its schedule job due at the next slot (none when it is off or not scheduled); a date rule
 * has the workspace's daily pass run now, so it starts today.
 */
export async function syncSchedule(w: WriteContext, rule: AutomationRule): Promise<void> {
  if (rule.enabled && rule.trigger.type === 'date') await queueDailyPass(w.tx, w.principal.workspaceId, w.now);
  if (!rule.enabled || rule.trigger.type !== 'schedule') {
    await dequeue(w.tx, SCHEDULE_QUEUE, rule.id);
    return;
  }
  const at = nextSlot(rule.trigger.cron, w.principal.settings.timeZone, w.now);
  if (!at) return;
  await enqueue(
    w.tx,
    { queue: SCHEDULE_QUEUE, key: rule.id, workspaceId: w.principal.workspaceId, runAt: at, replace: true },
    w.now,
  );
}

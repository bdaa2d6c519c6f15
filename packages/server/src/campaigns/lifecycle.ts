import { instantAt } from '@crmkit/core';
import type { CampaignChannel, CampaignSchedule, CampaignScheduleRequest, EventType } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { conflict, fieldError, preconditionFailed, unprocessable } from '../http/problem.js';
import { dequeue, enqueue } from '../queue/queue.js';
import { type AnyRecord, changedFields, getRecord, storeUpdate } from '../resources/engine.js';
import { campaignResource } from './resource.js';
import { validateContent } from './template.js';

/** The queue whose job freezes a scheduled campaign's audience at its `scheduledAt` (see `sending/start.ts`). */
export const CAMPAIGN_START_QUEUE = 'campaign.start';

/** The zone whose clock first shows a given wall time (UTC+14): where a "recipient's time zone" send begins. */
const EARLIEST_ZONE = 'Etc/GMT-14';

/** How late a schedule may be and still be taken for "now" (the time the request took). */
const LATE_TOLERANCE_MS = 60_000;

/** Locks a campaign for a status change, checking `If-Match`. */
async function lockCampaign(w: WriteContext, id: string, ifVersion: number | null): Promise<AnyRecord> {
  const existing = await getRecord(w, campaignResource, id, w.tx, true);
  if (ifVersion !== null && existing.version !== ifVersion) throw preconditionFailed(existing);
  return existing;
}

/** Stores server-managed values of a campaign (status, times) as a new version and emits `campaign.updated`. */
export async function storeCampaign(
  w: WriteContext,
  existing: AnyRecord,
  values: Record<string, unknown>,
): Promise<AnyRecord> {
  const updated = await storeUpdate(w, campaignResource, existing, values);
  w.emit({
    type: 'campaign.updated' as EventType,
    resource: 'campaigns',
    resourceId: existing.id,
    data: updated,
    changed: changedFields(existing, updated),
  });
  return updated;
}

/**
 * When a schedule starts sending: now without one; the wall time in the workspace's zone; or, for recipients' own
 * zones, the moment the earliest zone on Earth reaches it (recipients then wait for their own). A workspace-zone
 * time that has passed is a 422.
 */
export function startOf(schedule: CampaignSchedule | null, workspaceZone: string, now: Date): Date {
  if (!schedule) return now;
  const [date, time] = schedule.localTime.split('T') as [string, string];
  const inWorkspace = instantAt(date, time, workspaceZone);
  if (inWorkspace < now.getTime() - LATE_TOLERANCE_MS) {
    throw unprocessable([
      fieldError('schedule.localTime', 'future', `${schedule.localTime} in the workspace's time zone has passed`),
    ]);
  }
  const at = schedule.timeZone === 'recipient' ? instantAt(date, time, EARLIEST_ZONE) : inWorkspace;
  return new Date(Math.max(at, now.getTime()));
}

/**
 * Schedules a draft: applies the request's schedule and throttle, checks it can be sent (segment, placeholders,
 * subject), sets `scheduledAt` and queues the start of sending then.
 *
 * @example
 * await withWrite(ctx, (w) => scheduleCampaign(w, id, { schedule: { localTime: '2026-12-10T09:00', timeZone: 'recipient' } }, null));
 */
export async function scheduleCampaign(
  w: WriteContext,
  id: string,
  request: CampaignScheduleRequest,
  ifVersion: number | null,
): Promise<AnyRecord> {
  const existing = await lockCampaign(w, id, ifVersion);
  if (existing.status !== 'draft') {
    throw conflict(`Only a draft can be scheduled; this campaign is ${String(existing.status)}.`, 'campaign-not-draft');
  }
  const schedule = (request.schedule !== undefined ? request.schedule : existing.schedule) as CampaignSchedule | null;
  const throttlePerHour = request.throttlePerHour !== undefined ? request.throttlePerHour : existing.throttlePerHour;
  validateContent(
    w.principal.settings,
    {
      channel: existing.channel as CampaignChannel,
      subject: existing.subject as string | null,
      template: existing.template as string,
    },
    true,
  );
  const { rows } = await w.tx.query('SELECT 1 FROM segments WHERE workspace_id = $1 AND id = $2', [
    w.principal.workspaceId,
    existing.segmentId,
  ]);
  if (!rows[0]) throw unprocessable([fieldError('segmentId', 'notFound', 'the segment was deleted')]);
  const scheduledAt = startOf(schedule, w.principal.settings.timeZone, w.now);
  const updated = await storeCampaign(w, existing, {
    status: 'scheduled',
    schedule,
    throttlePerHour,
    scheduledAt: scheduledAt.toISOString(),
  });
  const job = { queue: CAMPAIGN_START_QUEUE, key: id, workspaceId: w.principal.workspaceId, runAt: scheduledAt };
  await enqueue(w.tx, job, w.now);
  return updated;
}

/**
 * Cancels a scheduled or sending campaign: its start is withdrawn, recipients still pending are `cancelled`, and
 * their messages still queued in the outbox are withdrawn (the sender skips a message that is no longer queued).
 */
export async function cancelCampaign(w: WriteContext, id: string, ifVersion: number | null): Promise<AnyRecord> {
  const existing = await lockCampaign(w, id, ifVersion);
  if (existing.status !== 'scheduled' && existing.status !== 'sending') {
    throw conflict(`Only a scheduled or sending campaign can be cancelled; this one is ${String(existing.status)}.`);
  }
  await dequeue(w.tx, CAMPAIGN_START_QUEUE, id);
  const ws = w.principal.workspaceId;
  await w.tx.query(
    `UPDATE outbox_messages SET status = 'cancelled', updated_at = $3
      WHERE workspace_id = $1 AND source = 'campaign' AND source_id = $2 AND status = 'queued'`,
    [ws, id, w.now.toISOString()],
  );
  await w.tx.query(
    `UPDATE campaign_recipients r SET status = 'cancelled'
      WHERE r.workspace_id = $1 AND r.campaign_id = $2 AND (r.status = 'pending' OR (r.status = 'queued' AND EXISTS (
        SELECT 1 FROM outbox_messages m WHERE m.id = r.message_id AND m.status = 'cancelled')))`,
    [ws, id],
  );
  return storeCampaign(w, existing, { status: 'cancelled', cancelledAt: w.now.toISOString() });
}

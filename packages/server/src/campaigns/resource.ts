import { type CampaignChannel, campaigns } from '@crmkit/spec';
import { dbOf, type WriteContext } from '../core/context.js';
import { conflict, fieldError, validationFailed } from '../http/problem.js';
import type { ResourceDef } from '../resources/engine.js';
import { campaignStats, EMPTY_STATS } from './stats.js';
import { validateContent } from './template.js';

/** Checks that the segment exists in the workspace and selects contacts (a campaign messages people). */
async function assertContactSegment(w: WriteContext, segmentId: string): Promise<void> {
  const { rows } = await w.tx.query<{ resource: string }>(
    'SELECT resource FROM segments WHERE workspace_id = $1 AND id = $2',
    [w.principal.workspaceId, segmentId],
  );
  if (!rows[0]) {
    throw validationFailed([
      fieldError('segmentId', 'notFound', `no segment with id ${segmentId}`, { what: 'segment', id: segmentId }),
    ]);
  }
  if (rows[0].resource !== 'contacts') {
    throw validationFailed([fieldError('segmentId', 'invalid', 'a campaign goes to a segment of contacts')]);
  }
}

/** Validates what a create or an update would store: the segment, then the personalisation (422). */
async function check(w: WriteContext, values: Record<string, unknown>): Promise<void> {
  await assertContactSegment(w, values.segmentId as string);
  validateContent(w.principal.settings, {
    channel: values.channel as CampaignChannel,
    subject: (values.subject as string | null) ?? null,
    template: values.template as string,
  });
}

/**
 * Campaigns: drafts are edited like any record (CRUD), with the segment and every placeholder checked on save; the
 * status and its timestamps move only through schedule, cancel and sending (`lifecycle.ts`, `sending/`). `stats` is
 * the funnel of the frozen audience.
 */
export const campaignResource: ResourceDef = {
  spec: campaigns,
  permission: 'campaigns',
  table: {
    table: 'campaigns',
    idPrefix: 'cmp',
    fields: {
      name: { column: 'name', kind: 'text', notNull: true },
      segmentId: { column: 'segment_id', kind: 'text', notNull: true },
      channel: { column: 'channel', kind: 'text', notNull: true },
      subject: { column: 'subject', kind: 'text' },
      template: { column: 'template', kind: 'text', notNull: true },
      status: { column: 'status', kind: 'text', notNull: true, readOnly: true },
      schedule: { column: 'schedule', kind: 'json' },
      throttlePerHour: { column: 'throttle_per_hour', kind: 'int' },
      scheduledAt: { column: 'scheduled_at', kind: 'ts', readOnly: true },
      startedAt: { column: 'started_at', kind: 'ts', readOnly: true },
      sentAt: { column: 'sent_at', kind: 'ts', readOnly: true },
      cancelledAt: { column: 'cancelled_at', kind: 'ts', readOnly: true },
    },
  },
  async decorate(ctx, records) {
    const ids = records.map((r) => r.id);
    const stats = await campaignStats(dbOf(ctx), ctx.principal.workspaceId, ids);
    for (const r of records) r.stats = stats.get(r.id) ?? { ...EMPTY_STATS };
  },
  async prepareCreate(w, input) {
    const values: Record<string, unknown> = {
      subject: null,
      schedule: null,
      throttlePerHour: null,
      ...input,
      status: 'draft',
    };
    await check(w, values);
    return values;
  },
  async prepareUpdate(w, patch, existing) {
    if (existing.status !== 'draft') {
      throw conflict(`Only a draft can be edited; this campaign is ${String(existing.status)}.`, 'campaign-not-draft');
    }
    await check(w, { ...existing, ...patch });
    return patch;
  },
  async beforeDelete(_w, existing) {
    if (existing.status === 'scheduled' || existing.status === 'sending') {
      throw conflict(`Cancel the campaign before deleting it; it is ${existing.status}.`, 'campaign-active');
    }
  },
};

import { contactName, instantAt, wallClock } from '@crmkit/core';
import type { CampaignChannel, CampaignSchedule, Segment } from '@crmkit/spec';
import { contactResource } from '../../contacts/resource.js';
import type { WriteContext } from '../../core/context.js';
import { newId } from '../../core/ids.js';
import { contactTimeZone } from '../../outbox/outbox.js';
import { Params } from '../../query/sql.js';
import { enqueue } from '../../queue/queue.js';
import type { AnyRecord } from '../../resources/engine.js';
import { compileSegment } from '../../segments/compile.js';
import { storeCampaign } from '../lifecycle.js';
import { addressOf } from '../template.js';

/** The queue whose job sends a sending campaign's due recipients, then waits for the next due ones. */
export const CAMPAIGN_DISPATCH_QUEUE = 'campaign.dispatch';

const HOUR_MS = 3_600_000;
/** Rows per insert of the frozen audience. */
const INSERT_BATCH = 1000;

interface MemberRow {
  id: string;
  first_name: string;
  last_name: string;
  emails: string[];
  phones: string[];
  custom_fields: Record<string, unknown>;
}

/** A frozen recipient before it is stored. */
interface Planned {
  contact: MemberRow;
  sendAt: number;
  zone: string;
}

/**
 * When each member gets the message: at the campaign's start, or at the schedule's wall time in the member's own
 * zone (never before the start); then, with a throttle, at most `throttlePerHour` a clock hour, in that order.
 */
function plan(
  members: MemberRow[],
  campaign: AnyRecord,
  start: number,
  settings: WriteContext['principal']['settings'],
): Planned[] {
  const schedule = campaign.schedule as CampaignSchedule | null;
  const planned = members.map((contact) => {
    const zone = contactTimeZone({ customFields: contact.custom_fields }, settings);
    if (schedule?.timeZone !== 'recipient') return { contact, sendAt: start, zone };
    const [date, time] = schedule.localTime.split('T') as [string, string];
    return { contact, sendAt: Math.max(start, instantAt(date, time, zone)), zone };
  });
  planned.sort((a, b) => a.sendAt - b.sendAt || (a.contact.id < b.contact.id ? -1 : 1));
  const throttle = campaign.throttlePerHour as number | null;
  if (throttle) {
    for (const [i, p] of planned.entries()) p.sendAt = Math.max(p.sendAt, start + Math.floor(i / throttle) * HOUR_MS);
  }
  return planned;
}

/**
 * Freezes a scheduled campaign's audience, in the write `w`: the segment's members now become its recipients, each
 * with when the message is due (time zone and throttle) and its local send hour (for the response rates by hour);
 * the campaign becomes `sending` and its dispatch is queued for the first due time. A contact who joins the segment
 * later gets nothing; one who leaves it still does (the audience is what it was at the start).
 */
export async function freezeAudience(w: WriteContext, campaign: AnyRecord): Promise<void> {
  const ws = w.principal.workspaceId;
  const { rows: segments } = await w.tx.query<Pick<Segment, 'filter'>>(
    'SELECT filter FROM segments WHERE workspace_id = $1 AND id = $2',
    [ws, campaign.segmentId],
  );
  const params = new Params();
  params.add(ws);
  const where = segments[0]
    ? compileSegment(w, contactResource, 'contacts', segments[0].filter, w.now, params)
    : 'false';
  const { rows: members } = await w.tx.query<MemberRow>(
    `SELECT id, first_name, last_name, emails, phones, custom_fields FROM contacts WHERE workspace_id = $1 AND (${where})`,
    params.values,
  );
  const planned = plan(members, campaign, w.now.getTime(), w.principal.settings);
  for (let at = 0; at < planned.length; at += INSERT_BATCH) {
    const batch = planned.slice(at, at + INSERT_BATCH);
    await w.tx.query(
      `INSERT INTO campaign_recipients (id, workspace_id, campaign_id, position, contact_id, name, address, status,
                                        send_at, send_hour)
       SELECT u.id, $1, $2, u.position, u.contact_id, u.name, u.address, 'pending', u.send_at, u.send_hour
         FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::int[])
           AS u(id, position, contact_id, name, address, send_at, send_hour)`,
      [
        ws,
        campaign.id,
        batch.map(() => newId('rcp', w.now.getTime())),
        batch.map((_, i) => at + i + 1),
        batch.map((p) => p.contact.id),
        batch.map((p) =>
          contactName({ firstName: p.contact.first_name, lastName: p.contact.last_name, emails: p.contact.emails }),
        ),
        batch.map((p) => addressOf(p.contact, campaign.channel as CampaignChannel)),
        batch.map((p) => new Date(p.sendAt).toISOString()),
        batch.map((p) => new Date(wallClock(p.sendAt, p.zone)).getUTCHours()),
      ],
    );
  }
  await storeCampaign(w, campaign, { status: 'sending', startedAt: w.now.toISOString() });
  const first = planned[0]?.sendAt ?? w.now.getTime();
  await enqueue(
    w.tx,
    { queue: CAMPAIGN_DISPATCH_QUEUE, key: campaign.id, workspaceId: ws, runAt: new Date(first) },
    w.now,
  );
}

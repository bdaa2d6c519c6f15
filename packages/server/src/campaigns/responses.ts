import { contactResource } from '../contacts/resource.js';
import type { WriteContext, WriteObserver } from '../core/context.js';
import { applyUpdate } from '../resources/engine.js';
import { logSystemActivity } from '../timeline/system.js';

/** How long after a message a reply, a won deal or a visit counts as a response to it. */
export const ATTRIBUTION_DAYS = 14;

/** The funnel's steps in order: a recipient's status only moves forwards along them. */
const STEPS = ['pending', 'queued', 'sent', 'delivered', 'opened', 'clicked', 'replied', 'converted'];

/** A response, the columns it stamps (each step implies those before it), and what the timeline says. */
const RESPONSES = {
  opened: { columns: ['delivered_at', 'opened_at'], says: 'Opened' },
  clicked: { columns: ['delivered_at', 'opened_at', 'clicked_at'], says: 'Clicked a link in' },
  replied: { columns: ['delivered_at', 'replied_at'], says: 'Replied to' },
  converted: { columns: ['converted_at'], says: 'Converted after' },
} as const;

export type ResponseKind = keyof typeof RESPONSES;

/** A recipient a response was recorded for. */
interface Responded {
  contact_id: string;
  campaign_name: string;
  first: boolean;
}

/**
 * Records a response of recipient `recipientId`, in the write `w`: stamps its step (first time only) and those it
 * implies, moves the status forwards, and — the first time — writes it on the contact's timeline. A recipient that
 * was never sent (skipped, cancelled) or opted out keeps its status. @returns whether this was the first such response
 *
 * @example
 * await recordResponse(w, recipient.id, 'clicked');
 */
export async function recordResponse(w: WriteContext, recipientId: string, kind: ResponseKind): Promise<boolean> {
  const { columns, says } = RESPONSES[kind];
  const column = columns.at(-1)!;
  const sets = columns.map((c) => `${c} = COALESCE(r.${c}, $2)`).join(', ');
  const { rows } = await w.tx.query<Responded>(
    `UPDATE campaign_recipients r SET ${sets},
        status = CASE WHEN array_position($3::text[], r.status) < array_position($3::text[], $4::text) THEN $4 ELSE r.status END
       FROM campaigns c, (SELECT ${column} IS NULL AS first FROM campaign_recipients WHERE id = $1 FOR UPDATE) before
      WHERE r.id = $1 AND r.workspace_id = $5 AND c.id = r.campaign_id AND r.sent_at IS NOT NULL
      RETURNING r.contact_id, c.name AS campaign_name, before.first`,
    [recipientId, w.now.toISOString(), STEPS, kind, w.principal.workspaceId],
  );
  const hit = rows[0];
  if (!hit?.first) return false;
  await logSystemActivity(w, { subject: `${says} the campaign “${hit.campaign_name}”`, contactId: hit.contact_id });
  return true;
}

/**
 * One-click unsubscribe of a recipient (RFC 8058), in the write `w`: the recipient is `optedOut`, and the contact's
 * consent on the campaign's channel is withdrawn at once through the contacts resource (its history: the consent's
 * `updatedAt`, the `contact.updated` event, and a timeline entry). Messages of any campaign not yet handed to the
 * channel are then suppressed by the outbox, which checks consent right before each send.
 */
export async function unsubscribe(w: WriteContext, recipientId: string): Promise<void> {
  const { rows } = await w.tx.query<{ contact_id: string; channel: 'email' | 'sms'; name: string; first: boolean }>(
    `UPDATE campaign_recipients r SET opted_out_at = COALESCE(r.opted_out_at, $2), status = 'optedOut'
       FROM campaigns c, (SELECT opted_out_at IS NULL AS first FROM campaign_recipients WHERE id = $1 FOR UPDATE) before
      WHERE r.id = $1 AND r.workspace_id = $3 AND c.id = r.campaign_id
      RETURNING r.contact_id, c.channel, c.name, before.first`,
    [recipientId, w.now.toISOString(), w.principal.workspaceId],
  );
  const hit = rows[0];
  if (!hit?.first) return;
  const exists = await w.tx.query('SELECT 1 FROM contacts WHERE workspace_id = $1 AND id = $2', [
    w.principal.workspaceId,
    hit.contact_id,
  ]);
  if (exists.rows.length === 0) return;
  await applyUpdate(w, contactResource, hit.contact_id, { consent: { [hit.channel]: false } }, null);
  await logSystemActivity(w, {
    subject: `Unsubscribed from ${hit.channel === 'email' ? 'e-mails' : 'text messages'} (campaign “${hit.name}”)`,
    contactId: hit.contact_id,
  });
}

/** The recipient of the contact's latest campaign message sent within the attribution window (on `channel`). */
async function latestRecipient(w: WriteContext, contactId: string, channel: string | null): Promise<string | null> {
  const since = new Date(w.now.getTime() - ATTRIBUTION_DAYS * 86_400_000).toISOString();
  const { rows } = await w.tx.query<{ id: string }>(
    `SELECT r.id FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
      WHERE r.workspace_id = $1 AND r.contact_id = $2 AND r.sent_at >= $3 AND r.sent_at <= $4
        AND ($5::text IS NULL OR c.channel = $5)
      ORDER BY r.sent_at DESC LIMIT 1`,
    [w.principal.workspaceId, contactId, since, w.now.toISOString(), channel],
  );
  return rows[0]?.id ?? null;
}

/**
 * Responses that arrive as other records, seen in each write's transaction: an inbound e-mail or SMS from a contact is
 * a reply to their latest campaign message on that channel within {@link ATTRIBUTION_DAYS}; a deal of theirs won,
 * or a visit (an activity of the workspace's `lifecycle.visitTypes`), converts their latest campaign message.
 */
export const campaignResponses: WriteObserver = async (w, events) => {
  for (const e of events) {
    if (e.type === 'activity.created') {
      const contactId = e.data.contactId as string | null;
      if (!contactId) continue;
      const type = e.data.type as string;
      if (e.data.direction === 'inbound' && (type === 'email' || type === 'sms')) {
        const id = await latestRecipient(w, contactId, type);
        if (id) await recordResponse(w, id, 'replied');
      } else if ((w.principal.settings.lifecycle.visitTypes as readonly string[]).includes(type)) {
        const id = await latestRecipient(w, contactId, null);
        if (id) await recordResponse(w, id, 'converted');
      }
    } else if (e.resource === 'deals' && e.data.status === 'won' && e.changed?.includes('status')) {
      for (const contactId of (e.data.contactIds as string[] | undefined) ?? []) {
        const id = await latestRecipient(w, contactId, null);
        if (id) await recordResponse(w, id, 'converted');
      }
    }
  }
};

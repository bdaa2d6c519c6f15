import type { CampaignChannel, Consent } from '@crmkit/spec';
import type { WriteContext } from '../../core/context.js';
import { hasConsent, queueMessage } from '../../outbox/outbox.js';
import type { AnyRecord } from '../../resources/engine.js';
import { emailHtml, urlsIn } from '../email-html.js';
import { storeCampaign } from '../lifecycle.js';
import { type LinkSigner, recipientLinks } from '../links.js';
import { UNSUBSCRIBE_LABEL } from '../preview.js';
import { addressOf, type ContactValues, renderFor } from '../template.js';

/** Recipients one dispatch handles before it yields (the queue runs it again at once while more are due). */
const DISPATCH_BATCH = 200;

/** A due recipient and their contact as it is now (null fields: the contact was deleted). */
interface DueRow {
  recipient_id: string;
  contact_id: string;
  first_name: string | null;
  last_name: string | null;
  emails: string[] | null;
  phones: string[] | null;
  title: string | null;
  birthday: string | null;
  lifecycle_stage: string | null;
  tags: string[] | null;
  custom_fields: Record<string, unknown> | null;
  consent: Consent | null;
}

/** Why a recipient gets nothing, judged on the contact as it is when their message is due; null: send. */
function skipReason(row: DueRow, channel: CampaignChannel): 'noAddress' | 'optedOut' | 'noConsent' | null {
  if (row.emails === null) return 'noAddress';
  if (!addressOf({ emails: row.emails, phones: row.phones ?? [] }, channel)) return 'noAddress';
  if (row.consent?.[channel]?.granted === false) return 'optedOut';
  return hasConsent(row.consent, channel) ? null : 'noConsent';
}

/** The contact of a due row, for the renderer. */
const contactOf = (r: DueRow): ContactValues => ({
  id: r.contact_id,
  firstName: r.first_name ?? '',
  lastName: r.last_name ?? '',
  emails: r.emails ?? [],
  phones: r.phones ?? [],
  title: r.title,
  birthday: r.birthday,
  lifecycleStage: r.lifecycle_stage ?? '',
  tags: r.tags ?? [],
  customFields: r.custom_fields ?? {},
});

/** Where tracking links point; without a public URL, messages carry no tracking and no unsubscribe link. */
export interface Tracking {
  publicUrl: string | null;
  signer: LinkSigner;
}

/** The outbox message of one recipient: rendered, and for e-mail with its tracked HTML and RFC 8058 headers. */
async function messageFor(campaign: AnyRecord, row: DueRow, tracking: Tracking, workspaceName: string) {
  const channel = campaign.channel as CampaignChannel;
  const content = { channel, subject: campaign.subject as string | null, template: campaign.template as string };
  const rendered = renderFor(content, contactOf(row), workspaceName);
  if (channel !== 'email') return { subject: null, body: rendered.text, html: null, headers: null };
  const links = tracking.publicUrl
    ? await recipientLinks(tracking.signer, tracking.publicUrl, campaign.id, row.recipient_id)
    : null;
  const targets = new Map<string, string>();
  for (const url of urlsIn(rendered.text)) targets.set(url, links ? await links.click(url) : url);
  const html = emailHtml(rendered.text, {
    link: (url) => targets.get(url) ?? url,
    unsubscribeUrl: links?.unsubscribe ?? null,
    pixelUrl: links?.pixel ?? null,
    unsubscribeLabel: UNSUBSCRIBE_LABEL,
  });
  const headers = links
    ? { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
    : null;
  return { subject: rendered.subject, body: rendered.text, html, headers };
}

/**
 * Marks a sending campaign `sent` once no recipient is pending or queued any more (every message went out, was
 * skipped, or failed).
 */
export async function completeIfDone(w: WriteContext, campaign: AnyRecord): Promise<void> {
  if (campaign.status !== 'sending') return;
  const { rows } = await w.tx.query(
    `SELECT 1 FROM campaign_recipients WHERE campaign_id = $1 AND status IN ('pending', 'queued') LIMIT 1`,
    [campaign.id],
  );
  if (rows.length === 0) await storeCampaign(w, campaign, { status: 'sent', sentAt: w.now.toISOString() });
}

/**
 * Sends a batch of a campaign's due recipients, in the write `w` (the campaign row locked, so a cancel waits for it
 * and then withdraws what it queued): each is judged on their contact as it is now — no address, opted out or no
 * consent on the channel is `skipped` with its reason — and the others get their message queued in the outbox under
 * the key `campaign:<id>:<recipient>` (so deciding twice after a crash still queues one message).
 * @returns when the next recipients are due, or null when none is pending
 */
export async function dispatchDue(w: WriteContext, campaign: AnyRecord, tracking: Tracking): Promise<Date | null> {
  const { rows } = await w.tx.query<DueRow>(
    `SELECT r.id AS recipient_id, r.contact_id, c.first_name, c.last_name, c.emails, c.phones, c.title,
            c.birthday::text AS birthday, c.lifecycle_stage, c.tags, c.custom_fields, c.consent
       FROM campaign_recipients r
       LEFT JOIN contacts c ON c.id = r.contact_id AND c.workspace_id = r.workspace_id
      WHERE r.campaign_id = $1 AND r.status = 'pending' AND r.send_at <= $2
      ORDER BY r.send_at, r.position LIMIT ${DISPATCH_BATCH}`,
    [campaign.id, w.now.toISOString()],
  );
  const channel = campaign.channel as CampaignChannel;
  for (const row of rows) {
    const reason = skipReason(row, channel);
    if (reason) {
      await w.tx.query(`UPDATE campaign_recipients SET status = 'skipped', skip_reason = $2 WHERE id = $1`, [
        row.recipient_id,
        reason,
      ]);
      continue;
    }
    const message = await messageFor(campaign, row, tracking, w.principal.workspaceName);
    const queued = await queueMessage(w, {
      channel,
      contactId: row.contact_id,
      recipient: addressOf(contactOf(row), channel)!,
      ...message,
      dedupeKey: `campaign:${campaign.id}:${row.recipient_id}`,
      source: 'campaign',
      sourceId: campaign.id,
    });
    await w.tx.query(`UPDATE campaign_recipients SET status = 'queued', message_id = $2 WHERE id = $1`, [
      row.recipient_id,
      queued.id,
    ]);
  }
  const { rows: next } = await w.tx.query<{ at: string | null }>(
    `SELECT min(send_at) AS at FROM campaign_recipients WHERE campaign_id = $1 AND status = 'pending'`,
    [campaign.id],
  );
  return next[0]?.at ? new Date(Math.max(new Date(next[0].at).getTime(), w.now.getTime())) : null;
}

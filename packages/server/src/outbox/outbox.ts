import { addDays, instantAt, isValidTimeZone, localDate, wallClock } from '@crmkit/core';
import type { Consent } from '@crmkit/spec';
import type { ChannelName } from '../channels/channel.js';
import type { WriteContext } from '../core/context.js';
import { newId } from '../core/ids.js';
import type { WorkspaceSettings } from '../core/settings.js';
import { enqueue } from '../queue/queue.js';

/**
 * The outbox: every message to a customer is written here in the transaction that decides to send it, then sent by
 * the `outbox.send` queue (see `sender.ts`): a send that fails is retried with backoff, and the unique `dedupeKey`
 * makes deciding twice (a retried step, a replayed request) still one message. Campaigns reuse it.
 */

export const OUTBOX_QUEUE = 'outbox.send';

/** A message to queue. */
export interface NewMessage {
  channel: ChannelName;
  contactId: string | null;
  /** E-mail address or E.164 number. */
  recipient: string;
  subject: string | null;
  body: string;
  /** E-mail: the HTML alternative of `body`. */
  html?: string | null;
  /** E-mail: extra headers (`List-Unsubscribe`, …). */
  headers?: Readonly<Record<string, string>> | null;
  /** One message per key and workspace, e.g. `run:<runId>:<step>` or `campaign:<id>:<contactId>`. */
  dedupeKey: string;
  /** Who sent it: `automation`, `campaign`, … */
  source: string;
  sourceId: string | null;
}

/** Queues a message in the write's transaction. @returns its id, and whether it is new */
export async function queueMessage(w: WriteContext, m: NewMessage): Promise<{ id: string; created: boolean }> {
  const id = newId('msg', w.now.getTime());
  const { rows } = await w.tx.query<{ id: string }>(
    `INSERT INTO outbox_messages (id, workspace_id, channel, contact_id, recipient, subject, body, dedupe_key, source,
                                  source_id, status, created_at, updated_at, html, headers)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'queued',$11,$11,$12,$13)
     ON CONFLICT (workspace_id, dedupe_key) DO NOTHING RETURNING id`,
    [
      id,
      w.principal.workspaceId,
      m.channel,
      m.contactId,
      m.recipient,
      m.subject,
      m.body,
      m.dedupeKey,
      m.source,
      m.sourceId,
      w.now.toISOString(),
      m.html ?? null,
      m.headers ? JSON.stringify(m.headers) : null,
    ],
  );
  if (!rows[0]) {
    const { rows: existing } = await w.tx.query<{ id: string }>(
      'SELECT id FROM outbox_messages WHERE workspace_id = $1 AND dedupe_key = $2',
      [w.principal.workspaceId, m.dedupeKey],
    );
    return { id: existing[0]!.id, created: false };
  }
  await enqueue(w.tx, { queue: OUTBOX_QUEUE, key: id, workspaceId: w.principal.workspaceId, runAt: w.now }, w.now);
  return { id, created: true };
}

/** The consent channel of a message channel. */
export const CONSENT_OF: Record<ChannelName, keyof Consent> = { email: 'email', sms: 'sms' };

/** Whether the contact agreed to messages on `channel`: only an explicit yes counts. */
export function hasConsent(consent: Consent | null | undefined, channel: ChannelName): boolean {
  return consent?.[CONSENT_OF[channel]]?.granted === true;
}

/** The contact's time zone: `customFields.timeZone` when it is a zone this runtime knows, else the workspace's. */
export function contactTimeZone(
  contact: Readonly<Record<string, unknown>> | null,
  settings: WorkspaceSettings,
): string {
  const tz = (contact?.customFields as Record<string, unknown> | undefined)?.timeZone;
  return typeof tz === 'string' && tz.length <= 64 && isValidTimeZone(tz) ? tz : settings.timeZone;
}

/**
 * When the quiet hours that hold `at` end (in `timeZone`), or null outside them. Quiet hours may run over midnight
 * (`21:00`–`08:00`).
 */
export function quietUntil(at: Date, quiet: { start: string; end: string } | null, timeZone: string): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const wall = new Date(wallClock(at.getTime(), timeZone));
  const minutes = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  const start = toMin(quiet.start);
  const end = toMin(quiet.end);
  const overnight = start > end;
  const inside = overnight ? minutes >= start || minutes < end : minutes >= start && minutes < end;
  if (!inside) return null;
  const today = localDate(at.getTime(), timeZone);
  const endDay = overnight && minutes >= start ? addDays(today, 1) : today;
  return new Date(instantAt(endDay, quiet.end, timeZone));
}

import type { CampaignRecipientStatus } from '@crmkit/spec';
import type { RequestContext } from '../core/context.js';
import { eachRecipient, type RecipientRow } from './recipients.js';

/** The columns of the export, in order: a header and the value of each recipient. */
const COLUMNS: [string, (r: RecipientRow) => string | number | null][] = [
  ['contactId', (r) => r.contact_id],
  ['name', (r) => r.name],
  ['address', (r) => r.address],
  ['status', (r) => r.status],
  ['skipReason', (r) => r.skip_reason],
  ['sendAt', (r) => r.send_at],
  ['sentAt', (r) => r.sent_at],
  ['deliveredAt', (r) => r.delivered_at],
  ['bouncedAt', (r) => r.bounced_at],
  ['openedAt', (r) => r.opened_at],
  ['clickedAt', (r) => r.clicked_at],
  ['repliedAt', (r) => r.replied_at],
  ['convertedAt', (r) => r.converted_at],
  ['optedOutAt', (r) => r.opted_out_at],
  ['error', (r) => r.error],
];

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break. A value a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, CR first — a contact named `=HYPERLINK(…)`) gets a leading `'` (OWASP CSV
 * injection). Written by hand: a dozen lines, where a CSV library would add a dependency for one `join`.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A campaign's recipients (of one status, when given) as a CSV stream: a header line, then one line per recipient in
 * the order they were frozen, read from the database a batch at a time.
 *
 * @example
 * return c.body(recipientsCsv(ctx, campaign.id, 'clicked'));
 */
export function recipientsCsv(
  ctx: RequestContext,
  campaignId: string,
  status: CampaignRecipientStatus | undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = eachRecipient(ctx, campaignId, status);
  let header = true;
  return new ReadableStream({
    async pull(controller) {
      if (header) {
        header = false;
        controller.enqueue(encoder.encode(`\uFEFF${COLUMNS.map(([name]) => name).join(',')}\r\n`));
        return;
      }
      const lines: string[] = [];
      for (let i = 0; i < 200; i++) {
        const next = await rows.next();
        if (next.done) break;
        lines.push(COLUMNS.map(([, value]) => csvField(value(next.value))).join(','));
      }
      if (lines.length > 0) controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
      else controller.close();
    },
  });
}

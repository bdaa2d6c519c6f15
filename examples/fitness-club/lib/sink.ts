/**
 * The demo's mail sink (scripts/mail-sink.mjs), read on the server: `MAIL_SINK_URL` is its HTTP API, set by the demo
 * script and the end-to-end test. Without it the club has no sink, and e-mails go wherever the CRM's e-mail channel
 * sends them.
 */
export const mailSinkUrl = (): string | null => process.env.MAIL_SINK_URL?.replace(/\/+$/, '') || null;

/** A tracking URL the sink loaded, and what the CRM answered. */
export interface Fetched {
  url: string;
  status: number | null;
  location?: string | null;
  error?: string;
}

/** One e-mail the sink received, parsed (its HTML is never shown: only its text, images and links). */
export interface SinkMessage {
  id: string;
  receivedAt: string;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  hasHtml: boolean;
  listUnsubscribe: string | null;
  images: string[];
  links: { href: string; text: string }[];
  opens: Fetched[];
  clicks: Fetched[];
}

/** The messages the sink received, newest first (an empty list when there is no sink). */
export async function sinkMessages(): Promise<SinkMessage[]> {
  const url = mailSinkUrl();
  if (!url) return [];
  const res = await fetch(`${url}/messages`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`The mail sink answered ${res.status}.`);
  return ((await res.json()) as { messages: SinkMessage[] }).messages;
}

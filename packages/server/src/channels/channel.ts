/**
 * The channel adapter interface: how a message reaches a customer. The outbox (`../outbox/`) calls an adapter once per
 * attempt, after checking consent and quiet hours; campaigns and automation both send through it.
 *
 * @example
 * const sms = httpSmsChannel({ url: 'https://sms.example.com/send', token: process.env.SMS_TOKEN });
 * await createCrmServer({ db, channels: [smtpEmailChannel({ host, port: 587, from: 'club@example.com' }), sms] });
 */

/** The channels a message can go through. */
export type ChannelName = 'email' | 'sms';

/** One message to one recipient. */
export interface OutboundMessage {
  /** The outbox message id: the same on every attempt, so a provider can drop a duplicate (idempotency key). */
  id: string;
  workspaceId: string;
  channel: ChannelName;
  /** An e-mail address or an E.164 phone number. */
  to: string;
  subject: string | null;
  /** Plain text. */
  text: string;
  /** E-mail only: the HTML alternative (built escaped by the sender, e.g. a campaign's). */
  html?: string | null;
  /** E-mail only: extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Readonly<Record<string, string>> | null;
}

/** Sends messages of one channel. Throw to have the outbox retry; throw a {@link PermanentSendError} to give up. */
export interface ChannelAdapter {
  readonly channel: ChannelName;
  send(message: OutboundMessage): Promise<{ providerId: string | null }>;
}

/** A failure that retrying cannot fix (a rejected address, a refused message). */
export class PermanentSendError extends Error {
  override readonly name = 'PermanentSendError';
}

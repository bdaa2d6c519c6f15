import nodemailer from 'nodemailer';
import { type ChannelAdapter, PermanentSendError } from './channel.js';

/** Options of {@link smtpEmailChannel}. */
export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The sender, e.g. `"Lotus Fitness" <hello@lotus.vn>`. */
  from: string;
  /** Accept self-signed certificates (a local relay). */
  allowInvalidCertificates?: boolean;
}

/**
 * E-mail over SMTP with nodemailer (Node only: import it from `@crmkit/server/node`). The outbox id is the
 * `Message-ID`, so a resend after a crash is recognisable as the same message. A 5xx SMTP reply is permanent.
 */
export function smtpEmailChannel(options: SmtpOptions): ChannelAdapter & { close(): void } {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.allowInvalidCertificates ? { tls: { rejectUnauthorized: false } } : {}),
  });
  return {
    channel: 'email',
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.headers ? { headers: { ...message.headers } } : {}),
          messageId: `<${message.id}@crmkit>`,
        });
        return { providerId: String(info.messageId ?? '').slice(0, 200) || null };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (typeof code === 'number' && code >= 500) throw new PermanentSendError((error as Error).message);
        throw error;
      }
    },
    close: () => transport.close(),
  };
}

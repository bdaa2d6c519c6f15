import { type ChannelAdapter, PermanentSendError } from './channel.js';

/** Options of {@link httpSmsChannel}. */
export interface HttpSmsOptions {
  /** The provider's send endpoint: it gets `POST { to, from, text }` as JSON. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** The sender id or number. */
  from?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Give up on an attempt after this many ms. Default 10 s. */
  timeoutMs?: number;
}

/**
 * SMS through a generic HTTP provider: one JSON `POST` per message with the outbox id as `Idempotency-Key`. A 2xx
 * answer is sent (its JSON `id`, if any, is kept as the provider's id); 4xx other than 408/429 is permanent; anything
 * else is retried by the outbox.
 */
export function httpSmsChannel(options: HttpSmsOptions): ChannelAdapter {
  const send = options.fetch ?? fetch;
  return {
    channel: 'sms',
    async send(message) {
      const res = await send(options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': message.id,
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ to: message.to, from: options.from ?? null, text: message.text }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const text = await res.text();
      if (!res.ok) {
        const error = `SMS provider answered ${res.status}: ${text.slice(0, 200)}`;
        if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
          throw new PermanentSendError(error);
        }
        throw new Error(error);
      }
      let id: unknown = null;
      try {
        id = (JSON.parse(text) as { id?: unknown }).id;
      } catch {}
      return { providerId: typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : null };
    },
  };
}

import { backoff, sleep } from './abort.js';
import { CrmError, InvalidResponseError, NetworkError } from './errors.js';
import { readSse } from './sse.js';
import { conform, RETRY_STATUSES, SSE } from './transport.js';
import type { Schemas } from './types.js';

/** One committed change from the change feed. */
export type CrmEvent = Schemas['CrmEvent'];
/** A change-feed event type (`contact.updated`, `deal.moved`, ...). */
export type EventType = CrmEvent['type'];

/** Options of `client.events.subscribe`. */
export interface SubscribeOptions {
  /** Only these event types; `<prefix>.*` matches a family (`ticket.*`). Default: every event. */
  types?: readonly (EventType | `${string}.*`)[];
  /** Unsubscribes when aborted (as calling the returned function does). */
  signal?: AbortSignal;
  /** Resume after this event id (e.g. one persisted before a reload); default: only events from now on. */
  lastEventId?: string;
  /** Called whenever the feed is connected (again): a good moment to refetch what may have been missed before. */
  onOpen?: () => void;
  /**
   * Called with every failure: a `CrmError` when the stream fails (it then reconnects, except after an error response
   * such as 401, 403 or 404, which ends the subscription), or whatever the handler threw (delivery goes on).
   */
  onError?: (error: unknown) => void;
  /** Reconnect backoff: from `minDelay` (default 1 s), doubling with jitter up to `maxDelay` (default 30 s). */
  reconnect?: { minDelay?: number; maxDelay?: number };
  /** Reconnect when nothing (not even a heartbeat) arrived for this long; default 45 s (the server beats every 15 s); 0: never. */
  idleTimeout?: number;
}

/** Sends a request through the client's pipeline (auth, retries, typed errors). */
export type Send = (request: Request) => Promise<Response>;

/**
 * Follows the change feed over fetch-based SSE (so the `Authorization` header works) until `signal` aborts: reconnects
 * with backoff, resumes with `Last-Event-ID`, and never delivers an id twice or out of order (ids at or below the last
 * delivered one are dropped). Events are handed to `handler` one at a time; an async handler is awaited.
 */
export async function follow(
  send: Send,
  baseUrl: string,
  validate: boolean,
  handler: (event: CrmEvent) => void | Promise<void>,
  options: SubscribeOptions,
  signal: AbortSignal,
): Promise<void> {
  const {
    types,
    onOpen,
    onError,
    idleTimeout = 45_000,
    reconnect: { minDelay = 1000, maxDelay = 30_000 } = {},
  } = options;
  const url = `${baseUrl}/v1/events${types ? `?types=${encodeURIComponent(types.join())}` : ''}`;
  let last = options.lastEventId;

  for (let failures = 0; !signal.aborted; await sleep(backoff(failures, minDelay, maxDelay), signal).catch(() => {})) {
    const connection = new AbortController();
    const connected = AbortSignal.any([signal, connection.signal]);
    let idle: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(idle);
      if (idleTimeout) {
        idle = setTimeout(
          () => connection.abort(new NetworkError(`Event stream idle for ${idleTimeout} ms`)),
          idleTimeout,
        );
      }
    };
    try {
      alive();
      const headers: Record<string, string> = { accept: SSE };
      if (last) headers['last-event-id'] = last;
      const res = await send(new Request(url, { headers, signal: connected }));
      if (!res.headers.get('content-type')?.includes(SSE)) {
        throw new InvalidResponseError(`Not an event stream: ${url}`);
      }
      failures = 0;
      onOpen?.();
      for await (const message of readSse(res.body!, connected, alive)) {
        let event: CrmEvent | undefined;
        try {
          const parsed: CrmEvent = JSON.parse(message.data);
          if (validate) await conform(baseUrl, 'GET', url, 200, parsed);
          event = parsed;
        } catch (cause) {
          // A broken event is reported and skipped: reading it again would not mend it.
          onError?.(
            cause instanceof CrmError
              ? cause
              : new InvalidResponseError(`Malformed event ${message.id}: ${cause}`, { cause }),
          );
        }
        const id = message.id ?? event?.id;
        if (id && last && +id <= +last) continue;
        last = id ?? last;
        try {
          if (event) await handler(event);
        } catch (error) {
          onError?.(error);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      const e = error instanceof CrmError ? error : new NetworkError(`Event stream: ${error}`, { cause: error });
      onError?.(e);
      if (e.status && e.status < 500 && !RETRY_STATUSES.includes(e.status)) return;
      failures++;
    } finally {
      clearTimeout(idle);
    }
  }
}

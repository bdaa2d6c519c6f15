import { backoff, sleep } from './abort.js';
import { CrmError, InvalidResponseError, NetworkError } from './errors.js';
import { readSse } from './sse.js';
import { RETRY_STATUSES, type Send, SSE } from './transport.js';
import type { Schemas } from './types.js';
import type { ContractCheck } from './validation.js';

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
  /**
   * Resume from this position (one saved from `position` or `onPosition`, e.g. before a reload): every event after it
   * is delivered. Default: the feed's position when it first connects, so only events from then on.
   */
  since?: string;
  /**
   * Called whenever the position advances: after each event was handled, and when the server states it — on connect,
   * and on heartbeats also past events a `types` filter skipped. Save it to resume later with `since`.
   */
  onPosition?: (position: string) => void;
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

/**
 * A subscription to the change feed: call it to unsubscribe. `position` is how far the feed has come.
 *
 * @example
 * const subscription = crm.events.subscribe(apply, { since: localStorage.getItem('feed') ?? undefined });
 * addEventListener('pagehide', () => {
 *   if (subscription.position) localStorage.setItem('feed', subscription.position);
 *   subscription();
 * });
 */
export interface Subscription {
  (): void;
  /**
   * The feed's position: every event up to it has been handled (or skipped by `types`). Undefined until the first
   * connection stated it (unless `since` was given). Pass it as `since` to resume exactly there.
   */
  readonly position: string | undefined;
}

/**
 * Follows the change feed over fetch-based SSE (so the `Authorization` header works) until `signal` aborts: reconnects
 * with backoff and resumes with `Last-Event-ID` from the latest position — the last event handled, or the position the
 * server stated (on connect, on heartbeats), so a connection that drops before its first event loses nothing. Never
 * delivers an id twice or out of order (ids at or below the position are dropped). Events are handed to `handler` one
 * at a time; an async handler is awaited. `at.position` (from `since`) follows every advance, as `onPosition` does.
 */
export async function follow(
  send: Send,
  baseUrl: string,
  validator: (() => Promise<ContractCheck>) | undefined,
  handler: (event: CrmEvent) => void | Promise<void>,
  options: SubscribeOptions,
  signal: AbortSignal,
  at: { position: string | undefined },
): Promise<void> {
  const {
    types,
    onPosition,
    onOpen,
    onError,
    idleTimeout = 45_000,
    reconnect: { minDelay = 1000, maxDelay = 30_000 } = {},
  } = options;
  const url = `${baseUrl}/v1/events${types ? `?types=${encodeURIComponent(types.join())}` : ''}`;
  let check: ContractCheck | undefined;
  try {
    check = await validator?.();
  } catch (error) {
    return onError?.(error);
  }

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
      if (at.position) headers['last-event-id'] = at.position;
      const res = await send({ method: 'GET', url, headers, signal: connected });
      if (!res.headers.get('content-type')?.includes(SSE)) {
        throw new InvalidResponseError(`Not an event stream: ${url}`, { status: res.status, body: await res.text() });
      }
      failures = 0;
      onOpen?.();
      for await (const message of readSse(res.body!, connected, alive)) {
        let event: CrmEvent | undefined;
        // A block without data only states the stream's position: every event up to it was sent or filtered out.
        if (message.data !== undefined) {
          try {
            const parsed: CrmEvent = JSON.parse(message.data);
            check?.('GET', url, parsed, { status: 200 });
            event = parsed;
          } catch (cause) {
            // A broken event is reported and skipped: reading it again would not mend it.
            onError?.(
              cause instanceof CrmError
                ? cause
                : new InvalidResponseError(`Malformed event ${message.id}: ${cause}`, { cause, body: message.data }),
            );
          }
        }
        const id = message.id ?? event?.id;
        if (id && at.position && +id <= +at.position) continue;
        try {
          if (event) await handler(event);
        } catch (error) {
          onError?.(error);
        }
        if (id) {
          at.position = id;
          onPosition?.(id);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      const e = error instanceof CrmError ? error : new NetworkError(`Event stream: ${error}`, { cause: error });
      onError?.(e);
      // An error response that retrying will not mend (401, 403, 404) ends the subscription.
      if (e.status >= 400 && e.status < 500 && !RETRY_STATUSES.includes(e.status)) return;
      failures++;
    } finally {
      clearTimeout(idle);
    }
  }
}

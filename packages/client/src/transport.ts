import { abortable, backoff, sleep } from './abort.js';
import { type CrmAuth, tokenSource } from './auth.js';
import { CrmError, errorFromResponse, InvalidResponseError, NetworkError, TimeoutError } from './errors.js';
import type { CreateOptions, WriteOptions } from './types.js';
import type { ContractCheck } from './validation.js';

/** A `fetch` the client can use: the global one, a runtime's, or an in-process server handler. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * When requests are retried. Only requests that are safe to repeat are: GET, PUT, DELETE, PATCH with `If-Match`, searches
 * (reads), and the other POSTs, which always carry an `Idempotency-Key` (so the server replays a request it already
 * committed). They are
 * retried on network failures, 408, 429, 500, 502, 503 and 504, after `Retry-After` when the server sends one, else
 * after an exponential backoff with jitter. `false` turns retries off.
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** Backoff before the first retry, doubled for each next one (default 300 ms). */
  minDelay?: number;
  /** Longest backoff (default 10 s); a `Retry-After` longer than this is not waited for: the error is thrown. */
  maxDelay?: number;
}

/** Options of {@link createTransport}: the client's, with `validate` loaded by `validator`. */
export interface TransportOptions {
  auth?: CrmAuth;
  fetch?: FetchLike;
  retry?: RetryOptions | false;
  /** Default timeout of a call, retries included, in ms (default 30 s; 0: none). */
  timeout?: number;
  /** Loads the contract check of every response (`validate`); none when undefined. */
  validator?: () => Promise<ContractCheck>;
  onError?: (error: CrmError) => void;
}

/** A request as the pipeline sends it: the URL and body built, with the per-call options of a method. */
export interface Outgoing
  extends Pick<WriteOptions & CreateOptions, 'signal' | 'timeout' | 'ifVersion' | 'idempotencyKey'> {
  method: string;
  url: string;
  headers?: HeadersInit;
  /** The body, serialised. */
  body?: string;
}

/** Sends a request through the client's pipeline (auth, retries, typed errors). */
export type Send = (request: Outgoing) => Promise<Response>;

/** The media type of event streams, which are handed on unread. */
export const SSE = 'text/event-stream';
/** The media type of exports (a campaign's recipients), handed on unread like event streams. */
const CSV = 'text/csv';

/** Statuses worth a retry (of a request that is safe to repeat). */
export const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/** A random UUID (every runtime has `crypto.randomUUID`; browsers in secure contexts: HTTPS or localhost). */
const newKey = (): string => crypto.randomUUID();

/**
 * Whether a PATCH `patch` is in `stored`: every field equal, objects (`customFields`) compared key by key as the
 * server merges them, `null` where the field was cleared. A value the server stores otherwise than it was sent (a
 * normalised phone number, consent stamped with its time) does not match.
 */
const applied = (patch: unknown, stored: unknown): boolean =>
  patch && typeof patch === 'object' && !Array.isArray(patch)
    ? Object.entries(patch).every(([k, v]) => applied(v, (stored as Record<string, unknown> | undefined)?.[k]))
    : JSON.stringify(patch) === JSON.stringify(stored ?? null);

/**
 * The client's fetch pipeline: adds the bearer token, and an `Idempotency-Key` to every POST
 * that writes and every PATCH with `If-Match`; applies the timeout and the caller's `AbortSignal` to every attempt and
 * backoff, retries what is safe to retry, refreshes an embed token once on 401, and turns every failure into a
 * {@link CrmError} (with the status and the start of the body of any response that arrived). A successful JSON
 * response is read and parsed here (malformed JSON is an {@link InvalidResponseError}; with `validate`, so is a body
 * that breaks the contract) and handed on as a fresh `Response`; an event stream is handed on unread.
 *
 * A retried PATCH whose earlier attempt committed but whose answer was lost is recognised: a server that honours its
 * `Idempotency-Key` replays the first answer; on one that does not, a 412 whose `current` is version `ifVersion + 1`
 * with the patch applied is taken for the caller's own write and resolves with it.
 */
export function createTransport(o: TransportOptions): Send {
  const { retries = 2, minDelay = 300, maxDelay = 10_000 } = o.retry === false ? { retries: 0 } : (o.retry ?? {});
  const { auth = {}, fetch: fetchImpl = (input, init) => fetch(input, init), timeout: defaultTimeout = 30_000 } = o;
  const token = tokenSource(auth);
  return async (request) => {
    const check = await o.validator?.();
    const { method, url, ifVersion, idempotencyKey = newKey(), body } = request;
    const headers = new Headers(request.headers);
    if (ifVersion) headers.set('if-match', `"${ifVersion}"`);
    // A search only reads and a presence heartbeat sets a state: sent without an `Idempotency-Key` (so the server
    // stores nothing), and retried.
    const read = method === 'POST' && /\/(search|presence)$/.test(url);
    if ((method === 'POST' && !read) || (method === 'PATCH' && headers.has('if-match'))) {
      if (!headers.has('idempotency-key')) headers.set('idempotency-key', idempotencyKey);
    }
    const safe = read || /^(GET|PUT|DELETE)$/.test(method) || headers.has('if-match') || headers.has('idempotency-key');
    const timeout = request.timeout ?? defaultTimeout;
    const timer = new AbortController();
    /** The status of a response whose body is still being read. */
    let arrived: number | undefined;
    const timeoutId =
      timeout > 0
        ? setTimeout(
            () => timer.abort(new TimeoutError(`No complete response within ${timeout} ms`, { status: arrived })),
            timeout,
          )
        : undefined;
    const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
    let bearer: string | undefined;
    let stale: string | undefined;
    try {
      for (let attempt = 0; ; attempt++) {
        let error: CrmError;
        let retry: boolean;
        try {
          bearer = await abortable(token(stale), signal);
          if (bearer) headers.set('authorization', `Bearer ${bearer}`);
          const res = await abortable(
            fetchImpl(url, { method, headers, body, signal, credentials: auth.credentials }),
            signal,
          );
          const type = res.headers.get('content-type') ?? '';
          if (res.ok && (type.includes(SSE) || type.startsWith(CSV))) return res;
          arrived = res.status;
          const text = await abortable(res.text(), signal);
          arrived = undefined;
          const details = { requestId: res.headers.get('x-request-id'), status: res.status, body: text };
          if (res.ok) {
            if (text) {
              let data: unknown;
              try {
                data = JSON.parse(text);
              } catch (cause) {
                throw new InvalidResponseError(`${method} ${url}: malformed JSON: ${cause}`, { cause, ...details });
              }
              check?.(method, url, data, details);
            }
            return new Response(text || null, res);
          }
          // A DELETE retried after an attempt whose answer was lost finds the record gone: that is what was asked.
          if (res.status === 404 && method === 'DELETE' && attempt) return new Response(null, { status: 204 });
          error = errorFromResponse(res, text);
          const current = error.problem.current;
          if (res.status === 412 && attempt && method === 'PATCH' && current?.version === ifVersion! + 1) {
            if (applied(JSON.parse(body!), current)) return new Response(JSON.stringify(current));
          }
          if (res.status === 401 && auth.getToken && !stale) {
            stale = bearer;
            attempt--;
            continue;
          }
          retry = RETRY_STATUSES.includes(res.status) && (safe || res.status === 429);
        } catch (cause) {
          if (signal.aborted) throw signal.reason;
          if (cause instanceof CrmError) throw cause;
          error = new NetworkError(`${method} ${url}: ${cause}`, { cause, status: arrived });
          arrived = undefined;
          retry = safe;
        }
        const delay = error.retryAfter === undefined ? backoff(attempt, minDelay, maxDelay) : error.retryAfter * 1000;
        if (!retry || attempt >= retries || delay > maxDelay) throw error;
        await sleep(delay, signal);
      }
    } catch (error) {
      if (error instanceof CrmError) o.onError?.(error);
      throw error;
    } finally {
      clearTimeout(timeoutId);
    }
  };
}

import type { FetchLike } from '../src/index.js';

/** One request as the (faulty) network saw it. */
export interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/**
 * What a fault does with a request: `undefined` passes it on untouched; otherwise it returns the response to give the
 * client (it may call `pass()` first, so the server really handles — and commits — the request), or throws.
 */
export type Fault = (
  seen: Seen,
  pass: () => Promise<Response>,
  call: number,
) => Promise<Response | undefined> | undefined;

/** A fetch over `inner` that records every request and lets `fault` tamper with it. */
export function faulty(inner: FetchLike, fault: Fault) {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (input, init) => {
    const headers = new Headers(init.headers);
    const entry: Seen = {
      method: init.method ?? 'GET',
      url: input,
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    seen.push(entry);
    const pass = () => inner(input, init);
    return (await fault(entry, pass, seen.length)) ?? pass();
  };
  return { fetch, seen };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

export const problem = (status: number, headers: Record<string, string> = {}) =>
  json(status, { type: 'https://crmkit.dev/problems/test', title: `Injected ${status}`, status }, headers);

/** A fetch that never answers (and ignores its signal, like a stuck connection). */
export const hang = (): Promise<Response> => new Promise(() => {});

/** A network failure as `fetch` reports it. */
export const networkError = (): never => {
  throw new TypeError('fetch failed');
};

/** `response` with its body cut after `bytes` bytes, ending in a connection error (as a reset mid-body does). */
export function truncate(response: Response, bytes: number): Response {
  const reader = response.body!.getReader();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      const room = bytes - sent;
      if (value.length >= room) {
        if (room > 0) controller.enqueue(value.slice(0, room));
        await reader.cancel();
        controller.error(new TypeError('terminated: other side closed'));
        return;
      }
      sent += value.length;
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** `response` with a body that fails, as a reset connection does, when `cut()` is called. */
export function cuttable(response: Response): { response: Response; cut: () => void } {
  const reader = response.body!.getReader();
  let stream!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => {
      stream = controller;
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      try {
        if (done) controller.close();
        else controller.enqueue(value);
      } catch {
        // Cut meanwhile.
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const cut = () => {
    stream.error(new TypeError('terminated: connection reset'));
    reader.cancel().catch(() => {});
  };
  return { response: new Response(body, { status: response.status, headers: response.headers }), cut };
}

/** A response whose body is an event stream of `chunks`, then silence (never closes) unless `close`. */
export function sseResponse(chunks: string[], close = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      if (close) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

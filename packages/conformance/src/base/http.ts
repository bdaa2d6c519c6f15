import type { FetchLike, RequestSummary, ResponseSummary } from './types.js';

/** What to send. */
export interface RequestSpec {
  method: string;
  /** Path and query, e.g. `/v1/contacts?limit=2`. */
  path: string;
  /** A JSON body (serialised with `application/json`). */
  json?: unknown;
  /** A raw body, sent as is (set `content-type` in `headers`). */
  raw?: string;
  headers?: Record<string, string>;
  /** Bearer token; `null` sends no Authorization header; default: the client's token. */
  token?: string | null;
  /** Don't wait and retry on 429 (the rate-limit check wants to see it). */
  noRetry?: boolean;
}

/** A request and its response, decoded. */
export interface Exchange {
  request: RequestSpec & { url: string };
  status: number;
  headers: Headers;
  contentType: string | null;
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body: unknown;
  durationMs: number;
}

const EXCERPT = 400;

/** Shortens text for a report. */
export function excerpt(text: string | undefined, max = EXCERPT): string | undefined {
  if (text === undefined || text === '') return undefined;
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** The request of an exchange, as a report shows it. */
export function summarizeRequest(spec: RequestSpec): RequestSummary {
  const headers = Object.fromEntries(
    Object.entries(spec.headers ?? {}).filter(([k]) => !/^(authorization|content-type|accept)$/i.test(k)),
  );
  const body = spec.raw !== undefined ? spec.raw : spec.json !== undefined ? JSON.stringify(spec.json) : undefined;
  return {
    method: spec.method.toUpperCase(),
    path: spec.path,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(body !== undefined ? { body: excerpt(body)! } : {}),
  };
}

/** The response of an exchange, as a report shows it. */
export function summarizeResponse(ex: Exchange): ResponseSummary {
  const body = excerpt(ex.text);
  return { status: ex.status, contentType: ex.contentType, ...(body !== undefined ? { body } : {}) };
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A small HTTP client for the server under test: bearer auth, JSON, and every exchange passed to `observe`. */
export class Api {
  /** Called with every completed exchange (used to validate responses against the contract). */
  observe: ((ex: Exchange) => void) | null = null;

  constructor(
    readonly baseUrl: string,
    readonly token: string,
    private readonly fetchImpl: FetchLike,
    private readonly timeoutMs = 15_000,
  ) {}

  /** The absolute URL of a contract path. */
  url(path: string): string {
    return this.baseUrl.replace(/\/+$/, '') + path;
  }

  /** Builds the `Request` of a spec. */
  build(spec: RequestSpec, signal?: AbortSignal): Request {
    const headers = new Headers({ accept: 'application/json, application/problem+json' });
    const token = spec.token === undefined ? this.token : spec.token;
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    let body: string | undefined;
    if (spec.json !== undefined) {
      body = JSON.stringify(spec.json);
      headers.set('content-type', 'application/json');
    } else if (spec.raw !== undefined) {
      body = spec.raw;
    }
    for (const [k, v] of Object.entries(spec.headers ?? {})) headers.set(k, v);
    return new Request(this.url(spec.path), {
      method: spec.method.toUpperCase(),
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(signal ? { signal } : {}),
    });
  }

  /**
   * Sends a request and reads the whole response. On 429 it waits `Retry-After` (up to a minute, the usual
   * window) and retries, three times at most, so a rate-limited server is checked, not failed, for its limit.
   */
  async send(spec: RequestSpec): Promise<Exchange> {
    for (let attempt = 0; ; attempt++) {
      const ex = await this.once(spec);
      if (ex.status !== 429 || spec.noRetry || attempt >= 3) {
        this.observe?.(ex);
        return ex;
      }
      const wait = Number(ex.headers.get('retry-after'));
      await sleep(Number.isFinite(wait) && wait > 0 ? Math.min(wait, 65) * 1000 : 1000);
    }
  }

  private async once(spec: RequestSpec): Promise<Exchange> {
    const started = Date.now();
    const request = this.build(spec, AbortSignal.timeout(this.timeoutMs));
    const res = await this.fetchImpl(request);
    const text = await res.text();
    const contentType = res.headers.get('content-type');
    let body: unknown;
    if (text !== '' && (contentType === null || /json/i.test(contentType))) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    return {
      request: { ...spec, url: request.url },
      status: res.status,
      headers: res.headers,
      contentType,
      text,
      body,
      durationMs: Date.now() - started,
    };
  }

  /** Opens a streaming request (for Server-Sent Events); the caller reads and cancels the body. */
  async stream(spec: RequestSpec, signal: AbortSignal): Promise<Response> {
    return this.fetchImpl(this.build(spec, signal));
  }

  get = (path: string, extra: Omit<RequestSpec, 'method' | 'path'> = {}) =>
    this.send({ method: 'GET', path, ...extra });
  post = (path: string, json?: unknown, extra: Omit<RequestSpec, 'method' | 'path' | 'json'> = {}) =>
    this.send({ method: 'POST', path, ...(json !== undefined ? { json } : {}), ...extra });
  patch = (path: string, json: unknown, extra: Omit<RequestSpec, 'method' | 'path' | 'json'> = {}) =>
    this.send({ method: 'PATCH', path, json, ...extra });
  delete = (path: string, extra: Omit<RequestSpec, 'method' | 'path'> = {}) =>
    this.send({ method: 'DELETE', path, ...extra });
}

/** Builds a query string from pairs (repeated keys allowed), with a leading `?` when not empty. */
export function query(pairs: Record<string, string | number | boolean | undefined> | [string, string][]): string {
  const entries = Array.isArray(pairs)
    ? pairs
    : Object.entries(pairs).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]]));
  const s = new URLSearchParams(entries).toString();
  return s ? `?${s}` : '';
}

import type { Api, Exchange, RequestSpec } from './http.js';

/** One Server-Sent Event. */
export interface SseEvent {
  id: string | null;
  event: string | null;
  data: string;
}

/** An open `GET /v1/events` stream. */
export interface EventStream {
  status: number;
  contentType: string | null;
  /** The request and its response so far, for reports. */
  exchange(text?: string): Exchange;
  /** Resolves true once the server has sent anything (the feed is live), false after `timeoutMs`. */
  opened(timeoutMs: number): Promise<boolean>;
  /**
   * The stream's position: the last `id:` it sent, in an event or in a block without data (which only states the
   * position); null while it has sent none.
   */
  position(): string | null;
  /** Resolves true once the position satisfies `reached` (reading on meanwhile), false after `timeoutMs`. */
  positionReached(timeoutMs: number, reached: (position: string) => boolean): Promise<boolean>;
  /** The next event, or null when none arrives within `timeoutMs` or the stream ended. */
  next(timeoutMs: number): Promise<SseEvent | null>;
  /** Every event that arrives within `ms`. */
  drain(ms: number): Promise<SseEvent[]>;
  close(): Promise<void>;
}

/** Parses one SSE block (lines up to a blank line): its event (null without `data:`) and its `id:`, if any. */
function parseBlock(block: string): { event: SseEvent | null; id: string | null } {
  let id: string | null = null;
  let event: string | null = null;
  const data: string[] = [];
  let any = false;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') {
      data.push(value);
      any = true;
    }
  }
  return { event: any ? { id, event, data: data.join('\n') } : null, id };
}

/**
 * Opens the change feed. `lastEventId` resumes after that id. The stream is read lazily; close it when done.
 */
export async function openEventStream(
  api: Api,
  opts: { lastEventId?: string; query?: string; token?: string },
): Promise<EventStream> {
  const controller = new AbortController();
  const spec: RequestSpec = {
    method: 'GET',
    path: `/v1/events${opts.query ?? ''}`,
    headers: { accept: 'text/event-stream', ...(opts.lastEventId ? { 'last-event-id': opts.lastEventId } : {}) },
    ...(opts.token ? { token: opts.token } : {}),
  };
  const res = await api.stream(spec, controller.signal);
  const contentType = res.headers.get('content-type');
  const exchange = (text = ''): Exchange => ({
    request: { ...spec, url: api.url(spec.path) },
    status: res.status,
    headers: res.headers,
    contentType,
    text,
    body: undefined,
    durationMs: 0,
  });
  if (res.status !== 200 || !res.body) {
    const text = await res.text().catch(() => '');
    return {
      status: res.status,
      contentType,
      exchange: () => exchange(text),
      opened: async () => false,
      position: () => null,
      positionReached: async () => false,
      next: async () => null,
      drain: async () => [],
      close: async () => {},
    };
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const queue: SseEvent[] = [];
  let buffer = '';
  let ended = false;
  let gotBytes = false;
  let position: string | null = null;
  let pending: Promise<void> | null = null;

  const pump = (): Promise<void> => {
    pending ??= reader
      .read()
      .then(({ done, value }) => {
        if (done) {
          ended = true;
          return;
        }
        gotBytes = true;
        buffer += decoder.decode(value, { stream: true }).replaceAll('\r\n', '\n');
        let cut = buffer.indexOf('\n\n');
        while (cut !== -1) {
          const { event, id } = parseBlock(buffer.slice(0, cut));
          if (event) queue.push(event);
          if (id !== null) position = id;
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
        }
      })
      .catch(() => {
        ended = true;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
  const within = async (timeoutMs: number, ready: () => boolean): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    while (!ready() && !ended) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([pump(), new Promise<void>((r) => (timer = setTimeout(r, left)))]);
      clearTimeout(timer);
    }
    return ready();
  };
  return {
    status: res.status,
    contentType,
    exchange,
    opened: (timeoutMs) => within(timeoutMs, () => gotBytes),
    position: () => position,
    positionReached: (timeoutMs, reached) => within(timeoutMs, () => position !== null && reached(position)),
    async next(timeoutMs) {
      await within(timeoutMs, () => queue.length > 0);
      return queue.shift() ?? null;
    },
    async drain(ms) {
      await within(ms, () => false);
      return queue.splice(0);
    },
    async close() {
      controller.abort();
      await reader.cancel().catch(() => {});
    },
  };
}

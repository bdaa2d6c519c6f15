import { request } from 'node:http';

/** One change-feed connection of a benchmark, as light as it can be: it only finds each event's marker. */
export interface FeedConnection {
  /** Resolves once the response headers arrived (the feed is open). */
  open: Promise<void>;
  /** Events received. */
  received(): number;
  close(): void;
}

/**
 * Opens `GET /v1/events` on `origin` with a plain `node:http` request and calls `onEvent(marker, at)` for each event
 * whose data holds `"lastName":"<marker>"` (the benchmarks' writes set it), `at` being `performance.now()` when the
 * chunk holding the event's end arrived, and `title` the event's `"title"` (the writes put their send time there).
 * Parsing stops at those fields: with hundreds of connections in one process, the load generator must cost less than
 * the server it measures.
 */
export function openFeed(
  origin: string,
  key: string,
  onEvent: (marker: string, at: number, title: string) => void,
): FeedConnection {
  let count = 0;
  let rest = '';
  const req = request(`${origin}/v1/events`, {
    agent: false,
    headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
  });
  const open = new Promise<void>((resolve, reject) => {
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`feed: ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        const text = rest + chunk;
        const end = text.lastIndexOf('\n\n');
        if (end < 0) {
          rest = text;
          return;
        }
        rest = text.slice(end + 2);
        for (const block of text.slice(0, end).split('\n\n')) {
          const m = block.indexOf('"lastName":"');
          if (m < 0) continue;
          const t = block.indexOf('"title":"');
          count++;
          onEvent(
            block.slice(m + 12, block.indexOf('"', m + 12)),
            at,
            t < 0 ? '' : block.slice(t + 9, block.indexOf('"', t + 9)),
          );
        }
      });
      resolve();
    });
    req.on('error', reject);
  });
  req.end();
  return { open, received: () => count, close: () => req.destroy() };
}

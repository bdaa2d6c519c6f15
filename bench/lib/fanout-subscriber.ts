/**
 * A child process of the fan-out benchmark: opens `count` change-feed connections and measures, for each event of the
 * run (`tag` prefix of the writes' last names), how long after its write was sent (the wall-clock time the writer put
 * in the contact's title) it arrived. Several such processes keep the subscribers from starving the writer.
 *
 * Messages: in `{ origin, key, count, tag }` → out `{ ready }`, then `{ progress }` (events so far) every 500 ms; in
 * `{ stop }` → out `{ received, latencies }`.
 */
import { type FeedConnection, openFeed } from './sse.js';

const now = () => performance.timeOrigin + performance.now();

process.once('message', async (start: { origin: string; key: string; count: number; tag: string }) => {
  const latencies: number[] = [];
  const feeds: FeedConnection[] = [];
  for (let i = 0; i < start.count; i += 50) {
    const batch = Array.from({ length: Math.min(50, start.count - i) }, () =>
      openFeed(start.origin, start.key, (marker, at, title) => {
        if (marker.startsWith(start.tag)) latencies.push(performance.timeOrigin + at - Number(title));
      }),
    );
    await Promise.all(batch.map((f) => f.open));
    feeds.push(...batch);
  }
  process.send!({ ready: true, at: now() });
  const progress = setInterval(() => process.send!({ progress: latencies.length }), 500);
  process.once('message', () => {
    clearInterval(progress);
    for (const f of feeds) f.close();
    process.send!({ received: latencies.length, latencies }, () => process.exit(0));
  });
});

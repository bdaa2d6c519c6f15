/** One kind of request of a mix: sends it and resolves when its answer has been read (throws or returns false on failure). */
export type Send = () => Promise<unknown>;

/** Latencies (ms) by kind, and the failures, of one open-loop run. */
export interface LoadResult {
  samples: Record<string, number[]>;
  errors: number;
  achievedRate: number;
}

/**
 * Open-loop load: `rate` requests per second for `seconds`, the kinds of `mix` in turn, each started on schedule
 * whatever the latency of the others (a slow answer delays nothing, so queueing in the server shows in the latencies).
 * Latency runs from the moment the request is sent to the end of its answer.
 */
export async function openLoop(mix: Record<string, Send>, rate: number, seconds: number): Promise<LoadResult> {
  const names = Object.keys(mix);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  let errors = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const name = names[i % names.length]!;
    inflight.push(
      (async () => {
        const sent = performance.now();
        try {
          if ((await mix[name]!()) === false) errors++;
          else samples[name]!.push(performance.now() - sent);
        } catch {
          errors++;
        }
      })(),
    );
  }
  await Promise.all(inflight);
  return { samples, errors, achievedRate: +(total / ((performance.now() - start) / 1000)).toFixed(1) };
}

/** A sample of the server's resident memory. */
export interface MemorySample {
  /** Seconds since the run started. */
  t: number;
  mb: number;
  /** Which life of the server process (0 before the first restart). */
  life: number;
}

/** The `p`th percentile (nearest rank) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Where memory started and ended over `samples`, and its least-squares trend in MB per minute. */
export function memoryTrend(samples: readonly MemorySample[]): { fromMb: number; toMb: number; slopeMbPerMin: number } {
  if (samples.length < 2) return { fromMb: samples[0]?.mb ?? 0, toMb: samples[0]?.mb ?? 0, slopeMbPerMin: 0 };
  const n = samples.length;
  const mt = samples.reduce((s, x) => s + x.t, 0) / n;
  const mm = samples.reduce((s, x) => s + x.mb, 0) / n;
  let num = 0;
  let den = 0;
  for (const x of samples) {
    num += (x.t - mt) * (x.mb - mm);
    den += (x.t - mt) ** 2;
  }
  return {
    fromMb: samples[0]!.mb,
    toMb: samples.at(-1)!.mb,
    slopeMbPerMin: +(den === 0 ? 0 : (num / den) * 60).toFixed(2),
  };
}

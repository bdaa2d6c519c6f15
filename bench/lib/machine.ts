import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a benchmark ran on, and how busy it was (other engineers share it): put it in every result. */
export function machine() {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadavg: loadavg().map((l) => +l.toFixed(2)),
    note: 'shared with other engineers; the load generator, the server and PostgreSQL run on the same cores',
  };
}

/** The `p`th percentile (nearest rank) of sorted `values`, rounded to 0.01 ms. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2);
}

/** p50, p95, p99 and max of `values` (in ms). */
export function summary(values: number[]) {
  const s = Float64Array.from(values).sort();
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: percentile(s, 100),
  };
}

/** The median of `values`. */
export const median = (values: number[]) => percentile(Float64Array.from(values).sort(), 50);

/**
 * The soak and crash test of the reference server (`pnpm bench soak`, and its quick version in `pnpm test`).
 *
 * @example
 * const report = await runSoak({ database: 'pglite', durationMs: 60_000, steadyMs: 20_000, killEveryMs: [3000, 8000], actors: 6 });
 * if (!report.pass) console.error(report.problems);
 */
export type { Entry, Operation, Outcome } from './ledger.js';
export { ServerProcess, type SoakDatabase } from './server-process.js';
export { runSoak, type SoakOptions, type SoakReport } from './soak.js';
export type { MemorySample } from './stats.js';
export type { Verification } from './verify.js';

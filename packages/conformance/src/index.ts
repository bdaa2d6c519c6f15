/**
 * `@crmkit/conformance`: checks that a live server speaks the crmkit CRM API — every operation and schema of
 * the contract, lists, errors, auth and isolation (core level) and concurrency, idempotency, search, batch,
 * aggregates, events and SLA (full level) — with property-based fuzzing of bodies and query strings.
 *
 * @example
 * import { formatPretty, runConformance } from '@crmkit/conformance';
 * const report = await runConformance({ baseUrl: 'http://localhost:4321', token: 'ck_...' });
 * console.log(formatPretty(report));
 */
export { type Generated, mutatedArbitrary, requestArbitrary, validArbitrary } from './base/arbitrary.js';
export { CheckContext } from './base/context.js';
export { RULES } from './base/rules.js';
export * from './base/types.js';
export { CHECKS, type CheckDef } from './checks/index.js';
export { formatJson, formatJunit, formatPretty, summaryLines } from './report.js';
export { judgeLevel, runConformance, selectChecks } from './runner.js';

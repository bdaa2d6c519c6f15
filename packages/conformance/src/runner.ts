import type { CapabilityName, Me, WorkspaceSchema } from '@crmkit/spec';
import { CheckAborted, CheckContext, SkipSignal } from './base/context.js';
import { checkComponent } from './base/contract.js';
import { FixtureError, Fixtures } from './base/fixtures.js';
import { Api, type Exchange, summarizeRequest, summarizeResponse } from './base/http.js';
import { RULES } from './base/rules.js';
import {
  AREAS,
  type Area,
  type CheckResult,
  type CheckStatus,
  type ConformanceOptions,
  type ConformanceReport,
  type Finding,
  type Level,
} from './base/types.js';
import { CHECKS, type CheckDef } from './checks/index.js';

const RANK: Record<Level | 'none', number> = { none: 0, core: 1, full: 2 };

/** A tag no other run shares: `ck` and six base-36 characters. */
function newRunTag(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `ck${[...bytes].map((b) => (b % 36).toString(36)).join('')}`;
}

/** The checks selected by `only`. */
export function selectChecks(only?: readonly Area[]): CheckDef[] {
  return CHECKS.filter((c) => !only?.length || only.includes(c.area));
}

function emptyResult(def: CheckDef): CheckResult {
  const { run: _run, ...info } = def;
  return { ...info, status: 'pass', findings: [], notes: [], durationMs: 0 };
}

/**
 * Level reached, blockers and pass/fail from the results. A partial run (only some areas) claims no level and
 * names no blockers: it passes when none of its checks at or below the required level fails (and, for `full`,
 * none is unsupported).
 */
export function judgeLevel(
  checks: CheckResult[],
  required: Level,
  partial = false,
): Pick<ConformanceReport, 'levelReached' | 'blockers' | 'passed'> {
  const coreFails = checks.filter((c) => c.level === 'core' && c.status === 'fail');
  const fullBlocks = checks.filter((c) => c.level === 'full' && (c.status === 'fail' || c.status === 'unsupported'));
  const reached: Level | 'none' = coreFails.length ? 'none' : fullBlocks.length ? 'core' : 'full';
  const passed = RANK[reached] >= RANK[required];
  if (partial) return { levelReached: null, blockers: null, passed };
  const blockers =
    reached === 'none'
      ? { level: 'core' as const, checks: coreFails.map((c) => c.id), capabilities: [] }
      : reached === 'core'
        ? {
            level: 'full' as const,
            checks: fullBlocks.filter((c) => c.status === 'fail').map((c) => c.id),
            capabilities: [
              ...new Set(fullBlocks.filter((c) => c.status === 'unsupported').map((c) => c.capability!)),
            ] as CapabilityName[],
          }
        : null;
  return { levelReached: reached, blockers, passed };
}

function countStatuses(checks: CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, skip: 0, unsupported: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}

/** A finding from an exchange that stopped the run before any check. */
function bootstrapFinding(message: string, ex?: Exchange): Finding {
  return {
    message,
    rule: RULES.meta,
    ...(ex ? { request: summarizeRequest(ex.request), response: summarizeResponse(ex) } : {}),
  };
}

/**
 * Runs the conformance checks against a live crmkit CRM API server and returns the report.
 * Nothing is thrown for a non-conforming server: the report says what failed and which level it reaches.
 *
 * @example
 * const report = await runConformance({ baseUrl: 'http://localhost:4321', token: process.env.CRM_TOKEN! });
 * console.log(formatPretty(report));
 * process.exit(report.passed ? 0 : 1);
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const opts = {
    ...options,
    level: options.level ?? 'full',
    fuzzRuns: options.fuzzRuns ?? 100,
    timeBudgetMs: options.timeBudgetMs ?? 30_000,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
  };
  const send = options.fetch ?? ((req: Request) => globalThis.fetch(req));
  let requests = 0;
  const fetchImpl = (req: Request) => {
    requests++;
    return send(req);
  };
  let ctx: CheckContext | null = null;
  const makeApi = (token: string) => {
    const api = new Api(options.baseUrl, token, fetchImpl, options.requestTimeoutMs);
    api.observe = (ex) => ctx?.inspect(ex);
    return api;
  };
  const api = makeApi(options.token);
  const defs = selectChecks(options.only);
  const results = defs.map(emptyResult);
  const areas = [...new Set(defs.map((d) => d.area))];
  const partial = areas.length < AREAS.length;
  const finish = (capabilities: Record<string, unknown> | null, leftovers = 0): ConformanceReport => ({
    baseUrl: options.baseUrl,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    seed: opts.seed,
    requiredLevel: opts.level,
    ...judgeLevel(results, opts.level, partial),
    partial,
    areas,
    capabilities,
    checks: results,
    counts: countStatuses(results),
    leftoverRecords: leftovers,
    requests,
  });

  // Bootstrap: what the server advertises and who the token is.
  let schema: WorkspaceSchema | null = null;
  let me: Me | null = null;
  let problem: Finding | null = null;
  try {
    const s = await api.get('/v1/schema');
    const m = await api.get('/v1/me');
    const bad = s.status !== 200 ? null : checkComponent('WorkspaceSchema', s.body);
    if (s.status !== 200) problem = bootstrapFinding(`GET /v1/schema answered ${s.status}`, s);
    else if (bad) problem = bootstrapFinding(`GET /v1/schema does not match WorkspaceSchema: ${bad}`, s);
    else if (m.status !== 200 || checkComponent('Me', m.body))
      problem = bootstrapFinding(`GET /v1/me answered ${m.status} or an invalid body`, m);
    else {
      schema = s.body as WorkspaceSchema;
      me = m.body as Me;
    }
  } catch (error) {
    problem = bootstrapFinding(`cannot reach ${options.baseUrl}: ${(error as Error).message}`);
  }
  if (!schema || !me) {
    for (const r of results) {
      r.status = 'fail';
      r.findings.push(problem ?? bootstrapFinding('the server could not be read'));
    }
    return finish(null);
  }

  const fixtures = new Fixtures(api, newRunTag(), schema, me);
  const context = new CheckContext(
    opts,
    api,
    options.tokenOtherWorkspace ? makeApi(options.tokenOtherWorkspace) : null,
    schema,
    me,
    fixtures,
    makeApi,
  );
  ctx = context;

  for (const [i, def] of defs.entries()) {
    const result = results[i]!;
    options.onProgress?.({ type: 'start', check: result });
    const t0 = Date.now();
    if (def.capability && !context.has(def.capability)) {
      result.status = 'unsupported';
      result.reason = `the server does not advertise the "${def.capability}" capability (GET /v1/schema)`;
    } else {
      context.current = result;
      try {
        await def.run(context);
      } catch (error) {
        if (error instanceof SkipSignal) result.reason = error.message;
        else if (error instanceof FixtureError) context.fail(error.message, error.exchange);
        else if (!(error instanceof CheckAborted)) {
          const e = error as Error;
          const where = e?.stack?.split('\n').slice(1, 4).join(' ').replace(/\s+/g, ' ') ?? '';
          context.fail(`the check could not complete: ${e?.message ?? String(error)} ${where}`.trim());
        }
      } finally {
        context.current = null;
      }
      result.status = result.findings.length ? 'fail' : result.reason ? 'skip' : 'pass';
    }
    result.durationMs = Date.now() - t0;
    options.onProgress?.({ type: 'end', check: result });
  }
  const leftovers = options.keepData ? 0 : await fixtures.cleanup();
  return finish(schema.capabilities as unknown as Record<string, unknown>, leftovers);
}

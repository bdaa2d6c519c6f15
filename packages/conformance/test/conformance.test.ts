import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConformanceOptions,
  type ConformanceReport,
  formatJson,
  formatJunit,
  formatPretty,
  runConformance,
} from '../src/index.js';
import { brokenVariants } from './broken.js';
import { type Reference, startReference } from './reference.js';

let ref: Reference;
beforeAll(async () => {
  ref = await startReference();
});
afterAll(() => ref?.close());

/** Small fuzzing bounds keep the whole file well under a minute on two cores; the seed makes runs repeatable. */
const BOUNDS = { fuzzRuns: 8, timeBudgetMs: 4000, seed: 20261123 } as const;

function run(options: Partial<ConformanceOptions> = {}): Promise<ConformanceReport> {
  return runConformance({
    baseUrl: ref.baseUrl,
    token: ref.tokenA,
    tokenOtherWorkspace: ref.tokenB,
    fetch: ref.server.fetch,
    ...BOUNDS,
    ...options,
  });
}

/** A core-level server: every optional capability off. */
const NO_OPTIONAL_CAPABILITIES = {
  events: false,
  etags: false,
  idempotency: false,
  search: false,
  batch: false,
  aggregates: false,
  sla: false,
  automation: false,
  webhooks: false,
  segments: false,
  campaigns: false,
} as const;

const failing = (r: ConformanceReport) => r.checks.filter((c) => c.status === 'fail').map((c) => c.id);

describe('the reference server', () => {
  // Every group, one after another: incl. the inbox's presence expiry, which waits out a 5 s heartbeat.
  it('reaches level full, and the report says so in every format', async () => {
    const report = await run();
    expect(failing(report), formatPretty(report)).toEqual([]);
    expect(report.levelReached).toBe('full');
    expect(report.passed).toBe(true);
    expect(report.blockers).toBeNull();
    // Only the rate-limit burst cannot run: the server advertises no limit.
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}:${c.status}`)).toEqual([
      'rate-limit.retry-after:skip',
    ]);
    expect(report.leftoverRecords).toBe(0);
    expect(JSON.parse(formatJson(report)).levelReached).toBe('full');
    const junit = formatJunit(report);
    expect(junit).toMatch(/^<\?xml/);
    expect(junit).toContain('<testcase classname="crmkit.lists" name="lists.pagination [core]"');
    expect(junit).toContain('failures="0"');
    expect(formatPretty(report)).toContain('Level reached: full (required: full) — PASS');
  }, 180_000);

  it('without the optional capabilities reaches core but not full', async () => {
    const core = await ref.variant(NO_OPTIONAL_CAPABILITIES);
    const report = await run({ fetch: core.fetch });
    expect(failing(report), formatPretty(report)).toEqual([]);
    expect(report.levelReached).toBe('core');
    expect(report.passed).toBe(false);
    expect(report.blockers?.level).toBe('full');
    expect(report.blockers?.capabilities.sort()).toEqual(
      [
        'aggregates',
        'automation',
        'batch',
        'etags',
        'events',
        'idempotency',
        'search',
        'segments',
        'campaigns',
        'sla',
        'webhooks',
      ].sort(),
    );
    expect(formatPretty(report)).toContain('To reach full: capabilities not advertised: ');
    expect(formatJunit(report)).toContain('type="unsupported"');
    const atCore = await run({ fetch: core.fetch, level: 'core', only: ['schema', 'crud'] });
    expect(atCore.passed).toBe(true);
  });

  it('a partial run (--only) claims no level, even when every check it ran passes', async () => {
    const bare = await ref.variant(NO_OPTIONAL_CAPABILITIES);
    const report = await run({ fetch: bare.fetch, only: ['auth', 'crud', 'lists'] });
    expect(failing(report), formatPretty(report)).toEqual([]);
    expect(report.partial).toBe(true);
    expect(report.levelReached).toBeNull();
    expect(report.blockers).toBeNull();
    // Every check of the three groups passed: the run meets the required level as far as it looked.
    expect(report.passed).toBe(true);
    const pretty = formatPretty(report);
    expect(pretty).not.toContain('Level reached');
    expect(pretty).toContain(
      'Partial run: 3 of 21 groups checked (crud, lists, auth), no level claimed (required: full) — PASS',
    );
    expect(JSON.parse(formatJson(report))).toMatchObject({ levelReached: null, partial: true });
    expect(formatJunit(report)).toContain('<property name="levelReached" value="not claimed (partial run)"/>');
  });

  it('over an advertised rate limit answers 429 with Retry-After', async () => {
    const limited = await ref.variant({ rateLimit: { limit: 15, windowSeconds: 1 } });
    const report = await run({ fetch: limited.fetch, only: ['rate-limit'] });
    expect(
      report.checks.map((c) => `${c.id}:${c.status}`),
      formatPretty(report),
    ).toEqual(['rate-limit.retry-after:pass']);
    // Without Retry-After the same server fails the check.
    const stripped = await run({
      only: ['rate-limit'],
      fetch: async (req) => {
        const res = await limited.fetch(req);
        const headers = new Headers(res.headers);
        headers.delete('retry-after');
        return new Response(res.body, { status: res.status, headers });
      },
    });
    expect(failing(stripped)).toEqual(['rate-limit.retry-after']);
    // Without the RateLimit-* headers on its answers, too.
    const quiet = await run({
      only: ['rate-limit'],
      fetch: async (req) => {
        const res = await limited.fetch(req);
        const headers = new Headers(res.headers);
        for (const h of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']) headers.delete(h);
        return new Response(res.body, { status: res.status, headers });
      },
    });
    const findings = quiet.checks[0]!.findings.map((f) => f.message);
    expect(findings, formatPretty(quiet)).toContain('GET /v1/me answered 200 with RateLimit-Limit null; advertised 15');
  });
});

describe('deliberately broken servers are caught', () => {
  for (const variant of brokenVariants({ a: '', b: '' })) {
    it(`${variant.name} → ${variant.catches}`, async () => {
      const [v] = brokenVariants({ a: ref.tokenA, b: ref.tokenB }).filter((x) => x.name === variant.name);
      const report = await run({ fetch: v!.wrap(ref.server.fetch), only: v!.only as ConformanceOptions['only'] });
      const check = report.checks.find((c) => c.id === v!.catches);
      expect(check?.status, formatPretty(report)).toBe('fail');
      expect(
        check!.findings.some((f) => v!.finding.test(f.message)),
        formatPretty(report),
      ).toBe(true);
      expect(report.passed).toBe(false);
      // A failure shows the rule that was violated, and the request and response that show it.
      const finding = check!.findings.find((f) => f.request && f.response)!;
      expect(finding.rule.length).toBeGreaterThan(20);
      const pretty = formatPretty(report);
      expect(pretty).toContain(`✖ ${finding.message}`);
      expect(pretty).toContain(`request:  ${finding.request!.method} ${finding.request!.path}`);
      expect(pretty).toContain(`response: ${finding.response!.status}`);
    });
  }
});

describe('the CLI', () => {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const exec = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--conditions=@crmkit/source', '--import', 'tsx', cli, ...args], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('checks a server over HTTP and prints JUnit, with the exit code of the level', async () => {
    const http = serve({ fetch: ref.server.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((r) => http.once('listening', () => r()));
    const { port } = http.address() as { port: number };
    try {
      const base = ['--base-url', `http://127.0.0.1:${port}`, '--token', ref.tokenA, '--seed', '7'];
      const junit = await exec([...base, '--only', 'schema,errors', '--level', 'core', '--report', 'junit']);
      expect(junit.code, junit.stderr).toBe(0);
      expect(junit.stdout).toContain('<testsuite name="errors"');
      expect(junit.stderr).toContain('partial run, no level claimed');
      const pretty = await exec([...base, '--only', 'crud', '--token', 'ck_not_a_valid_key_0000000000']);
      expect(pretty.code).toBe(1);
      expect(pretty.stdout).toContain('GET /v1/schema answered 401');
      expect(pretty.stdout).toContain('Partial run: 1 of 21 groups checked (crud), no level claimed');
      expect(pretty.stdout).not.toContain('Level reached');
      const usage = await exec(['--token', 'x']);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('--base-url is required');
    } finally {
      await new Promise((r) => http.close(r));
    }
  });
});

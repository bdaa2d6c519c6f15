#!/usr/bin/env node
/**
 * `pnpm test`: every check and test of the repo, in order, stopping at the first failure. It first checks what it needs
 * from the machine — Node, installed dependencies, Chromium, npm (scripts/prerequisites.mjs) — and stops at once,
 * saying what to install, when something is missing. When CRMKIT_TEST_DATABASE_URL names a PostgreSQL server, the
 * server suite and the quick soak run a second time against it (otherwise that run is skipped, with a message).
 * Ends with one summary line over all test runs: `tests: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumProblem, installProblem, nodeProblem, npmProblem, stopOn } from './prerequisites.mjs';

// What the run needs from the machine, before anything starts.
stopOn([nodeProblem(), installProblem(), chromiumProblem(), npmProblem()], 'pnpm test');

const results = mkdtempSync(join(tmpdir(), 'crmkit-test-'));
const reports = [];
/** A Vitest run that also writes a JSON report, so the totals can be summed. */
function vitest(name, extra = []) {
  const file = join(results, `${name}.json`);
  reports.push(file);
  return ['vitest', ['run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]];
}

const steps = [
  ['lint', 'biome', ['check', '.']],
  ['typecheck', 'tsc', ['-p', 'tsconfig.json', '--noEmit']],
  ['structure (import cycles, module sizes)', 'node', ['scripts/check-structure.mjs']],
  ['build', 'pnpm', ['-r', '--filter', './packages/**', 'run', 'build']],
  ['package checks (publint, attw, redocly, size)', 'pnpm', ['-r', '--workspace-concurrency=1', 'run', 'check']],
  [
    'spec drift',
    'pnpm',
    ['--filter', '@crmkit/spec', 'exec', 'tsx', '--conditions=@crmkit/source', 'scripts/generate.ts', '--check'],
  ],
  ['tests (PGlite)', ...vitest('pglite')],
];
const pg = process.env.CRMKIT_TEST_DATABASE_URL;
if (pg) {
  steps.push([
    'server tests and soak (PostgreSQL)',
    ...vitest('postgres', ['--project', 'server', '--project', 'soak']),
  ]);
} else {
  console.log(
    'ℹ CRMKIT_TEST_DATABASE_URL is not set: the server suite runs on PGlite (embedded) only, and its second run, on\n' +
      '  PostgreSQL, is skipped. To run it too, point it at a PostgreSQL 15+ server the tests may write to:\n' +
      '  CRMKIT_TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres pnpm test',
  );
}

/** Passed and failed tests over the Vitest runs that wrote a report. */
function totals() {
  let passed = 0;
  let failed = 0;
  for (const file of reports) {
    try {
      const report = JSON.parse(readFileSync(file, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    } catch {
      // The run did not get as far as writing its report.
    }
  }
  return { passed, failed };
}

const started = Date.now();
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const env = { ...process.env };
  if (name === 'tests (PGlite)') delete env.CRMKIT_TEST_DATABASE_URL;
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    const { passed, failed } = totals();
    if (passed + failed > 0) console.log(`tests: ${passed} passed, ${failed} failed`);
    process.exit(r.status ?? 1);
  }
}
if (!pg) {
  console.log(
    '\n(CRMKIT_TEST_DATABASE_URL not set: the server suite ran on PGlite only; .ci/run also runs it on PostgreSQL.)',
  );
}
const { passed, failed } = totals();
console.log(`\n✔ all checks passed in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`tests: ${passed} passed, ${failed} failed`);

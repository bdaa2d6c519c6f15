#!/usr/bin/env node
/**
 * `pnpm test`: every check and test of the repo, in order, stopping at the first failure.
 * When CRMKIT_TEST_DATABASE_URL names a PostgreSQL server, the server suite runs a second time against it.
 */
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', 'biome', ['check', '.']],
  ['typecheck', 'tsc', ['-p', 'tsconfig.json', '--noEmit']],
  ['build', 'pnpm', ['-r', '--filter', './packages/**', 'run', 'build']],
  ['package checks (publint, attw, redocly, size)', 'pnpm', ['-r', '--workspace-concurrency=1', 'run', 'check']],
  ['spec drift', 'pnpm', ['--filter', '@crmkit/spec', 'exec', 'tsx', 'scripts/generate.ts', '--check']],
  ['tests (PGlite)', 'vitest', ['run']],
];
const pg = process.env.CRMKIT_TEST_DATABASE_URL;
if (pg) steps.push(['server tests (PostgreSQL)', 'vitest', ['run', '--project', 'server']]);

const started = Date.now();
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const env = { ...process.env };
  if (name === 'tests (PGlite)') delete env.CRMKIT_TEST_DATABASE_URL;
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(r.status ?? 1);
  }
}
if (!pg)
  console.log(
    '\n(CRMKIT_TEST_DATABASE_URL not set: the server suite ran on PGlite only; .ci/run also runs it on PostgreSQL.)',
  );
console.log(`\n✔ all checks passed in ${Math.round((Date.now() - started) / 1000)} s`);

#!/usr/bin/env node
/**
 * `pnpm test:clock`: runs the Vitest suites with the machine's clock set to 00:30 and 23:30 of today, in UTC,
 * Asia/Ho_Chi_Minh and Asia/Bangkok (six runs), to prove that no test depends on the hour or the zone it runs in.
 *
 * The clock is moved with libfaketime (Debian package `faketime`), which Node, the in-process PGlite and Chromium all
 * read through; `TZ` sets the zone of all three. Build the packages first (`pnpm build`): the example hosts' end-to-end
 * tests use the built packages.
 *
 * Usage: node scripts/clock-matrix.mjs [--project name ...] [--zones UTC,Asia/Bangkok] [--times 00:30,23:30]
 * Prints one line per setting and exits non-zero if any run failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    project: { type: 'string', multiple: true, default: [] },
    zones: { type: 'string', default: 'UTC,Asia/Ho_Chi_Minh,Asia/Bangkok' },
    times: { type: 'string', default: '00:30,23:30' },
  },
});

if (spawnSync('faketime', ['--version'], { stdio: 'ignore' }).error) {
  console.error(
    'clock-matrix needs libfaketime to move the clock: apt-get install -y faketime (Debian/Ubuntu), or brew install libfaketime.',
  );
  process.exit(2);
}

const today = new Date().toISOString().slice(0, 10);
const results = mkdtempSync(join(tmpdir(), 'crmkit-clock-'));
const rows = [];
for (const zone of values.zones.split(',')) {
  for (const time of values.times.split(',')) {
    const file = join(results, `${zone.replace('/', '_')}-${time.replace(':', '')}.json`);
    const args = ['-f', `@${today} ${time}:00`, 'pnpm', 'vitest', 'run'];
    for (const p of values.project) args.push('--project', p);
    args.push('--reporter=dot', '--reporter=json', `--outputFile.json=${file}`);
    console.log(`\n▶ ${today} ${time} ${zone}`);
    const env = { ...process.env, TZ: zone };
    delete env.CRMKIT_TEST_DATABASE_URL; // a PostgreSQL server keeps the real time: only in-process databases follow
    const started = Date.now();
    const r = spawnSync('faketime', args, { stdio: 'inherit', env });
    const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    rows.push({
      setting: `${time} ${zone}`,
      ok: r.status === 0,
      passed: report?.numPassedTests ?? 0,
      failed: report?.numFailedTests ?? 0,
      seconds: Math.round((Date.now() - started) / 1000),
    });
  }
}
console.log('\nclock matrix:');
for (const row of rows) {
  console.log(
    `${row.ok ? '✔' : '✖'} ${row.setting.padEnd(24)} ${row.passed} passed, ${row.failed} failed (${row.seconds} s)`,
  );
}
process.exit(rows.every((row) => row.ok) ? 0 : 1);

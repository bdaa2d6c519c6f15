#!/usr/bin/env node
/**
 * Fails when a source module grows past 400 lines: a file that long holds more than one concern. Exempt are the kinds
 * that are long by nature — tests, stories, generated code, translation catalogs and seed data — listed below.
 *
 * Usage: node scripts/check-file-size.mjs [--max 400]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { max: { type: 'string', default: '400' } } });
const max = Number(values.max);

/** Paths that are not hand-written logic: tests, stories, generated files, catalogs, data. */
const EXEMPT = [
  /(^|\/)test\//, // test suites and their harnesses
  /\.(test|spec|e2e\.test)\.[cm]?[jt]sx?$/,
  /\.stories\.tsx?$/,
  /(^|\/)generated\//, // generated from the zod schemas
  /(^|\/)i18n\/.*\/(en|vi|th)\.ts$/, // translation catalogs
  /(^|\/)i18n\/(en|vi|th)\.ts$/,
  /(^|\/)seed\/data\//, // seed data
];
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts') && !EXEMPT.some((re) => re.test(f)));

const over = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > max) over.push([file, lines]);
}
if (over.length) {
  console.error(`Source files over ${max} lines (split them by concern):`);
  for (const [file, lines] of over.sort((a, b) => b[1] - a[1])) console.error(`  ${lines}\t${file}`);
  process.exit(1);
}
console.log(`file size: ${files.length} source files, none over ${max} lines`);

#!/usr/bin/env node
/** `pnpm bench [name…]`: runs the benchmarks (all by default); each writes bench/results/<name>.json. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const all = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
let failed = 0;
for (const name of wanted) {
  if (!all.includes(name)) {
    console.error(`unknown benchmark ${name}; have: ${all.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n▶ bench ${name}`);
  const r = spawnSync(process.execPath, ['--conditions=@crmkit/source', '--import', 'tsx', `bench/${name}.ts`], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

#!/usr/bin/env node
/**
 * Size check of a package entry, run from the package directory (its `check` script):
 *
 *   node ../../scripts/size.mjs dist/index.js --budget 6kB [--forbid zod]... [--external name]... [--import a,b]
 *
 * Measures what an app pays for the entry, eagerly, as a code-splitting bundler serves it (see `size/eager.mjs`:
 * esbuild, minified, gzip of the entry and the chunks it imports statically; lazy chunks listed, not counted), and
 * fails when that is over the budget. Everything the entry imports is counted — the monorepo's own packages too —
 * except the package's peer dependencies and the `--external` names. `--forbid name` fails when the eager code imports
 * that package (it may still be imported lazily). Budget units: B, kB (1000 B), KiB (1024 B). `--import a,b` measures
 * what an app that imports only those names pays (the entry tree-shaken to them), e.g. the core of a kit whose entry
 * also exports many optional components. The widgets of `@crmkit/ui` have their own check (`packages/ui/scripts/size.mjs`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eagerSize, kB, parseBudget } from './size/eager.mjs';

function usage(message) {
  console.error(
    `size: ${message}\nusage: size.mjs <entry> --budget <n>[B|kB|KiB] [--forbid pkg]... [--external pkg]... [--import a,b]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let entry;
let budget;
const forbid = [];
const external = [];
let names;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--budget') budget = args[++i];
  else if (arg === '--forbid') forbid.push(args[++i]);
  else if (arg === '--external') external.push(args[++i]);
  else if (arg === '--import') names = args[++i]?.split(',').map((n) => n.trim());
  else if (!arg.startsWith('--') && entry === undefined) entry = arg;
  else usage(`unknown argument ${arg}`);
}
if (!entry) usage('no entry');
const limit = parseBudget(budget);
if (limit === undefined) usage('--budget is required, e.g. 6kB');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const measured = await eagerSize({
  ...(names
    ? { source: `export { ${names.join(', ')} } from ${JSON.stringify(resolve(entry))};` }
    : { entry: resolve(entry) }),
  external: [...Object.keys(pkg.peerDependencies ?? {}), ...external],
  forbid,
});

const label = `${pkg.name} ${entry}${names ? ` { ${names.join(', ')} }` : ''}`;
const lazy = measured.lazy.map((c) => `${c.name} ${kB(c.gzip)}`);
console.log(
  `${label}: ${kB(measured.gzip)} gzip (${kB(measured.minified)} minified), budget ${kB(limit)}` +
    (lazy.length ? `; lazy chunks (not counted): ${lazy.join(', ')}` : ''),
);
if (measured.violations.length) {
  console.error(`✖ ${label} imports forbidden packages eagerly: ${measured.violations.join(', ')}`);
  process.exit(1);
}
if (measured.gzip > limit) {
  console.error(`✖ ${label} is ${kB(measured.gzip - limit)} over its budget of ${kB(limit)}`);
  process.exit(1);
}

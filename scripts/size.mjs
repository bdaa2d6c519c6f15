#!/usr/bin/env node
/**
 * Size check of a package entry, run from the package directory (its `check` script):
 *
 *   node ../../scripts/size.mjs dist/index.js --budget 6kB [--forbid zod]... [--external name]... [--import a,b]
 *
 * Bundles the entry with esbuild (minified ESM, code splitting on, so code behind a dynamic `import()` lands in
 * chunks of its own), gzips what loads eagerly — the entry and the chunks it imports statically, as one file, as an
 * app's bundler would merge them — and fails when that is over the budget. Lazy chunks are listed, not counted. Dependencies are bundled; the package's peer dependencies and `--external` names are not.
 * `--forbid name` fails when the eager code imports that package (it may still be imported lazily). Budget units:
 * B, kB (1000 B), KiB (1024 B). `--import a,b` measures what an app that imports only those names pays (the entry
 * tree-shaken to them), e.g. the core of a kit whose entry also exports many optional components.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

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
const m = /^(\d+(?:\.\d+)?)\s*(B|kB|KiB)?$/.exec(budget ?? '');
if (!m) usage('--budget is required, e.g. 6kB');
const limit = Number(m[1]) * { B: 1, kB: 1000, KiB: 1024 }[m[2] ?? 'B'];

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const excluded = [...Object.keys(pkg.peerDependencies ?? {}), ...external, ...forbid];

const result = await build({
  ...(names
    ? { stdin: { contents: `export { ${names.join(', ')} } from ${JSON.stringify(resolve(entry))};`, resolveDir: '.' } }
    : { entryPoints: [resolve(entry)] }),
  bundle: true,
  minify: true,
  format: 'esm',
  splitting: true,
  platform: 'browser',
  target: 'es2022',
  outdir: '/size-check-out',
  write: false,
  metafile: true,
  logLevel: 'warning',
  external: excluded.flatMap((name) => [name, `${name}/*`]),
});

const outputs = result.metafile.outputs;
const contents = new Map(result.outputFiles.map((f) => [resolve(f.path), f.contents]));
const key = (path) => resolve(path);
const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint);
// The entry and, transitively, the chunks it imports statically.
const eager = new Set();
const visit = (out) => {
  if (eager.has(out)) return;
  eager.add(out);
  for (const imp of outputs[out].imports) if (!imp.external && imp.kind === 'import-statement') visit(imp.path);
};
visit(entryOut);

const kB = (n) => `${(n / 1000).toFixed(2)} kB`;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const eagerBytes = Buffer.concat([...eager].map((out) => contents.get(key(out))));
const minified = eagerBytes.length;
const gzipped = gzip(eagerBytes);
const violations = [];
for (const out of eager) {
  for (const imp of outputs[out].imports) {
    const forbidden = forbid.some((f) => imp.path === f || imp.path.startsWith(`${f}/`));
    if (imp.external && forbidden && imp.kind !== 'dynamic-import') violations.push(`${imp.path} (${imp.kind})`);
  }
}
const lazy = Object.keys(outputs)
  .filter((o) => !eager.has(o) && o.endsWith('.js'))
  .map((o) => `${basename(o)} ${kB(gzip(contents.get(key(o))))}`);

const label = `${pkg.name} ${entry}${names ? ` { ${names.join(', ')} }` : ''}`;
console.log(
  `${label}: ${kB(gzipped)} gzip (${kB(minified)} minified), budget ${kB(limit)}` +
    (lazy.length ? `; lazy chunks (not counted): ${lazy.join(', ')}` : ''),
);
if (violations.length) {
  console.error(`✖ ${label} imports forbidden packages eagerly: ${violations.join(', ')}`);
  process.exit(1);
}
if (gzipped > limit) {
  console.error(`✖ ${label} is ${kB(gzipped - limit)} over its budget of ${kB(limit)}`);
  process.exit(1);
}

#!/usr/bin/env node
/**
 * Fails on import cycles, between files and between folders, in the given directories of the current package
 * (default `src`). Type-only imports and dynamic `import()`s count: a cycle of types is still a cycle of concepts.
 *
 *   node ../../scripts/check-cycles.mjs src seed     (from a package's folder)
 *
 * A folder cycle is two folders that import from each other, directly or through others (`tickets → sla → tickets`):
 * each folder should sit on a layer, importing only from folders below it. Uses dependency-cruiser to resolve the
 * imports (TypeScript `.js` specifiers included).
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src'];
/** The repository's root (this script lives in its `scripts/`). */
const root = resolve(import.meta.dirname, '..');
const result = await cruise(
  roots,
  {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // Stories and tests sit beside the code they show or check, above it; they are not layers of the package.
    exclude: { path: ['node_modules', '(^|/)dist/', '\\.stories\\.tsx?$', '\\.test\\.tsx?$'] },
    tsConfig: {
      fileName: existsSync('tsconfig.json') ? resolve('tsconfig.json') : resolve(root, 'tsconfig.base.json'),
    },
    validate: false,
  },
  { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  { tsConfig: { compilerOptions: { module: 'esnext', moduleResolution: 'bundler', allowJs: true } } },
);
const within = (path) => roots.some((r) => path === r || path.startsWith(`${r.replace(/\/$/, '')}/`));
const modules = result.output.modules.filter((m) => within(m.source));

/** Strongly connected components with more than one node (Tarjan), i.e. the cycles of a graph. */
function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const files = new Map();
const folders = new Map();
const why = new Map();
for (const m of modules) {
  const deps = m.dependencies.filter((d) => within(d.resolved) && !d.coreModule && !d.couldNotResolve);
  files.set(m.source, new Set(deps.map((d) => d.resolved)));
  const from = dirname(m.source);
  for (const d of deps) {
    const to = dirname(d.resolved);
    if (to === from) continue;
    if (!folders.has(from)) folders.set(from, new Set());
    folders.get(from).add(to);
    why.set(`${from} → ${to}`, `${m.source} → ${d.resolved}`);
  }
}

const unresolved = modules.flatMap((m) =>
  m.dependencies.filter((d) => d.couldNotResolve && d.module.startsWith('.')).map((d) => `${m.source}: ${d.module}`),
);
const fileCycles = cycles(files);
const folderCycles = cycles(folders);
for (const u of unresolved) console.error(`✖ unresolved import ${u}`);
for (const c of fileCycles) console.error(`✖ file cycle: ${c.join(' ⇄ ')}`);
for (const c of folderCycles) {
  const edges = [...why].filter(([edge]) => c.some((a) => c.some((b) => edge === `${a} → ${b}`)));
  console.error(`✖ folder cycle: ${c.join(' ⇄ ')}\n${edges.map(([e, f]) => `    ${e}  (${f})`).join('\n')}`);
}
const label = `${modules.length} modules in ${roots.join(', ')} (${relative(root, resolve('.'))})`;
if (fileCycles.length || folderCycles.length || unresolved.length) {
  console.error(`import cycles in ${label}`);
  process.exit(1);
}
console.log(`no import cycles between the files or folders of ${label}`);

/**
 * What an app pays for some code as a code-splitting bundler serves it: the code is bundled with esbuild (minified
 * ESM, splitting on, so code behind a dynamic `import()` lands in chunks of its own), and what loads eagerly — the entry
 * and the chunks it imports statically, as one file, as an app's bundler would merge them — is gzipped (level 9).
 * Lazy chunks are listed, not counted. Everything is bundled except the `external` packages (and their subpaths).
 */
import { basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Gzipped size (level 9) of some bytes. */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** `12.34 kB` (1 kB = 1000 B). */
export const kB = (n) => `${(n / 1000).toFixed(2)} kB`;

/**
 * Measures the eager code of an entry file (`entry`) or of a module given as source (`source`, resolved from
 * `resolveDir`), e.g. `export { CrmProvider } from '@crmkit/ui'; export { ContactCard } from '@crmkit/ui/contact-card';`.
 *
 * @param {{ entry?: string, source?: string, resolveDir?: string, external?: string[], forbid?: string[] }} options
 *   `forbid`: packages the eager code must not import (they stay external; a lazy import is fine).
 * @returns {Promise<{ gzip: number, minified: number, lazy: { name: string, gzip: number }[], violations: string[] }>}
 *
 * @example
 * const { gzip } = await eagerSize({ source: "export * from '@crmkit/ui/contact-card';", resolveDir: 'packages/ui' });
 */
export async function eagerSize({ entry, source, resolveDir = '.', external = [], forbid = [] }) {
  const excluded = [...external, ...forbid];
  const result = await build({
    ...(source !== undefined
      ? { stdin: { contents: source, resolveDir: resolve(resolveDir), loader: 'js' } }
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
    logLevel: 'error',
    external: excluded.flatMap((name) => [name, `${name}/*`]),
  });
  const outputs = result.metafile.outputs;
  const contents = new Map(result.outputFiles.map((f) => [resolve(f.path), f.contents]));
  // The output of the entry itself (the chunks of dynamic imports are entry points of their own too).
  const entryOut = Object.keys(outputs).find((o) =>
    source !== undefined
      ? outputs[o].entryPoint === '<stdin>'
      : resolve(outputs[o].entryPoint ?? '') === resolve(entry),
  );
  // The entry and, transitively, the chunks it imports statically.
  const eager = new Set();
  const visit = (out) => {
    if (eager.has(out)) return;
    eager.add(out);
    for (const imp of outputs[out].imports) if (!imp.external && imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entryOut);
  const eagerBytes = Buffer.concat([...eager].map((out) => contents.get(resolve(out))));
  const violations = [];
  for (const out of eager) {
    for (const imp of outputs[out].imports) {
      const forbidden = forbid.some((f) => imp.path === f || imp.path.startsWith(`${f}/`));
      if (imp.external && forbidden && imp.kind !== 'dynamic-import') violations.push(`${imp.path} (${imp.kind})`);
    }
  }
  const lazy = Object.keys(outputs)
    .filter((o) => !eager.has(o) && o.endsWith('.js'))
    .map((o) => ({ name: basename(o), gzip: gzipSize(contents.get(resolve(o))) }));
  return { gzip: gzipSize(eagerBytes), minified: eagerBytes.length, lazy, violations };
}

/** Parses a budget: `6kB` (1000 B), `6KiB` (1024 B) or bytes; undefined when it isn't one. */
export function parseBudget(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(B|kB|KiB)?$/.exec(text ?? '');
  return m ? Number(m[1]) * { B: 1, kB: 1000, KiB: 1024 }[m[2] ?? 'B'] : undefined;
}

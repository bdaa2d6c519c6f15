import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

const COMMENT = /\n?\/\/# sourceMappingURL=(\S+)/g;

interface SourceMap {
  sources: string[];
  sourcesContent?: (string | null)[];
}

/**
 * Tidies the source maps of a build's output folder (the files with one of `extensions` and their `.map`s; a build
 * that writes several formats in parallel tidies its own) and throws on a map that would ship a build machine's path
 * or a source without its content:
 * - a file that only re-exports (`locales/vi.js`) has a map without sources: the map is deleted, and its comment;
 * - a `sourceMappingURL` comment written twice (tsup appends one to rollup's) is kept once;
 * - every other map must name its sources by relative path and carry their content (the tarball has no `src/`).
 * Returns the files whose empty map was removed.
 *
 * @example
 * tidySourceMaps('dist'); // in tsup's onSuccess, after the build
 */
export function tidySourceMaps(outDir: string, extensions = ['.js', '.cjs']): string[] {
  const removed: string[] = [];
  const problems: string[] = [];
  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    extensions.some((ext) => f.endsWith(ext)),
  );
  for (const name of files) {
    const file = join(outDir, name);
    const code = readFileSync(file, 'utf8');
    const urls = [...code.matchAll(COMMENT)].map((m) => m[1]!);
    if (urls.length === 0) continue;
    const mapFile = join(outDir, name, '..', urls.at(-1)!);
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap;
    const withoutComments = code.replace(COMMENT, '');
    if (map.sources.length === 0) {
      rmSync(mapFile);
      writeFileSync(file, `${withoutComments}\n`);
      removed.push(file);
      continue;
    }
    if (urls.length > 1) writeFileSync(file, `${withoutComments}\n//# sourceMappingURL=${urls.at(-1)}\n`);
    map.sources.forEach((source, i) => {
      if (isAbsolute(source) || source.startsWith('file:')) problems.push(`${mapFile}: absolute source ${source}`);
      if (typeof map.sourcesContent?.[i] !== 'string') problems.push(`${mapFile}: no content for ${source}`);
    });
  }
  if (problems.length) throw new Error(`Source maps that must not ship:\n${problems.join('\n')}`);
  return removed;
}

import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * What a seeded database is made of: the server (its migrations, engine and seeds), the contract and shared rules it
 * uses, the sandbox's data sets and how they are built, and the installed PGlite.
 */
const SOURCES = [
  'packages/server/src',
  'packages/server/seed',
  'packages/spec/src',
  'packages/core/src',
  'tooling/sandbox/src/data',
  'tooling/sandbox/src/node/build-snapshots.ts',
];

/**
 * A short hash of every file a seeded snapshot depends on (see {@link SOURCES}): a cache key that changes whenever a
 * migration, a seed or a data set does.
 *
 * @example
 * const file = join(cacheDir, `demo-${await sourceKey()}.tar`);
 */
export async function sourceKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of SOURCES) {
    const path = join(REPO_ROOT, dir);
    const entries = (await stat(path).catch(() => null))?.isDirectory()
      ? await readdir(path, { recursive: true, withFileTypes: true })
      : [];
    const files = entries.length
      ? entries
          .filter((f) => f.isFile())
          .map((f) => join(f.parentPath, f.name))
          .sort()
      : [path];
    for (const file of files) {
      const content = await readFile(file).catch(() => null);
      if (content) hash.update(file.slice(REPO_ROOT.length)).update(content);
    }
  }
  hash.update(createRequire(join(REPO_ROOT, 'packages/server/')).resolve('@electric-sql/pglite'));
  return hash.digest('hex').slice(0, 16);
}

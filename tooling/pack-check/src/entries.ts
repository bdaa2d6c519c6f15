import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** An entry point of an installed package, and the optional peers of its package (which the app may not have). */
export interface InstalledEntry {
  entry: string;
  optionalPeers: string[];
}

/**
 * Every JavaScript entry point (`exports` subpath) of the packages of `scope` installed in an app: `@crmkit/ui`,
 * `@crmkit/ui/contact-card`, ... — not `package.json` or stylesheets.
 */
export async function installedEntries(appDir: string, scope = '@crmkit'): Promise<InstalledEntry[]> {
  const entries: InstalledEntry[] = [];
  const scopeDir = join(appDir, 'node_modules', scope);
  for (const dir of (await readdir(scopeDir)).sort()) {
    const manifest = JSON.parse(await readFile(join(scopeDir, dir, 'package.json'), 'utf8')) as {
      name: string;
      exports?: Record<string, unknown>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    const optionalPeers = Object.entries(manifest.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta.optional)
      .map(([name]) => name);
    for (const subpath of Object.keys(manifest.exports ?? { '.': null })) {
      if (/\.(css|json)$/.test(subpath)) continue;
      entries.push({ entry: manifest.name + subpath.slice(1), optionalPeers });
    }
  }
  return entries;
}

/**
 * A Node script (run in the app's folder) that loads each entry with `import` (or `require` when `cjs`) and prints
 * the failures as JSON: an entry that throws — unless only because an optional peer of its package is not installed
 * (an opt-in entry such as `@crmkit/client/validate` without zod) — or that exports nothing.
 */
export function loadScript(entries: InstalledEntry[], cjs: boolean): string {
  const load = cjs ? 'require(entry)' : 'await import(entry)';
  return `const failures = [];
for (const { entry, optionalPeers } of ${JSON.stringify(entries)}) {
  try {
    const m = ${load};
    if (Object.keys(m).length === 0) failures.push(entry + ': exports nothing');
  } catch (error) {
    const missing = /Cannot find (?:package|module) '([^']+)'/.exec(error.message)?.[1];
    if (!optionalPeers.some((peer) => missing === peer || missing?.startsWith(peer + '/'))) {
      failures.push(entry + ': ' + error.message.split('\\n')[0]);
    }
  }
}
console.log(JSON.stringify(failures));`;
}

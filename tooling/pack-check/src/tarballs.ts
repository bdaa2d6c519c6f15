import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A package of the monorepo that is published (its package.json is not `private`). */
export interface PublishedPackage {
  name: string;
  version: string;
  /** Its folder in the monorepo. */
  dir: string;
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  module?: string;
  types?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
}

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;

/** The published packages under `packages/` of the monorepo at `repoRoot`. */
export async function publishedPackages(repoRoot: string): Promise<PublishedPackage[]> {
  const dirs = await readdir(join(repoRoot, 'packages'));
  const found: PublishedPackage[] = [];
  for (const name of dirs.sort()) {
    const dir = join(repoRoot, 'packages', name);
    const manifest = await readJson<Manifest>(join(dir, 'package.json')).catch(() => null);
    if (manifest && !manifest.private) found.push({ name: manifest.name, version: manifest.version, dir });
  }
  return found;
}

/** The file name `pnpm pack` gives a package's tarball (`@crmkit/ui` 0.1.0 → `crmkit-ui-0.1.0.tgz`). */
export const tarballName = (pkg: Pick<PublishedPackage, 'name' | 'version'>) =>
  `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;

/**
 * Packs each package with `pnpm pack` into `dest` — the way they are published, with the workspace's `beforePacking`
 * hook (`.pnpmfile.cjs`) — and returns the tarball of each package by name. The packages must be built.
 */
export async function pack(packages: PublishedPackage[], dest: string): Promise<Map<string, string>> {
  await mkdir(dest, { recursive: true });
  const tarballs = new Map<string, string>();
  for (const pkg of packages) {
    await run('pnpm', ['pack', '--pack-destination', dest], { cwd: pkg.dir, shell: process.platform === 'win32' });
    tarballs.set(pkg.name, join(dest, tarballName(pkg)));
  }
  return tarballs;
}

/** Unpacks a tarball into `dir` and returns the package's root (`dir/package`). */
export async function unpack(tarball: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', dir]);
  return join(dir, 'package');
}

/** Every path string in an `exports` map (conditions and subpaths at any depth), with the conditions leading to it. */
function exportTargets(exports: unknown, conditions: string[] = []): { target: string; conditions: string[] }[] {
  if (typeof exports === 'string') return [{ target: exports, conditions }];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.entries(exports).flatMap(([key, value]) => exportTargets(value, [...conditions, key]));
}

/** The package a bare import specifier names (`@scope/name/sub` → `@scope/name`), or null for relative and builtins. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return builtinModules.includes(name) ? null : name;
}

/** Static imports and requires of a built JavaScript file (dynamic `import()`s are left out: they may be optional). */
function staticImports(code: string): string[] {
  const specifiers = new Set<string>();
  const patterns = [
    /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) specifiers.add(m[1]!);
  return [...specifiers];
}

async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** What the checks of {@link inspectPackage} need to know beyond the package itself. */
export interface InspectOptions {
  /** The names of the packages published with it: the only `@crmkit/*` it may depend on. */
  published: Set<string>;
  /** Paths of the machine that built it, which no file may contain (e.g. the monorepo's root). */
  buildPaths: string[];
  /**
   * Optional peers a package may import, by package: for an entry a host opts into itself and whose README says what to
   * install (`@crmkit/client/validate` and zod). Any other optional peer that the code imports is a problem.
   */
  optionalImports?: Record<string, string[]>;
}

/**
 * Everything wrong with an unpacked package as its users would get it (an empty list when nothing is):
 * - the manifest: no `scripts`, no `devDependencies`, no `@crmkit/source` export condition, no `workspace:` ranges,
 *   no dependency on an unpublished `@crmkit/*` package;
 * - every file `exports`, `main`, `module`, `types` and `bin` name is in the package;
 * - every package its code imports statically is a dependency or a required peer (an optional peer that the code
 *   imports breaks the build of an app that does not install it);
 * - source maps: each names its sources by relative path and carries their content, no map is empty, and every
 *   `sourceMappingURL` leads to a map in the package; no file contains a path of the build machine.
 */
export async function inspectPackage(root: string, options: InspectOptions): Promise<string[]> {
  const problems: string[] = [];
  const manifest = await readJson<Manifest>(join(root, 'package.json'));
  const id = manifest.name;
  if (manifest.scripts) problems.push(`${id}: package.json has scripts (${Object.keys(manifest.scripts).join(', ')})`);
  if (manifest.devDependencies) {
    problems.push(`${id}: package.json has devDependencies (${Object.keys(manifest.devDependencies).join(', ')})`);
  }
  const targets = exportTargets(manifest.exports);
  for (const { target, conditions } of targets) {
    if (conditions.includes('@crmkit/source')) problems.push(`${id}: exports keep "@crmkit/source" → ${target}`);
  }
  const ranges = {
    ...manifest.dependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  };
  for (const [name, range] of Object.entries(ranges)) {
    if (range.startsWith('workspace:')) problems.push(`${id}: ${name} has the range ${range}`);
    if (name.startsWith('@crmkit/') && !options.published.has(name)) {
      problems.push(`${id}: depends on ${name}, which is not published`);
    }
  }

  const all = await files(root);
  const inPackage = new Set(all.map((f) => relative(root, f)));
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
  const named = [manifest.main, manifest.module, manifest.types, ...bins, ...targets.map((t) => t.target)];
  for (const path of named) {
    if (!path || path.includes('*')) continue;
    if (!inPackage.has(path.replace(/^\.\//, ''))) problems.push(`${id}: ${path} is named in package.json but missing`);
  }

  const required = new Set([
    id,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}).filter((p) => !manifest.peerDependenciesMeta?.[p]?.optional),
  ]);
  const undeclared = new Map<string, string>();
  for (const file of all) {
    const rel = relative(root, file);
    const text = await readFile(file, 'utf8');
    for (const path of options.buildPaths) {
      if (text.includes(path)) problems.push(`${id}: ${rel} contains the build machine's path ${path}`);
    }
    if (/\.[cm]?js$/.test(file)) {
      for (const specifier of staticImports(text)) {
        const name = packageOf(specifier);
        if (name && !required.has(name) && !undeclared.has(name)) undeclared.set(name, rel);
      }
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
      if (url && !url.startsWith('data:') && !inPackage.has(join(rel, '..', url))) {
        problems.push(`${id}: ${rel} names a source map ${url} that is missing`);
      }
    }
    if (file.endsWith('.map')) {
      const map = JSON.parse(text) as { sources: string[]; sourcesContent?: (string | null)[] };
      if (map.sources.length === 0) problems.push(`${id}: ${rel} maps no sources`);
      map.sources.forEach((source, i) => {
        if (/^(?:\/|[a-zA-Z]:[\\/]|file:)/.test(source)) problems.push(`${id}: ${rel} names the absolute ${source}`);
        else if (typeof map.sourcesContent?.[i] !== 'string')
          problems.push(`${id}: ${rel} has no content of ${source}`);
      });
    }
  }
  for (const [name, file] of undeclared) {
    const optional = manifest.peerDependenciesMeta?.[name]?.optional;
    if (optional && options.optionalImports?.[id]?.includes(name)) continue;
    problems.push(
      optional
        ? `${id}: ${file} imports ${name}, an optional peer: an app without it fails to build — make it a required peer`
        : `${id}: ${file} imports ${name}, which is neither a dependency nor a peer dependency`,
    );
  }
  return problems;
}

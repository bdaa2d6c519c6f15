#!/usr/bin/env node
/**
 * The structure checks of `pnpm test`: no import cycles between the files or the folders of any package, example or
 * tool (`scripts/check-cycles.mjs`, run in each), and no source module over 400 lines (`scripts/check-file-size.mjs`).
 *
 * Usage: node scripts/check-structure.mjs
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Where each project keeps its code, when not `src` alone. */
const SOURCE_DIRS = {
  'packages/server': ['src', 'seed'],
  'examples/portal': ['src', 'server'],
  'examples/fitness-club': ['app', 'components', 'lib'],
};

const projects = ['packages', 'tooling', 'examples'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${group}/${d.name}`),
);

let failed = false;
const run = (args, cwd) => {
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) failed = true;
};
for (const project of projects) {
  const dirs = (SOURCE_DIRS[project] ?? ['src']).filter((d) => existsSync(join(root, project, d)));
  if (dirs.length) run([join(root, 'scripts/check-cycles.mjs'), ...dirs], join(root, project));
}
run([join(root, 'scripts/check-file-size.mjs')], root);
process.exit(failed ? 1 : 0);

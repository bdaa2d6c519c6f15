#!/usr/bin/env node
// Launcher of the crmkit-server CLI. Runs the build when there is one; in a fresh checkout that has not
// been built yet, runs the TypeScript source through tsx (a dev dependency of the repo) instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(built)) {
  const { runCli } = await import(built.href);
  process.exitCode = await runCli(process.argv.slice(2));
} else {
  const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const r = spawnSync(
    process.execPath,
    ['--conditions=@crmkit/source', '--import', 'tsx', source, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exitCode = r.status ?? 1;
}

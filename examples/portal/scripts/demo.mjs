#!/usr/bin/env node
// The portal demo in one command: builds the SPA with Vite, then starts the portal backend with the crmkit
// reference server in the same process (PGlite on disk, seeded with the demo data on first start).
//   node scripts/demo.mjs [--build] [--dev] [--port 4322] [--crm-port 4321] [--host H] [--data-dir DIR]
// --build builds the packages first (the root `pnpm demo`); --dev serves the pages from the Vite dev server (hot
// reload) instead of a build. It checks first what it needs (Node, installed dependencies, free ports) and stops at
// once, saying what to do, when something is missing. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installProblem, nodeProblem, portProblems, stopOn } from '../../../scripts/prerequisites.mjs';

const portalDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const { values } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: '4322' },
    'crm-port': { type: 'string', default: '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    // Shared with the root `pnpm demo`, so both start from the same seeded database.
    'data-dir': { type: 'string', default: `${repoRoot}.crmkit-demo` },
  },
});

const command = values.build ? 'pnpm demo' : 'pnpm --filter portal demo';
const external = Boolean(process.env.CRM_URL && process.env.CRM_API_KEY);
stopOn(
  [
    nodeProblem(),
    installProblem(),
    ...(await portProblems(
      [
        { port: Number(values.port), flag: '--port', what: 'the portal' },
        ...(external ? [] : [{ port: Number(values['crm-port']), flag: '--crm-port', what: 'the CRM API' }]),
      ],
      values.host,
      command,
    )),
  ],
  command,
);

if (values.build) {
  console.log('Building the packages…');
  // The pnpm that runs this script (npm_execpath), else the one on the PATH.
  const pnpm = process.env.npm_execpath
    ? [process.execPath, [process.env.npm_execpath]]
    : ['pnpm', [], { shell: process.platform === 'win32' }];
  const built = spawnSync(pnpm[0], [...pnpm[1], '-r', '--filter', './packages/**', 'run', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    ...pnpm[2],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const vite = await import('vite');
let devServer = null;
let publicUrl;
if (values.dev) {
  devServer = await vite.createServer({
    configFile: `${portalDir}vite.config.ts`,
    server: {
      host: values.host,
      // Not the string shorthand: that rewrites Host, and the backend checks Origin against Host.
      proxy: {
        '/api': { target: `http://${values.host}:${values.port}` },
        '/crm': { target: `http://${values.host}:${values.port}` },
      },
    },
  });
  await devServer.listen();
  publicUrl = devServer.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? 'http://localhost:5173';
} else {
  console.log('Building the portal (vite build)…');
  await vite.build({ configFile: `${portalDir}vite.config.ts`, logLevel: 'warn' });
}

const child = spawn(
  process.execPath,
  [
    '--conditions=@crmkit/source',
    '--import',
    'tsx',
    'server/main.ts',
    '--port',
    values.port,
    '--crm-port',
    values['crm-port'],
    '--host',
    values.host,
    '--data-dir',
    resolve(values['data-dir']),
    ...(values.dev ? ['--public-url', publicUrl] : ['--static-dir', 'dist']),
  ],
  { cwd: portalDir, stdio: 'inherit' },
);

// Ctrl-C reaches the whole process group, the backend included (it stops once, however often it is told);
// a signal sent to this process alone is passed on. Either way we wait for the backend, then stop Vite.
const shutdown = (signal) => {
  if (child.exitCode === null) child.kill(signal);
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
child.on('exit', async (code, signal) => {
  await devServer?.close();
  process.exit(code ?? (signal ? 1 : 0));
});

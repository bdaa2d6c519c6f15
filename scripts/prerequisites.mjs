/**
 * What the repository's commands need from the machine, checked before they start, so that a missing piece stops
 * them at once with what to install and how — not minutes later in the middle of a build or a test run.
 * `pnpm test` (scripts/test.mjs) needs Node, installed dependencies, Chromium and npm; `pnpm demo`
 * (examples/portal/scripts/demo.mjs) needs Node and two free ports. Each check returns a message, or null when all is
 * well.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const repoRoot = new URL('..', import.meta.url);

/** The Chromium every browser test drives: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Node older than the root package.json's `engines.node` (`>=20.19`). */
export function nodeProblem(version = process.versions.node) {
  const engines = JSON.parse(readFileSync(new URL('package.json', repoRoot), 'utf8')).engines.node;
  const [, major, minor] = /(\d+)\.(\d+)/.exec(engines) ?? [];
  const [have, haveMinor] = version.split('.').map(Number);
  if (have > Number(major) || (have === Number(major) && haveMinor >= Number(minor))) return null;
  return `Node ${version} is too old: this repository needs Node ${engines} (https://nodejs.org, or \`nvm install 20\`).`;
}

/** Dependencies not installed yet. */
export function installProblem() {
  if (existsSync(new URL('node_modules/.bin/vitest', repoRoot))) return null;
  return 'The dependencies are not installed: run `pnpm install --frozen-lockfile` (or `npx --yes pnpm@10 install --frozen-lockfile`) first.';
}

/** No Chromium where the browser tests look for it. */
export function chromiumProblem(path = chromiumPath()) {
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return [
      `Chromium was not found at ${path}. The widget, hook, Storybook and example tests run in a real Chromium, and never download one. Install it:`,
      '    Debian/Ubuntu:  sudo apt-get install chromium',
      '    Fedora:         sudo dnf install chromium',
      '    macOS:          brew install --cask chromium',
      'or point CHROMIUM_PATH at a Chromium or Chrome you already have, e.g.',
      '    CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" pnpm test',
    ].join('\n');
  }
}

/** No npm on the PATH (the pack check installs the packed tarballs with npm, as a user would). */
export function npmProblem() {
  const npm = spawnSync('npm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (npm.status === 0) return null;
  return 'npm was not found on the PATH: the pack check installs the packed packages with npm. It comes with Node (https://nodejs.org).';
}

/** Whether `port` can be listened on at `host`. */
function isFree(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * The ports of `ports` (`{ port, flag }`) that something else already listens on at `host`, with the command-line
 * flag that picks another.
 */
export async function portProblems(ports, host, command = 'pnpm demo') {
  const problems = [];
  for (const { port, flag, what } of ports) {
    if (await isFree(port, host)) continue;
    problems.push(
      `Port ${port} (${what}) on ${host} is already in use — another demo or crmkit-server still running? Stop it, or pick another port: ${command} ${flag} ${port + 1000}`,
    );
  }
  return problems;
}

/** Prints the problems and ends the process when there are any. */
export function stopOn(problems, what) {
  const found = problems.filter(Boolean);
  if (found.length === 0) return;
  console.error(`\n✖ ${what} cannot start:\n\n${found.map((p) => `• ${p}`).join('\n\n')}\n`);
  process.exit(1);
}

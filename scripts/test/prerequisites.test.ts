import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumProblem, nodeProblem, portProblems } from '../prerequisites.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs a script of the repository with Node and returns its exit code and output. */
function runScript(args: string[], env: Record<string, string> = {}) {
  // A script that got past its checks would go on to build and serve: stop it rather than wait.
  const run = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('prerequisites of pnpm test and pnpm demo', () => {
  it('says how to install Chromium, or where to point CHROMIUM_PATH, when there is none', () => {
    const problem = chromiumProblem('/nonexistent/chromium');
    expect(problem).toContain('Chromium was not found at /nonexistent/chromium');
    expect(problem).toContain('sudo apt-get install chromium');
    expect(problem).toContain('brew install --cask chromium');
    expect(problem).toContain('CHROMIUM_PATH=');
    expect(chromiumProblem(process.execPath)).toBeNull();
  });

  it("compares Node's version with the engines of package.json", () => {
    expect(nodeProblem('18.20.4')).toContain('needs Node >=20.19');
    expect(nodeProblem('20.18.1')).toContain('needs Node >=20.19');
    expect(nodeProblem('20.19.0')).toBeNull();
    expect(nodeProblem('22.3.0')).toBeNull();
  });

  it('names a port in use and the flag that picks another', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    try {
      const problems = await portProblems([{ port, flag: '--crm-port', what: 'the CRM API' }], '127.0.0.1');
      expect(problems).toEqual([expect.stringContaining(`Port ${port} (the CRM API) on 127.0.0.1 is already in use`)]);
      expect(problems[0]).toContain(`pnpm demo --crm-port ${port + 1000}`);
    } finally {
      server.close();
    }
    expect(await portProblems([{ port, flag: '--port', what: 'the portal' }], '127.0.0.1')).toEqual([]);
  });

  it('pnpm test stops before its first step when Chromium is missing, saying what to install', () => {
    const { status, output } = runScript(['scripts/test.mjs'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(status).toBe(1);
    expect(output).toContain('pnpm test cannot start');
    expect(output).toContain('sudo apt-get install chromium');
    expect(output).not.toContain('▶ lint');
  });

  it('pnpm demo stops before building when its port is taken, saying which flag picks another', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    try {
      const { status, output } = runScript([
        'examples/portal/scripts/demo.mjs',
        '--build',
        '--port',
        String(port),
        '--crm-port',
        '0',
      ]);
      expect(status).toBe(1);
      expect(output).toContain(`Port ${port} (the portal)`);
      expect(output).toContain(`pnpm demo --port ${port + 1000}`);
      expect(output).not.toContain('Building the packages');
    } finally {
      server.close();
    }
  });
});

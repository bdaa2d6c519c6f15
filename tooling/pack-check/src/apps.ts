import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ReadmeSetup } from './readme.js';

const run = promisify(execFile);

/** How to make a fresh host app: the README's setup, the packed packages, and the versions of everything else. */
export interface AppOptions {
  /** The folder to create the app in (it must not exist yet, or be empty). */
  dir: string;
  readme: ReadmeSetup;
  /** The tarball of each published package, by name. */
  tarballs: Map<string, string>;
  /** Exact versions of the third-party packages (React, TanStack, Vite, Next.js, ...): the ones the monorepo tests. */
  versions: Record<string, string>;
}

async function writeFiles(dir: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/**
 * `npm install` of the README's packages plus `extra` into a new app: `@crmkit/*` from the tarballs (the ones the app
 * installs by name, and — through `overrides` — the ones they depend on), the rest at the pinned versions. Peer
 * dependencies are left to npm, as for a user. Uses npm's cache and prefers it over the registry.
 */
async function install(options: AppOptions, manifest: Record<string, unknown>, extra: string[]) {
  const spec = (name: string) => {
    const tarball = options.tarballs.get(name);
    if (tarball) return tarball;
    const version = options.versions[name];
    return version ? `${name}@${version}` : name;
  };
  const direct = [...options.readme.packages, ...extra];
  const overrides = Object.fromEntries(
    [...options.tarballs]
      .filter(([name]) => !direct.includes(name))
      .map(([name, tarball]) => [name, `file:${tarball}`]),
  );
  await writeFiles(options.dir, { 'package.json': `${JSON.stringify({ ...manifest, overrides }, null, 2)}\n` });
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-exact', '--loglevel=error'];
  await run('npm', [...args, ...direct.map(spec)], {
    cwd: options.dir,
    shell: process.platform === 'win32',
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stderr?: string }) => {
    throw new Error(`npm install failed in ${options.dir}:\n${error.stderr ?? error}`);
  });
}

/**
 * A new Vite + React app with the README's component (`src/CrmWidgets.tsx`) as its page, and the `vite.config.ts`
 * of docs/embedding.md: `/crm` proxied to the CRM (`CRM_URL`), `/api` to the host's backend (`API_URL`), in
 * `vite dev` and `vite preview` alike.
 */
export async function createViteApp(options: AppOptions): Promise<void> {
  await install(options, { name: 'vite-host', private: true, type: 'module' }, ['vite', '@vitejs/plugin-react']);
  await writeFiles(options.dir, {
    'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Vite host</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
    'vite.config.ts': `import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const crm = {
  target: process.env.CRM_URL ?? 'http://127.0.0.1:4321',
  changeOrigin: true,
  rewrite: (path: string) => path.replace(/^\\/crm/, ''),
};
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/crm': crm, '/api': api } },
  preview: { proxy: { '/crm': crm, '/api': api } },
});
`,
    'src/CrmWidgets.tsx': options.readme.component,
    'src/main.tsx': `import { createRoot } from 'react-dom/client';
import { CrmWidgets } from './CrmWidgets';

createRoot(document.getElementById('root')!).render(<CrmWidgets />);
`,
  });
}

/**
 * A new Next.js App Router app with the README's component (`app/CrmWidgets.tsx`) on its home page, and the Next.js
 * setup of docs/embedding.md: the token route handler (the signed-in user is `CRM_USER_ID` here) and a rewrite of
 * `/crm` to the CRM (`CRM_URL`, read at build time).
 */
export async function createNextApp(options: AppOptions): Promise<void> {
  await install(options, { name: 'next-host', private: true }, [
    'next',
    'typescript',
    '@types/react',
    '@types/react-dom',
    '@types/node',
  ]);
  await writeFiles(options.dir, {
    'next.config.ts': `import type { NextConfig } from 'next';

const config: NextConfig = {
  async rewrites() {
    return [{ source: '/crm/:path*', destination: \`\${process.env.CRM_URL}/:path*\` }];
  },
};

export default config;
`,
    'app/layout.tsx': `import type { ReactNode } from 'react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  );
}
`,
    'app/page.tsx': `import { CrmWidgets } from './CrmWidgets';

export default function Page() {
  return (
    <main>
      <h1>Next.js host</h1>
      <CrmWidgets />
    </main>
  );
}
`,
    'app/CrmWidgets.tsx': options.readme.component,
    'app/api/crm-token/route.ts': `export async function POST() {
  const res = await fetch(\`\${process.env.CRM_URL}/v1/embed-tokens\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.CRM_API_KEY}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId: process.env.CRM_USER_ID, expiresInSeconds: 900 }),
  });
  if (!res.ok) return Response.json({ error: 'The CRM is unavailable.' }, { status: 502 });
  return Response.json(await res.json(), { headers: { 'Cache-Control': 'no-store' } });
}
`,
  });
}

/** Runs a package's command-line tool of an app (`vite build`, `next build`) with Node; throws with its output. */
export async function runTool(
  dir: string,
  bin: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(dir, 'node_modules', bin), ...args], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${bin} ${args.join(' ')} failed in ${dir}:\n${stdout}\n${stderr}`);
  }
}

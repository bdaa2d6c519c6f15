import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type RunningCrmServer, startCrmServer } from '@crmkit/server/node';
import { vi as vietnamese } from '@crmkit/ui/locales/vi';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium as chromiumOptions } from '../../../scripts/chromium.js';
import { type CachedSeed, cachedSeed, seededApiKey } from '../../../scripts/e2e-seed.js';
import { createNextApp, createViteApp, runTool } from '../src/apps.js';
import { installedEntries, loadScript } from '../src/entries.js';
import { readmeSetup } from '../src/readme.js';
import { type Started, startTokenBackend, startTool } from '../src/servers.js';
import { inspectPackage, type PublishedPackage, pack, publishedPackages, unpack } from '../src/tarballs.js';

/**
 * The packages as a new user gets them: every published package packed with `pnpm pack` (its tarball checked), then
 * installed with npm into a brand-new Vite app and a brand-new Next.js app whose page is the README's snippet, built
 * for production, served (the reference server behind them, demo seed), and looked at in Chromium.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const USER = 'usr_demo_minh';
/**
 * The optional peers a package's code may import: zod, only in `@crmkit/client/validate`, which a host imports itself
 * when it turns validation on (`validate: () => import('@crmkit/client/validate')`), after `npm install zod` as the
 * client's README says. Every other optional peer the code imports fails the check (issue 18 #1).
 */
const optionalImports = { '@crmkit/client': ['zod'] };

let work: string;
let packages: PublishedPackage[];
let tarballs: Map<string, string>;
let seed: CachedSeed;
let crm: RunningCrmServer | undefined;
const servers: Started[] = [];
let viteUrl: string;
let nextUrl: string;
let viteDir: string;
let browser: Browser;
const timings: string[] = [];

/** The versions of third-party packages the monorepo itself tests with, so a new release elsewhere can't fail this. */
function pinnedVersions(): Record<string, string> {
  const manifest = (dir: string) =>
    JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
  const all = { ...manifest('.').devDependencies, ...manifest('packages/ui').devDependencies };
  const { next } = manifest('examples/fitness-club').dependencies!;
  return Object.fromEntries(
    Object.entries({ ...all, next: next! })
      .filter(([, v]) => /^\^?\d/.test(v))
      .map(([name, v]) => [name, v.replace(/^\^/, '')]),
  );
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await work();
  timings.push(`${label} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

beforeAll(async () => {
  const t0 = performance.now();
  packages = await publishedPackages(repoRoot);
  const unbuilt = packages.filter((p) => !existsSync(join(p.dir, 'dist')));
  if (unbuilt.length)
    throw new Error(`Build the packages first (pnpm build): no dist in ${unbuilt.map((p) => p.name)}`);
  work = await mkdtemp(join(tmpdir(), 'crmkit-pack-check-'));
  tarballs = await timed('pnpm pack', () => pack(packages, join(work, 'tarballs')));
  const readme = await readmeSetup(join(repoRoot, 'README.md'));
  const app = (dir: string) => ({ dir: join(work, dir), readme, tarballs, versions: pinnedVersions() });
  viteDir = join(work, 'vite-host');
  const nextDir = join(work, 'next-host');
  seed = await cachedSeed('demo', fileURLToPath(new URL('../node_modules/.cache/pack-check/', import.meta.url)));
  // The reference server starts while npm installs both apps.
  const started = await Promise.allSettled([
    startCrmServer({ database: seed.database, port: 0, seed: 'demo', slaSweepMs: 0 }),
    timed('npm install (Vite app)', () => createViteApp(app('vite-host'))),
    timed('npm install (Next.js app)', () => createNextApp(app('next-host'))),
  ]);
  if (started[0].status === 'fulfilled') crm = started[0].value;
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  const apiKey = await seededApiKey(crm!, 'ws_demo');
  const backend = await startTokenBackend({ url: crm!.url, apiKey }, USER);
  servers.push(backend);
  await Promise.all([
    timed('vite build', () => runTool(viteDir, 'vite/bin/vite.js', ['build'])),
    timed('next build', () => runTool(nextDir, 'next/dist/bin/next', ['build'], { CRM_URL: crm!.url })),
  ]);
  const vite = await startTool(
    viteDir,
    'vite/bin/vite.js',
    (port) => ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { CRM_URL: crm!.url, API_URL: backend.url },
  );
  servers.push(vite);
  viteUrl = vite.url;
  const next = await startTool(
    nextDir,
    'next/dist/bin/next',
    (port) => ['start', '--port', String(port), '--hostname', '127.0.0.1'],
    { CRM_URL: crm!.url, CRM_API_KEY: apiKey, CRM_USER_ID: USER },
  );
  servers.push(next);
  nextUrl = next.url;
  browser = await chromium.launch(chromiumOptions);
  console.log(
    `pack check ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (${timings.join(', ')}; ${seed.cached ? 'cached demo database' : 'seeded now'})`,
  );
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (crm) {
    await seed.save(crm.db);
    await crm.close();
  }
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * Opens `url` and checks what a user sees: the contacts grid with rows, the ContactCard of a row clicked (Vietnamese,
 * as the README's `locale="vi-VN"` asks), the stylesheet applied, and not one console error or warning.
 * Set PACK_CHECK_SCREENSHOTS to a folder to keep a screenshot of each app there.
 */
async function expectWidgets(page: Page, url: string, name: string) {
  const problems: string[] = [];
  page.on('console', (m) => {
    // The apps have no favicon: the browser's request for one is not the widgets' doing.
    if (m.location().url.endsWith('/favicon.ico')) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`[${m.type()}] ${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(`[pageerror] ${error.message}`));
  await page.goto(url);
  const grid = page.getByRole('grid');
  const row = grid.getByRole('row').filter({ hasText: '@' }).first();
  await row.waitFor();
  const email = (await row.getByRole('gridcell').filter({ hasText: '@' }).first().textContent())!.trim();
  await row.click();
  // The card's channel link, in Vietnamese: only the ContactCard has it (the grid shows the address as text).
  await page.getByRole('link', { name: `${vietnamese['action.sendEmail']}: ${email}` }).waitFor();
  const styled = await page.evaluate(() =>
    [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.crm-root'))),
  );
  expect(styled, '@crmkit/ui/styles.css is applied').toBe(true);
  const shots = process.env.PACK_CHECK_SCREENSHOTS;
  if (shots) await page.screenshot({ path: join(shots, `pack-check-${name}.png`), fullPage: true });
  expect(problems).toEqual([]);
}

describe('the published packages, as a new user installs them', () => {
  it('packs every published package with a clean manifest, complete exports and portable source maps', async () => {
    const published = new Set(packages.map((p) => p.name));
    const problems: string[] = [];
    for (const pkg of packages) {
      const root = await unpack(tarballs.get(pkg.name)!, join(work, 'unpacked', pkg.name));
      problems.push(
        ...(await inspectPackage(root, { published, buildPaths: [repoRoot.replace(/\/$/, '')], optionalImports })),
      );
    }
    expect(problems).toEqual([]);
  });

  it('loads every entry of the installed packages in Node, with import and with require', async () => {
    const entries = await installedEntries(viteDir);
    expect(entries.map((e) => e.entry)).toContain('@crmkit/ui/contacts-table');
    const run = promisify(execFile);
    for (const type of ['module', 'commonjs'] as const) {
      const script = loadScript(entries, type === 'commonjs');
      const { stdout } = await run(process.execPath, [`--input-type=${type}`, '-e', script], { cwd: viteDir });
      expect(JSON.parse(stdout), type).toEqual([]);
    }
  });

  it('renders the widgets in a Vite app built from the README (vite build, vite preview with the /crm proxy)', async () => {
    await expectWidgets(await browser.newPage(), viteUrl, 'vite');
  });

  it('renders the widgets in a Next.js app built from the README (next build, next start, /crm rewrite)', async () => {
    const html = await (await fetch(nextUrl)).text();
    expect(html, 'the server renders the widget roots').toContain('crm-root');
    await expectWidgets(await browser.newPage(), nextUrl, 'next');
  });
});

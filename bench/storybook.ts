/**
 * Benchmark: the static Storybook's first story, as a visitor meets it. `storybook build` of this tree, served by a
 * plain static server (no compression, ETag revalidation) under `/crmkit/storybook/` on localhost, opened in Chromium
 * at the manager's URL of a story (`?path=/story/<id>`), as someone following a link would.
 *
 * Per story, `CRMKIT_BENCH_RUNS` (default 5) rounds of:
 * - cold: a fresh browser (empty HTTP and code caches), one navigation;
 * - warm: the same page navigated again (HTTP cache primed, revalidated; compiled WebAssembly cached).
 *
 * Measured from the top page's navigation start (`performance.timeOrigin`) to the first frame in which the story's
 * content is visible in the preview iframe, and to the first frame showing "Starting the demo CRM in your browser…";
 * plus the bytes and requests the server answered. Side by side, in the same run: a story without a database (the
 * primitives' buttons), the floor any story pays for Storybook itself.
 *
 * Budget (issue 19): the first story with data ≤ 2 s, cold. Writes bench/results/storybook.json; exits 1 when over.
 *
 *   pnpm bench storybook          # CRMKIT_BENCH_RUNS=3 for a quicker look
 *
 * `CRMKIT_BENCH_STORYBOOK_DIR=storybook-static` measures an existing build instead of building one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright';
import { chromium as chromiumOptions } from '../scripts/chromium.js';
import { buildStorybook, type StaticSite, serveStatic } from '../scripts/storybook-static.js';

const RUNS = Number(process.env.CRMKIT_BENCH_RUNS ?? 5);
const BUDGET_COLD_MS = 2000;
const BASE = '/crmkit/storybook/';

/** The stories opened, and how to tell their content is on screen. */
const STORIES = [
  { id: 'primitives-buttons--variants', label: 'Buttons (no database)', ready: 'button', data: false },
  {
    id: 'widgets-contactstable--default',
    label: 'ContactsTable',
    ready: '[role="grid"] tbody th[scope="row"]',
    data: true,
  },
  { id: 'widgets-contactcard--vietnamese', label: 'ContactCard, Vietnamese', ready: 'h2', data: true },
] as const;

interface Load {
  /** Navigation start → the story's content visible (ms). */
  firstStory: number;
  /** Navigation start → "Starting the demo CRM…" visible (ms), if it showed. */
  starting: number | null;
  bytes: number;
  requests: number;
}

/** Where a story is opened: in Storybook's UI (the manager, with the story in its preview iframe), or alone. */
const VIEWS = {
  storybook: (id: string) => `?path=/story/${id}`,
  canvas: (id: string) => `iframe.html?id=${id}&viewMode=story`,
} as const;
type View = keyof typeof VIEWS;

const STARTING = '.crm-story-starting';

/**
 * Runs in the page from its start: on each animation frame, notes when each story's content (and the "starting"
 * message) is first visible in the story root — of the page, or of Storybook's preview iframe in it — as an absolute
 * time. (Source text, not a function: tsx would wrap a function's inner functions in a helper the page does not have.)
 */
const watchStoryRoot = (selectors: string[]) => `(() => {
  if (window !== window.top) return;
  const selectors = ${JSON.stringify(selectors)};
  const seen = (window.__crmkitSeen = {});
  const tick = () => {
    const preview = document.querySelector('#storybook-preview-iframe');
    const doc = preview ? preview.contentDocument : document;
    for (const selector of selectors) {
      if (seen[selector] === undefined && doc?.querySelector('#storybook-root ' + selector)?.checkVisibility()) {
        seen[selector] = performance.timeOrigin + performance.now();
      }
    }
    if (Object.keys(seen).length < selectors.length) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Navigates `page` to the story and times it (see the module's documentation). */
async function load(page: Page, site: StaticSite, story: (typeof STORIES)[number], view: View): Promise<Load> {
  site.resetLog();
  await page.goto(`${site.url}${VIEWS[view](story.id)}`, { waitUntil: 'commit' });
  const origin = await page.evaluate(() => performance.timeOrigin);
  const root = view === 'storybook' ? page.frameLocator('#storybook-preview-iframe') : page;
  await root.locator(`#storybook-root ${story.ready}`).first().waitFor({ state: 'visible', timeout: 120_000 });
  const seen = await page.evaluate(() => (window as unknown as { __crmkitSeen: Record<string, number> }).__crmkitSeen);
  const readyAt = seen[story.ready]!;
  const startingAt = seen[STARTING];
  return {
    firstStory: Math.round(readyAt - origin),
    starting: startingAt === undefined || startingAt > readyAt ? null : Math.round(startingAt - origin),
    bytes: site.log.reduce((sum, r) => sum + r.bytes, 0),
    requests: site.log.length,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : Math.round((s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};

/** Median, min, max and the samples. */
function stats(xs: number[]) {
  return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), samples: xs } : null;
}

function summary(loads: Load[]) {
  return {
    firstStory: stats(loads.map((l) => l.firstStory)),
    starting: stats(loads.flatMap((l) => (l.starting === null ? [] : [l.starting]))),
    bytes: median(loads.map((l) => l.bytes)),
    requests: median(loads.map((l) => l.requests)),
  };
}

const prebuilt = process.env.CRMKIT_BENCH_STORYBOOK_DIR;
const out = prebuilt ?? mkdtempSync(join(tmpdir(), 'crmkit-bench-storybook-'));
let site: StaticSite | undefined;
let context: BrowserContext | undefined;
try {
  const t0 = performance.now();
  if (!prebuilt) {
    console.log('building the static Storybook…');
    await buildStorybook(out);
  }
  const buildSeconds = prebuilt ? null : Math.round((performance.now() - t0) / 100) / 10;
  site = await serveStatic(out, BASE);
  console.log(`${prebuilt ? `measuring ${prebuilt}` : `built in ${buildSeconds} s`}; serving ${site.url}`);

  const results = [];
  for (const view of Object.keys(VIEWS) as View[]) {
    for (const story of STORIES) {
      const cold: Load[] = [];
      const warm: Load[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A fresh profile each round: empty HTTP cache and code cache. Warm: the same page, navigated again.
        const profile = mkdtempSync(join(tmpdir(), 'crmkit-bench-profile-'));
        context = await chromium.launchPersistentContext(profile, {
          ...chromiumOptions,
          viewport: { width: 1280, height: 800 },
        });
        await context.addInitScript({ content: watchStoryRoot([...STORIES.map((s) => s.ready), STARTING]) });
        const page = context.pages()[0] ?? (await context.newPage());
        cold.push(await load(page, site, story, view));
        warm.push(await load(page, site, story, view));
        await context.close();
        context = undefined;
        rmSync(profile, { recursive: true, force: true });
        const [c, w] = [cold.at(-1)!, warm.at(-1)!];
        console.log(
          `${view} ${story.label}: cold ${c.firstStory} ms (${(c.bytes / 1e6).toFixed(1)} MB), warm ${w.firstStory} ms`,
        );
      }
      results.push({
        view,
        id: story.id,
        label: story.label,
        data: story.data,
        cold: summary(cold),
        warm: summary(warm),
      });
    }
  }

  const worst = Math.max(
    ...results.filter((r) => r.data && r.view === 'storybook').map((r) => r.cold.firstStory!.median),
  );
  const pass = worst <= BUDGET_COLD_MS;
  const report = {
    benchmark: 'storybook',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, loadavg: loadavg().map((l) => Math.round(l * 10) / 10) },
    server: `static files under ${BASE} on localhost, no compression, ETag revalidation`,
    runs: RUNS,
    buildSeconds,
    budgetColdMs: BUDGET_COLD_MS,
    worstColdMedianMs: worst,
    pass,
    stories: results,
  };
  writeFileSync(new URL('results/storybook.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  console.table(
    results.map((r) => ({
      view: r.view,
      story: r.label,
      'cold median ms': r.cold.firstStory?.median,
      'cold max ms': r.cold.firstStory?.max,
      'message at ms': r.cold.starting?.median ?? '—',
      'cold MB': (r.cold.bytes / 1e6).toFixed(1),
      'warm median ms': r.warm.firstStory?.median,
      'warm MB': (r.warm.bytes / 1e6).toFixed(2),
    })),
  );
  console.log(`first story with data, cold: ${worst} ms (budget ${BUDGET_COLD_MS} ms) → ${pass ? 'pass' : 'FAIL'}`);
  process.exitCode = pass ? 0 : 1;
} finally {
  await context?.close();
  await site?.close();
  if (!prebuilt) rmSync(out, { recursive: true, force: true });
}

/**
 * Benchmark: `PipelineBoard` in real Chromium at 1,000 / 10,000 / 50,000 deals on 8 stages, side by side with a
 * non-virtualized board built from the same cards (bench/board/plain.tsx), on the reference server (PGlite, in this
 * process), in the same run. Per board and size, medians of `CRMKIT_BENCH_RUNS` (default 5) fresh page loads:
 *
 * - first paint: mount → every open column shows cards, painted;
 * - DOM elements and JS heap after GC (CDP) once settled;
 * - move commit and next paint: a real mouse drag from the 2nd to the 3rd column, pointer release → the card in its
 *   new place in the DOM / painted;
 * - keyboard step: Space on a card, then ArrowRight → the gap in the next column, painted;
 * - scroll frames: a column scrolled 60 px per frame for 120 frames (frame times p50 / p95 / max).
 *
 * Budgets (DESIGN.md, issue 13): at 10k, first paint ≥ 8× faster and DOM ≥ 40× smaller than the plain board; DOM
 * ≤ 2,000 and flat from 1k to 50k; move commit ≤ 16 ms, next paint ≤ 50 ms; keyboard step ≤ 150 ms; heap ≤ 15 MB.
 * Writes bench/results/board.json; exits 1 when over budget.
 *
 *   pnpm bench board                       # CRMKIT_BENCH_SIZES=1000,10000 CRMKIT_BENCH_RUNS=3 for a quicker look
 *
 * CRMKIT_BENCH_PROFILE=1 bundles unminified and writes a CPU profile of each drop to /tmp/board-<mode>.cpuprofile.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBigPipeline, startSandbox } from '@crmkit/sandbox';
import { type Browser, chromium, type Page } from 'playwright-core';
import { bundleWidgetPage, serveWidgetPage } from './lib/widget-page.js';

const SIZES = (process.env.CRMKIT_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.CRMKIT_BENCH_RUNS ?? 5);
/** The plain board at 50k deals renders a million elements: fewer runs of it keep the bench under ten minutes. */
const PLAIN_RUNS_50K = Math.min(RUNS, Number(process.env.CRMKIT_BENCH_PLAIN_RUNS_50K ?? 2));
const ALL_MODES = ['virtual', 'plain'] as const;
type Mode = (typeof ALL_MODES)[number];
/** Both boards by default: the budgets compare them. `CRMKIT_BENCH_MODES=virtual` for a look at the widget alone. */
const MODES = (process.env.CRMKIT_BENCH_MODES?.split(',') ?? ALL_MODES) as readonly Mode[];

const root = fileURLToPath(new URL('..', import.meta.url));

interface Sample {
  firstPaint: number;
  dom: number;
  heapMB: number;
  moveCommit: number;
  movePaint: number;
  keyCommit: number;
  keyPaint: number;
  scrollP50: number;
  scrollP95: number;
  scrollMax: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? s.length % 2
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
    : Number.NaN;
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (n: number) => Math.round(n * 10) / 10;

async function measure(page: Page, mode: Mode): Promise<Sample> {
  const firstPaint = await page.evaluate((m) => window.bench.mount(m), mode);
  await page.waitForTimeout(1500); // names, totals and the row height settle
  const dom = await page.evaluate(() => window.bench.dom());
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');

  const { from, to } = await page.evaluate(() => window.bench.armMove());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.waitForTimeout(150); // a few frames: the drop position follows the pointer
  if (process.env.CRMKIT_BENCH_TRACE)
    await page
      .context()
      .browser()!
      .startTracing(page, {
        path: `/tmp/board-${mode}.trace.json`,
        categories: ['devtools.timeline', 'blink', 'v8.execute'],
      });
  if (process.env.CRMKIT_BENCH_PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.mouse.up();
  const move = await page.evaluate(() => window.bench.moveResult());
  if (process.env.CRMKIT_BENCH_TRACE) await page.context().browser()!.stopTracing();
  if (process.env.CRMKIT_BENCH_PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`/tmp/board-${mode}.cpuprofile`, JSON.stringify(profile));
  }
  await page.waitForTimeout(500);

  await page.evaluate(() => window.bench.focusCard());
  await page.keyboard.press('Space');
  await page.waitForTimeout(150);
  await page.evaluate(() => window.bench.armKey());
  await page.keyboard.press('ArrowRight');
  const key = await page.evaluate(() => window.bench.moveResult());
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);

  const frames = await page.evaluate(() => window.bench.scroll());
  return {
    firstPaint,
    dom,
    heapMB: usedSize / 1e6,
    moveCommit: move.commit,
    movePaint: move.paint,
    keyCommit: key.commit,
    keyPaint: key.paint,
    scrollP50: pct(frames, 50),
    scrollP95: pct(frames, 95),
    scrollMax: Math.max(...frames),
  };
}

async function main() {
  const dir = await bundleWidgetPage('board', { minify: !process.env.CRMKIT_BENCH_PROFILE });
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--js-flags=--expose-gc'],
  });
  const results: Record<string, Record<Mode, Record<keyof Sample, number> & { runs: Sample[] }>> = {};
  try {
    for (const size of SIZES) {
      const t0 = Date.now();
      // The reference server in this process on PGlite, with a pipeline of `size` deals (see `addBigPipeline`).
      const sandbox = await startSandbox();
      const { pipelineId } = await addBigPipeline(sandbox.db, sandbox.workspaces[0]!.id, {
        deals: size,
        isDefault: true,
      });
      const http = await serveWidgetPage(dir, sandbox.server);
      const key = sandbox.workspaces[0]!.keys.admin;
      const url = `${http.origin}/bench/index.html?pipeline=${pipelineId}&key=${key}`;
      console.log(`${size.toLocaleString('en')} deals: data in ${Date.now() - t0} ms`);
      const samples: Record<Mode, Sample[]> = { virtual: [], plain: [] };
      for (let run = 0; run < RUNS; run++) {
        // Alternate which board goes first, so neither always runs on a warmer server.
        for (const mode of run % 2 ? [...MODES].reverse() : MODES) {
          if (mode === 'plain' && size >= 50_000 && run >= PLAIN_RUNS_50K) continue;
          const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
          const page = await context.newPage();
          page.on('pageerror', (e) => console.error(`page error (${mode}): ${e.message}`));
          await page.goto(url);
          await page.waitForFunction(() => !!window.bench);
          const s = await measure(page, mode);
          samples[mode].push(s);
          console.log(
            `  ${mode.padEnd(7)} run ${run + 1}: ${Object.entries(s)
              .map(([k, v]) => `${k} ${round(v)}`)
              .join(', ')}`,
          );
          await context.close();
        }
      }
      results[size] = Object.fromEntries(
        MODES.map((mode) => {
          const runs = samples[mode];
          const keys = Object.keys(runs[0]!) as (keyof Sample)[];
          return [mode, { ...Object.fromEntries(keys.map((k) => [k, round(median(runs.map((r) => r[k])))])), runs }];
        }),
      ) as never;
      http.close();
      await sandbox.close();
    }
  } finally {
    await browser.close();
  }

  // ── Budgets ─────────────────────────────────────────────────────────────────────────────────────────────────
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => ok || failures.push(what);
  const at10k = results[10_000];
  if (at10k?.plain && at10k.virtual) {
    const speedup = at10k.plain.firstPaint / at10k.virtual.firstPaint;
    const fewer = at10k.plain.dom / at10k.virtual.dom;
    check(speedup >= 8, `first paint at 10k only ${speedup.toFixed(1)}× faster than the plain board (≥ 8×)`);
    check(fewer >= 40, `DOM at 10k only ${fewer.toFixed(1)}× smaller than the plain board (≥ 40×)`);
  }
  const doms = SIZES.map((n) => results[n]!.virtual.dom);
  check(
    Math.max(...doms) - Math.min(...doms) <= 0.1 * Math.min(...doms),
    `DOM not flat across sizes: ${doms.join(', ')}`,
  );
  for (const n of SIZES) {
    const v = results[n]!.virtual;
    check(v.dom <= 2000, `${n}: DOM ${v.dom} > 2,000`);
    check(v.moveCommit <= 16, `${n}: move commit ${v.moveCommit} ms > 16`);
    check(v.movePaint <= 50, `${n}: move paint ${v.movePaint} ms > 50`);
    check(v.keyPaint <= 150, `${n}: keyboard step ${v.keyPaint} ms > 150`);
    check(v.heapMB <= 15, `${n}: heap ${v.heapMB} MB > 15`);
  }
  const report = {
    benchmark: 'board',
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    runs: RUNS,
    plainRunsAt50k: PLAIN_RUNS_50K,
    budgets: {
      firstPaintSpeedupAt10k: 8,
      domRatioAt10k: 40,
      dom: 2000,
      moveCommitMs: 16,
      movePaintMs: 50,
      keyboardStepMs: 150,
      heapMB: 15,
    },
    results,
    failures,
  };
  writeFileSync(join(root, 'bench/results/board.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nmedians:');
  for (const n of SIZES) {
    for (const mode of MODES) {
      const { runs: _runs, ...m } = results[n]![mode];
      console.log(
        `  ${String(n).padStart(6)} ${mode.padEnd(7)} ${Object.entries(m)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    }
  }
  console.log(failures.length ? `\nover budget:\n  ${failures.join('\n  ')}` : '\nall budgets met');
  process.exit(failures.length ? 1 : 0);
}

await main();

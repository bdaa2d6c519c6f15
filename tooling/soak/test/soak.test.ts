import { describe, expect, it } from 'vitest';
import { runSoak, type SoakReport } from '../src/index.js';

/**
 * The quick soak (the long one is `pnpm bench soak`): clients write for 25 s while the server process is killed
 * (SIGKILL) at random every 3–7 s and restarted; nothing acknowledged may be lost or duplicated, and every check holds.
 * On PGlite in a data directory; on PostgreSQL instead when CRMKIT_TEST_DATABASE_URL is set.
 */
const url = process.env.CRMKIT_TEST_DATABASE_URL;

function expectSound(report: SoakReport) {
  const summary = JSON.stringify({ ...report, memory: undefined }, null, 2);
  expect(report.problems, summary).toEqual([]);
  expect(report.lost, summary).toBe(0);
  expect(report.duplicated, summary).toBe(0);
  expect(report.checks, summary).toEqual({
    versionsMonotonic: true,
    batchesAtomic: true,
    conversionsAtomic: true,
    ranksTotalOrder: true,
    feedComplete: true,
    feedDeliveredOnce: true,
    feedResumable: true,
  });
  // A kill every 3–7 s, but a restart under heavy load takes ~10 s of its own: at least one, usually two or three.
  expect(report.restarts.survived).toBeGreaterThanOrEqual(1);
  // Enough writes around the kills to mean something; a shared, overloaded machine still manages ~90 in 25 s.
  expect(report.acknowledged).toBeGreaterThan(40);
  expect(report.verified).toBe(report.acknowledged);
}

describe(`soak on ${url ? 'PostgreSQL' : 'PGlite (a data directory)'}`, () => {
  it('loses and duplicates nothing acknowledged while the server is killed and restarted', async () => {
    const report = await runSoak({
      database: url ? 'postgres' : 'pglite',
      postgresUrl: url,
      durationMs: 25_000,
      steadyMs: 5_000,
      killEveryMs: [3_000, 7_000],
      actors: 4,
      log: (line) => console.log(line),
    });
    expectSound(report);
  }, 110_000);
});

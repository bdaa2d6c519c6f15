import { openDatabase } from '../../packages/server/src/db/database.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { provisionWorkspace } from '../../packages/server/src/workspace/provision.js';

/** The PostgreSQL server the benchmarks use (`CRMKIT_BENCH_DATABASE_URL`, else the local one). */
export const BENCH_DATABASE_URL =
  process.env.CRMKIT_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * Creates database `name` anew on the benchmark's PostgreSQL server (dropping one left by an earlier run), migrates
 * it and provisions one empty workspace with an admin key, for benchmarks whose writes make their own data.
 *
 * @example
 * const { url, key } = await writerWorkspace('crmkit_fanout');
 */
export async function writerWorkspace(name: string): Promise<{ url: string; key: string }> {
  const admin = await openDatabase({ url: BENCH_DATABASE_URL });
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = Object.assign(new URL(BENCH_DATABASE_URL), { pathname: `/${name}` }).toString();
  const db = await openDatabase({ url });
  try {
    await migrate(db);
    const ws = await provisionWorkspace(db, {
      id: 'ws_bench',
      name: 'Benchmark',
      users: [{ name: 'Writer', email: 'writer@bench.test', role: 'admin' }],
      keys: [{ label: 'admin', role: 'admin', userEmail: 'writer@bench.test' }],
    });
    return { url, key: ws.keys.admin! };
  } finally {
    await db.close();
  }
}

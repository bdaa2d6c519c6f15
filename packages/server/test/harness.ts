import {
  freshDatabase as freshTestDatabase,
  startTestServer as startSharedTestServer,
  type TestDatabaseSource,
  type TestServer,
  type TestServerOptions,
} from '@crmkit/sandbox';
import { inject } from 'vitest';

export type { ApiResponse, TestServer, TestWorkspace } from '@crmkit/sandbox';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base64 of a migrated, empty PGlite data directory (see global-setup.ts). */
    pgliteSnapshot: string;
  }
}

/**
 * Where this run's databases come from: a new database on the PostgreSQL server of `CRMKIT_TEST_DATABASE_URL`, else
 * PGlite from the snapshot that global-setup.ts migrated once for every test file.
 */
function databaseSource(): TestDatabaseSource {
  const url = process.env.CRMKIT_TEST_DATABASE_URL;
  if (url) return { url };
  const snapshot = inject('pgliteSnapshot');
  return snapshot ? { snapshot: new Blob([Buffer.from(snapshot, 'base64')]) } : {};
}

/** A fresh, empty database of this run (see {@link databaseSource}); `drop()` closes and removes it. */
export const freshDatabase = () => freshTestDatabase(databaseSource());

/**
 * The shared test server of `@crmkit/sandbox` (workspaces A and B, see `TestServer`) on this run's database, its
 * manual clock at 2026-11-23T02:00:00Z unless `now` says otherwise.
 *
 * @example
 * const t = await startTestServer();
 * const res = await t.call(t.a.keys.admin, 'POST', '/v1/contacts', { firstName: 'An' });
 */
export function startTestServer(options: Omit<TestServerOptions, 'database'> = {}): Promise<TestServer> {
  return startSharedTestServer({ now: '2026-11-23T02:00:00.000Z', ...options, database: databaseSource() });
}

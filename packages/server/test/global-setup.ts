import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.js';
import { openPglite, snapshotDatabase } from '../src/db/pglite.js';

/** Migrates one PGlite database and hands its snapshot to every test file, so each starts in milliseconds. */
export default async function setup(project: TestProject) {
  if (process.env.CRMKIT_TEST_DATABASE_URL) {
    project.provide('pgliteSnapshot', '');
    return;
  }
  const db = await openPglite({});
  await migrate(db);
  const blob = await snapshotDatabase(db);
  await db.close();
  project.provide('pgliteSnapshot', Buffer.from(await blob.arrayBuffer()).toString('base64'));
}

import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, sourceKey } from '../../tooling/sandbox/src/node/source-key.js';

/**
 * The key of the seeded-snapshot caches (the sandbox's, the examples' e2e seeds) changes with what a seeded database
 * is made of — the seed data too, which lives apart from the server's code (`packages/server/seed/`).
 */
describe('sourceKey', () => {
  it.each(['packages/server/seed', 'packages/server/src/db', 'tooling/sandbox/src/data'])(
    'changes when a file under %s does',
    async (dir) => {
      const before = await sourceKey();
      const probe = join(REPO_ROOT, dir, `.source-key-probe-${process.pid}`);
      try {
        await writeFile(probe, 'probe');
        expect(await sourceKey()).not.toBe(before);
      } finally {
        await rm(probe, { force: true });
      }
      expect(await sourceKey()).toBe(before);
    },
  );
});

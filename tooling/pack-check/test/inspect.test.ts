import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InspectOptions, inspectPackage } from '../src/tarballs.js';

/**
 * The tarball checks on small made-up packages: a clean one passes, and each defect a published package once had
 * (issue 18: an optional peer the code imports, build-machine paths and empty source maps, monorepo-only manifest
 * fields) is reported.
 */
let root: string;
const BUILD_PATH = '/home/builder/crmkit';
const options = { published: new Set(['@crmkit/demo', '@crmkit/client']), buildPaths: [BUILD_PATH] };

const clean = {
  'package.json': {
    name: '@crmkit/demo',
    version: '1.0.0',
    type: 'module',
    main: './dist/index.cjs',
    exports: { '.': { import: './dist/index.js', require: './dist/index.cjs' }, './package.json': './package.json' },
    dependencies: { '@crmkit/client': '1.0.0' },
    peerDependencies: { react: '^19.0.0' },
  },
  'dist/index.js': `import { useState } from 'react';\nimport { createCrmClient } from '@crmkit/client';\nexport const x = 1;\n//# sourceMappingURL=index.js.map\n`,
  'dist/index.js.map': {
    version: 3,
    sources: ['../src/index.ts'],
    sourcesContent: ['export const x = 1;'],
    mappings: 'AAAA',
  },
  'dist/index.cjs': `'use strict';\nconst react = require('react');\nexports.x = 1;\n`,
};
type Files = Record<string, unknown>;

async function inspect(files: Files, extra: Partial<InspectOptions> = {}): Promise<string[]> {
  const dir = await mkdtemp(join(root, 'pkg-'));
  for (const [path, content] of Object.entries(files)) {
    if (content === undefined) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return inspectPackage(dir, { ...options, ...extra });
}
const manifest = (changes: Record<string, unknown>) => ({ ...clean['package.json'], ...changes });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pack-check-inspect-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('inspectPackage', () => {
  it('passes a clean package', async () => {
    expect(await inspect(clean)).toEqual([]);
  });

  it('reports an optional peer that the code imports, and an import that is not declared at all', async () => {
    const problems = await inspect({
      ...clean,
      'package.json': manifest({
        peerDependencies: { react: '^19.0.0', '@tanstack/react-table': '^9.3.0' },
        peerDependenciesMeta: { '@tanstack/react-table': { optional: true } },
      }),
      'dist/tables.js': `import { useTable } from "@tanstack/react-table";\nimport "zod";\nexport { useTable };\n`,
    });
    expect(problems).toEqual([
      '@crmkit/demo: dist/tables.js imports @tanstack/react-table, an optional peer: an app without it fails to build — make it a required peer',
      '@crmkit/demo: dist/tables.js imports zod, which is neither a dependency nor a peer dependency',
    ]);
  });

  it('allows an optional peer that the package is declared to import (an opt-in entry)', async () => {
    const files = {
      ...clean,
      'package.json': manifest({
        peerDependencies: { react: '^19.0.0', zod: '^4.0.0' },
        peerDependenciesMeta: { zod: { optional: true } },
      }),
      'dist/validate.js': `import { z } from "zod";\nexport { z };\n`,
    };
    expect(await inspect(files, { optionalImports: { '@crmkit/demo': ['zod'] } })).toEqual([]);
    expect(await inspect(files)).toHaveLength(1);
  });

  it('allows an optional package that is only imported lazily', async () => {
    const lazy = `export const load = () => import('zod');\n`;
    expect(await inspect({ ...clean, 'dist/lazy.js': lazy })).toEqual([]);
  });

  it('reports source maps with build-machine paths, without content, empty, or missing', async () => {
    const problems = await inspect({
      ...clean,
      'dist/a.cjs': `exports.a = 1;\n//# sourceMappingURL=a.cjs.map\n`,
      'dist/a.cjs.map': { version: 3, sources: [`${BUILD_PATH}/dist/a.cjs`, '../src/a.ts'], mappings: '' },
      'dist/b.js': `export {};\n//# sourceMappingURL=b.js.map\n`,
      'dist/b.js.map': { version: 3, sources: [], mappings: '' },
      'dist/c.js': `export {};\n//# sourceMappingURL=c.js.map\n`,
    });
    expect(problems).toEqual([
      `@crmkit/demo: dist/a.cjs.map contains the build machine's path ${BUILD_PATH}`,
      `@crmkit/demo: dist/a.cjs.map names the absolute ${BUILD_PATH}/dist/a.cjs`,
      '@crmkit/demo: dist/a.cjs.map has no content of ../src/a.ts',
      '@crmkit/demo: dist/b.js.map maps no sources',
      '@crmkit/demo: dist/c.js names a source map c.js.map that is missing',
    ]);
  });

  it('reports monorepo-only manifest fields, the source condition, workspace ranges and missing files', async () => {
    const problems = await inspect({
      ...clean,
      'package.json': manifest({
        scripts: { build: 'tsup' },
        devDependencies: { '@crmkit/sandbox': 'workspace:*' },
        exports: { '.': { '@crmkit/source': './src/index.ts', import: './dist/index.js' }, './extra': './dist/x.js' },
        dependencies: { '@crmkit/client': 'workspace:*', '@crmkit/sandbox': '0.0.0' },
      }),
    });
    expect(problems).toEqual([
      '@crmkit/demo: package.json has scripts (build)',
      '@crmkit/demo: package.json has devDependencies (@crmkit/sandbox)',
      '@crmkit/demo: exports keep "@crmkit/source" → ./src/index.ts',
      '@crmkit/demo: @crmkit/client has the range workspace:*',
      '@crmkit/demo: depends on @crmkit/sandbox, which is not published',
      '@crmkit/demo: ./src/index.ts is named in package.json but missing',
      '@crmkit/demo: ./dist/x.js is named in package.json but missing',
    ]);
  });
});

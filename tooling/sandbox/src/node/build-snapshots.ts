/**
 * Builds compact snapshots of data sets into a directory: `<name>.tar.gz` (the data directory) and `<name>.json` (its
 * manifest) for each. Run by the Vite plugin in a child process, from source:
 *
 *   node --conditions=@crmkit/source --import tsx tooling/sandbox/src/node/build-snapshots.ts <outDir> [name...]
 *
 * With no names it builds every data set; `--list` prints their names (JSON) and builds nothing.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASETS, isDatasetName } from '../data/datasets.js';
import { buildSnapshot } from '../data/snapshot.js';

const [outDir, ...names] = process.argv.slice(2);
if (outDir === '--list') {
  console.log(JSON.stringify(Object.keys(DATASETS)));
} else if (!outDir) {
  console.error('usage: build-snapshots.ts <outDir> [name...] | --list');
  process.exit(2);
} else {
  const unknown = names.filter((name) => !isDatasetName(name));
  if (unknown.length) {
    console.error(`unknown data set ${unknown.join(', ')}; have: ${Object.keys(DATASETS).join(', ')}`);
    process.exit(2);
  }
  await mkdir(outDir, { recursive: true });
  for (const name of names.length
    ? names.filter(isDatasetName)
    : (Object.keys(DATASETS) as (keyof typeof DATASETS)[])) {
    const started = performance.now();
    const { data, manifest } = await buildSnapshot(name, { compact: true });
    // Written under temporary names, then renamed: a reader never sees half a file.
    const tmp = `.${process.pid}`;
    await writeFile(join(outDir, `${name}.json${tmp}`), JSON.stringify(manifest));
    await writeFile(join(outDir, `${name}.tar.gz${tmp}`), Buffer.from(await data.arrayBuffer()));
    await rename(join(outDir, `${name}.tar.gz${tmp}`), join(outDir, `${name}.tar.gz`));
    await rename(join(outDir, `${name}.json${tmp}`), join(outDir, `${name}.json`));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`crmkit sandbox: built the ${name} snapshot (${(data.size / 1e6).toFixed(1)} MB) in ${seconds} s`);
  }
}

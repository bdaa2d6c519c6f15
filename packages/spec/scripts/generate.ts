/** Writes openapi.json and src/generated/paths.ts from the zod schemas. `--check` fails on drift instead. */
import { readFileSync, writeFileSync } from 'node:fs';
import { generateArtifacts } from './artifacts.js';

const check = process.argv.includes('--check');
const outputs = await generateArtifacts();
let drift = false;
for (const [file, content] of Object.entries(outputs)) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === content) continue;
  if (check) {
    console.error(`${file} is out of date: run pnpm --filter @crmkit/spec generate`);
    drift = true;
  } else {
    writeFileSync(file, content);
    console.log(`wrote ${file}`);
  }
}
if (drift) process.exit(1);

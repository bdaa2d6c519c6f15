import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const doc = JSON.parse(readFileSync(`${root}openapi.json`, 'utf8'));

interface Finding {
  code: string;
  severity: number;
  path: string[];
  message: string;
}

/** Spectral's findings on the published document, with the package's ruleset (spectral:oas + OWASP 2023). */
async function spectral(): Promise<Finding[]> {
  const bin = `${root}node_modules/.bin/spectral`;
  const args = ['lint', 'openapi.json', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'];
  const run = await promisify(execFile)(bin, args, { cwd: root, maxBuffer: 64 << 20 }).catch(
    (e: { stdout?: string }) => ({ stdout: e.stdout ?? '[]' }),
  );
  return JSON.parse(run.stdout || '[]') as Finding[];
}

describe('openapi.json under the OWASP API Security Top 10 (2023) ruleset', () => {
  it('has no error and no warning (spectral:oas + @stoplight/spectral-owasp-ruleset)', async () => {
    const findings = await spectral();
    const shown = findings.slice(0, 20).map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`);
    expect(shown).toEqual([]);
  }, 60_000);

  it('documents rate-limit and CORS headers on every answer, and a 500 on every operation', () => {
    const resolve = (r: { $ref?: string }) =>
      r.$ref ? doc.components.responses[r.$ref.split('/').pop()!] : (r as Record<string, unknown>);
    for (const [path, ops] of Object.entries<Record<string, { responses: Record<string, { $ref?: string }> }>>(
      doc.paths,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.responses['500'], `${method} ${path}`).toBeDefined();
        for (const [status, res] of Object.entries(op.responses)) {
          const headers = Object.keys(resolve(res).headers ?? {});
          expect(headers, `${method} ${path} ${status}`).toEqual(
            expect.arrayContaining([
              'RateLimit-Limit',
              'RateLimit-Remaining',
              'RateLimit-Reset',
              'Access-Control-Allow-Origin',
            ]),
          );
        }
      }
    }
  });
});

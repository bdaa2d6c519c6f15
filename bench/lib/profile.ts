import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a function's time goes, by what it belongs to. */
const CATEGORIES: [string, RegExp][] = [
  ['pg driver (protocol, parsing rows)', /node_modules\/.*\/(pg|pg-protocol|pg-types|pg-pool|postgres-\w+)\//],
  ['zod (validation)', /node_modules\/.*\/zod\//],
  ['hono (routing, context)', /node_modules\/.*\/hono\/dist\//],
  ['HTTP server (@hono/node-server, node:http)', /@hono\/node-server|node:_http|node:http|_http_/],
  ['sockets and streams (node)', /node:net|node:internal\/(streams|stream_base|webstreams)|node:stream/],
  ['authentication (hash, key lookup, settings)', /packages\/server\/src\/auth\/|core\/settings/],
  ['query building and row mapping', /packages\/server\/src\/(query|resources)\//],
  ['other server code', /packages\/server\/src\//],
  ['crypto (node)', /node:internal\/crypto|webcrypto/],
  ['url, text encoding (node)', /node:internal\/(url|encoding)|node:url/],
];

/**
 * Self time of a CPU profile (`node --cpu-prof`), by category and by function: what the server spends its CPU on.
 * `(idle)` is left out of the shares; `(garbage collector)` and `(program)` (native work such as `JSON.stringify`) are
 * categories of their own. Samples of the first `skipMs` (start-up: loading and compiling modules) are left out.
 */
export function summarizeProfileDir(dir: string, skipMs = 0) {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  return file ? summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, skipMs) : null;
}

/** See {@link summarizeProfileDir}: the same for a profile in hand (e.g. from `node:inspector`). */
export function summarizeProfile(profile: CpuProfile, skipMs = 0) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < skipMs * 1000) continue;
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += micros;
    const category =
      functionName === '(garbage collector)'
        ? 'garbage collector'
        : functionName === '(program)'
          ? 'native (JSON, V8 internals)'
          : (CATEGORIES.find(([, re]) => re.test(url))?.[0] ?? 'other');
    categories.set(category, (categories.get(category) ?? 0) + micros);
    const where = url ? `${url.replace(/^.*\/(node_modules|packages)\//, '$1/')}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const share = (m: Map<string, number>, top: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), share: +((micros / busy) * 100).toFixed(1) }));
  return {
    busyMs: Math.round(busy / 1000),
    wallMs: Math.round((profile.endTime - profile.startTime) / 1000 - skipMs),
    categories: share(categories, 20),
    topFunctions: share(functions, 25),
  };
}

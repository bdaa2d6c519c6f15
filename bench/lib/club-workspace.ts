import type { createCrmServer } from '../../packages/server/src/app.js';
import type { Clock } from '../../packages/server/src/core/clock.js';
import { openDatabase } from '../../packages/server/src/db/database.js';
import type { Database } from '../../packages/server/src/db/types.js';
import { provisionWorkspace } from '../../packages/server/src/workspace/provision.js';

/** The PostgreSQL server the server benchmarks use (each in a database of its own). */
const BASE_URL = process.env.CRMKIT_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * The database a server benchmark runs on: `pglite` (embedded, in memory) or `postgres` — then a database of its own,
 * named `name`, dropped and created again each run.
 */
export async function benchDatabase(target: string, name: string): Promise<Database> {
  if (target === 'pglite') return openDatabase();
  const admin = await openDatabase({ url: BASE_URL });
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  return openDatabase({ url: Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString() });
}

/** The custom fields of a fitness club's members that the segment and automation benchmarks read. */
const MEMBER_FIELDS = [
  { key: 'membershipExpiry', label: { en: 'Expiry' }, type: 'date' as const },
  {
    key: 'membershipPlan',
    label: { en: 'Plan' },
    type: 'select' as const,
    options: ['basic', 'premium', 'vip'].map((value) => ({ value, label: { en: value } })),
  },
  { key: 'visits', label: { en: 'Visits' }, type: 'number' as const },
].map((field) => ({ ...field, custom: true, required: false, sortable: true, filterable: true }));

/**
 * A fitness club's workspace on `db` in `timeZone`, with its members' custom fields, an admin (`usr_bench_admin`, whose
 * API key is `keys.admin`) and the `extraUsers`.
 */
export function provisionClub(
  db: Database,
  options: {
    id: string;
    clock: Clock;
    timeZone: string;
    extraUsers?: { id: string; name: string; email: string; role: 'agent' }[];
  },
) {
  return provisionWorkspace(db, {
    id: options.id,
    name: 'Bench club',
    clock: options.clock,
    settings: { timeZone: options.timeZone, customFields: { contact: MEMBER_FIELDS } },
    users: [
      { id: 'usr_bench_admin', name: 'Admin', email: 'admin@bench.test', role: 'admin' },
      ...(options.extraUsers ?? []),
    ],
    keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@bench.test' }],
  });
}

/** Sends JSON requests to `server` with `key`; throws on an answer that is not a success. */
export function jsonApi(server: Awaited<ReturnType<typeof createCrmServer>>, key: string) {
  return async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await server.fetch(
      new Request(`http://bench.test${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }),
    );
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

import { Session } from 'node:inspector/promises';
import type { CrmServer } from '../../packages/server/src/app.js';
import { type CpuProfile, summarizeProfile } from './profile.js';

/**
 * What the server spends on a request beyond the SQL: `server` runs in this process on a database that answers at
 * once with captured rows (`answeringDatabase`), so each request costs only the server's own work — routing,
 * authentication, validation, building SQL, mapping rows, JSON. CPU time per request by kind, then a CPU profile of the
 * whole mix, by category.
 */
export async function measureOverhead(
  server: CrmServer,
  requests: Record<string, () => Request>,
  iterations: number,
  missed: string[],
) {
  const once = async (make: () => Request) => {
    const res = await server.fetch(make());
    await res.arrayBuffer();
    if (res.status >= 300) throw new Error(`${res.status} from the overhead server`);
  };
  const byKind: Record<string, { cpuUs: number; wallUs: number }> = {};
  for (const [kind, make] of Object.entries(requests)) {
    for (let i = 0; i < 200; i++) await once(make); // warm: JIT, caches
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await once(make);
    const used = process.cpuUsage(cpu);
    byKind[kind] = {
      cpuUs: Math.round((used.user + used.system) / iterations),
      wallUs: Math.round(((performance.now() - t0) * 1000) / iterations),
    };
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < iterations; i++) for (const make of Object.values(requests)) await once(make);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  if (missed.length > 0) throw new Error(`the overhead server sent uncaptured SQL: ${missed[0]}`);
  const kinds = Object.values(byKind);
  return {
    method:
      'the server in the benchmark process on a database that answers each statement at once with the rows captured ' +
      `from PostgreSQL; ${iterations} requests per kind after 200 to warm up; CPU time of the process per request`,
    meanCpuUs: Math.round(kinds.reduce((s, k) => s + k.cpuUs, 0) / kinds.length),
    byKind,
    profile: summarizeProfile(profile as unknown as CpuProfile),
  };
}

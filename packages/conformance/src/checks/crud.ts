import type { ApiRecord } from '../base/fixtures.js';
import { RULES } from '../base/rules.js';
import { defineCheck, forEachResource } from './check.js';

export const crudChecks = [
  defineCheck({
    id: 'crud.lifecycle',
    area: 'crud',
    title: 'Create, read, update and delete every resource',
    level: 'core',
    rule: RULES.crud,
    async run(ctx) {
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const f = ctx.fixtures;
        const base = `/v1/${r}`;
        const token = f.token();
        const created = await ctx.api.post(base, await f.body(r, 1, token));
        ctx.requireStatus(created, [201], `${r}: POST ${base}`);
        const record = created.body as ApiRecord;
        const location = created.headers.get('location');
        if (location && !location.endsWith(`${base}/${record.id}`)) {
          ctx.fail(`${r}: Location ${location} does not name ${base}/${record.id}`, created);
        }
        if (!Number.isInteger(record.version) || record.version < 1) {
          ctx.fail(`${r}: a new record has version ${String(record.version)}`, created);
        }
        const got = await ctx.api.get(`${base}/${record.id}`);
        if (ctx.expectStatus(got, [200], `${r}: GET ${base}/{id} of a new record`)) {
          const body = got.body as ApiRecord;
          if (body.id !== record.id || body.version !== record.version) {
            ctx.fail(
              `${r}: GET returned id ${body.id} version ${body.version}, created ${record.id} v${record.version}`,
              got,
            );
          }
        }
        const listed = await f.listAll(r, token);
        if (!listed.records.some((x) => x.id === record.id)) {
          ctx.fail(`${r}: the new record is not in the list (q=${token})`, listed.exchanges.at(-1));
        }
        const patch = f.patch(r, 7);
        const updated = await ctx.api.patch(`${base}/${record.id}`, patch);
        if (ctx.expectStatus(updated, [200], `${r}: PATCH ${base}/{id}`)) {
          const body = updated.body as ApiRecord;
          if (!(body.version > record.version)) {
            ctx.fail(`${r}: PATCH left version at ${body.version} (was ${record.version})`, updated);
          }
          for (const [k, v] of Object.entries(patch)) {
            if (JSON.stringify(body[k]) !== JSON.stringify(v)) {
              ctx.fail(`${r}: PATCH ${k}=${JSON.stringify(v)} answered ${k}=${JSON.stringify(body[k])}`, updated);
            }
          }
          const untouched = Object.keys(record).filter(
            (k) => !(k in patch) && !['version', 'updatedAt'].includes(k) && typeof record[k] !== 'object',
          );
          for (const k of untouched.slice(0, 6)) {
            if (k === 'id' || JSON.stringify(body[k]) === JSON.stringify(record[k])) continue;
            if (['weightedAmount', 'probability', 'sla', 'nextBreachAt'].includes(k)) continue;
            ctx.fail(
              `${r}: PATCH changed ${k} it did not mention (${JSON.stringify(record[k])} → ${JSON.stringify(body[k])})`,
              updated,
            );
          }
        }
        const deleted = await ctx.api.delete(`${base}/${record.id}`);
        ctx.expectStatus(deleted, [204], `${r}: DELETE ${base}/{id}`);
        const gone = await ctx.api.get(`${base}/${record.id}`);
        ctx.expectProblem(gone, [404], `${r}: GET after DELETE`);
        const again = await ctx.api.delete(`${base}/${record.id}`);
        ctx.expectProblem(again, [404], `${r}: DELETE twice`);
      });
    },
  }),
];

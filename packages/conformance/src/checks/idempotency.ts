import type { ApiRecord } from '../base/fixtures.js';
import { RULES } from '../base/rules.js';
import { defineCheck, forEachResource } from './check.js';

export const idempotencyChecks = [
  defineCheck({
    id: 'idempotency.replay',
    area: 'idempotency',
    title: 'Idempotency-Key: a retried POST or PATCH replays, another body is a 409 problem',
    level: 'full',
    capability: 'idempotency',
    rule: RULES.idempotency,
    async run(ctx) {
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const f = ctx.fixtures;
        const token = f.token();
        const body = await f.body(r, 0, token);
        const key = `conformance-${token}`;
        const first = await ctx.api.post(`/v1/${r}`, body, { headers: { 'idempotency-key': key } });
        ctx.requireStatus(first, [201], `${r}: POST with Idempotency-Key`);
        const retry = await ctx.api.post(`/v1/${r}`, body, { headers: { 'idempotency-key': key } });
        if (ctx.expectStatus(retry, [201], `${r}: the retry with the same key and body`)) {
          if (retry.headers.get('idempotent-replayed') !== 'true') {
            ctx.fail(`${r}: the replay lacks \`Idempotent-Replayed: true\` (docs/api-contract.md)`, retry);
          }
          if ((retry.body as ApiRecord).id !== (first.body as ApiRecord).id) {
            ctx.fail(
              `${r}: the retry created ${(retry.body as ApiRecord).id}, not a replay of ${(first.body as ApiRecord).id}`,
              retry,
            );
          }
        }
        const other = await ctx.api.post(`/v1/${r}`, await f.body(r, 1, token), {
          headers: { 'idempotency-key': key },
        });
        ctx.expectProblem(other, [409], `${r}: the same key with another body`);
        // A PATCH retried after its answer was lost replays it too, rather than being applied again.
        const id = (first.body as ApiRecord).id;
        const patchKey = { headers: { 'idempotency-key': `${key}-patch` } };
        const patched = await ctx.api.patch(`/v1/${r}/${id}`, f.patch(r, 1), patchKey);
        if (ctx.expectStatus(patched, [200], `${r}: PATCH with Idempotency-Key`)) {
          const again = await ctx.api.patch(`/v1/${r}/${id}`, f.patch(r, 1), patchKey);
          if (ctx.expectStatus(again, [200], `${r}: the PATCH retried with the same key and body`)) {
            const [v1, v2] = [patched, again].map((ex) => (ex.body as ApiRecord).version);
            if (again.headers.get('idempotent-replayed') !== 'true' || v2 !== v1) {
              ctx.fail(
                `${r}: the retried PATCH was applied again (version ${v1} → ${v2}), not replayed with \`Idempotent-Replayed: true\``,
                again,
              );
            }
          }
        }
        const { records, exchanges } = await f.listAll(r, token);
        if (records.length !== 1) {
          ctx.fail(
            `${r}: ${records.length} records exist after one create, its retry and a conflicting reuse`,
            exchanges.at(-1),
          );
        }
      });
    },
  }),
];

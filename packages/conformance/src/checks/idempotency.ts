import type { ApiRecord } from '../fixtures.js';
import { RULES } from '../rules.js';
import { defineCheck, forEachResource } from './check.js';

export const idempotencyChecks = [
  defineCheck({
    id: 'idempotency.replay',
    area: 'idempotency',
    title: 'Idempotency-Key: a retry replays, another body is a 409 problem',
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

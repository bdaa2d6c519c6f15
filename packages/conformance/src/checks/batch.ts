import { BATCH_LIMIT } from '@crmkit/spec';
import { componentOf } from '../base/fields.js';
import type { ApiRecord } from '../base/fixtures.js';
import { RULES } from '../base/rules.js';
import { defineCheck, forEachResource, MISSING_ID } from './check.js';

type BatchResult = { results: { index: number; status: number; data?: ApiRecord; error?: unknown }[] };

export const batchChecks = [
  defineCheck({
    id: 'batch.operations',
    area: 'batch',
    title: 'Batch runs create, update and delete with one result per operation',
    level: 'full',
    capability: 'batch',
    rule: RULES.batch,
    async run(ctx) {
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const f = ctx.fixtures;
        const token = f.token();
        const [toUpdate, toDelete] = await f.createSet(r, 2, token);
        const operations = [
          { op: 'create', data: await f.body(r, 2, token) },
          { op: 'create', data: { ...(await f.body(r, 3, token)), conformanceUnknownField: 1 } },
          { op: 'update', id: toUpdate!.id, data: f.patch(r, 3) },
          { op: 'delete', id: toDelete!.id },
          { op: 'update', id: MISSING_ID, data: f.patch(r, 4) },
        ];
        const expected = [201, 400, 200, 204, 404];
        const ex = await ctx.api.post(`/v1/${r}/batch`, { operations });
        ctx.requireStatus(ex, [200], `${r}: POST /v1/${r}/batch`);
        const { results } = ex.body as BatchResult;
        const created = results.find((x) => x.index === 0)?.data;
        if (created?.id) f.track(r, created.id);
        if (results.length !== operations.length) {
          ctx.fail(`${r}: ${operations.length} operations, ${results.length} results`, ex);
        }
        expected.forEach((status, index) => {
          const res = results.find((x) => x.index === index);
          if (res?.status !== status) {
            ctx.fail(
              `${r}: batch operation ${index} (${operations[index]!.op}) has status ${res?.status}, expected ${status}`,
              ex,
            );
          } else if (status >= 400) {
            ctx.expectSchema('Problem', res.error, `${r}: the error of batch operation ${index}`, ex);
          } else if (status !== 204) {
            ctx.expectSchema(componentOf(resource), res.data, `${r}: the data of batch operation ${index}`, ex);
          }
        });
        const { records, exchanges } = await f.listAll(r, token);
        const ids = records.map((x) => x.id);
        if (ids.includes(toDelete!.id))
          ctx.fail(`${r}: the record deleted in the batch is still listed`, exchanges.at(-1));
        if (created?.id && !ids.includes(created.id))
          ctx.fail(`${r}: the record created in the batch is not listed`, exchanges.at(-1));
        if (records.length !== 2)
          ctx.fail(`${r}: ${records.length} records in scope after the batch, expected 2`, exchanges.at(-1));
        const tooMany = Array.from({ length: BATCH_LIMIT + 1 }, () => ({ op: 'delete', id: MISSING_ID }));
        ctx.expectProblem(
          await ctx.api.post(`/v1/${r}/batch`, { operations: tooMany }),
          [400],
          `${r}: a batch of ${BATCH_LIMIT + 1}`,
        );
        ctx.expectProblem(await ctx.api.post(`/v1/${r}/batch`, { operations: [] }), [400], `${r}: an empty batch`);
      });
    },
  }),
];

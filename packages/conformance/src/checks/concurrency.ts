import type { ApiRecord } from '../base/fixtures.js';
import { RULES } from '../base/rules.js';
import { defineCheck, forEachResource } from './check.js';

export const concurrencyChecks = [
  defineCheck({
    id: 'concurrency.if-match',
    area: 'concurrency',
    title: 'If-Match: the current ETag succeeds, a stale one is a 412 problem',
    level: 'full',
    capability: 'etags',
    rule: RULES.ifMatch,
    async run(ctx) {
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const f = ctx.fixtures;
        const record = await f.create(r, await f.body(r, 0, f.token()));
        const path = `/v1/${r}/${record.id}`;
        const got = await ctx.api.get(path);
        ctx.requireStatus(got, [200], `${r}: GET`);
        const etag = got.headers.get('etag');
        if (!etag) return ctx.abort(`${r}: GET ${path} has no ETag`, got);
        const first = await ctx.api.patch(path, f.patch(r, 1), { headers: { 'if-match': etag } });
        ctx.requireStatus(first, [200], `${r}: PATCH with the current ETag`);
        const newTag = first.headers.get('etag');
        if (!newTag || newTag === etag)
          ctx.fail(`${r}: PATCH answered ETag ${newTag ?? 'none'}, the old one was ${etag}`, first);
        // Each step builds on the previous one: the first violation ends this resource's flow.
        const stale = await ctx.api.patch(path, f.patch(r, 2), { headers: { 'if-match': etag } });
        if (!ctx.expectProblem(stale, [412], `${r}: PATCH with a stale If-Match`)) return;
        const current = (stale.body as { current?: ApiRecord }).current;
        if (!current || current.id !== record.id || current.version !== (first.body as ApiRecord).version) {
          ctx.fail(`${r}: the 412 problem's \`current\` is not the stored record`, stale);
        }
        const staleDelete = await ctx.api.delete(path, { headers: { 'if-match': etag } });
        if (!ctx.expectProblem(staleDelete, [412], `${r}: DELETE with a stale If-Match`)) return;
        const still = await ctx.api.get(path);
        ctx.requireStatus(still, [200], `${r}: GET after a refused DELETE`);
        if ((still.body as ApiRecord).version !== (first.body as ApiRecord).version) {
          ctx.fail(`${r}: a refused write changed the record`, still);
        }
        // Concurrent writes from one version: exactly one wins.
        const base = (still.body as ApiRecord).version;
        const tag = still.headers.get('etag') ?? `"${base}"`;
        const racers = await Promise.all(
          [3, 4, 5, 6].map((n) => ctx.api.patch(path, f.patch(r, n), { headers: { 'if-match': tag } })),
        );
        const won = racers.filter((x) => x.status === 200).length;
        const lost = racers.filter((x) => x.status === 412).length;
        if (won !== 1 || lost !== racers.length - 1) {
          ctx.fail(
            `${r}: 4 concurrent PATCHes with If-Match ${tag}: ${won} succeeded, ${lost} got 412 (expected 1 and 3)`,
            racers.find((x) => x.status !== 412) ?? racers[0],
          );
        }
        const final = await ctx.api.get(path);
        if ((final.body as ApiRecord | undefined)?.version !== base + 1 && won === 1) {
          ctx.fail(
            `${r}: after one winning PATCH the version is ${(final.body as ApiRecord).version}, expected ${base + 1}`,
            final,
          );
        }
        const ok = await ctx.api.delete(path, { headers: { 'if-match': final.headers.get('etag') ?? '' } });
        ctx.expectStatus(ok, [204], `${r}: DELETE with the current ETag`);
      });
    },
  }),
];

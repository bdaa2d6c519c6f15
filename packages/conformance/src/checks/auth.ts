import type { ResourceName } from '@crmkit/spec';
import type { ApiRecord } from '../base/fixtures.js';
import { query } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { openEventStream } from '../base/sse.js';
import { defineCheck, forEachResource } from './check.js';

/** A reference from another resource's create body to a record (for cross-workspace reference checks). */
const REFERENCES: Partial<Record<ResourceName, { resource: ResourceName; field: string }>> = {
  companies: { resource: 'contacts', field: 'companyId' },
  contacts: { resource: 'tickets', field: 'requesterId' },
  teams: { resource: 'tickets', field: 'teamId' },
};

export const authChecks = [
  defineCheck({
    id: 'auth.unauthorized',
    area: 'auth',
    title: 'Missing or invalid tokens are 401 problems',
    level: 'core',
    rule: RULES.unauthorized,
    async run(ctx) {
      for (const r of ctx.resources) {
        ctx.expectProblem(
          await ctx.api.get(`/v1/${r.name}`, { token: null }),
          [401],
          `GET /v1/${r.name} without a token`,
        );
      }
      ctx.expectProblem(
        await ctx.api.get('/v1/me', { token: 'ck_conformance_not_a_real_key_000000' }),
        [401],
        'GET /v1/me with an invalid API key',
      );
      ctx.expectProblem(
        await ctx.api.get('/v1/me', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }),
        [401],
        'GET /v1/me with a forged token',
      );
      ctx.expectProblem(
        await ctx.api.post('/v1/contacts', { firstName: 'x' }, { token: null }),
        [401],
        'POST /v1/contacts without a token',
      );
    },
  }),
  defineCheck({
    id: 'auth.isolation',
    area: 'auth',
    title: "Another workspace's token never sees this workspace's records",
    level: 'core',
    rule: RULES.isolation,
    async run(ctx) {
      const b = ctx.apiOther;
      if (!b) return ctx.skip('no token of a second workspace (--token-other-workspace)');
      const meB = await b.get('/v1/me');
      ctx.requireStatus(meB, [200], 'GET /v1/me with the other workspace token');
      if ((meB.body as { workspace: { id: string } }).workspace.id === ctx.me.workspace.id) {
        ctx.skip('the other token belongs to the same workspace');
      }
      const search = ctx.has('search');
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const { token, records } = await ctx.fixtures.sharedListed(r);
        const record = records[0]!;
        const path = `/v1/${r}/${record.id}`;
        ctx.expectProblem(await b.get(path), [404], `${r}: workspace B GET of A's record`);
        ctx.expectProblem(
          await b.patch(path, ctx.fixtures.patch(r, 99)),
          [404],
          `${r}: workspace B PATCH of A's record`,
        );
        ctx.expectProblem(await b.delete(path), [404], `${r}: workspace B DELETE of A's record`);
        const after = await ctx.api.get(path);
        if (ctx.expectStatus(after, [200], `${r}: A's record after B's attempts`)) {
          if ((after.body as ApiRecord).version !== record.version) {
            ctx.fail(
              `${r}: A's record changed after B's attempts (version ${record.version} → ${(after.body as ApiRecord).version})`,
              after,
            );
          }
        }
        const ids = new Set(records.map((x) => x.id));
        const listings = [
          await b.get(`/v1/${r}${query({ q: token, limit: 200 })}`),
          await b.get(`/v1/${r}${query({ limit: 200 })}`),
          await b.get(`/v1/${r}${query({ limit: 200, sort: '-createdAt' })}`),
        ];
        if (search) listings.push(await b.post(`/v1/${r}/search`, { q: token, limit: 200 }));
        for (const ex of listings) {
          const data = (ex.body as { data?: ApiRecord[] } | undefined)?.data ?? [];
          const leaked = data.filter((x) => ids.has(x.id));
          if (leaked.length)
            ctx.fail(`${r}: workspace B's list includes A's records ${leaked.map((x) => x.id).join(', ')}`, ex);
        }
        const ref = REFERENCES[r];
        if (ref && ctx.enabled(ref.resource)) {
          const body = { ...(await ctx.fixtures.body(ref.resource, 0, ctx.fixtures.token())), [ref.field]: record.id };
          for (const k of ['requesterId', 'contactId', 'pipelineId', 'stageId', 'companyId']) {
            if (k !== ref.field && k in body) delete body[k];
          }
          const ex = await b.post(`/v1/${ref.resource}`, body);
          if (ex.status < 400) ctx.fail(`${r}: workspace B created a ${ref.resource} referencing A's ${record.id}`, ex);
          else ctx.expectProblem(ex, [400, 404, 422], `${r}: workspace B referencing A's record`);
        }
      });
      if (ctx.has('events')) {
        const stream = await openEventStream(b, {});
        await stream.opened(1000);
        const created = await ctx.fixtures.create(
          'contacts',
          await ctx.fixtures.body('contacts', 0, ctx.fixtures.token()),
        );
        const seen = await stream.drain(600);
        await stream.close();
        if (seen.some((e) => e.data.includes(created.id))) {
          ctx.fail(`workspace B's event feed delivered workspace A's contact ${created.id}`, stream.exchange());
        }
      }
    },
  }),
  defineCheck({
    id: 'auth.roles',
    area: 'auth',
    title: 'A viewer can read but every write is a 403 problem',
    level: 'core',
    rule: RULES.roles,
    async run(ctx) {
      const viewer = await ctx.viewerApi();
      if (typeof viewer === 'string') return ctx.skip(viewer);
      const me = await viewer.get('/v1/me');
      if (ctx.expectStatus(me, [200], 'GET /v1/me as viewer') && (me.body as { role: string }).role !== 'viewer') {
        ctx.fail(`the viewer token has role ${(me.body as { role: string }).role}`, me);
      }
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const { token, records } = await ctx.fixtures.sharedListed(r);
        const record = records[0]!;
        const path = `/v1/${r}/${record.id}`;
        ctx.expectStatus(await viewer.get(`/v1/${r}${query({ q: token })}`), [200], `${r}: viewer GET list`);
        ctx.expectStatus(await viewer.get(path), [200], `${r}: viewer GET record`);
        const body = await ctx.fixtures.body(r, 3, token);
        ctx.expectProblem(await viewer.post(`/v1/${r}`, body), [403], `${r}: viewer POST`);
        ctx.expectProblem(await viewer.patch(path, ctx.fixtures.patch(r, 5)), [403], `${r}: viewer PATCH`);
        ctx.expectProblem(await viewer.delete(path), [403], `${r}: viewer DELETE`);
        const { records: after, exchanges } = await ctx.fixtures.listAll(r, token);
        const now = after.find((x) => x.id === record.id);
        if (!now || now.version !== record.version || after.length !== records.length) {
          ctx.fail(`${r}: the viewer's refused writes changed data`, exchanges.at(-1));
        }
      });
    },
  }),
];

import type { ResourceName } from '@crmkit/spec';
import type { Api, RequestSpec } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck, MISSING_ID } from './check.js';

/** Just over the 1 MB body limit. */
const OVER_LIMIT = 1_100_000;

interface Case {
  what: string;
  spec: RequestSpec;
  expected: number;
  /** Sent with the viewer's client. */
  viewer?: boolean;
}

const json = { 'content-type': 'application/json' };
const text = { 'content-type': 'text/plain' };

/** Requests wrong in several ways, each with the status the contract's order gives it. */
function cases(r: ResourceName, existingId: string, etags: boolean, patch: Record<string, unknown>): Case[] {
  const base = `/v1/${r}`;
  const missing = `${base}/${MISSING_ID}`;
  const huge = 'x'.repeat(OVER_LIMIT);
  const hugeJson = JSON.stringify({ conformancePadding: huge });
  const out: Case[] = [
    {
      what: 'POST without a token, not JSON, over 1 MB',
      spec: { method: 'POST', path: base, token: null, raw: huge, headers: text },
      expected: 401,
    },
    {
      what: 'PATCH of an unknown id without a token, malformed JSON',
      spec: { method: 'PATCH', path: missing, token: null, raw: '{"a":', headers: json },
      expected: 401,
    },
    {
      what: 'POST as a viewer, not JSON, over 1 MB',
      spec: { method: 'POST', path: base, raw: huge, headers: text },
      expected: 403,
      viewer: true,
    },
    {
      what: 'PATCH of an unknown id as a viewer, malformed JSON',
      spec: { method: 'PATCH', path: missing, raw: '{"a":', headers: json },
      expected: 403,
      viewer: true,
    },
    {
      what: 'POST not JSON and over 1 MB',
      spec: { method: 'POST', path: base, raw: huge, headers: text },
      expected: 415,
    },
    {
      what: 'POST of JSON over 1 MB with an unknown field',
      spec: { method: 'POST', path: base, raw: hugeJson, headers: json },
      expected: 413,
    },
    {
      what: 'PATCH of an unknown id, malformed JSON',
      spec: { method: 'PATCH', path: missing, raw: '{"a":', headers: json },
      expected: 400,
    },
    {
      what: 'PATCH of an unknown id with an unknown field',
      spec: { method: 'PATCH', path: missing, json: { conformanceUnknownField: 1 } },
      expected: 400,
    },
    {
      what: 'PATCH of an unknown id, a valid body',
      spec: { method: 'PATCH', path: missing, json: patch },
      expected: 404,
    },
    {
      what: 'DELETE of an unknown id with a stale If-Match',
      spec: { method: 'DELETE', path: missing, headers: { 'if-match': '"1"' } },
      expected: 404,
    },
  ];
  if (etags) {
    out.push(
      {
        what: 'PATCH of a record, not JSON, with a malformed If-Match',
        spec: { method: 'PATCH', path: `${base}/${existingId}`, raw: '{}', headers: { ...text, 'if-match': 'nope' } },
        expected: 415,
      },
      {
        what: 'PATCH of an unknown id with a malformed If-Match, a valid body',
        spec: { method: 'PATCH', path: missing, json: patch, headers: { 'if-match': 'not-an-etag' } },
        expected: 400,
      },
      {
        what: 'PATCH of a record with a stale If-Match and an unknown field',
        spec: {
          method: 'PATCH',
          path: `${base}/${existingId}`,
          json: { conformanceUnknownField: 1 },
          headers: { 'if-match': '"999999"' },
        },
        expected: 400,
      },
    );
  }
  return out;
}

export const precedenceChecks = [
  defineCheck({
    id: 'errors.precedence',
    area: 'errors',
    title: 'A request wrong in several ways gets the error the contract decides first',
    level: 'core',
    rule: RULES.precedence,
    async run(ctx) {
      const resource = ctx.resources.find((r) => r.name === 'contacts') ?? ctx.resources[0];
      if (!resource) return ctx.skip('no resource is enabled');
      const r = resource.name as ResourceName;
      const shared = (await ctx.fixtures.sharedSet(r)).records[0]!;
      const read = await ctx.api.get(`/v1/${r}/${shared.id}`);
      ctx.requireStatus(read, [200], `${r}: GET of a record`);
      const existing = read.body as { id: string; version: number };
      const viewer = await ctx.viewerApi();
      let run = 0;
      for (const c of cases(r, existing.id, ctx.has('etags'), ctx.fixtures.patch(r))) {
        let api: Api = ctx.api;
        if (c.viewer) {
          if (typeof viewer === 'string') {
            ctx.note(`not checked (${viewer}): ${c.what}`);
            continue;
          }
          api = viewer;
        }
        run++;
        ctx.expectProblem(await api.send(c.spec), [c.expected], `${r}: ${c.what}`);
      }
      ctx.note(`${r}: ${run} requests wrong in several ways`);
      const after = await ctx.api.get(`/v1/${r}/${existing.id}`);
      if (ctx.expectStatus(after, [200], `${r}: the record after the refused requests`)) {
        if ((after.body as { version?: number }).version !== existing.version) {
          ctx.fail(`${r}: a refused request changed the record ${existing.id}`, after);
        }
      }
    },
  }),
];

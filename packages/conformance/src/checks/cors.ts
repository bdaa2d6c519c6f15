import type { Exchange } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck, MISSING_ID } from './check.js';

const ORIGIN = 'https://conformance.crmkit.example';
const METHODS = ['GET', 'POST', 'PATCH', 'DELETE'];
const REQUEST_HEADERS = ['authorization', 'content-type', 'if-match', 'idempotency-key', 'last-event-id'];
const EXPOSED = ['etag', 'location', 'retry-after', 'idempotent-replayed', 'x-request-id'];
const RATE_LIMIT_EXPOSED = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'];

/** A comma-separated header as lower-cased names. */
const names = (ex: Exchange, header: string) =>
  (ex.headers.get(header) ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

export const corsChecks = [
  defineCheck({
    id: 'schema.cors',
    area: 'schema',
    title: 'Browsers on another origin may call the API: preflights, and CORS headers on every answer',
    level: 'core',
    rule: RULES.cors,
    async run(ctx) {
      const resource = ctx.resources[0];
      if (!resource) return ctx.skip('no resource is enabled');
      const path = `/v1/${resource.name}/${MISSING_ID}`;
      const preflight = await ctx.api.send({
        method: 'OPTIONS',
        path,
        token: null,
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': REQUEST_HEADERS.join(', '),
        },
      });
      const allowed = preflight.headers.get('access-control-allow-origin');
      if (!allowed) {
        return ctx.skip(
          `a preflight from ${ORIGIN} got no Access-Control-Allow-Origin: the server lets no other origin call it, so pages reach it through a proxy on their own origin`,
        );
      }
      if (allowed !== '*' && allowed !== ORIGIN) {
        ctx.fail(`the preflight allows origin ${allowed}, not the caller's ${ORIGIN}`, preflight);
      }
      const methods = names(preflight, 'access-control-allow-methods');
      const missingMethods = METHODS.filter((m) => !methods.includes(m.toLowerCase()) && !methods.includes('*'));
      if (missingMethods.length) ctx.fail(`the preflight does not allow ${missingMethods.join(', ')}`, preflight);
      const headers = names(preflight, 'access-control-allow-headers');
      // A `*` does not cover Authorization (Fetch standard): it must be named.
      const missingHeaders = REQUEST_HEADERS.filter(
        (h) => !headers.includes(h) && (h === 'authorization' || !headers.includes('*')),
      );
      if (missingHeaders.length) {
        ctx.fail(`the preflight does not allow the request headers ${missingHeaders.join(', ')}`, preflight);
      }
      const origin = { origin: ORIGIN };
      const answers = [
        await ctx.api.get('/v1/me', { headers: origin }),
        await ctx.api.get(path, { headers: origin }),
        await ctx.api.get('/v1/me', { headers: origin, token: null }),
        await ctx.api.post(`/v1/${resource.name}`, { conformanceUnknownField: 1 }, { headers: origin }),
      ];
      for (const ex of answers) {
        const acao = ex.headers.get('access-control-allow-origin');
        if (acao !== '*' && acao !== ORIGIN) {
          ctx.fail(
            `${ex.request.method} ${ex.request.path} from ${ORIGIN} answered ${ex.status} with Access-Control-Allow-Origin ${JSON.stringify(acao)}: a page cannot read it`,
            ex,
          );
        }
      }
      const exposed = names(answers[0]!, 'access-control-expose-headers');
      const wanted = [...EXPOSED, ...(ctx.capabilities.rateLimit ? RATE_LIMIT_EXPOSED : [])];
      const hidden = wanted.filter((h) => !exposed.includes(h) && !exposed.includes('*'));
      if (hidden.length) {
        ctx.fail(`Access-Control-Expose-Headers leaves out ${hidden.join(', ')}: pages cannot read them`, answers[0]);
      }
    },
  }),
];

import type { CheckContext } from '../base/context.js';
import { type Exchange, query, sleep } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

/** `RateLimit-Limit` (the advertised limit), `RateLimit-Remaining` and `RateLimit-Reset` (whole seconds). */
function checkHeaders(ctx: CheckContext, ex: Exchange, limit: { limit: number; windowSeconds: number }) {
  const value = (name: string) => {
    const raw = ex.headers.get(name);
    return raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : null;
  };
  const what = `${ex.request.method} ${ex.request.path.split('?')[0]} answered ${ex.status}`;
  const max = value('ratelimit-limit');
  const remaining = value('ratelimit-remaining');
  const reset = value('ratelimit-reset');
  if (max !== limit.limit) {
    ctx.fail(`${what} with RateLimit-Limit ${ex.headers.get('ratelimit-limit')}; advertised ${limit.limit}`, ex);
  }
  if (remaining === null || remaining > limit.limit) {
    ctx.fail(`${what} with RateLimit-Remaining ${ex.headers.get('ratelimit-remaining')}`, ex);
  }
  if (reset === null || reset > limit.windowSeconds) {
    ctx.fail(`${what} with RateLimit-Reset ${ex.headers.get('ratelimit-reset')} (window ${limit.windowSeconds} s)`, ex);
  }
}

export const rateLimitChecks = [
  defineCheck({
    id: 'rate-limit.retry-after',
    area: 'rate-limit',
    title: 'RateLimit-* headers on every answer; over the limit 429 with Retry-After, then service again',
    level: 'full',
    rule: RULES.rateLimit,
    async run(ctx) {
      const limit = ctx.capabilities.rateLimit;
      if (!limit)
        return ctx.skip('the server advertises no rate limit (GET /v1/schema capabilities.rateLimit is null)');
      for (const ex of [await ctx.api.get('/v1/me'), await ctx.api.get('/v1/conformance-no-such-resource')]) {
        checkHeaders(ctx, ex, limit);
      }
      if (limit.limit > 2000)
        return ctx.skip(`the advertised limit (${limit.limit} per ${limit.windowSeconds} s) is too high to burst past`);
      let limited = null;
      // Up to twice the limit and a few: a burst that straddles the boundary of a fixed window spreads over two windows.
      const burst = 2 * limit.limit + 6;
      for (let i = 0; i < burst && !limited; i++) {
        const ex = await ctx.api.send({ method: 'GET', path: `/v1/me${query({ n: i })}`, noRetry: true });
        if (ex.status === 429) limited = ex;
      }
      if (!limited) return ctx.abort(`${burst} requests in a burst were never answered 429`);
      ctx.expectProblem(limited, [429], 'the request over the limit');
      checkHeaders(ctx, limited, limit);
      const retryAfter = limited.headers.get('retry-after');
      const seconds = Number(retryAfter);
      if (!retryAfter || !Number.isInteger(seconds) || seconds < 0) {
        ctx.abort(`the 429 has Retry-After ${JSON.stringify(retryAfter)}, expected a number of seconds`, limited);
      }
      if (seconds > 120) return ctx.skip(`Retry-After is ${seconds} s: too long to wait for`);
      await sleep(seconds * 1000 + 250);
      const after = await ctx.api.send({ method: 'GET', path: '/v1/me', noRetry: true });
      ctx.expectStatus(after, [200], `GET /v1/me after waiting Retry-After (${seconds} s)`);
    },
  }),
];

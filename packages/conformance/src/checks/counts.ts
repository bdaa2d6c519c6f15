import type { ListCount } from '@crmkit/spec';
import { query } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

type CountedPage = { data: unknown[]; count?: ListCount };

export const countChecks = [
  defineCheck({
    id: 'lists.count',
    area: 'lists',
    title: 'Lists and searches count their records on request (exact, or an estimate marked so)',
    level: 'core',
    rule: RULES.listCount,
    async run(ctx) {
      if (!ctx.enabled('contacts')) return ctx.skip('the contacts module is switched off');
      const tag = `cnt${ctx.fixtures.token()}`;
      for (const name of ['One', 'Two', 'Three']) {
        await ctx.fixtures.create('contacts', { firstName: name, tags: [tag] });
      }
      const requests = [
        ['list', () => ctx.api.get(`/v1/contacts${query({ 'filter[tags]': tag, count: 'true', limit: 1 })}`)],
        ...(ctx.has('search')
          ? [
              [
                'search',
                () =>
                  ctx.api.post('/v1/contacts/search', {
                    filter: { field: 'tags', op: 'in', value: [tag] },
                    count: true,
                    limit: 1,
                  }),
              ] as const,
            ]
          : []),
      ] as const;
      for (const [what, send] of requests) {
        const ex = await send();
        if (!ctx.expectStatus(ex, [200], `${what} with count`)) continue;
        const page = ex.body as CountedPage;
        if (page.data.length !== 1) ctx.fail(`${what} with count and limit=1 answered ${page.data.length} records`, ex);
        if (!page.count) ctx.fail(`${what} with count has no count`, ex);
        else if (page.count.exact && page.count.value !== 3) {
          ctx.fail(`${what} with count says exactly ${page.count.value} of 3 records`, ex);
        } else if (!page.count.exact) ctx.note(`${what}: the count of 3 records is an estimate (${page.count.value})`);
      }
    },
  }),
];

import type { ListCount, SegmentFilter } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import type { ApiRecord } from '../base/fixtures.js';
import type { Exchange } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

const DAY_MS = 86_400_000;

/** The date `days` after today in `timeZone`, as `YYYY-MM-DD` (today: what the zone's wall clock shows now). */
function localDay(timeZone: string, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() + days * DAY_MS));
}

/** A birthday in 1992 (a leap year, so 29 February exists) on the month and day of `date`. */
const birthdayOn = (date: string) => `1992${date.slice(4)}`;

/** Checks a page's or preview's `count` against the members a check expects. */
function checkCount(ctx: CheckContext, count: ListCount | undefined, expected: number, what: string, ex: Exchange) {
  if (!count || typeof count.value !== 'number') return ctx.fail(`${what}: no count`, ex);
  if (count.exact && count.value !== expected)
    ctx.fail(`${what}: exact count ${count.value}, expected ${expected}`, ex);
}

export const segmentChecks = [
  defineCheck({
    id: 'segments.semantics',
    area: 'segments',
    title: "Segments select by relative dates in the workspace's time zone and by activity facts, live",
    level: 'full',
    capability: 'segments',
    rule: RULES.segments,
    async run(ctx) {
      if (!ctx.enabled('contacts') || !ctx.enabled('activities')) {
        return ctx.skip('the contacts or activities module is switched off');
      }
      const zone = ctx.schema.workspace.timeZone;
      const tag = `seg${ctx.fixtures.token()}`;
      const make = (name: string, birthday: string, lifecycleStage: string) =>
        ctx.fixtures.create('contacts', { firstName: name, birthday, lifecycleStage, tags: [tag] });
      // Offsets far from the window edges: a day turning during the check changes no answer.
      const soon = await make('Soon', birthdayOn(localDay(zone, 3)), 'active');
      const later = await make('Later', birthdayOn(localDay(zone, 20)), 'loyal');
      const past = await make('Past', birthdayOn(localDay(zone, -10)), 'active');
      await ctx.fixtures.create('activities', {
        type: 'call',
        subject: 'conformance',
        contactId: past.id,
        occurredAt: new Date(Date.now() - 2 * DAY_MS).toISOString(),
      });
      const ours = (filter: SegmentFilter): SegmentFilter => ({
        and: [{ field: 'tags', op: 'in', value: [tag] }, filter],
      });
      const birthdays = (op: 'inNextDays' | 'inLastDays', days: number): SegmentFilter => ({
        field: 'birthday',
        op,
        days,
        yearly: true,
      });
      const cases: [string, SegmentFilter, ApiRecord[]][] = [
        ['birthdays in the next 7 days', birthdays('inNextDays', 7), [soon]],
        ['birthdays in the last 14 days', birthdays('inLastDays', 14), [past]],
        ['a call in the last 30 days', { activity: { types: ['call'], inLastDays: 30 }, has: true }, [past]],
        ['no call in the last 30 days', { activity: { types: ['call'], inLastDays: 30 }, has: false }, [soon, later]],
        [
          'active, without a birthday in the next 7 days',
          { and: [{ field: 'lifecycleStage', op: 'eq', value: 'active' }, { not: birthdays('inNextDays', 7) }] },
          [past],
        ],
      ];
      for (const [what, filter, expected] of cases) {
        const ex = await ctx.api.post('/v1/segments/preview', { filter: ours(filter), sample: 10 });
        if (!ctx.expectStatus(ex, [200], `preview of ${what}`)) continue;
        const body = ex.body as { count: ListCount; sample: ApiRecord[] };
        const got = body.sample.map((r) => r.id).sort();
        const want = expected.map((r) => r.id).sort();
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          ctx.fail(`preview of ${what} (${zone}) sampled ${got.length} records, not the ${want.length} expected`, ex);
        }
        checkCount(ctx, body.count, want.length, `preview of ${what}`, ex);
      }

      const saved = await ctx.api.post('/v1/segments', {
        name: `conformance ${tag}`,
        filter: ours(birthdays('inNextDays', 7)),
      });
      ctx.requireStatus(saved, [201], 'POST /v1/segments');
      const path = `/v1/segments/${(saved.body as { id: string }).id}`;
      ctx.fixtures.trackPath(path);
      await ctx.api.patch(`/v1/contacts/${later.id}`, { birthday: birthdayOn(localDay(zone, 2)) });
      const members = await ctx.api.get(`${path}/members?count=true`);
      if (ctx.expectStatus(members, [200], `GET ${path}/members`)) {
        const page = members.body as { data: ApiRecord[]; count?: ListCount };
        const ids = page.data.map((r) => r.id).sort();
        if (JSON.stringify(ids) !== JSON.stringify([soon.id, later.id].sort())) {
          ctx.fail('the members of a saved segment are not those its filter selects now (after an update)', members);
        }
        checkCount(ctx, page.count, 2, 'members', members);
      }

      const bad = await ctx.api.post('/v1/segments', {
        name: 'conformance bad',
        filter: { field: 'firstName', op: 'inNextDays', days: 7 },
      });
      ctx.expectProblem(bad, [400], 'a relative date on a text field', { errorPath: 'filter.field' });
    },
  }),
];

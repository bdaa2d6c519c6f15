import type { CheckContext } from '../base/context.js';
import type { ApiRecord } from '../base/fixtures.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

/** A field error of a problem, as the contract words it. */
interface CodedError {
  path: string;
  code?: string;
  params?: Record<string, unknown>;
}

/** A rendered message of a preview. */
interface Rendered {
  contactId: string;
  subject: string | null;
  text: string;
  html: string | null;
  fallbacks: string[];
}

/** A segment of the contacts tagged `tag`, deleted at the end of the run. */
async function taggedSegment(ctx: CheckContext, tag: string): Promise<string> {
  const segment = await ctx.api.post('/v1/segments', {
    name: `conformance ${tag}`,
    filter: { field: 'tags', op: 'in', value: [tag] },
  });
  ctx.requireStatus(segment, [201], 'POST /v1/segments');
  const segmentId = (segment.body as { id: string }).id;
  ctx.fixtures.trackPath(`/v1/segments/${segmentId}`);
  return segmentId;
}

export const campaignChecks = [
  defineCheck({
    id: 'campaigns.personalisation',
    area: 'campaigns',
    title: 'Campaign templates are checked on save and previewed for real recipients with fallbacks, escaped',
    level: 'full',
    capability: 'campaigns',
    rule: RULES.campaigns,
    async run(ctx) {
      if (!ctx.enabled('contacts')) return ctx.skip('the contacts module is switched off');
      const tag = `cmp${ctx.fixtures.token()}`;
      const named = await ctx.fixtures.create('contacts', {
        firstName: 'Lan',
        emails: ['lan@example.test'],
        tags: [tag],
      });
      const hostile = await ctx.fixtures.create('contacts', {
        lastName: '<img src=x onerror=alert(1)>',
        emails: ['x@example.test'],
        tags: [tag],
      });
      const segmentId = await taggedSegment(ctx, tag);
      const content = {
        segmentId,
        channel: 'email',
        subject: 'Hi {{contact.firstName|there}}',
        template: 'Hello {{contact.firstName|friend}} {{contact.lastName}}',
      };

      const unknown = await ctx.api.post('/v1/campaigns', { ...content, name: 'bad', template: '{{contact.nope}}' });
      if (ctx.expectProblem(unknown, [422], 'a template with an unknown placeholder', { errorPath: 'template' })) {
        const errors = ((unknown.body as { errors?: CodedError[] }).errors ?? []).filter((e) => e.path === 'template');
        if (!errors.some((e) => e.code === 'unknownPlaceholder' && e.params?.placeholder === 'contact.nope')) {
          ctx.fail('the 422 of an unknown placeholder has no `unknownPlaceholder` error naming it', unknown);
        }
      }

      const preview = await ctx.api.post('/v1/campaigns/preview', { ...content, sample: 10 });
      if (ctx.expectStatus(preview, [200], 'POST /v1/campaigns/preview')) {
        const items = (preview.body as { items: Rendered[] }).items;
        const lan = items.find((i) => i.contactId === named.id);
        const evil = items.find((i) => i.contactId === hostile.id);
        if (items.length !== 2 || !lan || !evil) ctx.fail('the preview does not render the segment’s members', preview);
        else {
          if (lan.subject !== 'Hi Lan' || !lan.text.startsWith('Hello Lan')) {
            ctx.fail('the preview does not fill in the contact’s values', preview);
          }
          if (!evil.text.startsWith('Hello friend') || !evil.fallbacks.includes('contact.firstName')) {
            ctx.fail('a missing value does not take its fallback (or is not reported among `fallbacks`)', preview);
          }
          if (evil.html === null || /<img/i.test(evil.html)) {
            ctx.fail('a contact’s value reaches the e-mail HTML unescaped', preview);
          }
          if (items.some((i) => `${i.subject}${i.text}${i.html}`.includes('{{'))) {
            ctx.fail('a rendered message still shows `{{…}}`', preview);
          }
        }
      }
    },
  }),
  defineCheck({
    id: 'campaigns.testSend',
    area: 'campaigns',
    title: 'A test send goes to the caller marked as a test, checks placeholders, and changes no campaign',
    level: 'full',
    capability: 'campaigns',
    rule: RULES.campaigns,
    async run(ctx) {
      if (!ctx.enabled('contacts')) return ctx.skip('the contacts module is switched off');
      const tag = `cmp${ctx.fixtures.token()}`;
      await ctx.fixtures.create('contacts', { firstName: 'Lan', emails: ['lan@example.test'], tags: [tag] });
      const segmentId = await taggedSegment(ctx, tag);
      const content = { segmentId, channel: 'email', subject: 'Hi {{contact.firstName|there}}', template: 'Hello' };
      const created = await ctx.api.post('/v1/campaigns', { ...content, name: `conformance ${tag}` });
      ctx.requireStatus(created, [201], 'POST /v1/campaigns');
      const campaign = created.body as ApiRecord;
      const path = `/v1/campaigns/${campaign.id}`;
      ctx.fixtures.trackPath(path);

      const unknown = await ctx.api.post('/v1/campaigns/test', { ...content, template: '{{contact.nope}}' });
      ctx.expectProblem(unknown, [422], 'a test send with an unknown placeholder', { errorPath: 'template' });
      // A server without an e-mail channel, or a caller without an address, answers a 422 on `channel`.
      const sent = await ctx.api.post('/v1/campaigns/test', content);
      if (sent.status === 422) {
        ctx.expectProblem(sent, [422], 'a test send with nowhere to go', { errorPath: 'channel' });
      } else if (ctx.expectStatus(sent, [200], 'POST /v1/campaigns/test')) {
        const body = sent.body as { to?: unknown; subject?: string | null };
        if (typeof body.to !== 'string' || body.subject !== '[Test] Hi Lan') {
          ctx.fail(
            'a test send does not say where it went, or its subject is not `[Test] ` and the rendered one',
            sent,
          );
        }
      }
      const after = await ctx.api.get(path);
      const recipients = await ctx.api.get(`${path}/recipients?count=true`);
      if (
        ctx.expectStatus(after, [200], `GET ${path}`) &&
        ctx.expectStatus(recipients, [200], `GET ${path}/recipients`)
      ) {
        const stored = after.body as ApiRecord & { status: string };
        const count = (recipients.body as { count?: { value: number } }).count?.value;
        if (stored.version !== campaign.version || stored.status !== 'draft' || count !== 0) {
          ctx.fail('a test send changed the campaign or gave it recipients', after);
        }
      }
    },
  }),
  defineCheck({
    id: 'campaigns.lifecycle',
    area: 'campaigns',
    title: 'Campaigns go draft → scheduled → cancelled; only drafts are edited; recipients and report are readable',
    level: 'full',
    capability: 'campaigns',
    rule: RULES.campaigns,
    async run(ctx) {
      if (!ctx.enabled('contacts')) return ctx.skip('the contacts module is switched off');
      const tag = `cmp${ctx.fixtures.token()}`;
      const segmentId = await taggedSegment(ctx, tag);
      const created = await ctx.api.post('/v1/campaigns', {
        name: `conformance ${tag}`,
        segmentId,
        channel: 'sms',
        template: 'Hi {{contact.firstName|there}}',
      });
      ctx.requireStatus(created, [201], 'POST /v1/campaigns');
      const campaign = created.body as ApiRecord & { status: string };
      const path = `/v1/campaigns/${campaign.id}`;
      ctx.fixtures.trackPath(path);
      if (campaign.status !== 'draft') ctx.fail(`a new campaign is ${campaign.status}, not draft`, created);

      const year = new Date().getUTCFullYear() + 2;
      const scheduled = await ctx.api.post(`${path}/schedule`, {
        schedule: { localTime: `${year}-01-15T09:00`, timeZone: 'workspace' },
        throttlePerHour: 100,
      });
      if (ctx.expectStatus(scheduled, [200], `POST ${path}/schedule`)) {
        const body = scheduled.body as { status: string; scheduledAt: string | null };
        if (body.status !== 'scheduled' || !body.scheduledAt?.startsWith(`${year}-01-1`)) {
          ctx.fail('a scheduled campaign is not `scheduled` at its time', scheduled);
        }
      }
      ctx.expectProblem(await ctx.api.patch(path, { name: 'changed' }), [409], 'editing a scheduled campaign');
      ctx.expectProblem(await ctx.api.post(`${path}/schedule`, {}), [409], 'scheduling a scheduled campaign');
      const cancelled = await ctx.api.post(`${path}/cancel`, {});
      if (ctx.expectStatus(cancelled, [200], `POST ${path}/cancel`)) {
        if ((cancelled.body as { status: string }).status !== 'cancelled') ctx.fail('cancel did not cancel', cancelled);
      }
      ctx.expectProblem(await ctx.api.post(`${path}/cancel`, {}), [409], 'cancelling a cancelled campaign');

      const recipients = await ctx.api.get(`${path}/recipients?count=true`);
      if (ctx.expectStatus(recipients, [200], `GET ${path}/recipients`)) {
        const page = recipients.body as { data: unknown[]; count?: { value: number } };
        if (page.data.length !== 0 || page.count?.value !== 0) {
          ctx.fail('a campaign cancelled before it started has recipients', recipients);
        }
      }
      const report = await ctx.api.get(`${path}/report`);
      if (ctx.expectStatus(report, [200], `GET ${path}/report`)) {
        const funnel = (report.body as { funnel?: Record<string, number> }).funnel;
        if (funnel?.audience !== 0 || funnel?.sent !== 0) ctx.fail('the report of an unsent campaign', report);
      }
    },
  }),
];

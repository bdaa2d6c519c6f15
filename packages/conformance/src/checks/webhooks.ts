import type { WebhookDelivery, WebhookSecret, WebhookSubscription } from '@crmkit/spec';
import { query, sleep } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

type Page<T> = { data: T[]; nextCursor: string | null };

/** An address nobody listens on: deliveries to it stay pending (retried), which the log must show. */
const UNREACHABLE = 'http://127.0.0.1:9/conformance';

export const webhookChecks = [
  defineCheck({
    id: 'webhooks.subscriptions',
    area: 'webhooks',
    title: 'Webhook subscriptions: the secret only on create and rotation, deliveries logged once per event, replay',
    level: 'full',
    capability: 'webhooks',
    rule: RULES.webhooks,
    async run(ctx) {
      if (!ctx.enabled('contacts')) return ctx.skip('the contacts module is switched off');
      const token = ctx.fixtures.token();
      const created = await ctx.api.post('/v1/webhook-subscriptions', {
        url: UNREACHABLE,
        eventTypes: ['contact.created'],
        description: `conformance ${token}`,
      });
      ctx.requireStatus(created, [201], 'POST /v1/webhook-subscriptions');
      const sub = created.body as WebhookSubscription & { secret?: string };
      const path = `/v1/webhook-subscriptions/${sub.id}`;
      try {
        if (typeof sub.secret !== 'string' || !sub.secret.startsWith('whsec_')) {
          ctx.fail('the create answer has no Standard Webhooks secret (whsec_…)', created);
        }
        const read = await ctx.api.get(path);
        if (ctx.expectStatus(read, [200], `GET ${path}`) && 'secret' in (read.body as object)) {
          ctx.fail('GET of a subscription shows its secret', read);
        }
        const rotated = await ctx.api.post(`${path}/rotate-secret`, {});
        if (ctx.expectStatus(rotated, [200], 'POST rotate-secret')) {
          const s = rotated.body as WebhookSecret;
          if (!s.secret?.startsWith('whsec_') || s.secret === sub.secret)
            ctx.fail('rotation gave no new secret', rotated);
          if (!s.previousSecretValidUntil) ctx.fail('rotation does not say until when the old secret signs', rotated);
        }
        const contact = await ctx.fixtures.create('contacts', { firstName: `Hook${token}` });
        await ctx.fixtures.create('activities', { type: 'note', body: `conformance ${token}`, contactId: contact.id });
        const logPath = `/v1/webhook-deliveries${query({ subscriptionId: sub.id })}`;
        let deliveries: WebhookDelivery[] = [];
        let last = await ctx.api.get(logPath);
        for (let i = 0; i < 40 && deliveries.length === 0; i++) {
          if (i > 0) {
            await sleep(250);
            last = await ctx.api.get(logPath);
          }
          if (!ctx.expectStatus(last, [200], `GET ${logPath}`)) return;
          deliveries = (last.body as Page<WebhookDelivery>).data;
        }
        const types = deliveries.map((d) => d.eventType);
        if (types.length !== 1 || types[0] !== 'contact.created') {
          return ctx.fail(`the subscription to contact.created logged deliveries ${JSON.stringify(types)}`, last);
        }
        const d = deliveries[0]!;
        if (d.status === 'delivered') ctx.fail(`a delivery to ${UNREACHABLE} is marked delivered`, last);
        const byEvent = await ctx.api.get(`/v1/webhook-deliveries${query({ eventId: d.eventId })}`);
        if (ctx.expectStatus(byEvent, [200], 'GET deliveries ?eventId=')) {
          const mine = (byEvent.body as Page<WebhookDelivery>).data.filter((x) => x.subscriptionId === sub.id);
          if (mine.length !== 1)
            ctx.fail(`event ${d.eventId} has ${mine.length} deliveries to the subscription`, byEvent);
        }
        const replay = await ctx.api.post(`/v1/webhook-deliveries/${d.id}/replay`, {});
        if (ctx.expectStatus(replay, [202], 'POST replay') && (replay.body as WebhookDelivery).status !== 'pending') {
          ctx.fail('a replayed delivery is not pending', replay);
        }
        const off = await ctx.api.patch(path, { enabled: false });
        if (ctx.expectStatus(off, [200], 'PATCH enabled=false')) {
          ctx.expectProblem(
            await ctx.api.post(`/v1/webhook-deliveries/${d.id}/replay`, {}),
            [409],
            'replay to a switched-off subscription',
          );
        }
      } finally {
        await ctx.api.delete(path).catch(() => null);
      }
      ctx.expectProblem(
        await ctx.api.post('/v1/webhook-subscriptions', { url: 'ftp://example.com/hook' }),
        [400],
        'a subscription to an ftp: URL',
        { errorPath: 'url' },
      );
    },
  }),
];

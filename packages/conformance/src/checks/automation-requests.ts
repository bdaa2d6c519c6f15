import type { RouteDef, WebhookDelivery } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import { type Exchange, query, sleep } from '../base/http.js';

/** A valid manual rule on contacts (a tag), for the requests below. */
function ruleBody(token: string) {
  return {
    name: `conformance ${token}`,
    resource: 'contacts',
    trigger: { type: 'manual' },
    steps: [{ type: 'add_tag', tag: `t${token}` }],
  };
}

/** An address nobody listens on: deliveries to it stay pending. */
const UNREACHABLE = 'http://127.0.0.1:9/conformance';

async function created(ctx: CheckContext, path: string, body: object): Promise<{ id: string }> {
  const ex = await ctx.api.post(path, body);
  const id = (ex.body as { id?: string } | undefined)?.id;
  if (ex.status !== 201 || !id) ctx.abort(`POST ${path} answered ${ex.status}`, ex);
  ctx.fixtures.trackPath(`${path}/${id}`);
  return { id };
}

const rule = (ctx: CheckContext) => created(ctx, '/v1/automation-rules', ruleBody(ctx.fixtures.token()));
const subscription = (ctx: CheckContext) =>
  created(ctx, '/v1/webhook-subscriptions', { url: UNREACHABLE, eventTypes: ['contact.created'] });

/** A delivery to an unreachable subscription of a new contact's `contact.created`. */
async function delivery(ctx: CheckContext): Promise<string | null> {
  const sub = await subscription(ctx);
  await ctx.fixtures.create('contacts', { firstName: `Hook${ctx.fixtures.token()}` });
  for (let i = 0; i < 40; i++) {
    const ex = await ctx.api.get(`/v1/webhook-deliveries${query({ subscriptionId: sub.id })}`);
    const first = (ex.body as { data?: WebhookDelivery[] } | undefined)?.data?.[0];
    if (first) return first.id;
    await sleep(250);
  }
  return null;
}

/** A notification of the caller's, made by running a rule that notifies them. */
async function notification(ctx: CheckContext): Promise<string | null> {
  const userId = ctx.fixtures.userId;
  if (!userId) ctx.skip('the token acts for no user, and notifications belong to users');
  const token = ctx.fixtures.token();
  const { id } = await created(ctx, '/v1/automation-rules', {
    ...ruleBody(token),
    steps: [{ type: 'notify', to: { type: 'user', userId }, message: `conformance ${token}` }],
  });
  await ctx.api.post(`/v1/automation-rules/${id}/run`, { recordIds: [(await ctx.fixtures.contact()).id] });
  for (let i = 0; i < 80; i++) {
    const ex = await ctx.api.get(`/v1/notifications${query({ limit: 20 })}`);
    const found = (ex.body as { data?: { id: string; title: string }[] } | undefined)?.data?.find(
      (n) => n.title === `conformance ${token}`,
    );
    if (found) return found.id;
    await sleep(250);
  }
  return null;
}

/**
 * One valid request of each operation of the `automation` and `webhooks` capabilities (their records are deleted at
 * the end of the run); null for other routes.
 */
export async function automationRequest(ctx: CheckContext, route: RouteDef): Promise<Exchange | null> {
  const name = route.resource?.name;
  for (const base of ['/v1/automation-rules', '/v1/webhook-subscriptions']) {
    if (name !== base.slice(4)) continue;
    const body = base === '/v1/automation-rules' ? ruleBody(ctx.fixtures.token()) : { url: UNREACHABLE };
    const fresh = () => (base === '/v1/automation-rules' ? rule(ctx) : subscription(ctx));
    if (route.path === base && route.method === 'get') return ctx.api.get(`${base}${query({ limit: 5 })}`);
    if (route.path === base) {
      const ex = await ctx.api.post(base, body);
      const id = (ex.body as { id?: string } | undefined)?.id;
      if (id) ctx.fixtures.trackPath(`${base}/${id}`);
      return ex;
    }
    if (route.path === `${base}/search`) return ctx.api.post(route.path, { q: 'conformance', limit: 5 });
    if (route.path === `${base}/batch`) {
      return ctx.api.post(route.path, {
        operations: [{ op: 'create', data: body }],
      });
    }
    const { id } = await fresh();
    if (route.method === 'get') return ctx.api.get(`${base}/${id}`);
    if (route.method === 'patch') return ctx.api.patch(`${base}/${id}`, { enabled: false });
    if (route.method === 'delete') return ctx.api.delete(`${base}/${id}`);
  }
  switch (route.operationId) {
    case 'runAutomationRule': {
      const contact = await ctx.fixtures.contact();
      return ctx.api.post(`/v1/automation-rules/${(await rule(ctx)).id}/run`, { recordIds: [contact.id] });
    }
    case 'dryRunAutomationRule':
      return ctx.api.post(`/v1/automation-rules/${(await rule(ctx)).id}/dry-run`, {
        recordId: (await ctx.fixtures.contact()).id,
      });
    case 'dryRunUnsavedAutomationRule':
      return ctx.api.post(route.path, { rule: ruleBody(ctx.fixtures.token()), days: 7 });
    case 'listAutomationRuns':
      return ctx.api.get(`${route.path}${query({ limit: 5 })}`);
    case 'getAutomationRun':
    case 'listAutomationRunSteps': {
      const contact = await ctx.fixtures.contact();
      const run = await ctx.api.post(`/v1/automation-rules/${(await rule(ctx)).id}/run`, { recordIds: [contact.id] });
      const runId = (run.body as { runs?: { runId: string | null }[] } | undefined)?.runs?.[0]?.runId;
      if (!runId) ctx.abort('a manual run of a rule with no conditions enrolled nobody', run);
      return ctx.api.get(`/v1/automation-runs/${runId}${route.operationId === 'getAutomationRun' ? '' : '/steps'}`);
    }
    case 'rotateWebhookSecret':
      return ctx.api.post(`/v1/webhook-subscriptions/${(await subscription(ctx)).id}/rotate-secret`, {});
    case 'listWebhookDeliveries':
    case 'listNotifications':
      return ctx.api.get(`${route.path}${query({ limit: 5 })}`);
    case 'replayWebhookDelivery': {
      const id = await delivery(ctx);
      if (!id) ctx.abort('a subscription to contact.created got no delivery of a new contact');
      return ctx.api.post(`/v1/webhook-deliveries/${id}/replay`, {});
    }
    case 'readNotification': {
      const id = await notification(ctx);
      if (!id) ctx.abort("a rule's notify step to the caller left no notification");
      return ctx.api.post(`/v1/notifications/${id}/read`, {});
    }
    case 'readAllNotifications':
      return ctx.api.post(route.path, {});
    default:
      return null;
  }
}

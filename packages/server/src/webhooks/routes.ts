import { WebhookDeliveriesQuery, WebhookSubscriptionCreate } from '@crmkit/spec';
import type { Hono } from 'hono';
import { withWrite } from '../core/context.js';
import { readBody } from '../http/body.js';
import { gateCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { conflict, notFound } from '../http/problem.js';
import { logPage, logPageQuery, logQuery } from '../query/log-page.js';
import { enqueue } from '../queue/queue.js';
import { registerCrudRoutes, sendRecord } from '../resources/crud-routes.js';
import { authorize, createRecord, getRecord } from '../resources/engine.js';
import { WEBHOOK_QUEUE } from './deliveries.js';
import { webhookSubscriptionResource as def, newWebhookSecret } from './subscriptions.js';

/** How long deliveries are also signed with the secret a rotation replaced. */
const OLD_SECRET_GRACE_MS = 24 * 3_600_000;

const toDelivery = (r: Record<string, unknown>) => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  eventId: String(r.message_id).replace(/^evt_/, ''),
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.last_status_code ?? null,
  lastError: r.last_error ?? null,
  nextAttemptAt: r.status === 'pending' ? (r.next_attempt_at ?? null) : null,
  deliveredAt: r.delivered_at ?? null,
  createdAt: r.created_at,
});

/** Subscriptions (CRUD, the secret on create, rotation) and the delivery log with replay. */
export function registerWebhookRoutes(app: Hono<AppEnv>): void {
  gateCapability(app, 'webhooks', ['/v1/webhook-subscriptions', '/v1/webhook-deliveries']);
  app.post('/v1/webhook-subscriptions', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, def, 'create');
    const body = await readBody(c, WebhookSubscriptionCreate);
    const { record, secret } = await withWrite(ctx, async (w) => {
      const created = await createRecord(w, def, body);
      const { rows } = await w.tx.query<{ secret: string }>('SELECT secret FROM webhook_subscriptions WHERE id = $1', [
        created.id,
      ]);
      return { record: created, secret: rows[0]!.secret };
    });
    c.header('Location', `/v1/webhook-subscriptions/${record.id}`);
    const created = { ...record, secret };
    return sendRecord(c, created, 201);
  });
  app.post('/v1/webhook-subscriptions/:id/rotate-secret', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, def, 'update');
    const id = c.req.param('id');
    const result = await withWrite(ctx, async (w) => {
      await getRecord(w, def, id, w.tx, true);
      const secret = newWebhookSecret();
      const until = new Date(w.now.getTime() + OLD_SECRET_GRACE_MS).toISOString();
      await w.tx.query(
        `UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_until = $3, secret = $4,
           secret_rotated_at = $5, version = version + 1, updated_at = $5 WHERE workspace_id = $1 AND id = $2`,
        [w.principal.workspaceId, id, until, secret, w.now.toISOString()],
      );
      const record = await getRecord(w, def, id, w.tx);
      w.emit({ type: 'webhook_subscription.updated', resource: def.spec.name, resourceId: id, data: record });
      return { secret, previousSecretValidUntil: until };
    });
    return c.json(result);
  });
  registerCrudRoutes(app, def);

  app.get('/v1/webhook-deliveries', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, def, 'read');
    const url = new URL(c.req.url);
    const q = logQuery(WebhookDeliveriesQuery, url.searchParams);
    const filters = {
      workspace_id: ctx.principal.workspaceId,
      subscription_id: q.subscriptionId,
      status: q.status,
      message_id: q.eventId ? `evt_${q.eventId}` : undefined,
    };
    return c.json(
      await logPage(ctx.db, 'webhook_deliveries', 'created_at', filters, logPageQuery(url.searchParams), toDelivery),
    );
  });
  app.post('/v1/webhook-deliveries/:id/replay', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, def, 'update');
    const id = c.req.param('id').slice(0, 64);
    const row = await withWrite(ctx, async (w) => {
      const { rows } = await w.tx.query(
        `SELECT d.*, s.enabled FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
          WHERE d.workspace_id = $1 AND d.id = $2 FOR UPDATE OF d`,
        [w.principal.workspaceId, id],
      );
      if (!rows[0]) throw notFound('webhook delivery', id);
      if (!rows[0].enabled)
        throw conflict('The subscription is switched off: enable it first.', 'subscription-disabled');
      const { rows: updated } = await w.tx.query(
        "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2, last_error = NULL WHERE id = $1 RETURNING *",
        [id, w.now.toISOString()],
      );
      const job = {
        queue: WEBHOOK_QUEUE,
        key: id,
        workspaceId: w.principal.workspaceId,
        runAt: w.now,
        replace: true,
        payload: { since: w.now.toISOString() },
      };
      await enqueue(w.tx, job, w.now);
      return updated[0]!;
    });
    ctx.afterCommit?.(ctx.principal.workspaceId);
    return c.json(toDelivery(row), 202);
  });
}

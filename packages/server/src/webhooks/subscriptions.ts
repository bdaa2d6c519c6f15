import { webhookSubscriptions } from '@crmkit/spec';
import { randomSecret } from '../core/ids.js';
import type { ResourceDef } from '../resources/engine.js';
import { rowToRecord } from '../resources/table.js';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  const b64url = randomSecret(24);
  return `whsec_${b64url.replaceAll('-', '+').replaceAll('_', '/')}`;
}

/**
 * Webhook subscriptions: stored like every other resource. The secret is never part of the record (only the create
 * answer and a rotation show it); enabling a subscription by hand clears the reason it was switched off.
 */
export const webhookSubscriptionResource: ResourceDef = {
  spec: webhookSubscriptions,
  permission: 'webhook-subscriptions',
  table: {
    table: 'webhook_subscriptions',
    idPrefix: 'whs',
    fields: {
      url: { column: 'url', kind: 'text', notNull: true },
      eventTypes: { column: 'event_types', kind: 'textarr', notNull: true },
      enabled: { column: 'enabled', kind: 'bool', notNull: true },
      description: { column: 'description', kind: 'text' },
      disabledReason: { column: 'disabled_reason', kind: 'text', readOnly: true },
      secretRotatedAt: { column: 'secret_rotated_at', kind: 'ts', readOnly: true },
    },
  },
  toRecord(row) {
    return rowToRecord(webhookSubscriptionResource.table, row);
  },
  async prepareCreate(_w, input) {
    return {
      enabled: true,
      description: null,
      ...input,
      eventTypes: [...new Set((input.eventTypes as string[] | undefined) ?? [])],
    };
  },
  async prepareUpdate(_w, patch) {
    const out = { ...patch };
    if (Array.isArray(out.eventTypes)) out.eventTypes = [...new Set(out.eventTypes as string[])];
    return out;
  },
  async afterWrite(w, record, existing) {
    if (!existing) {
      await w.tx.query('UPDATE webhook_subscriptions SET secret = $3 WHERE workspace_id = $1 AND id = $2', [
        w.principal.workspaceId,
        record.id,
        newWebhookSecret(),
      ]);
    } else if (record.enabled && !existing.enabled) {
      await w.tx.query('UPDATE webhook_subscriptions SET disabled_reason = NULL WHERE workspace_id = $1 AND id = $2', [
        w.principal.workspaceId,
        record.id,
      ]);
    }
  },
};

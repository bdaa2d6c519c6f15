import {
  type AutomationClients,
  DEFERRED,
  type DeferredClients,
  type WebhookSubscriptionsClient,
} from './automation-types.js';
import { deferredClients } from './deferred.js';
import { type Call, resourceClient } from './resources.js';

/**
 * Builds the automation, webhook and notification methods over `call`. The CRUD methods of rules and subscriptions
 * are the shared resource methods; the others live in a chunk of their own (`automation-methods`), loaded on the
 * first call of one of them, so apps (and widgets) that never use automation never download them.
 *
 * @example
 * const { automationRuns } = automationClients(call);
 * const { data } = await automationRuns.list({ status: 'failed' });
 */
export function automationClients(call: Call): AutomationClients {
  const clients = deferredClients<DeferredClients>(
    () => import('./automation-methods.js').then((m) => m.automationMethods(call)),
    DEFERRED,
  );
  return {
    ...clients,
    automationRules: { ...resourceClient(call, 'automation-rules'), ...clients.automationRules },
    webhookSubscriptions: {
      ...(resourceClient(call, 'webhook-subscriptions') as Omit<WebhookSubscriptionsClient, 'rotateSecret'>),
      ...clients.webhookSubscriptions,
    },
  };
}

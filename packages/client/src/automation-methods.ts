import type { DeferredClients } from './automation-types.js';
import type { Call } from './resources.js';
import type { CreateOptions } from './types.js';

/**
 * The automation, webhook and notification methods beyond the CRUD ones, over `call`. A chunk of its own, which
 * {@link automationClients} loads on the first call of one of them.
 *
 * @example
 * const { automationRuns } = automationMethods(call);
 */
export function automationMethods(call: Call): DeferredClients {
  const post =
    <T>(path: string) =>
    (id: string, body: unknown, options?: CreateOptions): Promise<T> =>
      call('post', path, options, { path: { id } }, body);
  return {
    automationRules: {
      run: post('/v1/automation-rules/{id}/run'),
      dryRun: (id, body, options) =>
        id === null
          ? call('post', '/v1/automation-rules/dry-run', options, {}, body)
          : call('post', '/v1/automation-rules/{id}/dry-run', options, { path: { id } }, body),
    },
    automationRuns: {
      list: (query, options) => call('get', '/v1/automation-runs', options, { query: { ...query } }),
      get: (id, options) => call('get', '/v1/automation-runs/{id}', options, { path: { id } }),
      steps: (id, query, options) =>
        call('get', '/v1/automation-runs/{id}/steps', options, { path: { id }, query: { ...query } }),
    },
    webhookSubscriptions: {
      rotateSecret: (id, options) => post<never>('/v1/webhook-subscriptions/{id}/rotate-secret')(id, {}, options),
    },
    webhookDeliveries: {
      list: (query, options) => call('get', '/v1/webhook-deliveries', options, { query: { ...query } }),
      replay: (id, options) => post<never>('/v1/webhook-deliveries/{id}/replay')(id, {}, options),
    },
    notifications: {
      list: ({ unread, ...query } = {}, options) =>
        call('get', '/v1/notifications', options, {
          query: { ...query, unread: unread === undefined ? undefined : String(unread) },
        }),
      read: (id, options) => post<never>('/v1/notifications/{id}/read')(id, {}, options),
      readAll: (options) => call('post', '/v1/notifications/read-all', options, {}, {}),
    },
  };
}

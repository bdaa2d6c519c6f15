import type { ResourceClient } from './resources.js';
import type { CreateOf, CreateOptions, Page, RequestOptions, Schemas } from './types.js';

/** A page query of a log or a list that only pages. */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** Query of the run log: by rule, record and status. */
export interface RunQuery extends PageQuery {
  ruleId?: string;
  recordId?: string;
  status?: Schemas['AutomationRun']['status'];
}

/** Query of the webhook delivery log: by subscription, status and event. */
export interface DeliveryQuery extends PageQuery {
  subscriptionId?: string;
  status?: Schemas['WebhookDelivery']['status'];
  eventId?: string;
}

/** Query of the caller's notifications (`unread: true`: only the unread ones). */
export interface NotificationQuery extends PageQuery {
  unread?: boolean;
}

/** Automation rules (capability `automation`): the CRUD methods, plus manual runs and dry runs. */
export type AutomationRulesClient = ResourceClient<'automation-rules'> & {
  /**
   * Enrols records in a rule (conditions still apply); the same `occurrence` never enrols a record twice.
   *
   * @example
   * const { runs } = await crm.automationRules.run(rule.id, { recordIds: [contact.id], occurrence: 'spring-2027' });
   */
  run(
    id: string,
    body: Schemas['AutomationManualRun'],
    options?: CreateOptions,
  ): Promise<Schemas['AutomationManualRunResult']>;
  /**
   * What a rule would do, nothing written: for one record now (`recordId`), or who would enrol in the next `days`.
   * Pass `rule` (and no id) for an unsaved rule, e.g. from an editor.
   *
   * @example
   * const { upcoming } = await crm.automationRules.dryRun(rule.id, { days: 30 });
   * const preview = await crm.automationRules.dryRun(null, { rule: draft, recordId: contact.id });
   */
  dryRun(
    id: string | null,
    body: Schemas['AutomationDryRunRequest'],
    options?: RequestOptions,
  ): Promise<Schemas['AutomationDryRun']>;
};

/** The run log of automation rules. */
export interface AutomationRunsClient {
  /**
   * Runs, newest first.
   *
   * @example
   * const { data } = await crm.automationRuns.list({ ruleId: rule.id, status: 'failed' });
   */
  list(query?: RunQuery, options?: RequestOptions): Promise<Page<Schemas['AutomationRun']>>;
  /** One run. */
  get(id: string, options?: RequestOptions): Promise<Schemas['AutomationRun']>;
  /**
   * What each step of a run did, every attempt of a retried step included.
   *
   * @example
   * const { data: steps } = await crm.automationRuns.steps(run.id);
   */
  steps(id: string, query?: PageQuery, options?: RequestOptions): Promise<Page<Schemas['AutomationRunStep']>>;
}

/** Webhook subscriptions (capability `webhooks`): the CRUD methods, plus secret rotation. */
export type WebhookSubscriptionsClient = Omit<ResourceClient<'webhook-subscriptions'>, 'create'> & {
  /**
   * Creates a subscription; the answer holds its signing `secret`, shown this once.
   *
   * @example
   * const { id, secret } = await crm.webhookSubscriptions.create({ url: 'https://example.com/hooks', eventTypes: [] });
   */
  create(
    data: CreateOf<'webhook-subscriptions'>,
    options?: CreateOptions,
  ): Promise<Schemas['WebhookSubscriptionCreated']>;
  /**
   * A new signing secret; deliveries are signed with the old one too for 24 hours.
   *
   * @example
   * const { secret } = await crm.webhookSubscriptions.rotateSecret(subscription.id);
   */
  rotateSecret(id: string, options?: CreateOptions): Promise<Schemas['WebhookSecret']>;
};

/** The webhook delivery log. */
export interface WebhookDeliveriesClient {
  /**
   * Deliveries, newest first.
   *
   * @example
   * const { data } = await crm.webhookDeliveries.list({ subscriptionId: subscription.id, status: 'failed' });
   */
  list(query?: DeliveryQuery, options?: RequestOptions): Promise<Page<Schemas['WebhookDelivery']>>;
  /**
   * Delivers an event again now, with the same `webhook-id` (receivers dedupe on it).
   *
   * @example
   * await crm.webhookDeliveries.replay(delivery.id);
   */
  replay(id: string, options?: CreateOptions): Promise<Schemas['WebhookDelivery']>;
}

/** The caller's in-app notifications: reminders that came due, alerts, failed automations. */
export interface NotificationsClient {
  /**
   * Notifications, newest first.
   *
   * @example
   * const { data: unread } = await crm.notifications.list({ unread: true });
   */
  list(query?: NotificationQuery, options?: RequestOptions): Promise<Page<Schemas['Notification']>>;
  /** Marks one notification read. */
  read(id: string, options?: CreateOptions): Promise<Schemas['Notification']>;
  /**
   * Marks all the caller's notifications read.
   *
   * @example
   * const { updated } = await crm.notifications.readAll();
   */
  readAll(options?: CreateOptions): Promise<{ updated: number }>;
}

/** The methods of the `automation` and `webhooks` capabilities. */
export interface AutomationClients {
  automationRules: AutomationRulesClient;
  automationRuns: AutomationRunsClient;
  webhookSubscriptions: WebhookSubscriptionsClient;
  webhookDeliveries: WebhookDeliveriesClient;
  notifications: NotificationsClient;
}

/** The methods of {@link AutomationClients} that {@link automationMethods} serves (all but the CRUD ones). */
export const DEFERRED = {
  automationRules: ['run', 'dryRun'],
  automationRuns: ['list', 'get', 'steps'],
  webhookSubscriptions: ['rotateSecret'],
  webhookDeliveries: ['list', 'replay'],
  notifications: ['list', 'read', 'readAll'],
} as const;

/** The part of {@link AutomationClients} that loads on first use. */
export type DeferredClients = {
  [C in keyof typeof DEFERRED]: Pick<
    AutomationClients[C],
    Extract<(typeof DEFERRED)[C][number], keyof AutomationClients[C]>
  >;
};

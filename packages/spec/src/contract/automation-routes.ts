import { z } from 'zod';
import { Id, pageOf } from '../base/primitives.js';
import { named } from '../base/registry.js';
import {
  AutomationDryRun,
  AutomationDryRunRequest,
  AutomationManualRun,
  AutomationRun,
  AutomationRunStatus,
  AutomationRunStep,
  Notification,
} from './automation.js';
import { automationRules, webhookSubscriptions } from './resources.js';
import { crudRoutes, IdParams, ListQuery, ok, type RouteDef } from './route-kit.js';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookSecret, WebhookSubscriptionCreated } from './webhooks.js';

export const AutomationRunPage = pageOf('AutomationRunPage', AutomationRun);
export const AutomationRunStepPage = pageOf('AutomationRunStepPage', AutomationRunStep);
export const WebhookDeliveryPage = pageOf('WebhookDeliveryPage', WebhookDelivery);
export const NotificationPage = pageOf('NotificationPage', Notification);

/** The answer of a manual run: the run each record got, or null when that occurrence had already run. */
export const AutomationManualRunResult = named(
  'AutomationManualRunResult',
  z.object({
    runs: z.array(z.object({ recordId: Id, runId: Id.nullable(), enrolled: z.boolean() })).max(100),
  }),
);

const page = ListQuery.pick({ limit: true, cursor: true });

/** Query of `GET /v1/automation-runs`. */
export const AutomationRunsQuery = page.extend({
  ruleId: Id.optional(),
  recordId: Id.optional(),
  status: AutomationRunStatus.optional(),
});

/** Query of `GET /v1/webhook-deliveries`. */
export const WebhookDeliveriesQuery = page.extend({
  subscriptionId: Id.optional(),
  status: WebhookDeliveryStatus.optional(),
  eventId: z.string().max(20).regex(/^\d+$/).optional(),
});

/** Query of `GET /v1/notifications`. */
export const NotificationsQuery = page.extend({ unread: z.enum(['true', 'false']).optional() });

/** Rules, runs, webhooks and notifications: the operations of the `automation` and `webhooks` capabilities. */
export const automationRoutes: RouteDef[] = [
  ...crudRoutes(automationRules, 'automation'),
  ...crudRoutes(webhookSubscriptions, 'webhooks').map((r) =>
    r.method === 'post' && r.path === '/v1/webhook-subscriptions'
      ? {
          ...r,
          description: `${r.description} The answer holds the signing \`secret\`, shown this once.`,
          responses: { 201: ok(WebhookSubscriptionCreated, 'Created', ['ETag', 'Location']) },
        }
      : r,
  ),
  {
    method: 'post',
    path: '/v1/automation-rules/{id}/run',
    operationId: 'runAutomationRule',
    summary: 'Run a rule on selected records',
    description:
      'Enrols each record (whatever the trigger; conditions still apply) with the given occurrence: a second call with the same occurrence enrols nobody again.',
    tag: 'Automation',
    auth: true,
    capability: 'automation',
    params: IdParams,
    headers: ['Idempotency-Key'],
    body: AutomationManualRun,
    responses: { 202: ok(AutomationManualRunResult, 'Accepted') },
  },
  {
    method: 'post',
    path: '/v1/automation-rules/{id}/dry-run',
    operationId: 'dryRunAutomationRule',
    summary: 'What a rule would do, without doing it',
    description:
      'For `recordId`: whether it meets the conditions and what each step would do, when. For `days`: which records would enrol in the next N days (date and schedule triggers). Nothing is written.',
    tag: 'Automation',
    auth: true,
    capability: 'automation',
    params: IdParams,
    body: AutomationDryRunRequest,
    responses: { 200: ok(AutomationDryRun) },
  },
  {
    method: 'post',
    path: '/v1/automation-rules/dry-run',
    operationId: 'dryRunUnsavedAutomationRule',
    summary: 'What an unsaved rule would do',
    description: 'As the dry run of a stored rule, for the rule in the body (`rule`), e.g. from an editor.',
    tag: 'Automation',
    auth: true,
    capability: 'automation',
    body: AutomationDryRunRequest,
    responses: { 200: ok(AutomationDryRun) },
  },
  {
    method: 'get',
    path: '/v1/automation-runs',
    operationId: 'listAutomationRuns',
    summary: 'The run log',
    description: 'Runs, newest first; filter by rule, record and status.',
    tag: 'Automation',
    auth: true,
    capability: 'automation',
    query: AutomationRunsQuery,
    responses: { 200: ok(AutomationRunPage) },
  },
  {
    method: 'get',
    path: '/v1/automation-runs/{id}',
    operationId: 'getAutomationRun',
    summary: 'A run',
    tag: 'Automation',
    auth: true,
    capability: 'automation',
    params: IdParams,
    responses: { 200: ok(AutomationRun) },
  },
  {
    method: 'get',
    path: '/v1/automation-runs/{id}/steps',
    operationId: 'listAutomationRunSteps',
    summary: 'What each step of a run did',
    description: 'Step outcomes in order, every attempt of a retried step included.',
    tag: 'Automation',
    auth: true,
    capability: 'automation',
    params: IdParams,
    query: page,
    responses: { 200: ok(AutomationRunStepPage) },
  },
  {
    method: 'post',
    path: '/v1/webhook-subscriptions/{id}/rotate-secret',
    operationId: 'rotateWebhookSecret',
    summary: 'A new signing secret',
    description: 'Deliveries carry signatures with both the new and the old secret for 24 hours.',
    tag: 'Webhooks',
    auth: true,
    capability: 'webhooks',
    params: IdParams,
    responses: { 200: ok(WebhookSecret) },
  },
  {
    method: 'get',
    path: '/v1/webhook-deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'The delivery log',
    description: 'Deliveries, newest first; filter by subscription, status and event.',
    tag: 'Webhooks',
    auth: true,
    capability: 'webhooks',
    query: WebhookDeliveriesQuery,
    responses: { 200: ok(WebhookDeliveryPage) },
  },
  {
    method: 'post',
    path: '/v1/webhook-deliveries/{id}/replay',
    operationId: 'replayWebhookDelivery',
    summary: 'Deliver an event again',
    description: 'Sends the delivery again now, with the same `webhook-id`; a failed one is retried from scratch.',
    tag: 'Webhooks',
    auth: true,
    capability: 'webhooks',
    params: IdParams,
    responses: { 202: ok(WebhookDelivery, 'Accepted') },
  },
  {
    method: 'get',
    path: '/v1/notifications',
    operationId: 'listNotifications',
    summary: "The caller's notifications",
    description: 'Newest first; `unread=true` keeps the unread ones.',
    tag: 'Automation',
    auth: true,
    capability: 'automation',
    query: NotificationsQuery,
    responses: { 200: ok(NotificationPage) },
  },
  {
    method: 'post',
    path: '/v1/notifications/{id}/read',
    operationId: 'readNotification',
    summary: 'Mark a notification read',
    tag: 'Automation',
    auth: true,
    capability: 'automation',
    params: IdParams,
    responses: { 200: ok(Notification) },
  },
  {
    method: 'post',
    path: '/v1/notifications/read-all',
    operationId: 'readAllNotifications',
    summary: "Mark all the caller's notifications read",
    tag: 'Automation',
    auth: true,
    capability: 'automation',
    responses: { 200: ok(z.object({ updated: z.int().min(0).max(1_000_000) })) },
  },
];

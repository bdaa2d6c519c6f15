/**
 * `@crmkit/client`: the typed crmkit SDK — resource methods, auth (API keys, embed tokens, cookies), retries, typed
 * errors, pagination, optimistic concurrency, the live change feed, optional response validation, and openapi-fetch's
 * typed client for any path (`raw`, loaded on first use).
 *
 * @example
 * import { createCrmClient, PreconditionFailedError } from '@crmkit/client';
 * const crm = createCrmClient({ baseUrl: 'https://crm.example.com', auth: { apiKey: process.env.CRM_KEY } });
 * for await (const contact of crm.contacts.iterate({ filter: { lifecycleStage: ['active', 'loyal'] } })) {
 *   console.log(contact.firstName);
 * }
 */
export type { CrmAuth, TokenResult } from './auth.js';
export type {
  AutomationClients,
  AutomationRulesClient,
  AutomationRunsClient,
  DeliveryQuery,
  NotificationQuery,
  NotificationsClient,
  PageQuery,
  RunQuery,
  WebhookDeliveriesClient,
  WebhookSubscriptionsClient,
} from './automation-types.js';
export type {
  Campaign,
  CampaignInsights,
  CampaignPreview,
  CampaignPreviewRequest,
  CampaignRecipient,
  CampaignRecipientStatus,
  CampaignRecipientsQuery,
  CampaignReport,
  CampaignSchedule,
  CampaignScheduleRequest,
  CampaignStats,
  CampaignsClient,
  CampaignTestRequest,
  CampaignTestResult,
  Download,
} from './campaign-types.js';
export {
  type CrmClient,
  type CrmClientOptions,
  createCrmClient,
  type MessageInput,
  type MessageQuery,
} from './client.js';
export {
  AuthError,
  ConflictError,
  CrmError,
  type FieldError,
  ForbiddenError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  type ProblemDetails,
  RateLimitedError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export type { CrmEvent, EventType, SubscribeOptions, Subscription } from './events.js';
export { filterParams, paginate } from './query.js';
export type { BatchOperation, BatchResult, ResourceClient, SearchRequest } from './resources.js';
export type {
  Segment,
  SegmentFilter,
  SegmentMember,
  SegmentMembersQuery,
  SegmentPreview,
  SegmentPreviewRequest,
  SegmentResource,
  SegmentsClient,
} from './segments.js';
export type { FetchLike, RetryOptions } from './transport.js';
export type {
  BodyOf,
  CreateOf,
  CreateOptions,
  CrudName,
  Filter,
  FilterOperators,
  FilterScalar,
  ListCount,
  ListQuery,
  Page,
  RecordOf,
  RequestOptions,
  ResourceName,
  ResponseOf,
  Schemas,
  Sort,
  UpdateOf,
  WriteOptions,
} from './types.js';
export type { ContractValidator, ValidateOption } from './validation.js';

import { RESOURCE_NAMES, type ResourceName } from '@crmkit/core';
import { z } from 'zod';
import { pageOf } from '../base/primitives.js';
import { Activity, ActivityCreate, ActivityUpdate } from '../entities/activity.js';
import { CannedResponse, CannedResponseCreate, CannedResponseUpdate } from '../entities/canned-response.js';
import { Company, CompanyCreate, CompanyUpdate } from '../entities/company.js';
import { Contact, ContactCreate, ContactUpdate } from '../entities/contact.js';
import { Deal, DealCreate, DealUpdate } from '../entities/deal.js';
import { Lead, LeadCreate, LeadUpdate } from '../entities/lead.js';
import { Campaign, CampaignCreate, CampaignUpdate } from '../entities/marketing.js';
import { Pipeline, PipelineCreate, PipelineUpdate } from '../entities/pipeline.js';
import { Segment, SegmentCreate, SegmentUpdate } from '../entities/segment.js';
import { Ticket, TicketCreate, TicketUpdate, TicketView } from '../entities/ticket.js';
import { Team, TeamCreate, TeamUpdate, User, UserCreate, UserUpdate } from '../entities/user.js';
import { AutomationRule, AutomationRuleCreate, AutomationRuleUpdate } from './automation.js';
import { WebhookSubscription, WebhookSubscriptionCreate, WebhookSubscriptionUpdate } from './webhooks.js';

/**
 * A CRUD resource of the contract: its schemas and which fields lists can sort and filter on.
 * Both the server and the conformance kit derive their behaviour from these descriptors.
 */
export interface ResourceSpec<
  Name extends string = string,
  T extends z.ZodType = z.ZodType,
  C extends z.ZodType = z.ZodType,
  U extends z.ZodType = z.ZodType,
> {
  /** Path segment and permission resource: `/v1/<name>`. */
  name: Name;
  /** Event prefix and label key: `<singular>.created`. */
  singular: string;
  /** OpenAPI tag. */
  tag: string;
  schema: T;
  create: C;
  update: U;
  page: z.ZodType;
  /** Fields accepted by `sort` (ascending, or `-field` descending); {@link ALWAYS_SORTABLE} are accepted too. */
  sortable: readonly string[];
  /** Fields accepted by `filter[field]` and the search tree (custom fields are always filterable as `customFields.<key>`). */
  filterable: readonly string[];
  /** Fields `q` searches: each word of `q` is a case-insensitive substring of one of them, in any order. */
  searchable: readonly string[];
  /** Default list order: a `sort` value. */
  defaultSort: string;
  /**
   * Sort and filter fields that are not properties of the record but read one of its nested values, by dotted
   * path: tickets' `slaStatus` is `sla.status` (null while `sla` is null).
   */
  derived?: Readonly<Record<string, string>>;
  /**
   * Sort fields that are not properties of the record, with what they order by: contacts' `name` is the name in the
   * order and collation of the workspace's language (`nameSortKey` of `@crmkit/core/collation`).
   */
  collated?: Readonly<Record<string, string>>;
  /**
   * Query parameters of this resource's list besides the common ones, for conditions no field of the record holds:
   * deals' `rotting` (which depends on the stage and the clock; the aggregate of deals takes it too), tickets' `view`.
   */
  listQuery?: z.ZodObject;
}

/** The list parameters of deals besides the common ones: whether deals rot (`isRotting` of @crmkit/core). */
export const DealListQuery = z.object({
  rotting: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'Only deals that rot (`true`) or do not (`false`) at the time of the request: open, in a stage with `rottingDays`, idle — since entering the stage or since `lastActivityAt`, whichever is later — for more whole days than the threshold.',
    ),
});

/** Fields every list sorts by, whatever its descriptor says. */
export const ALWAYS_SORTABLE = ['createdAt', 'updatedAt', 'id'] as const;

function resource<N extends string, T extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(
  spec: Omit<ResourceSpec<N, T, C, U>, 'page'> & { pageId: string },
): ResourceSpec<N, T, C, U> {
  const { pageId, ...rest } = spec;
  return { ...rest, page: pageOf(pageId, spec.schema) };
}

export const companies = resource({
  name: 'companies',
  singular: 'company',
  tag: 'Companies',
  pageId: 'CompanyPage',
  schema: Company,
  create: CompanyCreate,
  update: CompanyUpdate,
  sortable: ['name', 'domain', 'industry'],
  filterable: ['name', 'domain', 'industry', 'size', 'ownerId', 'tags'],
  searchable: ['name', 'domain'],
  defaultSort: 'name',
});

export const contacts = resource({
  name: 'contacts',
  singular: 'contact',
  tag: 'Contacts',
  pageId: 'ContactPage',
  schema: Contact,
  create: ContactCreate,
  update: ContactUpdate,
  sortable: ['name', 'firstName', 'lastName', 'lifecycleStage', 'lastContactedAt', 'birthday'],
  filterable: [
    'firstName',
    'lastName',
    'emails',
    'phones',
    'companyId',
    'lifecycleStage',
    'source',
    'ownerId',
    'tags',
    'birthday',
    'lastContactedAt',
  ],
  searchable: ['firstName', 'lastName', 'emails', 'phones'],
  defaultSort: 'name',
  collated: {
    name: "the name as the workspace's language orders names — given name, then family name (then middle name) in Vietnamese and Thai; family name, then given name in other languages — each part compared with that language's collation (accents and case after letters: `Ánh` before `Đặng` before `Zoe`; `เกษม` under ก), as `nameSortKey` of `@crmkit/core/collation` orders them; the primary email or phone for a contact without a name",
  },
});

export const leads = resource({
  name: 'leads',
  singular: 'lead',
  tag: 'Leads',
  pageId: 'LeadPage',
  schema: Lead,
  create: LeadCreate,
  update: LeadUpdate,
  sortable: ['name', 'companyName', 'status', 'source'],
  filterable: ['name', 'companyName', 'email', 'phone', 'status', 'source', 'ownerId', 'tags'],
  searchable: ['name', 'companyName', 'email', 'phone'],
  defaultSort: '-createdAt',
});

export const pipelines = resource({
  name: 'pipelines',
  singular: 'pipeline',
  tag: 'Pipelines',
  pageId: 'PipelinePage',
  schema: Pipeline,
  create: PipelineCreate,
  update: PipelineUpdate,
  sortable: ['name'],
  filterable: ['name', 'isDefault', 'currency'],
  searchable: ['name'],
  defaultSort: 'name',
});

export const deals = resource({
  name: 'deals',
  singular: 'deal',
  tag: 'Deals',
  pageId: 'DealPage',
  schema: Deal,
  create: DealCreate,
  update: DealUpdate,
  sortable: [
    'name',
    'amount',
    'probability',
    'expectedCloseDate',
    'rank',
    'status',
    'closedAt',
    'stageEnteredAt',
    'lastActivityAt',
    'nextActivityAt',
  ],
  filterable: [
    'name',
    'pipelineId',
    'stageId',
    'status',
    'probability',
    'amount',
    'currency',
    'companyId',
    'contactIds',
    'ownerId',
    'expectedCloseDate',
    'tags',
    'stageEnteredAt',
    'lastActivityAt',
    'nextActivityAt',
  ],
  searchable: ['name'],
  defaultSort: 'rank',
  listQuery: DealListQuery,
});

export const activities = resource({
  name: 'activities',
  singular: 'activity',
  tag: 'Activities',
  pageId: 'ActivityPage',
  schema: Activity,
  create: ActivityCreate,
  update: ActivityUpdate,
  sortable: ['occurredAt', 'dueAt', 'completedAt', 'type'],
  filterable: [
    'type',
    'direction',
    'outcome',
    'purpose',
    'contactId',
    'companyId',
    'dealId',
    'ticketId',
    'authorId',
    'assigneeId',
    'dueAt',
    'completedAt',
    'occurredAt',
    'tags',
  ],
  searchable: ['subject', 'body'],
  defaultSort: '-occurredAt',
});

export const tickets = resource({
  name: 'tickets',
  singular: 'ticket',
  tag: 'Tickets',
  pageId: 'TicketPage',
  schema: Ticket,
  create: TicketCreate,
  update: TicketUpdate,
  sortable: ['number', 'subject', 'status', 'priority', 'lastMessageAt', 'nextBreachAt'],
  filterable: [
    'number',
    'status',
    'priority',
    'channel',
    'requesterId',
    'assigneeId',
    'teamId',
    'tags',
    'slaStatus',
    'nextBreachAt',
    'snoozedUntil',
    'mergedIntoId',
  ],
  searchable: ['subject'],
  defaultSort: '-createdAt',
  // Core, not part of the `sla` capability: without it every ticket's `sla` is null, so are these.
  derived: { slaStatus: 'sla.status', nextBreachAt: 'sla.nextBreachAt', snoozedUntil: 'snooze.until' },
  listQuery: z.object({
    view: TicketView.optional().describe("One of the caller's inbox views (see `GET /v1/tickets/views`)."),
  }),
});

export const cannedResponses = resource({
  name: 'cannedResponses',
  singular: 'cannedResponse',
  tag: 'CannedResponses',
  pageId: 'CannedResponsePage',
  schema: CannedResponse,
  create: CannedResponseCreate,
  update: CannedResponseUpdate,
  sortable: ['name', 'shortcut'],
  filterable: ['name', 'shortcut', 'teamIds', 'tags', 'status'],
  searchable: ['name', 'shortcut', 'body'],
  defaultSort: 'name',
});

export const users = resource({
  name: 'users',
  singular: 'user',
  tag: 'Users',
  pageId: 'UserPage',
  schema: User,
  create: UserCreate,
  update: UserUpdate,
  sortable: ['name', 'email', 'role'],
  filterable: ['name', 'email', 'role', 'teamIds', 'available'],
  searchable: ['name', 'email'],
  defaultSort: 'name',
});

export const teams = resource({
  name: 'teams',
  singular: 'team',
  tag: 'Teams',
  pageId: 'TeamPage',
  schema: Team,
  create: TeamCreate,
  update: TeamUpdate,
  sortable: ['name'],
  filterable: ['name'],
  searchable: ['name'],
  defaultSort: 'name',
});

/** Automation rules (capability `automation`): CRUD like the other resources, plus run, dry-run and the run log. */
export const automationRules = resource({
  name: 'automation-rules',
  singular: 'automation_rule',
  tag: 'Automation',
  pageId: 'AutomationRulePage',
  schema: AutomationRule,
  create: AutomationRuleCreate,
  update: AutomationRuleUpdate,
  sortable: ['name', 'enabled', 'resource'],
  filterable: ['name', 'enabled', 'resource'],
  searchable: ['name'],
  defaultSort: 'name',
});

/** Webhook subscriptions (capability `webhooks`): CRUD, secret rotation, and their deliveries. */
export const webhookSubscriptions = resource({
  name: 'webhook-subscriptions',
  singular: 'webhook_subscription',
  tag: 'Webhooks',
  pageId: 'WebhookSubscriptionPage',
  schema: WebhookSubscription,
  create: WebhookSubscriptionCreate,
  update: WebhookSubscriptionUpdate,
  sortable: ['url', 'enabled'],
  filterable: ['enabled', 'url'],
  searchable: ['url', 'description'],
  defaultSort: '-createdAt',
});

/** Segments (capability `segments`): CRUD, plus a live count and the members of each, and previews while editing. */
export const segments = resource({
  name: 'segments',
  singular: 'segment',
  tag: 'Segments',
  pageId: 'SegmentPage',
  schema: Segment,
  create: SegmentCreate,
  update: SegmentUpdate,
  sortable: ['name', 'resource'],
  filterable: ['name', 'resource'],
  searchable: ['name'],
  defaultSort: 'name',
});

/** Campaigns (capability `campaigns`): CRUD of drafts, preview, schedule, cancel, recipients and report. */
export const campaigns = resource({
  name: 'campaigns',
  singular: 'campaign',
  tag: 'Campaigns',
  pageId: 'CampaignPage',
  schema: Campaign,
  create: CampaignCreate,
  update: CampaignUpdate,
  sortable: ['name', 'status', 'scheduledAt'],
  filterable: ['name', 'status', 'channel', 'segmentId'],
  searchable: ['name'],
  defaultSort: '-createdAt',
});

/**
 * Every CRUD resource of the contract, by name: exactly the names of `RESOURCE_NAMES` (`@crmkit/core`), which is the
 * list to iterate (it fixes the order).
 */
export const resources = {
  companies,
  contacts,
  leads,
  pipelines,
  deals,
  activities,
  tickets,
  users,
  teams,
  cannedResponses,
} as const satisfies { readonly [N in ResourceName]: ResourceSpec<N> };
export { RESOURCE_NAMES, type ResourceName };

import { ActivityType } from '../entities/activity.js';
import { CompanySize } from '../entities/company.js';
import { LifecycleStage } from '../entities/contact.js';
import { LeadStatus } from '../entities/lead.js';
import { TicketChannel, TicketPriority, TicketStatus } from '../entities/ticket.js';
import { RESOURCE_NAMES, type ResourceSpec, resources } from './resources.js';
import type { EntityName, FieldType } from './workspace.js';

/** A built-in field as the contract defines it; a server adds the labels when it declares it in `/v1/schema`. */
export interface StandardField {
  key: string;
  type: FieldType;
  required: boolean;
  /** Whether lists sort by it: from the resource descriptor. */
  sortable: boolean;
  /** Whether lists filter by it: from the resource descriptor. */
  filterable: boolean;
  /** The values of a `select` whose values the contract fixes (others take theirs from the workspace). */
  options?: readonly string[];
}

type Entry = [key: string, type: FieldType, extra?: { required?: true; options?: readonly string[] }];

const OWNER: Entry = ['ownerId', 'select'];
const TAGS: Entry = ['tags', 'multiselect'];

/** The standard fields of each entity, in display order. */
const ENTRIES: Record<EntityName, readonly Entry[]> = {
  company: [
    ['name', 'text', { required: true }],
    ['domain', 'url'],
    ['industry', 'text'],
    ['size', 'select', { options: CompanySize.options }],
    ['phones', 'phone'],
    OWNER,
    TAGS,
  ],
  contact: [
    ['firstName', 'text'],
    ['lastName', 'text'],
    ['emails', 'email'],
    ['phones', 'phone'],
    ['companyId', 'select'],
    ['title', 'text'],
    ['birthday', 'date'],
    ['lifecycleStage', 'select', { required: true, options: LifecycleStage.options }],
    ['source', 'select'],
    OWNER,
    TAGS,
    ['lastContactedAt', 'date'],
  ],
  lead: [
    ['name', 'text', { required: true }],
    ['companyName', 'text'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['source', 'select'],
    ['status', 'select', { options: LeadStatus.options }],
    OWNER,
    TAGS,
  ],
  deal: [
    ['name', 'text', { required: true }],
    ['amount', 'currency'],
    ['stageId', 'select'],
    ['probability', 'number'],
    ['expectedCloseDate', 'date'],
    ['companyId', 'select'],
    OWNER,
    TAGS,
  ],
  activity: [
    ['type', 'select', { required: true, options: ActivityType.options }],
    ['subject', 'text'],
    ['outcome', 'text'],
    ['occurredAt', 'date'],
    ['dueAt', 'date'],
  ],
  ticket: [
    ['subject', 'text', { required: true }],
    ['status', 'select', { options: TicketStatus.options }],
    ['priority', 'select', { options: TicketPriority.options }],
    ['channel', 'select', { options: TicketChannel.options }],
    ['assigneeId', 'select'],
    ['teamId', 'select'],
    TAGS,
  ],
};

/** The CRUD resource that holds an entity's records (`contact` → `contacts`). */
export function resourceOfEntity(entity: EntityName): ResourceSpec {
  const name = RESOURCE_NAMES.find((n) => resources[n].singular === entity);
  if (!name) throw new Error(`no resource holds the ${entity} entity`);
  return resources[name];
}

/**
 * The fields a server must declare in `GET /v1/schema` → `fields.<entity>` (with `custom: false` and labels)
 * for the widgets to show them; a server may declare more, and custom fields after them.
 *
 * @example
 * standardFields('contact').map((f) => f.key); // ['firstName', 'lastName', 'emails', ...]
 */
export function standardFields(entity: EntityName): StandardField[] {
  const resource = resourceOfEntity(entity);
  return ENTRIES[entity].map(([key, type, extra]) => ({
    key,
    type,
    required: extra?.required ?? false,
    sortable: resource.sortable.includes(key),
    filterable: resource.filterable.includes(key),
    ...(extra?.options ? { options: extra.options } : {}),
  }));
}

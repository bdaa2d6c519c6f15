import { STANDARD_FIELDS } from '@crmkit/core';
import { ActivityType } from '../entities/activity.js';
import { CompanySize } from '../entities/company.js';
import { LifecycleStage, NameOrder } from '../entities/contact.js';
import { LeadStatus } from '../entities/lead.js';
import { TicketChannel, TicketPriority, TicketStatus } from '../entities/ticket.js';
import { RESOURCE_NAMES, type ResourceSpec, resources } from './resources.js';
import type { EntityName, FieldType } from './workspace.js';

/**
 * A built-in field as the contract defines it (which fields, their types: `STANDARD_FIELDS` of `@crmkit/core`; which
 * lists sort and filter by them: the resource descriptors); a server adds the labels when it declares it in
 * `/v1/schema`.
 */
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

/** The values of each `select` whose values the contract fixes, by entity and field. */
const OPTIONS: Partial<Record<EntityName, Record<string, readonly string[]>>> = {
  company: { size: CompanySize.options },
  contact: { lifecycleStage: LifecycleStage.options, nameOrder: NameOrder.options },
  lead: { status: LeadStatus.options },
  activity: { type: ActivityType.options },
  ticket: { status: TicketStatus.options, priority: TicketPriority.options, channel: TicketChannel.options },
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
  return STANDARD_FIELDS[entity].map(({ key, type, required }) => {
    const options = OPTIONS[entity]?.[key];
    return {
      key,
      type,
      required: required ?? false,
      sortable: resource.sortable.includes(key),
      filterable: resource.filterable.includes(key),
      ...(options ? { options } : {}),
    };
  });
}

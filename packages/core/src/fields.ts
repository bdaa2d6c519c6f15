/**
 * The standard fields of each entity: the built-in fields the contract gives every record, in display order. A server
 * declares them in `GET /v1/schema` (with its labels; `standardFields` of `@crmkit/spec` adds which lists sort and
 * filter by them), and the widgets show them even where a server declares fewer.
 *
 * @example
 * STANDARD_FIELDS.contact.map((f) => f.key); // ['firstName', 'lastName', 'emails', ...]
 */

/** The type of a standard field (the contract's field types). */
export type StandardFieldType =
  | 'text'
  | 'number'
  | 'currency'
  | 'date'
  | 'select'
  | 'multiselect'
  | 'email'
  | 'phone'
  | 'url';

/** A standard field: its key on the record, its type, and whether every record has a value. */
export interface StandardField {
  readonly key: string;
  readonly type: StandardFieldType;
  readonly required?: true;
}

const OWNER: StandardField = { key: 'ownerId', type: 'select' };
const TAGS: StandardField = { key: 'tags', type: 'multiselect' };

/** The standard fields of a company, in display order. */
export const COMPANY_FIELDS: readonly StandardField[] = [
  { key: 'name', type: 'text', required: true },
  { key: 'domain', type: 'url' },
  { key: 'industry', type: 'text' },
  { key: 'size', type: 'select' },
  { key: 'phones', type: 'phone' },
  OWNER,
  TAGS,
];

/** The standard fields of a contact, in display order. */
export const CONTACT_FIELDS: readonly StandardField[] = [
  { key: 'firstName', type: 'text' },
  { key: 'lastName', type: 'text' },
  { key: 'salutation', type: 'text' },
  { key: 'nameOrder', type: 'select' },
  { key: 'emails', type: 'email' },
  { key: 'phones', type: 'phone' },
  { key: 'companyId', type: 'select' },
  { key: 'title', type: 'text' },
  { key: 'birthday', type: 'date' },
  { key: 'lifecycleStage', type: 'select', required: true },
  { key: 'source', type: 'select' },
  OWNER,
  TAGS,
  { key: 'lastContactedAt', type: 'date' },
];

/** The standard fields of a lead, in display order. */
export const LEAD_FIELDS: readonly StandardField[] = [
  { key: 'name', type: 'text', required: true },
  { key: 'companyName', type: 'text' },
  { key: 'email', type: 'email' },
  { key: 'phone', type: 'phone' },
  { key: 'source', type: 'select' },
  { key: 'status', type: 'select' },
  OWNER,
  TAGS,
];

/** The standard fields of a deal, in display order. */
export const DEAL_FIELDS: readonly StandardField[] = [
  { key: 'name', type: 'text', required: true },
  { key: 'amount', type: 'currency' },
  { key: 'stageId', type: 'select' },
  { key: 'probability', type: 'number' },
  { key: 'expectedCloseDate', type: 'date' },
  { key: 'companyId', type: 'select' },
  OWNER,
  TAGS,
  { key: 'stageEnteredAt', type: 'date' },
  { key: 'lastActivityAt', type: 'date' },
  { key: 'nextActivityAt', type: 'date' },
];

/** The standard fields of a activity, in display order. */
export const ACTIVITY_FIELDS: readonly StandardField[] = [
  { key: 'type', type: 'select', required: true },
  { key: 'subject', type: 'text' },
  { key: 'outcome', type: 'text' },
  { key: 'occurredAt', type: 'date' },
  { key: 'dueAt', type: 'date' },
];

/** The standard fields of a ticket, in display order. */
export const TICKET_FIELDS: readonly StandardField[] = [
  { key: 'subject', type: 'text', required: true },
  { key: 'status', type: 'select' },
  { key: 'priority', type: 'select' },
  { key: 'channel', type: 'select' },
  { key: 'assigneeId', type: 'select' },
  { key: 'teamId', type: 'select' },
  TAGS,
];

/** The standard fields of each entity, in display order. */
export const STANDARD_FIELDS = {
  company: COMPANY_FIELDS,
  contact: CONTACT_FIELDS,
  lead: LEAD_FIELDS,
  deal: DEAL_FIELDS,
  activity: ACTIVITY_FIELDS,
  ticket: TICKET_FIELDS,
} as const;

/**
 * Every CRUD resource of the crmkit CRM API, in the contract's order: each has `/v1/<name>` and the permissions
 * `<name>:read|create|update|delete`. The one list the contract (`@crmkit/spec`), the client's resource methods and
 * the reference server's routes and permissions are derived from.
 *
 * @example
 * for (const name of RESOURCE_NAMES) console.log(`/v1/${name}`);
 */
export const RESOURCE_NAMES = [
  'companies',
  'contacts',
  'leads',
  'pipelines',
  'deals',
  'activities',
  'tickets',
  'users',
  'teams',
  'cannedResponses',
] as const;

/** The name of a CRUD resource of the contract (`'contacts'`, `'deals'`, …). */
export type ResourceName = (typeof RESOURCE_NAMES)[number];

/**
 * The resources whose records activities link to (an activity's `contactId`, `companyId`, `dealId`, `ticketId`): a
 * segment of them can hold activity facts ("had a call in the last 90 days"); a segment of leads cannot.
 *
 * @example
 * ACTIVITY_LINKED_RESOURCES.includes('leads'); // false
 */
export const ACTIVITY_LINKED_RESOURCES: readonly string[] = ['contacts', 'companies', 'deals', 'tickets'];

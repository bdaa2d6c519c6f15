/**
 * The longest values (in characters) and the largest lists the contract accepts, by field. `@crmkit/spec` builds its
 * schemas with them and the widgets give their inputs the same `maxLength`, so a form refuses what the server would.
 *
 * @example
 * <input name="firstName" maxLength={CONTACT_LIMITS.firstName} />
 */

/** Fields of a contact. */
export const CONTACT_LIMITS = {
  firstName: 100,
  lastName: 100,
  salutation: 32,
  title: 200,
  source: 64,
  emails: 20,
  phones: 20,
} as const;

/** Fields of a company and its address. */
export const COMPANY_LIMITS = {
  name: 200,
  domain: 253,
  industry: 100,
  phones: 20,
  street: 200,
  city: 100,
  region: 100,
  postalCode: 20,
} as const;

/** Fields of a deal. */
export const DEAL_LIMITS = { name: 200, lostReason: 500, contactIds: 50, rottingDays: 3650 } as const;

/** Fields of an activity. */
export const ACTIVITY_LIMITS = { subject: 300, body: 20_000, outcome: 100, purpose: 64 } as const;

/** Tags of any record: the length of one tag, and how many a record holds. */
export const TAG_LIMITS = { length: 64, count: 50 } as const;

/** An email address. */
export const EMAIL_MAX_LENGTH = 254;

/**
 * Sizes of what a server builds itself — pages, problems, aggregates, a team's member list — and of a workspace's
 * configuration. `@crmkit/spec` declares each in `openapi.json` (`maxItems` / `maxLength`); the reference server keeps
 * them.
 *
 * @example
 * if (groups.length > CONTRACT_LIMITS.aggregateGroups) throw badRequest('Too many groups; narrow the filter.');
 */
export const CONTRACT_LIMITS = {
  /** Largest page of a list (`limit` is 1–200). */
  pageSize: 200,
  /** Longest `cursor` / `nextCursor`. */
  cursor: 2000,
  /** Most `errors[]` entries a problem lists (a body with more bad values names the first ones). */
  problemErrors: 100,
  /** Longest problem `detail`. */
  problemDetail: 4000,
  /** Longest `errors[].path` of a problem. */
  problemPath: 500,
  /** Longest `errors[].message` of a problem. */
  problemMessage: 1000,
  /** Most groups (group × currency rows) one `GET /v1/deals/aggregate` answers; more is a 400 problem. */
  aggregateGroups: 2000,
  /** Most `memberIds` a team lists (the first ones by name; `filter[teamIds]` on users lists them all). */
  teamMembers: 1000,
  /** Most pipelines a workspace holds. */
  pipelines: 100,
  /** Most lost reasons a workspace offers. */
  lostReasons: 50,
  /** Most custom fields per entity. */
  customFields: 100,
  /** Most lead sources a workspace defines. */
  leadSources: 100,
  /** Most call outcomes a workspace names (the built-in ones included). */
  callOutcomes: 50,
  /** Most SLA policies a workspace defines. */
  slaPolicies: 50,
  /** Most business calendars a workspace defines. */
  businessCalendars: 20,
  /**
   * Longest sanitised HTML of a ticket message: its body is at most 100,000 characters, and sanitising writes at
   * most six for one (`"` → `&quot;`) plus a few tags.
   */
  messageHtml: 1_000_000,
} as const;

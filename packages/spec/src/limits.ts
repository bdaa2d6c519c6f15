/**
 * Bounds of the contract that a server enforces beyond validating request bodies: sizes of answers it builds
 * itself. Each is declared in `openapi.json` (`maxItems` / `maxLength`) and kept by the reference server.
 *
 * @example
 * if (groups.length > LIMITS.aggregateGroups) throw badRequest('Too many groups; narrow the filter.');
 */
export const LIMITS = {
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
  /** Most custom fields per entity. */
  customFields: 100,
  /** Most lead sources a workspace defines. */
  leadSources: 100,
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

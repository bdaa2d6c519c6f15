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
export const DEAL_LIMITS = { name: 200, lostReason: 500, contactIds: 50 } as const;

/** Fields of an activity. */
export const ACTIVITY_LIMITS = { subject: 300, body: 20_000, outcome: 100, purpose: 64 } as const;

/** Tags of any record: the length of one tag, and how many a record holds. */
export const TAG_LIMITS = { length: 64, count: 50 } as const;

/** An email address. */
export const EMAIL_MAX_LENGTH = 254;

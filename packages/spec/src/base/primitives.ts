import { CONTRACT_LIMITS, EMAIL_MAX_LENGTH, TAG_LIMITS } from '@crmkit/core';
import { FIELD_ERROR_CODES } from '@crmkit/core/problems';
import { z } from 'zod';
import { named } from './registry.js';

/** An opaque record id: `<prefix>_<base32 time-ordered>`; 1–64 URL-safe characters. */
export const Id = named(
  'Id',
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be an id'),
);

/** An instant as an RFC 3339 timestamp in UTC (`2026-11-22T08:30:00.000Z`). */
export const Timestamp = named('Timestamp', z.iso.datetime({ offset: true }).max(64), 'RFC 3339 date-time.');

/** A calendar date without time (`2026-11-22`). */
export const DateOnly = named('Date', z.iso.date().length(10), 'A calendar date, YYYY-MM-DD.');

/** An ISO 4217 currency code (`VND`, `THB`, `USD`). */
export const CurrencyCode = named(
  'CurrencyCode',
  z
    .string()
    .length(3)
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code'),
);

/** A phone number in E.164 form (`+84901234567`). */
export const E164 = named(
  'PhoneE164',
  z
    .string()
    .max(16)
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +84901234567'),
);

/** An email address. */
export const Email = named('Email', z.email().max(EMAIL_MAX_LENGTH));

/** A free-form label attached to a record. */
export const Tag = z.string().trim().min(1).max(TAG_LIMITS.length);
export const Tags = z.array(Tag).max(TAG_LIMITS.count);

/** A BCP 47 locale tag such as `en`, `vi-VN` or `th-TH`. */
export const Locale = z
  .string()
  .max(35)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 locale tag');

/** Text in several locales; `en` is always present and is the fallback. */
export const LocalizedText = named(
  'LocalizedText',
  z.object({ en: z.string().min(1).max(200) }).catchall(z.string().max(200)),
  'Text per BCP 47 locale; `en` is required and is the fallback.',
);

/** Values of custom fields, by field key; validated by the server against the workspace's field definitions. */
export const CustomFieldValues = named(
  'CustomFieldValues',
  z.record(
    z
      .string()
      .max(64)
      .regex(/^[a-z][a-zA-Z0-9_]{0,63}$/),
    z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(200)).max(100), z.null()]),
  ),
  'Custom field values keyed by field key (see `GET /v1/schema`).',
);

/** Fields every stored record carries. */
export const RecordBase = {
  id: Id,
  version: z.int().min(1).describe('Optimistic concurrency version; also sent as the `ETag`.'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

/** Validation problem detail. */
export const ProblemFieldError = z.object({
  path: z
    .string()
    .max(CONTRACT_LIMITS.problemPath)
    .describe('JSON pointer-like dotted path of the offending value, e.g. `emails.0`.'),
  message: z.string().max(CONTRACT_LIMITS.problemMessage).describe("What is wrong, in the server's English."),
  code: z
    .string()
    .max(64)
    .regex(/^[a-z][a-zA-Z]*$/)
    .optional()
    .describe(
      `A stable code of what is wrong, for clients to say it in their user's language: ${Object.entries(
        FIELD_ERROR_CODES,
      )
        .map(([code, params]) =>
          params.length ? `\`${code}\` (${params.map((p) => `\`${p}\``).join(', ')})` : `\`${code}\``,
        )
        .join(', ')}. A client that does not know a code shows \`message\`.`,
    ),
  params: z
    .record(z.string().max(64), z.union([z.string().max(1000), z.number()]))
    .optional()
    .describe('The values the code\'s message takes (`{ "max": 100 }`, `{ "options": "web, referral" }`).'),
});

/** An RFC 9457 problem document; every error response uses it. */
export const Problem = named(
  'Problem',
  z.object({
    type: z.string().max(2000),
    title: z.string().max(200),
    status: z.int().min(400).max(599),
    detail: z.string().max(CONTRACT_LIMITS.problemDetail).optional(),
    instance: z.string().max(2000).optional(),
    requestId: z.string().max(100).optional(),
    errors: z
      .array(ProblemFieldError)
      .max(CONTRACT_LIMITS.problemErrors)
      .optional()
      .describe(`Each bad value (the first ${CONTRACT_LIMITS.problemErrors} when there are more).`),
    current: z.record(z.string().max(64), z.unknown()).optional().describe('On 412: the record as currently stored.'),
    newMessages: z
      .array(z.record(z.string().max(64), z.unknown()))
      .max(50)
      .optional()
      .describe(
        'On 409 `stale-thread` (a reply sent with `lastSeenMessageId`): the TicketMessages added since, oldest first (the latest 50).',
      ),
  }),
  'An RFC 9457 problem details document.',
);
export type Problem = z.infer<typeof Problem>;

/**
 * How many records a list or search matches, across all its pages: `exact`, or an estimate (marked `exact: false`)
 * when counting exactly would be slow.
 */
export const ListCount = named(
  'ListCount',
  z.object({
    value: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    exact: z.boolean().describe("`false`: `value` is the planner's estimate, not a count."),
  }),
);
export type ListCount = z.infer<typeof ListCount>;

/** A page of a cursor-paginated list. */
export function pageOf<T extends z.ZodType>(id: string, item: T) {
  return named(
    id,
    z.object({
      data: z.array(item).max(CONTRACT_LIMITS.pageSize),
      nextCursor: z
        .string()
        .max(CONTRACT_LIMITS.cursor)
        .nullable()
        .describe('Pass as `cursor` to get the next page; `null` on the last page.'),
      count: ListCount.optional().describe('How many records the whole list holds; only when the request asks for it.'),
    }),
  );
}

export type LocalizedText = z.infer<typeof LocalizedText>;
export type CustomFieldValues = z.infer<typeof CustomFieldValues>;

import { CONTACT_LIMITS } from '@crmkit/core';
import { z } from 'zod';
import { CustomFieldValues, DateOnly, E164, Email, Id, RecordBase, Tags, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { TOUCH_ACTIVITY_TYPES } from './activity.js';

/**
 * The order a contact's name is written in: `family_first` for Vietnamese (`Nguyễn Văn An`) and Chinese, Japanese or
 * Korean names, `given_first` for Thai and Western ones (`NameOrder` of `@crmkit/core`).
 */
export const NameOrder = named('NameOrder', z.enum(['given_first', 'family_first']));
export type NameOrder = z.infer<typeof NameOrder>;

/** Where a customer stands in its relationship with the business. */
export const LifecycleStage = named('LifecycleStage', z.enum(['potential', 'active', 'loyal', 'lost']));
export type LifecycleStage = z.infer<typeof LifecycleStage>;

export const ConsentChannel = z.enum(['email', 'sms', 'phone', 'tracking']);
export type ConsentChannel = z.infer<typeof ConsentChannel>;

/** One consent: `granted` is `null` while the customer has not been asked. */
export const ConsentState = z.object({ granted: z.boolean().nullable(), updatedAt: Timestamp.nullable() });

export const Consent = named(
  'Consent',
  z.object({ email: ConsentState, sms: ConsentState, phone: ConsentState, tracking: ConsentState }),
  'Consent per channel, with the time it was last changed.',
);
export type Consent = z.infer<typeof Consent>;

/** Consent as sent by a client: the server stamps the time of each change. */
export const ConsentInput = z.strictObject({
  email: z.boolean().nullable().optional(),
  sms: z.boolean().nullable().optional(),
  phone: z.boolean().nullable().optional(),
  tracking: z.boolean().nullable().optional(),
});

const contactFields = {
  firstName: z.string().trim().max(CONTACT_LIMITS.firstName),
  lastName: z.string().trim().max(CONTACT_LIMITS.lastName),
  nameOrder: NameOrder.nullable().describe(
    "How the name is written: `family_first` (`Nguyễn Văn An`) or `given_first` (`Somchai Jaidee`). When a write that sets the name leaves it out, the server sets it from the name and the language it was typed in (`Content-Language`, else the calling user's locale) — never from the workspace's language; `null` while the contact has no full name, and clients then decide from the name.",
  ),
  salutation: z
    .string()
    .trim()
    .max(CONTACT_LIMITS.salutation)
    .nullable()
    .describe('How the contact is addressed before the name: `คุณ`, `นาย`, `นาง`, `นางสาว`, `Mr.`, `Ms.`…'),
  emails: z.array(Email).max(CONTACT_LIMITS.emails).describe('Lower-cased; the first is the primary address.'),
  phones: z.array(E164).max(CONTACT_LIMITS.phones).describe('E.164; the first is the primary number.'),
  companyId: Id.nullable(),
  title: z.string().max(CONTACT_LIMITS.title).nullable(),
  birthday: DateOnly.nullable(),
  lifecycleStage: LifecycleStage,
  source: z.string().max(CONTACT_LIMITS.source).nullable().describe('A lead source key from `GET /v1/schema`.'),
  ownerId: Id.nullable(),
  tags: Tags,
  customFields: CustomFieldValues,
};

/** A person the business has a relationship with. */
export const Contact = named(
  'Contact',
  z.object({
    ...RecordBase,
    ...contactFields,
    consent: Consent,
    lastContactedAt: Timestamp.nullable().describe(
      `Kept by the server, never sent by clients: the latest \`occurredAt\` of the contact's activities of type ${TOUCH_ACTIVITY_TYPES.join(', ')}.`,
    ),
  }),
  'A person the business has a relationship with.',
);
export type Contact = z.infer<typeof Contact>;

const contactInput = { ...contactFields, consent: ConsentInput };

export const ContactCreate = named(
  'ContactCreate',
  z
    .strictObject(contactInput)
    .partial()
    .refine((c) => Boolean(c.firstName?.trim() || c.lastName?.trim() || c.emails?.length || c.phones?.length), {
      message: 'a contact needs a name, an email or a phone',
      path: ['firstName'],
      params: { code: 'nameOrContact' },
    }),
);
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactUpdate = named('ContactUpdate', z.strictObject(contactInput).partial());
export type ContactUpdate = z.infer<typeof ContactUpdate>;

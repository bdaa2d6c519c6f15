import { z } from 'zod';
import { CurrencyCode, CustomFieldValues, E164, Email, Id, RecordBase, Tags, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { Company } from './company.js';
import { Contact } from './contact.js';
import { Deal } from './deal.js';

export const LeadStatus = named('LeadStatus', z.enum(['new', 'contacted', 'qualified', 'disqualified', 'converted']));
export type LeadStatus = z.infer<typeof LeadStatus>;

const leadFields = {
  name: z.string().trim().min(1).max(200),
  companyName: z.string().trim().max(200).nullable(),
  email: Email.nullable(),
  phone: E164.nullable(),
  source: z.string().max(64).nullable().describe('A lead source key from `GET /v1/schema`.'),
  status: LeadStatus.exclude(['converted']),
  ownerId: Id.nullable(),
  notes: z.string().max(10_000).nullable(),
  tags: Tags,
  customFields: CustomFieldValues,
};

/** A prospective customer not yet qualified into a contact. */
export const Lead = named(
  'Lead',
  z.object({
    ...RecordBase,
    ...leadFields,
    status: LeadStatus,
    convertedAt: Timestamp.nullable(),
    convertedContactId: Id.nullable(),
    convertedCompanyId: Id.nullable(),
    convertedDealId: Id.nullable(),
  }),
  'A prospective customer; `convert` turns it into a contact (+ company) (+ deal).',
);
export type Lead = z.infer<typeof Lead>;

export const LeadCreate = named('LeadCreate', z.strictObject(leadFields).partial().required({ name: true }));
export type LeadCreate = z.infer<typeof LeadCreate>;
export const LeadUpdate = named('LeadUpdate', z.strictObject(leadFields).partial());
export type LeadUpdate = z.infer<typeof LeadUpdate>;

/** What `POST /v1/leads/{id}/convert` creates. */
export const LeadConvert = named(
  'LeadConvert',
  z.strictObject({
    companyId: Id.nullable()
      .optional()
      .describe('Attach the contact to this existing company instead of creating one from `companyName`.'),
    createCompany: z
      .boolean()
      .optional()
      .describe('Create a company from `companyName` (default: true when it is set).'),
    deal: z
      .strictObject({
        name: z.string().trim().min(1).max(200).optional(),
        amount: z.int().min(0).nullable().optional(),
        currency: CurrencyCode.optional(),
        pipelineId: Id.optional(),
        stageId: Id.optional(),
      })
      .nullable()
      .optional()
      .describe('Create a deal too; omitted or null: no deal.'),
  }),
);
export type LeadConvert = z.infer<typeof LeadConvert>;

export const LeadConversion = named(
  'LeadConversion',
  z.object({ lead: Lead, contact: Contact, company: Company.nullable(), deal: Deal.nullable() }),
);
export type LeadConversion = z.infer<typeof LeadConversion>;

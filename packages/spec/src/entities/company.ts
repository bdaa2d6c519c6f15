import { COMPANY_LIMITS } from '@crmkit/core';
import { z } from 'zod';
import { CustomFieldValues, E164, Id, RecordBase, Tags } from '../base/primitives.js';
import { named } from '../base/registry.js';

export const CompanySize = z.enum(['1-10', '11-50', '51-200', '201-1000', '1001+']);

export const Address = named(
  'Address',
  z.object({
    street: z.string().max(COMPANY_LIMITS.street).nullable().optional(),
    city: z.string().max(COMPANY_LIMITS.city).nullable().optional(),
    region: z.string().max(COMPANY_LIMITS.region).nullable().optional(),
    postalCode: z.string().max(COMPANY_LIMITS.postalCode).nullable().optional(),
    country: z
      .string()
      .length(2)
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
      .nullable()
      .optional(),
  }),
);

const companyFields = {
  name: z.string().trim().min(1).max(COMPANY_LIMITS.name),
  domain: z
    .string()
    .max(COMPANY_LIMITS.domain)
    .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'must be a domain name such as example.com')
    .nullable(),
  industry: z.string().max(COMPANY_LIMITS.industry).nullable(),
  size: CompanySize.nullable(),
  phones: z.array(E164).max(COMPANY_LIMITS.phones),
  address: Address.nullable(),
  ownerId: Id.nullable(),
  tags: Tags,
  customFields: CustomFieldValues,
};

/** A customer organisation. */
export const Company = named('Company', z.object({ ...RecordBase, ...companyFields }), 'A customer organisation.');
export type Company = z.infer<typeof Company>;

export const CompanyCreate = named(
  'CompanyCreate',
  z
    .strictObject({ ...companyFields })
    .partial()
    .required({ name: true }),
);
export type CompanyCreate = z.infer<typeof CompanyCreate>;

export const CompanyUpdate = named('CompanyUpdate', z.strictObject({ ...companyFields }).partial());
export type CompanyUpdate = z.infer<typeof CompanyUpdate>;

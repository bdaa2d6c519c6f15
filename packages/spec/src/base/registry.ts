import { z } from 'zod';

/** Metadata stored for every named schema of the contract. */
export interface SchemaMeta {
  /** Component name in `#/components/schemas`. */
  id: string;
  description?: string;
}

/** Every named schema of the crmkit CRM API; the OpenAPI components are generated from it. */
export const registry = z.registry<SchemaMeta>();

/**
 * Registers `schema` as the OpenAPI component `id` and returns it unchanged.
 *
 * @example
 * export const Company = named('Company', z.object({ name: z.string() }), 'A customer organisation.');
 */
export function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  registry.add(schema, description === undefined ? { id } : { id, description });
  return schema;
}

/**
 * The crmkit CRM API contract: zod schemas (the source of truth), the route table,
 * the OpenAPI 3.1 document builder and the generated path types for openapi-fetch.
 *
 * @example
 * import { Contact, resources } from '@crmkit/spec';
 * const contact = Contact.parse(await res.json());
 */
export * from './entities/activity.js';
export * from './entities/company.js';
export * from './entities/contact.js';
export * from './entities/deal.js';
export * from './entities/lead.js';
export * from './entities/marketing.js';
export * from './entities/pipeline.js';
export * from './entities/ticket.js';
export * from './entities/user.js';
export * from './events.js';
export type { components, operations, paths } from './generated/paths.js';
export * from './list-fields.js';
export { buildOpenApiDocument } from './openapi/document.js';
export * from './primitives.js';
export { named, registry, type SchemaMeta } from './registry.js';
export * from './resources.js';
export * from './routes.js';
export * from './search.js';
export * from './standard-fields.js';
export * from './workspace.js';

/**
 * The crmkit CRM API contract: zod schemas (the source of truth), the route table,
 * the OpenAPI 3.1 document builder and the generated path types for openapi-fetch.
 *
 * @example
 * import { Contact, resources } from '@crmkit/spec';
 * const contact = Contact.parse(await res.json());
 */

export * from './base/primitives.js';
export { named, registry, type SchemaMeta } from './base/registry.js';
export * from './base/search.js';
export * from './contract/automation.js';
export * from './contract/automation-routes.js';
export * from './contract/campaign-routes.js';
export * from './contract/events.js';
export * from './contract/list-fields.js';
export * from './contract/resources.js';
export * from './contract/routes.js';
export * from './contract/segment-routes.js';
export * from './contract/standard-fields.js';
export * from './contract/webhooks.js';
export * from './contract/workspace.js';
export * from './entities/activity.js';
export * from './entities/canned-response.js';
export * from './entities/company.js';
export * from './entities/contact.js';
export * from './entities/deal.js';
export * from './entities/lead.js';
export * from './entities/marketing.js';
export * from './entities/pipeline.js';
export * from './entities/segment.js';
export * from './entities/ticket.js';
export * from './entities/user.js';
export type { components, operations, paths } from './generated/paths.js';
export { buildOpenApiDocument } from './openapi/document.js';

/**
 * The crmkit reference server: the crmkit CRM API on PostgreSQL (PGlite embedded, or a real server).
 *
 * @example
 * import { createCrmServer, openDatabase } from '@crmkit/server';
 * const server = await createCrmServer({ db: await openDatabase({ dataDir: './data' }) });
 * export default { fetch: server.fetch };
 */
export { type CrmServer, type CrmServerOptions, createCrmServer } from './app.js';
export { mintEmbedToken, verifyEmbedToken } from './auth/tokens.js';
export type { Automation, AutomationOptions, TickResult } from './automation/service.js';
export { type ChannelAdapter, type OutboundMessage, PermanentSendError } from './channels/channel.js';
export { type HttpSmsOptions, httpSmsChannel } from './channels/http-sms.js';
export { ALL_CAPABILITIES } from './core/capabilities.js';
export { type Clock, manualClock, systemClock } from './core/clock.js';
export { type Job, runJob, startJobs } from './core/jobs.js';
export { WorkspaceSettings, type WorkspaceSettingsInput } from './core/settings.js';
export { type Database, type OpenDatabaseOptions, openDatabase, type Queryable } from './db/database.js';
export { migrate } from './db/migrate.js';
export { snapshotDatabase } from './db/pglite.js';
export { singleProcess } from './db/single-process.js';
export type { Exclusive } from './db/types.js';
export type { ServerStatus } from './http/lifecycle.js';
export { isEmptyDatabase, SEED_KINDS, type SeedKind, type SeedOptions, seedDatabase } from './seeding.js';
export {
  type ProvisionedWorkspace,
  type ProvisionKey,
  type ProvisionOptions,
  type ProvisionUser,
  provisionWorkspace,
} from './workspace/provision.js';
export { updateWorkspaceSettings } from './workspace/update-settings.js';

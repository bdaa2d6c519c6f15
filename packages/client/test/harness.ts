/**
 * The client's tests run against the shared test server of `@crmkit/sandbox`: the reference server in-process on a
 * fresh PGlite, with workspaces A (a user and key per role) and B, its manual clock at the real now.
 */
import { createSalesPipeline } from '@crmkit/sandbox';
import type { CrmClient } from '../src/index.js';

export { eventually, startTestServer as startServer, type TestServer } from '@crmkit/sandbox';

/** Creates the default sales pipeline of workspace A (deals need one). */
export async function createPipeline(crm: CrmClient) {
  return (await createSalesPipeline(crm)).pipeline;
}

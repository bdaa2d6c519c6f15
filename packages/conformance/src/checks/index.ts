import { aggregateChecks } from './aggregates.js';
import { authChecks } from './auth.js';
import { automationChecks } from './automation.js';
import { batchChecks } from './batch.js';
import { boardChecks } from './board.js';
import { campaignChecks } from './campaigns.js';
import type { CheckDef } from './check.js';
import { concurrencyChecks } from './concurrency.js';
import { corsChecks } from './cors.js';
import { countChecks } from './counts.js';
import { crudChecks } from './crud.js';
import { dealChecks } from './deals.js';
import { errorChecks } from './errors.js';
import { eventChecks } from './events.js';
import { fuzzChecks } from './fuzz.js';
import { idempotencyChecks } from './idempotency.js';
import { inboxChecks } from './inbox.js';
import { leadChecks } from './leads.js';
import { listChecks } from './lists.js';
import { precedenceChecks } from './precedence.js';
import { rateLimitChecks } from './rate-limit.js';
import { recordRuleChecks } from './record-rules.js';
import { schemaChecks } from './schema.js';
import { schemaFieldChecks } from './schema-fields.js';
import { searchChecks } from './search.js';
import { segmentChecks } from './segments.js';
import { slaChecks } from './sla.js';
import { webhookChecks } from './webhooks.js';

export type { CheckDef } from './check.js';

/** Every check of the kit, in the order they run (the rate-limit burst last: it exhausts the window). */
export const CHECKS: readonly CheckDef[] = [
  ...schemaChecks,
  ...schemaFieldChecks,
  ...corsChecks,
  ...crudChecks,
  ...recordRuleChecks,
  ...listChecks,
  ...countChecks,
  ...errorChecks,
  ...precedenceChecks,
  ...authChecks,
  ...concurrencyChecks,
  ...idempotencyChecks,
  ...searchChecks,
  ...batchChecks,
  ...aggregateChecks,
  ...eventChecks,
  ...leadChecks,
  ...dealChecks,
  ...boardChecks,
  ...slaChecks,
  ...automationChecks,
  ...webhookChecks,
  ...segmentChecks,
  ...campaignChecks,
  ...inboxChecks,
  ...fuzzChecks,
  ...rateLimitChecks,
];

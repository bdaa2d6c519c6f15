import type { Capabilities } from '@crmkit/spec';

/** Every optional part of the contract switched on, without a rate limit: the reference server's default. */
export const ALL_CAPABILITIES: Capabilities = {
  events: true,
  etags: true,
  idempotency: true,
  search: true,
  batch: true,
  aggregates: true,
  sla: true,
  automation: true,
  webhooks: true,
  segments: true,
  campaigns: true,
  rateLimit: null,
};

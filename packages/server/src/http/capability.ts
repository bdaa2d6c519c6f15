import type { CapabilityName } from '@crmkit/spec';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';

/** 404 when the server runs without an optional capability. */
export function requireCapability(c: Context<AppEnv>, name: CapabilityName): void {
  if (!c.get('server').capabilities[name]) {
    throw new ProblemError(404, 'capability-disabled', 'Not found', {
      detail: `This server does not implement "${name}".`,
    });
  }
}

import type { CapabilityName } from '@crmkit/spec';
import type { Context, Hono, MiddlewareHandler } from 'hono';
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

/**
 * Answers 404 for each path of `prefixes` and everything under it on a server without the capability `name`.
 *
 * @example
 * gateCapability(app, 'webhooks', ['/v1/webhook-subscriptions', '/v1/webhook-deliveries']);
 */
export function gateCapability(app: Hono<AppEnv>, name: CapabilityName, prefixes: readonly string[]): void {
  const gate: MiddlewareHandler<AppEnv> = async (c, next) => {
    requireCapability(c, name);
    await next();
  };
  for (const prefix of prefixes) {
    app.use(prefix, gate);
    app.use(`${prefix}/*`, gate);
  }
}

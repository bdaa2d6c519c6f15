import type { ResourceName, ResourceSpec } from '@crmkit/spec';
import { CheckAborted, type CheckContext } from '../base/context.js';
import { FixtureError } from '../base/fixtures.js';
import type { CheckInfo } from '../base/types.js';

/** A check: what it verifies, at which level, and how. */
export interface CheckDef extends CheckInfo {
  run(ctx: CheckContext): Promise<void>;
}

/** Declares a check. */
export const defineCheck = (def: CheckDef): CheckDef => def;

/**
 * Runs `fn` for every enabled resource (or the given ones); a resource whose fixtures cannot be made, or
 * whose flow was aborted by `ctx.requireStatus`, is recorded as a finding and the others still run.
 */
export async function forEachResource(
  ctx: CheckContext,
  fn: (resource: ResourceSpec & { name: ResourceName }) => Promise<void>,
  only?: readonly ResourceName[],
): Promise<void> {
  for (const resource of ctx.resources) {
    if (only && !only.includes(resource.name as ResourceName)) continue;
    try {
      await fn(resource as ResourceSpec & { name: ResourceName });
    } catch (error) {
      if (error instanceof CheckAborted) continue;
      if (!(error instanceof FixtureError)) throw error;
      const ex = error.exchange;
      ctx.fail(`${resource.name}: ${error.message}`, ex);
    }
  }
}

/** A record id that looks valid but exists nowhere. */
export const MISSING_ID = 'zz_conformance0missing0000';

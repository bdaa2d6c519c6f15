import type { RequestContext } from '../core/context.js';
import { fieldError, validationFailed } from '../http/problem.js';

/** When the workspace configures lead sources, `source` must be one of their keys. */
export function assertLeadSource(ctx: RequestContext, source: unknown, path = 'source'): void {
  const sources = ctx.principal.settings.leadSources;
  if (typeof source !== 'string' || sources.length === 0) return;
  if (!sources.some((s) => s.key === source)) {
    const options = sources.map((s) => s.key).join(', ');
    throw validationFailed([fieldError(path, 'oneOf', `must be one of: ${options}`, { options })]);
  }
}

import type { Context } from 'hono';
import { badRequest } from './problem.js';

/** The ETag of a record version. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version named by `If-Match` (`"3"`, `W/"3"` or `3`), `null` without the header or for `*`.
 * Ignored (null) when the server runs without the ETag capability.
 */
export function ifMatchVersion(c: Context, enabled: boolean): number | null {
  const raw = c.req.header('if-match')?.trim();
  if (!enabled || !raw || raw === '*') return null;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw);
  if (!m)
    throw badRequest('If-Match must be an ETag from a previous response, such as "3".', [
      { path: 'If-Match', message: 'malformed' },
    ]);
  return Number(m[1]);
}

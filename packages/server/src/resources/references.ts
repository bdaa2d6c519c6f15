import type { Queryable } from '../db/types.js';
import { fieldError, validationFailed } from '../http/problem.js';

/** A field that names records of another table in the same workspace. */
export type Reference = { table: string; what: string; many?: boolean };

/**
 * Checks that every id in `values` for the given reference fields exists in the caller's workspace.
 * Another workspace's id is treated exactly like an unknown one.
 */
export async function assertReferences(
  db: Queryable,
  workspaceId: string,
  refs: Record<string, Reference>,
  values: Record<string, unknown>,
): Promise<void> {
  const errors: ReturnType<typeof fieldError>[] = [];
  for (const [field, ref] of Object.entries(refs)) {
    const raw = values[field];
    if (raw === undefined || raw === null) continue;
    const ids = [...new Set(ref.many ? (raw as string[]) : [raw as string])];
    if (ids.length === 0) continue;
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM ${ref.table} WHERE workspace_id = $1 AND id = ANY($2::text[])`,
      [workspaceId, ids],
    );
    const found = new Set(rows.map((r) => r.id));
    for (const id of ids) {
      if (!found.has(id))
        errors.push(fieldError(field, 'notFound', `no ${ref.what} with id ${id}`, { what: ref.what, id }));
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
}

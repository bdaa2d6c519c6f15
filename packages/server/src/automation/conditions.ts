import type { FilterNode } from '@crmkit/spec';
import type { RequestContext } from '../core/context.js';
import type { Queryable } from '../db/types.js';
import { compileFilter } from '../query/filters.js';
import { Params } from '../query/sql.js';
import { type ResourceDef, resolverFor } from '../resources/engine.js';

/**
 * The SQL condition of a filter tree over a resource's table (the contract's filter semantics, as lists and search
 * apply them), or `TRUE` for no filter. Its parameters are added to `params`.
 */
export function filterSql(ctx: RequestContext, def: ResourceDef, filter: FilterNode | null, params: Params): string {
  return filter ? compileFilter(filter, resolverFor(ctx, def), params) : 'TRUE';
}

/** Which of `ids` exist in the caller's workspace and match `filter` now. */
export async function matchingIds(
  ctx: RequestContext,
  db: Queryable,
  def: ResourceDef,
  ids: readonly string[],
  filter: FilterNode | null,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const params = new Params();
  const where = filterSql(ctx, def, filter, params);
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM ${def.table.table} WHERE workspace_id = ${params.add(ctx.principal.workspaceId)}
       AND id = ANY(${params.add(ids, 'text[]')}) AND ${where}`,
    params.values,
  );
  return rows.map((r) => r.id);
}

import type { CrmClient, Filter, RecordOf } from '@crmkit/client';
import { queryOptions } from '@tanstack/react-query';
import { crmKeys } from './keys.js';

type Deal = RecordOf<'deals'>;

/** Which deals of a pipeline a board shows: a list filter, a text search, and whether only rotting ones. */
export interface DealScope {
  /** Only deals that match, as in a list (`{ ownerId: me, amount: { gte: 1000 } }`). */
  filter?: Filter<Deal>;
  /** Text search, as in a list. */
  q?: string;
  /** Only deals idle past their stage's threshold (`rotting=true` of the contract). */
  rotting?: boolean;
}

/** The list query of a scope within a pipeline (and a stage): what lists and aggregates of deals take. */
export function scopeQuery(scope: DealScope, where: { pipelineId: string; stageId?: string }) {
  const q = scope.q?.trim();
  return {
    filter: { ...scope.filter, ...where } as Filter<Deal>,
    ...(q ? { q } : {}),
    // A list parameter of deals (not a field): the client sends unknown parameters as they are.
    ...(scope.rotting ? ({ rotting: 'true' } as object) : {}),
  };
}

/**
 * Every deal of a scope in one cached list (for servers without aggregates, whose totals are summed in the browser).
 * Kept under the deal list keys, so optimistic moves and the live feed update it like any list.
 */
export function allDeals(client: CrmClient, query: ReturnType<typeof scopeQuery>) {
  return queryOptions({
    queryKey: crmKeys.list('deals', { ...query, all: true } as never),
    queryFn: async ({ signal }) => {
      const data: Deal[] = [];
      for await (const deal of client.deals.iterate({ ...query, limit: 200 }, { signal })) data.push(deal);
      return { data, nextCursor: null };
    },
  });
}

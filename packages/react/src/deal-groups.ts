import type { RecordOf, Schemas } from '@crmkit/client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { allDeals, type DealScope, scopeQuery } from './deal-scope.js';
import { crmQueries } from './options.js';
import { useCrm } from './provider.js';
import { useCapabilities } from './queries.js';

type Deal = RecordOf<'deals'>;
type Aggregate = Schemas['DealAggregate'];
/** One group of an aggregate: a key (and sub-key), a currency, a count and sums. */
export type DealGroup = Aggregate['groups'][number];

/** The keys of a deal's group: its key and, when grouping by two dimensions, its sub-key. */
export type GroupKeys = (deal: Deal) => readonly [string | null, (string | null)?];

/**
 * Groups deals per key and currency, counting them and summing amounts and weighted amounts: what
 * `GET /v1/deals/aggregate` answers, computed in the browser (`keysOf` applies the server's rule of the grouping).
 *
 * @example
 * groupDeals(deals, (d) => [d.stageId]); // [{ key: 'stg_1', currency: 'VND', count: 3, sum: …, weightedSum: … }]
 */
export function groupDeals(deals: readonly Deal[], keysOf: GroupKeys): DealGroup[] {
  const groups = new Map<string, DealGroup>();
  for (const d of deals) {
    const [key, subKey] = keysOf(d);
    const id = `${key}|${subKey}|${d.currency}`;
    const g = groups.get(id) ?? {
      key,
      ...(subKey !== undefined ? { subKey } : {}),
      currency: d.currency,
      count: 0,
      sum: 0,
      weightedSum: 0,
    };
    g.count++;
    g.sum += d.amount ?? 0;
    g.weightedSum += d.weightedAmount ?? 0;
    groups.set(id, g);
  }
  return [...groups.values()];
}

/**
 * One grouping of a pipeline's deals: from `GET /v1/deals/aggregate`, or — on a server without aggregates — from every
 * deal of the scope, grouped here by `keysOf` (the same rule the server applies). `query` is the request in use (its
 * status, error and `refetch`).
 */
export function useDealGroups(
  pipelineId: string | undefined,
  scope: DealScope,
  grouping: { groupBy: Aggregate['groupBy']; thenBy?: Aggregate['groupBy']; timeZone?: string },
  keysOf: GroupKeys,
) {
  const { client } = useCrm();
  const aggregates = useCapabilities()?.aggregates;
  const query = scopeQuery(scope, { pipelineId: pipelineId ?? '' });
  const server = useQuery({
    ...crmQueries.aggregate(client, { ...grouping, ...query } as never),
    enabled: !!pipelineId && aggregates === true,
  });
  const local = useQuery({ ...allDeals(client, query), enabled: !!pipelineId && aggregates === false });
  const groups = useMemo(
    () => (aggregates ? server.data?.groups : local.data && groupDeals(local.data.data, keysOf)),
    [aggregates, server.data, local.data, keysOf],
  );
  return { groups, query: aggregates ? server : local };
}

import type { CrmClient, Filter, RecordOf, Schemas } from '@crmkit/client';
import { dealInStage, weightedAmount } from '@crmkit/core';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { echoOf, trackWrite, writeKey } from './echoes.js';
import { invalidateAfterChange } from './invalidate.js';
import { crmKeys } from './keys.js';
import { restore, snapshot } from './optimistic.js';
import { crmQueries } from './options.js';
import { useCrm } from './provider.js';
import { useCapabilities, useList, useSchema } from './queries.js';
import { cachedRecord, editLists, putRecord } from './records.js';

type Deal = RecordOf<'deals'>;
type Stage = Schemas['Stage'];
type Group = Schemas['DealAggregate']['groups'][number];

/** Totals of one stage: in the pipeline's currency, plus any other currencies its deals use. */
export interface StageTotals {
  stage: Stage;
  /** Deals in the stage, in every currency. */
  count: number;
  /** Amounts in minor units of `currency`. */
  sum: number;
  /** Sum of `amount × probability / 100`, in minor units of `currency`. */
  weightedSum: number;
  currency: string;
  /** Totals of deals in other currencies (not converted). */
  otherCurrencies: Group[];
}

/** Groups deals per stage and currency: what `GET /v1/deals/aggregate` answers, computed in the browser. */
export function aggregateDeals(deals: readonly Deal[]): Group[] {
  const groups = new Map<string, Group>();
  for (const d of deals) {
    const id = `${d.stageId}|${d.currency}`;
    const g = groups.get(id) ?? { key: d.stageId, currency: d.currency, count: 0, sum: 0, weightedSum: 0 };
    g.count++;
    g.sum += d.amount ?? 0;
    g.weightedSum += d.weightedAmount ?? 0;
    groups.set(id, g);
  }
  return [...groups.values()];
}

/**
 * Every deal of a filter in one cached list (for servers without aggregates, whose totals are summed here). Kept under
 * the deal list keys, so optimistic moves and the live feed update it like any list.
 */
function allDeals(client: CrmClient, filter: Filter<Deal>) {
  return queryOptions({
    queryKey: crmKeys.list('deals', { filter, all: true } as never),
    queryFn: async ({ signal }) => {
      const data: Deal[] = [];
      for await (const deal of client.deals.iterate({ filter, limit: 200 }, { signal })) data.push(deal);
      return { data, nextCursor: null };
    },
  });
}

/**
 * A pipeline with per-stage counts, sums and probability-weighted sums (from the server's aggregates, or summed in the
 * browser on a server without them), and pipeline totals. `pipelineId` defaults to the workspace's default pipeline.
 *
 * @example
 * const { pipeline, stages, totals } = usePipeline();
 * stages.map((s) => `${s.stage.name}: ${format.money(s.weightedSum, s.currency)}`);
 */
export function usePipeline(pipelineId?: string, options: { filter?: Filter<Deal> } = {}) {
  const { client } = useCrm();
  const schema = useSchema();
  const aggregates = useCapabilities()?.aggregates;
  const pipeline =
    schema.data?.pipelines.find((p) => (pipelineId ? p.id === pipelineId : p.isDefault)) ?? schema.data?.pipelines[0];
  const filter = { ...options.filter, pipelineId: pipeline?.id ?? '' } as Filter<Deal>;
  const server = useQuery({
    ...crmQueries.aggregate(client, { groupBy: 'stageId', filter }),
    enabled: !!pipeline && aggregates === true,
  });
  const local = useQuery({
    ...allDeals(client, filter),
    enabled: !!pipeline && aggregates === false,
    select: (page) => aggregateDeals(page.data),
  });
  const groups = aggregates ? server.data?.groups : local.data;
  const source = aggregates ? server : local;
  const stages = useMemo<StageTotals[]>(() => {
    if (!pipeline) return [];
    return pipeline.stages.map((stage) => {
      const mine = groups?.filter((g) => g.key === stage.id) ?? [];
      const main = mine.find((g) => g.currency === pipeline.currency);
      return {
        stage,
        count: mine.reduce((n, g) => n + g.count, 0),
        sum: main?.sum ?? 0,
        weightedSum: main?.weightedSum ?? 0,
        currency: pipeline.currency,
        otherCurrencies: mine.filter((g) => g !== main),
      };
    });
  }, [pipeline, groups]);
  const totals = useMemo(
    () => ({
      count: stages.reduce((n, s) => n + s.count, 0),
      sum: stages.reduce((n, s) => n + s.sum, 0),
      weightedSum: stages.reduce((n, s) => n + s.weightedSum, 0),
      currency: pipeline?.currency,
    }),
    [stages, pipeline],
  );
  return {
    pipeline,
    stages,
    totals,
    isPending: schema.isPending || (!!pipeline && source.isPending),
    error: schema.error ?? source.error,
    refetch: source.refetch,
  };
}

/**
 * The deals of one stage, in board order (by rank), loaded a page at a time.
 *
 * @example
 * const { items, fetchNextPage } = useStageDeals(pipeline.id, stage.id);
 */
export function useStageDeals(pipelineId: string, stageId: string, options: { filter?: Filter<Deal> } = {}) {
  return useList('deals', { sort: 'rank', limit: 50, filter: { ...options.filter, pipelineId, stageId } });
}

/** Variables of {@link useMoveDeal}. */
export interface MoveVariables {
  id: string;
  stageId: string;
  /** The deal that will precede it in the stage (omit both neighbours for the end). */
  afterId?: string | null;
  /** The deal that will follow it. */
  beforeId?: string | null;
  lostReason?: string | null;
  ifVersion?: number;
}

/** Places `deal` into `items` (a list of one stage, in rank order) next to its new neighbours. */
function insertAt(items: Deal[], deal: Deal, { afterId, beforeId }: MoveVariables): Deal[] {
  const rest = items.filter((d) => d.id !== deal.id);
  const after = afterId ? rest.findIndex((d) => d.id === afterId) : -1;
  const before = beforeId ? rest.findIndex((d) => d.id === beforeId) : -1;
  const at = after >= 0 ? after + 1 : before >= 0 ? before : afterId || beforeId ? -1 : rest.length;
  if (at < 0) return rest; // Its neighbour is on a page not loaded here: the refetch after the move places it.
  return [...rest.slice(0, at), deal, ...rest.slice(at)];
}

/** Moves a deal between aggregate groups of stages (count, sum, weighted sum), for an optimistic total. */
function moveInAggregates(queryClient: QueryClient, from: Deal, to: Deal): void {
  queryClient.setQueriesData<Schemas['DealAggregate']>({ queryKey: crmKeys.aggregates() }, (agg) => {
    if (agg?.groupBy !== 'stageId') return agg;
    const groups = agg.groups.map((g) => ({ ...g }));
    const group = (d: Deal) => {
      let g = groups.find((x) => x.key === d.stageId && x.currency === d.currency);
      if (!g) {
        g = { key: d.stageId, currency: d.currency, count: 0, sum: 0, weightedSum: 0 };
        groups.push(g);
      }
      return g;
    };
    const out = group(from);
    out.count--;
    out.sum -= from.amount ?? 0;
    out.weightedSum -= from.weightedAmount ?? 0;
    const into = group(to);
    into.count++;
    into.sum += to.amount ?? 0;
    into.weightedSum += to.weightedAmount ?? 0;
    return { ...agg, groups };
  });
}

/**
 * Moves a deal to a stage and position, optimistically: it leaves its old stage's list, appears between its new
 * neighbours, takes the stage's status and default probability (unless overridden: `dealInStage` of @crmkit/core),
 * and the stage totals follow at once; all of it is put back exactly if the server refuses. A concurrent change is a
 * `PreconditionFailedError` (412).
 *
 * @example
 * const { move } = useMoveDeal();
 * move({ id: deal.id, stageId: won.id, afterId: lastWonDeal?.id ?? null });
 */
export function useMoveDeal() {
  const { client, now } = useCrm();
  const queryClient = useQueryClient();
  const schema = useSchema().data;
  const etags = useCapabilities()?.etags !== false;
  const mutation = useMutation({
    mutationFn: ({ id, ifVersion, ...body }: MoveVariables) => client.deals.move(id, body, { ifVersion }),
    onMutate: async (vars) => {
      const saved = await snapshot(queryClient, [crmKeys.resource('deals')]);
      const deal = cachedRecord<Deal>(queryClient, 'deals', vars.id);
      if (deal) {
        const stage = schema?.pipelines.flatMap((p) => p.stages).find((s) => s.id === vars.stageId);
        const inStage = stage ? dealInStage(stage, deal, now().toISOString()) : { stageId: vars.stageId };
        const moved: Deal = { ...deal, ...inStage };
        moved.weightedAmount = weightedAmount(moved.amount, moved.probability);
        queryClient.setQueryData(crmKeys.record('deals', deal.id), moved);
        editLists<Deal>(queryClient, 'deals', (items, query) => {
          const f = (query.filter ?? {}) as { stageId?: unknown; pipelineId?: unknown };
          const inTarget = f.stageId === undefined || f.stageId === vars.stageId;
          const inPipeline = f.pipelineId === undefined || f.pipelineId === deal.pipelineId;
          if (!inTarget || !inPipeline) return items.filter((d) => d.id !== deal.id);
          if (f.stageId === vars.stageId && query.sort === 'rank') return insertAt(items, moved, vars);
          return items.map((d) => (d.id === deal.id ? moved : d));
        });
        moveInAggregates(queryClient, deal, moved);
      }
      return { saved, settle: trackWrite(queryClient, [writeKey('deals', vars.id)]) };
    },
    onError: (_error, _vars, context) => restore(queryClient, context?.saved),
    onSuccess: (deal) => putRecord(queryClient, 'deals', deal),
    onSettled: (deal, _error, _vars, context) => {
      invalidateAfterChange(queryClient, 'deals', { membership: true });
      context?.settle(deal ? [echoOf('deals', deal.id, deal.version)] : []);
    },
  });
  const move = (vars: MoveVariables, callbacks?: Parameters<typeof mutation.mutate>[1]) =>
    mutation.mutate(
      {
        ...vars,
        ifVersion: vars.ifVersion ?? (etags ? cachedRecord<Deal>(queryClient, 'deals', vars.id)?.version : undefined),
      },
      callbacks,
    );
  return { ...mutation, move };
}

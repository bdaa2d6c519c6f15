import type { RecordOf, Schemas } from '@crmkit/client';
import { useMemo } from 'react';
import { type GroupKeys, groupDeals, useDealGroups } from './deal-groups.js';
import type { DealScope } from './deal-scope.js';
import { useSchema } from './queries.js';

type Deal = RecordOf<'deals'>;
type Stage = Schemas['Stage'];
type Group = Schemas['DealAggregate']['groups'][number];

const STAGES = { groupBy: 'stageId' } as const;

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

const byStage: GroupKeys = (d) => [d.stageId];

/** Groups deals per stage and currency: what `GET /v1/deals/aggregate` answers, computed in the browser. */
export function aggregateDeals(deals: readonly Deal[]): Group[] {
  return groupDeals(deals, byStage);
}

/** Totals of a pipeline or of one currency of it. */
export interface CurrencyTotals {
  currency: string;
  count: number;
  sum: number;
  weightedSum: number;
}

/** Adds groups up per currency, the pipeline's currency first. */
function perCurrency(groups: readonly Group[], first: string): CurrencyTotals[] {
  const out = new Map<string, CurrencyTotals>([[first, { currency: first, count: 0, sum: 0, weightedSum: 0 }]]);
  for (const g of groups) {
    const t = out.get(g.currency) ?? { currency: g.currency, count: 0, sum: 0, weightedSum: 0 };
    t.count += g.count;
    t.sum += g.sum;
    t.weightedSum += g.weightedSum;
    out.set(g.currency, t);
  }
  return [...out.values()];
}

/** Options of {@link usePipeline}: the deals it counts. */
export type PipelineOptions = DealScope;

/**
 * A pipeline with per-stage counts, sums and probability-weighted sums (from the server's aggregates, or summed in the
 * browser on a server without them), and pipeline totals, optionally of the deals that match a filter. Amounts are
 * per currency, never added across currencies: `sum` and `weightedSum` are in the pipeline's currency, other
 * currencies are listed apart; `open` sums the open stages per currency. `pipelineId` defaults to the workspace's
 * default pipeline.
 *
 * @example
 * const { pipeline, stages, totals } = usePipeline();
 * stages.map((s) => `${s.stage.name}: ${format.money(s.weightedSum, s.currency)}`);
 */
export function usePipeline(pipelineId?: string, options: PipelineOptions = {}) {
  const schema = useSchema();
  const pipeline =
    schema.data?.pipelines.find((p) => (pipelineId ? p.id === pipelineId : p.isDefault)) ?? schema.data?.pipelines[0];
  const { groups, query: source } = useDealGroups(pipeline?.id, options, STAGES, byStage);
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
  // The open deals (what a board's summary shows): per currency, the pipeline's first.
  const open = useMemo(() => {
    const openStages = new Set(pipeline?.stages.filter((s) => s.kind === 'open').map((s) => s.id));
    return perCurrency(groups?.filter((g) => g.key !== null && openStages.has(g.key)) ?? [], pipeline?.currency ?? '');
  }, [groups, pipeline]);
  const totals = useMemo(() => {
    const [main, ...otherCurrencies] = perCurrency(groups ?? [], pipeline?.currency ?? '');
    return {
      count: stages.reduce((n, s) => n + s.count, 0),
      sum: main?.sum ?? 0,
      weightedSum: main?.weightedSum ?? 0,
      currency: pipeline?.currency,
      /** Totals of deals in other currencies (not converted). */
      otherCurrencies,
    };
  }, [stages, groups, pipeline]);
  return {
    pipeline,
    stages,
    totals,
    /** Count, sum and weighted sum of the deals in open stages, per currency (the pipeline's first). */
    open,
    isPending: schema.isPending || (!!pipeline && source.isPending),
    error: schema.error ?? source.error,
    refetch: source.refetch,
  };
}

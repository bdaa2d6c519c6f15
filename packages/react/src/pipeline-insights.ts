import type { RecordOf, Schemas } from '@crmkit/client';
import { type NextActivityState, nextActivityState } from '@crmkit/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { allDeals, type DealScope, scopeQuery } from './deal-scope.js';
import { crmQueries } from './options.js';
import { useCrm } from './provider.js';
import { useCapabilities } from './queries.js';

type Deal = RecordOf<'deals'>;
type Aggregate = Schemas['DealAggregate'];
type GroupBy = Aggregate['groupBy'];

/** Deals per state of their next activity. */
export type ActivityCounts = Record<NextActivityState, number>;

/** A month of expected closes: its key (`YYYY-MM`, or null for deals without a date), per currency. */
export interface ForecastMonth {
  month: string | null;
  count: number;
  /** Per currency: amounts and probability-weighted amounts, in minor units. */
  currencies: { currency: string; sum: number; weightedSum: number }[];
}

const NO_COUNTS: ActivityCounts = { overdue: 0, today: 0, future: 0, none: 0 };

/** The provider's time zone, or the runtime's. */
function useTimeZone(): string {
  const { timeZone } = useCrm();
  return timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * One grouping of a pipeline's deals: from `GET /v1/deals/aggregate`, or — on a server without aggregates — from every
 * deal of the scope, grouped here by `keysOf` (the same rule the server applies).
 */
function useGrouped(
  pipelineId: string | undefined,
  scope: DealScope,
  groupBy: GroupBy,
  thenBy: GroupBy | undefined,
  keysOf: (deal: Deal) => [string | null, string | null],
) {
  const { client } = useCrm();
  const aggregates = useCapabilities()?.aggregates;
  const timeZone = useTimeZone();
  const query = scopeQuery(scope, { pipelineId: pipelineId ?? '' });
  const server = useQuery({
    ...crmQueries.aggregate(client, { groupBy, ...(thenBy ? { thenBy, timeZone } : {}), ...query } as never),
    enabled: !!pipelineId && aggregates === true,
  });
  const local = useQuery({ ...allDeals(client, query), enabled: !!pipelineId && aggregates === false });
  return useMemo(() => {
    if (aggregates) return server.data?.groups;
    if (!local.data) return undefined;
    const groups = new Map<string, Aggregate['groups'][number]>();
    for (const d of local.data.data) {
      const [key, subKey] = keysOf(d);
      const id = `${key}|${subKey}|${d.currency}`;
      const g = groups.get(id) ?? { key, subKey, currency: d.currency, count: 0, sum: 0, weightedSum: 0 };
      g.count++;
      g.sum += d.amount ?? 0;
      g.weightedSum += d.weightedAmount ?? 0;
      groups.set(id, g);
    }
    return [...groups.values()];
  }, [aggregates, server.data, local.data, keysOf]);
}

/**
 * How many deals of each stage have their next activity overdue, due today, later, or none planned — for a column's
 * progress bar (Odoo's kanban shows one). "Today" is in the provider's time zone.
 *
 * @example
 * const activity = useStageActivity(pipeline.id, { filter });
 * activity.get(stage.id)?.overdue; // 3
 */
export function useStageActivity(pipelineId: string | undefined, scope: DealScope = {}) {
  const { format, now } = useCrm();
  const keysOf = useMemo(
    () =>
      (d: Deal): [string, string] => [
        d.stageId,
        nextActivityState(d.nextActivityAt, now().getTime(), (t) => format.dayKey(new Date(t))),
      ],
    [format, now],
  );
  const groups = useGrouped(pipelineId, scope, 'stageId', 'nextActivity', keysOf);
  return useMemo(() => {
    const out = new Map<string, ActivityCounts>();
    for (const g of groups ?? []) {
      if (g.key === null) continue;
      const counts = out.get(g.key) ?? { ...NO_COUNTS };
      counts[(g.subKey ?? 'none') as NextActivityState] += g.count;
      out.set(g.key, counts);
    }
    return groups ? out : undefined;
  }, [groups]);
}

/**
 * The open deals of a pipeline by the month they are expected to close, per currency: a weighted forecast. Months in
 * order, deals without a date last.
 *
 * @example
 * const months = useForecast(pipeline.id);
 * months?.map((m) => `${m.month}: ${m.currencies[0]?.weightedSum}`);
 */
export function useForecast(pipelineId: string | undefined, scope: DealScope = {}) {
  const keysOf = useMemo(
    () =>
      (d: Deal): [string | null, null] => [d.expectedCloseDate?.slice(0, 7) ?? null, null],
    [],
  );
  const open = { ...scope, filter: { ...scope.filter, status: 'open' } };
  const groups = useGrouped(pipelineId, open, 'expectedCloseMonth', undefined, keysOf);
  return useMemo(() => {
    if (!groups) return undefined;
    const months = new Map<string | null, ForecastMonth>();
    for (const g of groups) {
      const m = months.get(g.key) ?? { month: g.key, count: 0, currencies: [] };
      m.count += g.count;
      m.currencies.push({ currency: g.currency, sum: g.sum, weightedSum: g.weightedSum });
      months.set(g.key, m);
    }
    return [...months.values()].sort((a, b) =>
      a.month === b.month ? 0 : a.month === null ? 1 : b.month === null ? -1 : a.month < b.month ? -1 : 1,
    );
  }, [groups]);
}

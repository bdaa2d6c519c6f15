import { type NextActivityState, nextActivityState } from '@crmkit/core';
import { useMemo } from 'react';
import { type GroupKeys, useDealGroups } from './deal-groups.js';
import type { DealScope } from './deal-scope.js';
import { useCrm } from './provider.js';

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
const BY_MONTH = { groupBy: 'expectedCloseMonth' } as const;
const byMonth: GroupKeys = (d) => [d.expectedCloseDate?.slice(0, 7) ?? null];

/** The provider's time zone, or the runtime's. */
function useTimeZone(): string {
  const { timeZone } = useCrm();
  return timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
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
  const timeZone = useTimeZone();
  const keysOf = useMemo<GroupKeys>(
    () => (d) => [d.stageId, nextActivityState(d.nextActivityAt, now().getTime(), (t) => format.dayKey(new Date(t)))],
    [format, now],
  );
  const grouping = useMemo(() => ({ groupBy: 'stageId', thenBy: 'nextActivity', timeZone }) as const, [timeZone]);
  const { groups } = useDealGroups(pipelineId, scope, grouping, keysOf);
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
  const open = { ...scope, filter: { ...scope.filter, status: 'open' } };
  const { groups } = useDealGroups(pipelineId, open, BY_MONTH, byMonth);
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

import type { RecordOf, Schemas } from '@crmkit/client';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { crmKeys } from './keys.js';

type Deal = RecordOf<'deals'>;
type Page = { data: Deal[]; nextCursor: string | null };

/** Where a deal goes in a stage: after one deal and/or before another (neither: the end). */
export interface Neighbours {
  afterId?: string | null;
  beforeId?: string | null;
}

/**
 * The order of `sort=rank`: ranks compare by code unit (the server stores them with the C collation), ties by id.
 *
 * @example
 * deals.sort(compareRank);
 */
export function compareRank(a: Pick<Deal, 'rank' | 'id'>, b: Pick<Deal, 'rank' | 'id'>): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * `deal` placed into `items` (one stage, in rank order) next to its neighbours; without the deal when a named
 * neighbour is not among `items` (it is on a page not loaded: the server's answer places it).
 */
export function insertAt(items: Deal[], deal: Deal, { afterId, beforeId }: Neighbours): Deal[] {
  const rest = items.filter((d) => d.id !== deal.id);
  const after = afterId ? rest.findIndex((d) => d.id === afterId) : -1;
  const before = beforeId ? rest.findIndex((d) => d.id === beforeId) : -1;
  const at = after >= 0 ? after + 1 : before >= 0 ? before : afterId || beforeId ? -1 : rest.length;
  if (at < 0) return rest;
  return [...rest.slice(0, at), deal, ...rest.slice(at)];
}

/**
 * The neighbours that put a deal at `index` of a stage's deals (counted without the deal itself): the deal before
 * and the one after that position, as far as `items` (the loaded deals, in rank order) know them. `null` when
 * neither is loaded, unless `index` is the end of a fully known stage (`total` deals, the moving one excluded).
 *
 * @example
 * neighboursAt(items, 'dea_1', 2, 40); // { afterId: items[1].id, beforeId: items[2].id }
 */
export function neighboursAt(items: readonly Deal[], dealId: string, index: number, total: number): Neighbours | null {
  const rest = items.filter((d) => d.id !== dealId);
  if (index >= total) return { afterId: null, beforeId: null };
  const after = index > 0 ? rest[index - 1] : undefined;
  const before = rest[index];
  if (index > 0 && !after && !before) return null;
  return { afterId: after?.id ?? null, beforeId: before?.id ?? null };
}

/** The filter of a list query that places deals by rank alone: stage lists of the board, unfiltered otherwise. */
function rankList(key: QueryKey): { pipelineId?: string; stageId?: string } | undefined {
  const query = key[3] as
    | { sort?: string; q?: string; rotting?: unknown; filter?: Record<string, unknown> }
    | undefined;
  if (query?.sort !== 'rank' || query.q || query.rotting) return undefined;
  const filter = query.filter ?? {};
  if (Object.keys(filter).some((k) => k !== 'pipelineId' && k !== 'stageId')) return undefined;
  if (Object.values(filter).some((v) => typeof v !== 'string')) return undefined;
  return filter as { pipelineId?: string; stageId?: string };
}

/**
 * Whether `key` is a deal list that {@link placeByRank} keeps exact (sorted by rank, filtered at most by pipeline
 * and stage), so it needs no refetch after a deal moves.
 */
export function isRankList(key: QueryKey): boolean {
  return rankList(key) !== undefined;
}

/** The pages of a list with `deal` removed and, when it belongs and falls within what is loaded, inserted by rank. */
function place(data: InfiniteData<Page> | Page, deal: Deal, belongs: boolean, removed: boolean): typeof data {
  const pages = 'pages' in data ? data.pages : [data];
  let out = pages.map((p) =>
    p.data.some((d) => d.id === deal.id) ? { ...p, data: p.data.filter((d) => d.id !== deal.id) } : p,
  );
  if (belongs && !removed) {
    const last = out[out.length - 1];
    // A deal past the last loaded one arrives with the next page, unless every page is loaded.
    let at = out.findIndex((p) => p.data.length > 0 && compareRank(deal, p.data[p.data.length - 1]!) < 0);
    if (at < 0 && !last?.nextCursor) at = out.length - 1;
    if (at >= 0) {
      const page = out[at]!;
      const i = page.data.findIndex((d) => compareRank(deal, d) < 0);
      const data = i < 0 ? [...page.data, deal] : [...page.data.slice(0, i), deal, ...page.data.slice(i)];
      out = out.map((p, n) => (n === at ? { ...p, data } : p));
    }
  }
  return 'pages' in data ? { ...data, pages: out } : out[0]!;
}

/**
 * Puts a deal where it now belongs in every cached rank-ordered stage list ({@link isRankList}): out of the lists of
 * other stages, into its stage's list between the deals it sorts between (when that part of the list is loaded), or
 * out of all of them when `removed`. Exact, so those lists need no refetch after a move, a creation or a deletion.
 *
 * @example
 * placeByRank(queryClient, movedDeal);
 */
export function placeByRank(queryClient: QueryClient, deal: Deal, removed = false): void {
  for (const [key, data] of queryClient.getQueriesData<InfiniteData<Page> | Page>({
    queryKey: crmKeys.lists('deals'),
  })) {
    const filter = rankList(key);
    if (!data || !filter) continue;
    const belongs =
      (filter.stageId === undefined || filter.stageId === deal.stageId) &&
      (filter.pipelineId === undefined || filter.pipelineId === deal.pipelineId);
    queryClient.setQueryData(key, place(data, deal, belongs, removed));
  }
}

/** Moves a deal between stage groups of the cached stage aggregates (count, sum, weighted sum), optimistically. */
export function moveInAggregates(queryClient: QueryClient, from: Deal, to: Deal): void {
  queryClient.setQueriesData<Schemas['DealAggregate']>({ queryKey: crmKeys.aggregates() }, (agg) => {
    // Stage totals move at once; a second grouping (e.g. next-activity state) follows when they are refetched.
    if (agg?.groupBy !== 'stageId' || agg.thenBy) return agg;
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

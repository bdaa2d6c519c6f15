import { useEffect } from 'react';
import { type DealScope, scopeQuery } from './deal-scope.js';
import { useList } from './queries.js';

/** Deals per page of a stage: what a column shows at first, and how many more each scroll near its end loads. */
export const STAGE_PAGE_SIZE = 50;

/** Options of {@link useStageDeals}: the deals it lists, and whether it loads. */
export interface StageDealsOptions extends DealScope {
  /** Default `true`; a folded column loads nothing. */
  enabled?: boolean;
}

/**
 * The deals of one stage, in board order (by rank), loaded a page at a time (`fetchNextPage()` loads the next one:
 * keyset pages, stable while deals move). Moves and the change feed keep the loaded pages exact without refetching
 * them, as long as the list is filtered by nothing but its stage.
 *
 * @example
 * const { items, hasNextPage, fetchNextPage } = useStageDeals(pipeline.id, stage.id);
 */
export function useStageDeals(pipelineId: string, stageId: string, options: StageDealsOptions = {}) {
  return useList(
    'deals',
    { sort: 'rank', limit: STAGE_PAGE_SIZE, ...scopeQuery(options, { pipelineId, stageId }) },
    { enabled: options.enabled ?? true },
  );
}

/** What {@link useLoadThrough} needs of a paged list: `useStageDeals`' result fits. */
export interface PagedList {
  items: readonly unknown[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetching: boolean;
  isError: boolean;
  fetchNextPage: () => unknown;
}

/**
 * Loads pages of `list` one after another until item `index` is loaded (or the list ends): for a virtualized column
 * scrolled, or a keyboard move taken, past what is loaded. Stops on an error: offer a retry that calls
 * `fetchNextPage()`.
 *
 * @example
 * const deals = useStageDeals(pipelineId, stageId);
 * useLoadThrough(deals, lastVisibleIndex + 10);
 */
export function useLoadThrough(list: PagedList, index: number): void {
  const { items, hasNextPage, isFetching, isError, fetchNextPage } = list;
  const missing = index >= items.length && hasNextPage;
  useEffect(() => {
    if (missing && !isFetching && !isError) fetchNextPage();
  }, [missing, isFetching, isError, fetchNextPage]);
}

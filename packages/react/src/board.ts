/**
 * The pipeline board's exports (see `index.ts`): pipeline totals and insights, a stage's deals page by page, moves
 * (optimistic, by rank, with conflicts) and the keyboard move model — what a host needs to build its own board.
 */
export {
  type BoardColumn,
  type BoardPosition,
  isInPlace,
  type KeyboardMove,
  lastIndex,
  type MoveStep,
  pickUp,
  stepMove,
  stepOfKey,
} from './board-keyboard.js';
export { type DealScope, scopeQuery } from './deal-scope.js';
export { type MoveFields, type MoveVariables, useMoveDeal } from './move-deal.js';
export {
  aggregateDeals,
  type CurrencyTotals,
  type PipelineOptions,
  type StageTotals,
  usePipeline,
} from './pipeline.js';
export { type ActivityCounts, type ForecastMonth, useForecast, useStageActivity } from './pipeline-insights.js';
export { compareRank, insertAt, type Neighbours, neighboursAt, placeByRank } from './placement.js';
export {
  type PagedList,
  STAGE_PAGE_SIZE,
  type StageDealsOptions,
  useLoadThrough,
  useStageDeals,
} from './stage-deals.js';

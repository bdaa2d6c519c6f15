export { type ActivityCounts, type ForecastMonth, useForecast, useStageActivity } from './insights.js';
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
} from './keyboard.js';
export { type MoveFields, type MoveVariables, useMoveDeal } from './move.js';
export { compareRank, insertAt, type Neighbours, neighboursAt, placeByRank } from './placement.js';
export { type DealScope, scopeQuery } from './scope.js';
export {
  type PagedList,
  STAGE_PAGE_SIZE,
  type StageDealsOptions,
  useLoadThrough,
  useStageDeals,
} from './stage-deals.js';
export {
  aggregateDeals,
  type CurrencyTotals,
  type PipelineOptions,
  type StageTotals,
  usePipeline,
} from './totals.js';

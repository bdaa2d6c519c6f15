/**
 * `@crmkit/react`: headless React hooks for crmkit — a provider, query keys and `queryOptions` builders, record, list,
 * timeline, pipeline and ticket-queue hooks, optimistic mutations with exact rollback and conflict states, a live
 * cache fed by the change feed, and locale-bound formatting. No styling, no DOM assumptions.
 *
 * @example
 * <CrmProvider client={createCrmClient({ baseUrl, auth: { getToken } })} locale="vi-VN">
 *   <MyContactList />
 * </CrmProvider>
 */
export { contactName, type Named } from '@crmkit/core';
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
export { createFormat, type Format, type FormatOptions } from './format.js';
export { crmKeys, type TimelineTarget } from './keys.js';
export { applyEvent, holdLive } from './live.js';
export { type LocalizedText, localize } from './localize.js';
export { type MoveFields, type MoveVariables, useMoveDeal } from './move-deal.js';
export {
  type Conflict,
  type PendingMessage,
  type ReplyVariables,
  type UpdateVariables,
  useAssignTicket,
  useCompleteTask,
  useConvertLead,
  useCreateRecord,
  useDeleteRecord,
  useReplyTicket,
  useTicketStatus,
  useUpdateRecord,
} from './mutations.js';
export { crmQueries } from './options.js';
export {
  aggregateDeals,
  type CurrencyTotals,
  type PipelineOptions,
  type StageTotals,
  usePipeline,
} from './pipeline.js';
export { type ActivityCounts, type ForecastMonth, useForecast, useStageActivity } from './pipeline-insights.js';
export { compareRank, insertAt, type Neighbours, neighboursAt, placeByRank } from './placement.js';
export { type CrmContextValue, CrmProvider, type CrmProviderProps, useCrm, useFormat, useNow } from './provider.js';
export {
  type CrmAction,
  useCan,
  useCapabilities,
  useList,
  useMe,
  useRecord,
  useSchema,
  useTicketThread,
  useTimeline,
} from './queries.js';
export {
  type PagedList,
  STAGE_PAGE_SIZE,
  type StageDealsOptions,
  useLoadThrough,
  useStageDeals,
} from './stage-deals.js';
export { queueFilter, type TicketView, UNRESOLVED, useTicketQueue } from './tickets.js';

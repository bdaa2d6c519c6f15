/**
 * Most of `@crmkit/react`'s exports (see `index.ts`): what reads, formats and writes — the write internals load with
 * the first write.
 */
export { contactName, type Named } from '@crmkit/core';
export { createFormat, type Format, type FormatOptions } from './format.js';
export { crmKeys, type TimelineTarget } from './keys.js';
export { type LocalizedText, localize } from './localize.js';
export {
  type Conflict,
  type PendingMessage,
  preloadWrites,
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
export { useTicketPresence, useWorkspacePresence } from './presence.js';
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
export { useSegmentCount, useSegmentMembers, useSegmentPreview } from './segments.js';
export { staleMessages, useMergeTickets, useSnoozeTicket } from './ticket-actions.js';
export { TICKET_VIEWS, type TicketView, useTicketQueue, useTicketViews } from './tickets.js';

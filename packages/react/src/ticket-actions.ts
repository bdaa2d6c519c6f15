import { ConflictError, type CrmError, type Schemas } from '@crmkit/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { invalidateAfterChange } from './invalidate.js';
import { crmKeys } from './keys.js';
import { useUpdateRecord } from './mutations.js';
import { useCrm } from './provider.js';
import { putRecord } from './records.js';

/**
 * Snoozes a ticket until a time (or, with `null`, until the customer replies) — or wakes it with `wake` —
 * optimistically, with the conflict handling of {@link useUpdateRecord}.
 *
 * @example
 * const { snooze, wake } = useSnoozeTicket();
 * snooze(ticket.id, tomorrowMorning.toISOString());
 */
export function useSnoozeTicket() {
  const { update, ...rest } = useUpdateRecord('tickets');
  const snooze = useCallback((id: string, until: string | null) => update(id, { snooze: { until } }), [update]);
  const wake = useCallback((id: string) => update(id, { snooze: null }), [update]);
  return { ...rest, snooze, wake };
}

/**
 * Merges duplicate tickets into one (atomically, on the server): the survivor and the closed tickets land in the
 * cache, and queues and threads refresh.
 *
 * @example
 * const { mutate: merge } = useMergeTickets();
 * merge({ targetId: keep.id, sourceIds: [duplicate.id] });
 */
export function useMergeTickets() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ targetId, sourceIds }: { targetId: string; sourceIds: string[] }) =>
      client.tickets.merge(targetId, { sourceIds }),
    onSuccess: ({ ticket, merged }) => {
      for (const t of [ticket, ...merged]) putRecord(queryClient, 'tickets', t);
      void queryClient.invalidateQueries({ queryKey: crmKeys.ticketThreads(ticket.id) });
      void queryClient.invalidateQueries({ queryKey: crmKeys.ticketViews() });
      invalidateAfterChange(queryClient, 'tickets', { membership: true });
    },
  });
}

/**
 * The messages a reply was held back for: the `newMessages` of a 409 `stale-thread` problem (the server's "traffic
 * cop"), or null for any other error.
 *
 * @example
 * const unseen = staleMessages(reply.error);
 * if (unseen) showHoldBack(unseen); // then send again with lastSeenMessageId: unseen.at(-1).id, or revise
 */
export function staleMessages(error: CrmError | Error | null | undefined): Schemas['TicketMessage'][] | null {
  if (!(error instanceof ConflictError) || !error.type.endsWith('/stale-thread')) return null;
  const list = (error.problem as { newMessages?: Schemas['TicketMessage'][] }).newMessages;
  return Array.isArray(list) ? list : [];
}

import type { Schemas } from '@crmkit/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { crmKeys } from './keys.js';
import { useCrm } from './provider.js';

/** How long a presence lives without a heartbeat, and how often the hooks renew it (three chances per lifetime). */
const TTL_SECONDS = 30;
const HEARTBEAT_MS = 10_000;
/** How often the workspace's presence list is re-read, for presences that expired without a `left` event yet. */
const REFRESH_MS = 30_000;

/**
 * Who has a ticket open, live — and, with `state`, the caller too: `viewing` or `replying` is announced at once,
 * renewed every 10 s while the component is mounted (it expires by itself 30 s after the last renewal, e.g. when the
 * tab closes) and ended on unmount. `null` only watches. The caller's own entry is included; filter it by user id.
 *
 * @example
 * const { data } = useTicketPresence(ticket.id, composerOpen ? 'replying' : 'viewing');
 * const others = data?.data.filter((p) => p.userId !== me.id) ?? [];
 */
export function useTicketPresence(ticketId: string | undefined, state: Schemas['TicketPresence']['state'] | null) {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: crmKeys.presence(ticketId ?? ''),
    queryFn: ({ signal }) => client.tickets.presence(ticketId, undefined, { signal }),
    enabled: !!ticketId,
    retry: false,
    refetchInterval: REFRESH_MS,
  });
  useEffect(() => {
    if (!ticketId || !state) return;
    const key = crmKeys.presence(ticketId);
    const beat = () =>
      client.tickets.presence(ticketId, { state, ttlSeconds: TTL_SECONDS }).then(
        (list) => queryClient.setQueryData(key, list),
        () => {},
      );
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => {
      clearInterval(timer);
      void client.tickets.presence(ticketId, null).catch(() => {});
    };
  }, [client, queryClient, ticketId, state]);
  return query;
}

/**
 * Every agent who has a ticket of the workspace open right now (for markers in a queue), patched live from the change
 * feed and re-read every 30 s.
 *
 * @example
 * const { data } = useWorkspacePresence();
 * const watchers = data?.data.filter((p) => p.ticketId === ticket.id);
 */
export function useWorkspacePresence() {
  const { client } = useCrm();
  return useQuery({
    queryKey: crmKeys.presence(),
    queryFn: ({ signal }) => client.tickets.presence(undefined, undefined, { signal }),
    retry: false,
    refetchInterval: REFRESH_MS,
  });
}

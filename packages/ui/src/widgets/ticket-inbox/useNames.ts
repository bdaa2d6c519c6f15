import { contactName, crmKeys, useCrm } from '@crmkit/react';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';

/** How many ids one request names (the list's `filter[id]`, one page). */
const CHUNK = 100;

/**
 * The names of contacts by id, for the rows on screen: the ids are asked for in chunks of 100 with one list request
 * each (`filter[id]=a,b,…`), never one request per row; each chunk is cached like any list.
 *
 * @example
 * const names = useContactNames(rows.map((t) => t.requesterId));
 * names.get(ticket.requesterId)
 */
export function useContactNames(ids: readonly (string | null | undefined)[]): ReadonlyMap<string, string> {
  const { client } = useCrm();
  const chunks = useMemo(() => {
    const unique = [...new Set(ids.filter((id): id is string => !!id))].sort();
    const out: string[][] = [];
    for (let i = 0; i < unique.length; i += CHUNK) out.push(unique.slice(i, i + CHUNK));
    return out;
  }, [ids]);
  const results = useQueries({
    queries: chunks.map((chunk) => ({
      queryKey: [...crmKeys.lists('contacts'), { names: chunk }],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        client.contacts.list({ filter: { id: chunk } as never, limit: CHUNK }, { signal }),
      staleTime: 60_000,
      retry: false,
    })),
  });
  const stamp = results.map((r) => r.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `results` is a new array every render; its data changes with `stamp`
  return useMemo(() => {
    const map = new Map<string, string>();
    for (const r of results) for (const c of r.data?.data ?? []) map.set(c.id, contactName(c));
    return map;
  }, [stamp]);
}

import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

/** The cached data under some keys, taken before an optimistic change so it can be put back exactly. */
export interface CacheSnapshot {
  keys: readonly QueryKey[];
  entries: [QueryKey, unknown][];
}

/**
 * Cancels in-flight fetches of the queries under `keys` (so they can't overwrite an optimistic change) and returns
 * their data as it is now.
 */
export async function snapshot(queryClient: QueryClient, keys: readonly QueryKey[]): Promise<CacheSnapshot> {
  await Promise.all(keys.map((queryKey) => queryClient.cancelQueries({ queryKey })));
  return { keys, entries: keys.flatMap((queryKey) => queryClient.getQueriesData({ queryKey })) };
}

/**
 * Puts a {@link snapshot} back exactly: each query's data as it was, and queries the optimistic change created are
 * removed again.
 */
export function restore(queryClient: QueryClient, saved: CacheSnapshot | undefined): void {
  if (!saved) return;
  const known = new Set(saved.entries.map(([key]) => hashKey(key)));
  for (const queryKey of saved.keys) {
    for (const query of queryClient.getQueryCache().findAll({ queryKey })) {
      if (!known.has(query.queryHash)) queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
    }
  }
  for (const [key, data] of saved.entries) queryClient.setQueryData(key, data);
}

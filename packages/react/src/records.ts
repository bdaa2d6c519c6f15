import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { HookResource } from './keys.js';
import { crmKeys } from './keys.js';

type Item = { id: string; version?: number };
/** A cached list: infinite (pages of `{ data }`) or one page. */
export type CachedList<T = Item> =
  | InfiniteData<{ data: T[]; nextCursor: string | null }>
  | { data: T[]; nextCursor: string | null };

/** Applies `edit` to the items of every cached list of `name` (both shapes). */
export function editLists<T extends Item>(
  queryClient: QueryClient,
  name: HookResource,
  edit: (items: T[], query: Record<string, unknown>) => T[],
): void {
  for (const [key, data] of queryClient.getQueriesData<CachedList<T>>({ queryKey: crmKeys.lists(name) })) {
    if (!data) continue;
    const query = (key[3] ?? {}) as Record<string, unknown>;
    const next: CachedList<T> =
      'pages' in data
        ? { ...data, pages: data.pages.map((p) => ({ ...p, data: edit(p.data, query) })) }
        : { ...data, data: edit(data.data, query) };
    queryClient.setQueryData(key, next);
  }
}

/** Writes a record into its own cache entry and into every cached list that shows it. */
export function putRecord<T extends Item>(queryClient: QueryClient, name: HookResource, record: T): void {
  queryClient.setQueryData(crmKeys.record(name, record.id), record);
  editLists<T>(queryClient, name, (items) => items.map((i) => (i.id === record.id ? record : i)));
}

/** Merges `patch` into the cached record and its list rows (an optimistic update). */
export function patchRecord(queryClient: QueryClient, name: HookResource, id: string, patch: object): void {
  queryClient.setQueryData<Item>(crmKeys.record(name, id), (r) => r && { ...r, ...patch });
  editLists<Item>(queryClient, name, (items) => items.map((i) => (i.id === id ? { ...i, ...patch } : i)));
}

/** The cached copy of a record: its own entry, else a row of a cached list. */
export function cachedRecord<T extends Item>(queryClient: QueryClient, name: HookResource, id: string): T | undefined {
  const own = queryClient.getQueryData<T>(crmKeys.record(name, id));
  if (own) return own;
  for (const [, data] of queryClient.getQueriesData<CachedList<T>>({ queryKey: crmKeys.lists(name) })) {
    const pages = data ? ('pages' in data ? data.pages : [data]) : [];
    for (const p of pages) {
      const hit = p.data.find((i) => i.id === id);
      if (hit) return hit;
    }
  }
  return undefined;
}

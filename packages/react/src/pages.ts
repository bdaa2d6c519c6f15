import type { Page } from '@crmkit/client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

/** An infinite list over `fetchPage`, with every loaded item as `items`. */
export function usePages<T>(key: readonly unknown[], fetchPage: (cursor?: string) => Promise<Page<T>>, enabled = true) {
  const result = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
    enabled,
  });
  const items = useMemo(() => result.data?.pages.flatMap((p) => p.data) ?? [], [result.data]);
  return { ...result, items };
}

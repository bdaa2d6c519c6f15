import type { ListCount, Segment, SegmentMembersQuery, SegmentPreviewRequest } from '@crmkit/client';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { crmQueries } from './options.js';
import { useCrm } from './provider.js';

/** The key of a disabled preview: never sent. */
const NO_REQUEST: SegmentPreviewRequest = { filter: { and: [{ field: 'id', op: 'isNull' }] } };

/**
 * How many records an unsaved segment filter selects now, and a sample of them (disabled while `request` is null).
 * While a new filter is counted the previous answer stays (`isPlaceholderData`), so a live count does not flicker.
 *
 * @example
 * const { data } = useSegmentPreview({ filter: { field: 'tags', op: 'in', value: ['vip'] }, sample: 5 });
 * data?.count.value; // 42
 */
export function useSegmentPreview(request: SegmentPreviewRequest | null) {
  const { client } = useCrm();
  return useQuery({
    ...crmQueries.segmentPreview(client, request ?? NO_REQUEST),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * The members of a saved segment, loaded a page at a time: `items` is every loaded record, `count` how many there
 * are in all (asked with the first page). Members change live as their records do.
 *
 * @example
 * const { items, count, fetchNextPage } = useSegmentMembers(segment, { limit: 50 });
 */
export function useSegmentMembers(
  segment: Pick<Segment, 'id' | 'resource'> | undefined,
  query: Omit<SegmentMembersQuery, 'cursor' | 'count'> = {},
) {
  const { client } = useCrm();
  const result = useInfiniteQuery({
    ...crmQueries.segmentMembers(client, segment ?? { id: '', resource: 'contacts' }, { ...query, count: true }),
    enabled: segment !== undefined,
  });
  const items = useMemo(() => result.data?.pages.flatMap((p) => p.data) ?? [], [result.data]);
  const count: ListCount | undefined = result.data?.pages[0]?.count;
  return { ...result, items, count };
}

/**
 * How many members a saved segment has now (`undefined` while loading).
 *
 * @example
 * const { data: count } = useSegmentCount(segment); // { value: 128, exact: true }
 */
export function useSegmentCount(segment: Pick<Segment, 'id' | 'resource'>) {
  const { client } = useCrm();
  return useQuery(crmQueries.segmentCount(client, segment));
}

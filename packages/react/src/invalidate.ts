import type { QueryClient } from '@tanstack/react-query';
import type { HookResource } from './keys.js';
import { crmKeys, type TimelineTarget } from './keys.js';
import { isRankList } from './placement.js';

/** What kind of change happened to a record. */
export interface ChangeInfo {
  /** The change may add or remove the record from lists (create, delete, move, convert). */
  membership: boolean;
  /** For activities: the record's links, to refresh only the timelines that show it (all when unknown). */
  record?: object;
  /**
   * Deal lists ordered by rank and filtered at most by pipeline and stage were already put right by `placeByRank`:
   * leave them alone.
   */
  exactRankLists?: boolean;
}

/**
 * Marks stale what a change to a record of `name` may have made wrong, so only those queries that are on screen
 * refetch: lists of the resource whose membership may change (every list on a create, delete or move; only filtered
 * or searched lists on an update, as unfiltered ones were patched in place), deal aggregates, and the timelines that
 * show an activity.
 */
export function invalidateAfterChange(queryClient: QueryClient, name: HookResource, change: ChangeInfo): void {
  void queryClient.invalidateQueries({
    queryKey: crmKeys.lists(name),
    predicate: (query) => {
      if (change.exactRankLists && isRankList(query.queryKey)) return false;
      if (change.membership) return true;
      const q = query.queryKey[3] as { filter?: object; q?: string; segment?: string; view?: string } | undefined;
      return !!(q?.q || q?.segment || q?.view || (q?.filter && Object.keys(q.filter).length));
    },
  });
  // Segment counts and samples of these records may change with any of them.
  if (name !== 'segments') void queryClient.invalidateQueries({ queryKey: ['crmkit', name, 'segment-preview'] });
  if (name === 'segments') {
    // A segment's changed filter changes its members, whichever resource they are.
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === 'crmkit' && !!(query.queryKey[3] as { segment?: string })?.segment,
    });
  }
  if (name === 'deals') void queryClient.invalidateQueries({ queryKey: crmKeys.aggregates() });
  // A run that ends changes its rule's counts (`stats`).
  if ((name as string) === 'automation-runs')
    void queryClient.invalidateQueries({ queryKey: ['crmkit', 'automation-rules', 'list'] });
  if (name === 'activities') {
    const links = change.record as TimelineTarget | undefined;
    void queryClient.invalidateQueries({
      queryKey: crmKeys.timelines(),
      predicate: (query) =>
        !links ||
        Object.entries(query.queryKey[3] as TimelineTarget).every(([k, v]) => links[k as keyof TimelineTarget] === v),
    });
  }
}

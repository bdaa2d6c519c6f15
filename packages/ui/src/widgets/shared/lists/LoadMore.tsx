import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';

/** What {@link LoadMore} reads of a paged list (the `useInfiniteList` result has it). */
export interface PagedList {
  /** The server has another page. */
  hasNextPage: boolean;
  /** The next page is on its way (the button shows a spinner and ignores clicks). */
  isFetchingNextPage: boolean;
  /** Fetches the next page. */
  fetchNextPage: () => unknown;
}

/** Props of {@link LoadMore}. */
export interface LoadMoreProps {
  /** The paged list the button extends. */
  list: PagedList;
  /** How many rows the list shows now: an empty list (its empty state says why) offers no "Load more". */
  shown: number;
}

/**
 * The "Load more" button centred under a paged list (timeline, tasks, rules, run log, segments, notifications), shown
 * while the server has another page and the list is not empty.
 *
 * @example
 * const list = useInfiniteList('activities', query);
 * <LoadMore list={list} shown={list.items.length} />
 */
export function LoadMore({ list, shown }: LoadMoreProps) {
  const t = useT();
  if (!list.hasNextPage || shown === 0) return null;
  return (
    <div className="crm-list-more">
      <Button size="sm" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        {t('action.loadMore')}
      </Button>
    </div>
  );
}

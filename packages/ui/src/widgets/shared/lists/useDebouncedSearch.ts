import { useEffect, useState } from 'react';

/**
 * The search box's text, applied with `setSearch` a quarter second after the user stops typing (and following
 * `search` when it changes otherwise, e.g. with a saved view).
 */
export function useDebouncedSearch(search: string, setSearch: (q: string) => void) {
  const [query, setQuery] = useState(search);
  useEffect(() => setQuery(search), [search]);
  useEffect(() => {
    if (query === search) return;
    const timer = setTimeout(() => setSearch(query), 250);
    return () => clearTimeout(timer);
  }, [query, search, setSearch]);
  return [query, setQuery] as const;
}

/**
 * Row selection of the contacts table: the table's page selection, "all matching" (every record of the filter and
 * search but those deselected since, counted up to 5,000 by `countMatching`) and range selection (Shift+click,
 * Shift+Space, Shift+Arrow) across the pages loaded since the list last changed.
 */
import type { CrmClient, ListQuery, RecordOf } from '@crmkit/client';
import { crmKeys } from '@crmkit/react';
import type { useContactsTable } from '@crmkit/react/tables';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';

type Contact = RecordOf<'contacts'> & { id: string };
type ContactsTable = ReturnType<typeof useContactsTable>;
type Row = ReturnType<ContactsTable['table']['getRowModel']>['rows'][number];

/**
 * How many contacts the list `query` (filter and search) matches, or `null` above 5,000. The list endpoint returns no
 * total and contacts have no count endpoint, so this reads the matching records, a page of 200 (the most) at a time.
 */
async function countMatching(client: CrmClient, query: ListQuery<Contact>, signal: AbortSignal) {
  let count = 0;
  for await (const _ of client.contacts.iterate({ ...query, limit: 200 }, { signal })) if (++count > 5000) return null;
  return count;
}

/** The selection state of the rows on screen (`rows`, page `pageIndex` of `pageSize` of the `list` query). */
export function useRowSelection({
  client,
  table,
  list,
  rows,
  pageIndex,
  pageSize,
  canEdit,
}: {
  client: CrmClient;
  table: ContactsTable['table'];
  list: ContactsTable['query'];
  rows: Row[];
  pageIndex: number;
  pageSize: number;
  canEdit: boolean;
}) {
  // "All matching": every record of the filter and search but those deselected since; it ends when they change.
  const matchQuery = { filter: list.filter, q: list.q };
  const matchKey = JSON.stringify(matchQuery);
  const [matching, setMatching] = useState<{ key: string; excluded: Set<string> }>();
  const all = matching?.key === matchKey ? matching : undefined;
  const isSelected = (row: Row) => (all ? !all.excluded.has(row.id) : row.getIsSelected());
  const select = (ids: string[], on: boolean) => {
    if (all) {
      const excluded = new Set(all.excluded);
      for (const id of ids) on ? excluded.delete(id) : excluded.add(id);
      setMatching({ ...all, excluded });
    } else
      table.setRowSelection((old) => {
        const next = { ...old };
        for (const id of ids) {
          if (on) next[id] = true;
          else delete next[id];
        }
        return next;
      });
  };
  const setSelection = (ids: string[]) => {
    setMatching(undefined);
    table.setRowSelection(Object.fromEntries(ids.map((id) => [id, true])));
  };
  const selectAllMatching = () => {
    table.setRowSelection({});
    setMatching({ key: matchKey, excluded: new Set() });
  };
  const allSelected = rows.length > 0 && rows.every(isSelected);
  const someSelected = !allSelected && rows.some(isSelected);
  /** The header checkbox: selects the page, or deselects it (and ends "all matching" when all the page is in it). */
  const toggleAll = () =>
    all && allSelected
      ? setSelection([])
      : select(
          rows.map((r) => r.id),
          !allSelected,
        );
  const offer = canEdit && !all && allSelected && (pageIndex > 0 || table.getCanNextPage());
  // The list returns no total, and contacts have no count endpoint: counted by listing (see `countMatching`).
  const total = useQuery({
    queryKey: [...crmKeys.resource('contacts'), 'count', matchKey],
    queryFn: ({ signal }) => countMatching(client, matchQuery, signal),
    enabled: offer || !!all,
    staleTime: 30_000,
  }).data;

  // Range selection: the ids of each page loaded since the list changed, in order, and the last row toggled.
  const anchor = useRef<string>(undefined);
  const loadedPages = useRef({ key: '', pages: [] as string[][] }).current;
  const listKey = `${matchKey}${list.sort}${pageSize}`;
  if (loadedPages.key !== listKey) {
    loadedPages.key = listKey;
    loadedPages.pages = [];
    anchor.current = undefined;
  }
  loadedPages.pages[pageIndex] = rows.map((r) => r.id);
  /** Toggles row `index`; with `extend`, sets every row from the anchor to it the same way. */
  const toggle = (index: number, extend?: boolean) => {
    const row = rows[index]!;
    const ids = loadedPages.pages.flat();
    const from = extend && anchor.current ? ids.indexOf(anchor.current) : -1;
    const to = ids.indexOf(row.id);
    select(from < 0 ? [row.id] : ids.slice(Math.min(from, to), Math.max(from, to) + 1), !isSelected(row));
    anchor.current = row.id;
  };
  /** Shift+Arrow: selects every row from the anchor (or row `from`) to row `to`. */
  const extendTo = (from: number, to: number) => {
    const ids = loadedPages.pages.flat();
    const a = anchor.current ? ids.indexOf(anchor.current) : -1;
    const start = a < 0 ? ids.indexOf(rows[from]!.id) : a;
    const end = ids.indexOf(rows[to]!.id);
    if (a < 0) anchor.current = rows[from]!.id;
    select(ids.slice(Math.min(start, end), Math.max(start, end) + 1), true);
  };

  return {
    /** The "all matching" selection, while the filter and search are those it was made for. */
    all,
    /** The filter and search that "all matching" stands for. */
    matchQuery,
    /** How many contacts match (`null` above 5,000), once counted. */
    total,
    /** Whether to offer selecting all that match: the whole page is selected and more contacts match. */
    offer,
    allSelected,
    someSelected,
    isSelected,
    toggleAll,
    setSelection,
    selectAllMatching,
    toggle,
    extendTo,
  };
}

/** The row selection of the table (see {@link useRowSelection}). */
export type RowSelection = ReturnType<typeof useRowSelection>;

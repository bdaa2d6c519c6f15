import { CrmError } from '@crmkit/client';
import { useSchema } from '@crmkit/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import type { EntityName } from '../../../context/labels.js';
import { codecOf, useFilterFields } from './fields.js';
import { type BuiltFilter, draftOf, type FilterTree, filterOf, type GroupDraft, rowOfPath } from './tree.js';

/** What {@link useFilterDraft} gives: the draft to edit, the contract tree built from it, and the rows' errors. */
export interface FilterDraftState {
  /** The tree as edited (`null` until the workspace's schema has loaded). */
  draft: GroupDraft | null;
  setDraft(next: GroupDraft): void;
  /** Starts over from a saved tree (or none). */
  reset(filter: FilterTree | null | undefined): void;
  /** The contract's tree of the complete rows, where each row is in it, and the rows still incomplete. */
  built: BuiltFilter;
  /** Messages under rows, by row id: the server's errors, and (after `showIncomplete`) the incomplete rows. */
  errors: ReadonlyMap<string, string>;
  /** Marks the incomplete rows (e.g. on a save attempt); true when there are any. */
  showIncomplete(): boolean;
  /**
   * Puts a server's validation errors (`filter.and.1.value`) on their rows until the next edit; returns the messages
   * of those that are not about a row (`name`, or the tree as a whole).
   */
  report(error: unknown): string[];
}

const EMPTY: BuiltFilter = { filter: null, paths: new Map(), incomplete: [] };

/**
 * Holds a filter tree while {@link FilterEditor} edits it: the draft (from `initial` once the schema has loaded), the
 * contract tree of its complete rows (what to preview or save), and the errors to show on its rows.
 *
 * @example
 * const filter = useFilterDraft('contact', segment?.filter);
 * useEffect(() => filter.reset(segment?.filter), [segment]);
 * if (!filter.showIncomplete() && filter.built.filter) save({ filter: filter.built.filter });
 */
export function useFilterDraft(entity: EntityName, initial?: FilterTree | null): FilterDraftState {
  const t = useT();
  const schemaLoaded = useSchema().isSuccess;
  const fields = useFilterFields(entity);
  const codec = useCallback((name: string) => codecOf(fields.find((f) => f.name === name)), [fields]);
  const [source, setSource] = useState<{ filter: FilterTree | null | undefined } | null>({ filter: initial });
  const [draft, setDraftState] = useState<GroupDraft | null>(null);
  const [serverErrors, setServerErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [incompleteShown, setIncompleteShown] = useState(false);

  // A saved tree becomes a draft once the fields are known (an amount's value is read in its currency's units).
  useEffect(() => {
    if (!source || !schemaLoaded) return;
    setDraftState(draftOf(source.filter, codec));
    setSource(null);
    setServerErrors(new Map());
    setIncompleteShown(false);
  }, [source, schemaLoaded, codec]);

  const built = useMemo(() => (draft ? filterOf(draft, codec) : EMPTY), [draft, codec]);
  const errors = useMemo(() => {
    const all = new Map(serverErrors);
    if (incompleteShown) for (const id of built.incomplete) all.set(id, t('filters.incomplete'));
    return all;
  }, [serverErrors, incompleteShown, built, t]);

  const showIncomplete = useCallback(() => {
    setIncompleteShown(true);
    return built.incomplete.length > 0;
  }, [built]);
  const report = useCallback(
    (error: unknown) => {
      const problems = error instanceof CrmError ? error.errors : [];
      const onRows = new Map<string, string>();
      const rest: string[] = [];
      for (const { path, message } of problems) {
        const row = path.startsWith('filter.') ? rowOfPath(built.paths, path) : undefined;
        if (row) onRows.set(row, message);
        else rest.push(message);
      }
      // The same errors again (a preview re-reporting its failure) change nothing, so nothing renders again.
      setServerErrors((shown) => (sameErrors(shown, onRows) ? shown : onRows));
      if (!problems.length && error instanceof Error) rest.push(error.message);
      return rest;
    },
    [built],
  );
  const setDraft = useCallback((next: GroupDraft) => {
    setDraftState(next);
    setServerErrors(new Map());
  }, []);
  const reset = useCallback((filter: FilterTree | null | undefined) => setSource({ filter }), []);

  return { draft, setDraft, reset, built, errors, showIncomplete, report };
}

const sameErrors = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) =>
  a.size === b.size && [...a].every(([row, message]) => b.get(row) === message);

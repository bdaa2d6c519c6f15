import type { TableView } from '@crmkit/react/tables';
import { useCallback, useEffect, useState } from 'react';

/** A named table state a user saved. */
export interface SavedView {
  id: string;
  name: string;
  view: Partial<TableView>;
}

const storageKey = (workspaceId: string, table: string) => `crmkit:${workspaceId}:views:${table}`;

function read(key: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((v): v is SavedView => !!v && typeof v.id === 'string' && typeof v.name === 'string')
      : [];
  } catch {
    return [];
  }
}

/**
 * Saved views of a table: controlled by the host (`views` + `onViewsChange`, e.g. persisted on its server), or kept in
 * `localStorage` under a key namespaced by workspace (read after mount, so server rendering is unaffected).
 */
export function useSavedViews(
  table: string,
  workspaceId: string | undefined,
  controlled: SavedView[] | undefined,
  onChange: ((views: SavedView[]) => void) | undefined,
) {
  const [own, setOwn] = useState<SavedView[]>([]);
  const key = workspaceId ? storageKey(workspaceId, table) : undefined;
  useEffect(() => {
    if (controlled || !key) return;
    setOwn(read(key));
    const sync = (event: StorageEvent) => {
      if (event.key === key) setOwn(read(key));
    };
    window.addEventListener('storage', sync);
    return () => window.removeEventListener('storage', sync);
  }, [key, controlled]);

  const views = controlled ?? own;
  const setViews = useCallback(
    (next: SavedView[]) => {
      if (!controlled) {
        setOwn(next);
        if (key) {
          try {
            localStorage.setItem(key, JSON.stringify(next));
          } catch {
            // Storage full or blocked (private mode): the views live for this page only.
          }
        }
      }
      onChange?.(next);
    },
    [controlled, key, onChange],
  );
  return [views, setViews] as const;
}

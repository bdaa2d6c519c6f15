import { lazy, useEffect, useState } from 'react';

/**
 * The board's extras (`index.ts`), one chunk: fetched when the board mounts ({@link loadExtras}), in parallel with
 * its data, so they are there by the time its cards are. One chunk rather than one per piece: a host's bundler splits
 * what a lazy chunk shares with the page into chunks of their own, each compressed apart, so fewer chunks cost less.
 */
let loaded: typeof import('./index.js') | undefined;
export const loadExtras = () => import('./index.js').then((m) => (loaded = m));

/**
 * The extras once loaded (undefined until then); starts loading them. What the board computes with them — its filters
 * as a list filter — is only needed once the filter form (one of them) has set a filter.
 */
export function useExtras() {
  const [extras, setExtras] = useState(loaded);
  useEffect(() => {
    if (!extras) loadExtras().then(setExtras, () => {});
  }, [extras]);
  return extras;
}

export const MoveMenu = lazy(() => loadExtras().then((m) => ({ default: m.MoveMenu })));
export const FilterForm = lazy(() => loadExtras().then((m) => ({ default: m.FilterForm })));
export const Forecast = lazy(() => loadExtras().then((m) => ({ default: m.Forecast })));
export const LostReasonDialog = lazy(() => loadExtras().then((m) => ({ default: m.LostReasonDialog })));
export const QuickAdd = lazy(() => loadExtras().then((m) => ({ default: m.QuickAdd })));
export const ConflictDialog = lazy(() => loadExtras().then((m) => ({ default: m.ConflictDialog })));

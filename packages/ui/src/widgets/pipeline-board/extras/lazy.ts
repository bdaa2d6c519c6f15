import { lazy } from 'react';

/**
 * The board's extras (`index.ts`), one chunk: fetched when the board mounts ({@link loadExtras}), in parallel with
 * its data, so they are there by the time its cards are. One chunk rather than one per piece: a host's bundler splits
 * what a lazy chunk shares with the page into chunks of their own, each compressed apart, so fewer chunks cost less.
 */
export const loadExtras = () => import('./index.js');

export const MoveMenu = lazy(() => loadExtras().then((m) => ({ default: m.MoveMenu })));
export const FilterForm = lazy(() => loadExtras().then((m) => ({ default: m.FilterForm })));
export const Forecast = lazy(() => loadExtras().then((m) => ({ default: m.Forecast })));
export const LostReasonDialog = lazy(() => loadExtras().then((m) => ({ default: m.LostReasonDialog })));
export const QuickAdd = lazy(() => loadExtras().then((m) => ({ default: m.QuickAdd })));
export const ConflictDialog = lazy(() => loadExtras().then((m) => ({ default: m.ConflictDialog })));

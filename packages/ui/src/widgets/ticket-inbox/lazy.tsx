import { lazy } from 'react';
import type { TicketPaneProps } from './ticket/TicketPane.js';

// The open ticket (thread, composer, properties, requester) and the dialogs are chunks of their own: the queue paints
// without them, and they load when a ticket or a dialog first opens (the composer's sanitiser, DOMPurify, with them).
let loadedPane: typeof import('./ticket/TicketPane.js') | undefined;
const ticket = () => import('./ticket/TicketPane.js').then((m) => (loadedPane = m));
const dialogs = () => import('./dialogs/index.js');

const LazyPane = lazy(() => ticket().then((m) => ({ default: m.TicketPane })));

/**
 * The open ticket: rendered at once once its chunk is there (see {@link preloadTicketPane}), lazily before. A lazy
 * component suspends on its first render even when its chunk has loaded, and React reveals a boundary that suspended
 * no sooner than 300 ms after its fallback: opening a ticket would wait that long for nothing.
 */
export function TicketPane(props: TicketPaneProps) {
  const Pane = loadedPane?.TicketPane ?? LazyPane;
  return <Pane {...props} />;
}
export const SnoozeDialog = lazy(() => dialogs().then((m) => ({ default: m.SnoozeDialog })));
export const MergeDialog = lazy(() => dialogs().then((m) => ({ default: m.MergeDialog })));
export const BulkDialog = lazy(() => dialogs().then((m) => ({ default: m.BulkDialog })));
export const HelpDialog = lazy(() => dialogs().then((m) => ({ default: m.HelpDialog })));

/** Starts loading the open ticket's chunk (e.g. while the queue paints), so opening one waits for data only. */
export const preloadTicketPane = () => void ticket();

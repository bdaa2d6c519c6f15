import { lazy } from 'react';

// The open ticket (thread, composer, properties, requester) and the dialogs are chunks of their own: the queue paints
// without them, and they load when a ticket or a dialog first opens (the composer's sanitiser, DOMPurify, with them).
const ticket = () => import('./ticket/TicketPane.js');
const dialogs = () => import('./dialogs/index.js');

export const TicketPane = lazy(() => ticket().then((m) => ({ default: m.TicketPane })));
export const SnoozeDialog = lazy(() => dialogs().then((m) => ({ default: m.SnoozeDialog })));
export const MergeDialog = lazy(() => dialogs().then((m) => ({ default: m.MergeDialog })));
export const BulkDialog = lazy(() => dialogs().then((m) => ({ default: m.BulkDialog })));
export const HelpDialog = lazy(() => dialogs().then((m) => ({ default: m.HelpDialog })));

/** Starts loading the open ticket's chunk (e.g. while the queue paints), so opening one waits for data only. */
export const preloadTicketPane = () => void ticket();

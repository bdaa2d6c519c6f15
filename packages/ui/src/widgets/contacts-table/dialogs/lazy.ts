import { lazy } from 'react';

// Bulk actions and saving a view are what the table does least: their dialogs (with the bulk runner and its report)
// load when one first opens, as one chunk of their own.
const dialogs = () => import('./dialogs.js');

export const BulkDialog = lazy(() => dialogs().then((m) => ({ default: m.BulkDialog })));
export const BulkReport = lazy(() => dialogs().then((m) => ({ default: m.BulkReport })));
export const SaveViewDialog = lazy(() => dialogs().then((m) => ({ default: m.SaveViewDialog })));

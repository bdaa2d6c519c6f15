import { lazy } from 'react';

// Bulk actions and saving a view are what the table does least: their dialogs (and the Dialog primitive, and the bulk
// runner) load when one first opens, as one chunk of their own.
const dialogs = () => import('./dialogs.js');

export const BulkDialog = lazy(() => dialogs().then((m) => ({ default: m.BulkDialog })));
export const SaveViewDialog = lazy(() => dialogs().then((m) => ({ default: m.SaveViewDialog })));

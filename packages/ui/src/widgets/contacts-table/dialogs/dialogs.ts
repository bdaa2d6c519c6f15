// What the table shows least, loaded as one chunk when a bulk action or "Save view" first opens (see `lazy.ts`): the
// bulk action and save-view dialogs, and the report a bulk action ends with.
export { BulkDialog } from './BulkDialog.js';
export { BulkReport } from './BulkReport.js';
export { SaveViewDialog } from './SaveViewDialog.js';

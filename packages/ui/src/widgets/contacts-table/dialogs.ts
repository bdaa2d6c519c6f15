// What the table shows least, loaded as one chunk when a bulk action or "Save view" first opens (see `lazy.ts`): the
// bulk action and save-view dialogs, and the report a bulk action ends with.
export { BulkDialog, type BulkDialogProps } from './bulk/BulkDialog.js';
export { BulkReport } from './bulk/BulkReport.js';
export { SaveViewDialog } from './views/SaveViewDialog.js';

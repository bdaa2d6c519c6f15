export { BulkDialog } from './BulkDialog.js';
export { HelpDialog } from './HelpDialog.js';
export { MergeDialog } from './MergeDialog.js';
export { SnoozeDialog } from './SnoozeDialog.js';

// What a card loads on its first edit, as one chunk (see `useInlineEdit.tsx`): the form, and the prompt a save that
// lost a race shows — which only ever follows the form — with the strings of editing they share.
export { ConflictDialog } from './ConflictDialog.js';
export { RecordEditor } from './RecordEditor.js';

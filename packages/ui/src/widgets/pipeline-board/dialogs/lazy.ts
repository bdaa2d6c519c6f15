import { lazy } from 'react';

// What a board does least — asking for a lost reason, resolving a conflict, the quick-add form — loads when first
// needed, each as a chunk of its own.
export const LostReasonDialog = lazy(() =>
  import('./LostReasonDialog.js').then((m) => ({ default: m.LostReasonDialog })),
);
export const QuickAdd = lazy(() => import('./QuickAdd.js').then((m) => ({ default: m.QuickAdd })));
export const ConflictDialog = lazy(() =>
  import('../../shared/editing/ConflictDialog.js').then((m) => ({ default: m.ConflictDialog })),
);

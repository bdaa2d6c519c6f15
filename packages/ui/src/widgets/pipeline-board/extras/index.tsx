// What a board does not need for its first paint, as one chunk (`lazy.ts`): the cards' "Move…" menu, the filter form,
// the forecast chart, the lost-reason prompt, quick add and the conflict prompt; the filters as a list filter. The
// pieces with strings of their own render in the scope of the chunk's catalog part, so the board's first load does not
// carry them.
import type { ComponentType } from 'react';
import { MessagesScope } from '../../../context/scope.js';
import { editingMessages } from '../../../i18n/messages/editing/index.js';
import { boardExtrasMessages } from '../../../i18n/messages/pipeline-board-extras/index.js';
import { FilterForm as Filters } from './FilterForm.js';
import { Forecast as Chart } from './Forecast.js';
import { LostReasonDialog as LostReason } from './LostReasonDialog.js';
import { MoveMenu as Menu } from './MoveMenu.js';
import { QuickAdd as Add } from './QuickAdd.js';

/** `Component` inside the scope of the extras' strings (and the form checks' for the forms that read amounts). */
function scoped<P extends object>(Component: ComponentType<P>, forms = false): ComponentType<P> {
  const part = forms ? [boardExtrasMessages, editingMessages] : boardExtrasMessages;
  return (props: P) => (
    <MessagesScope part={part}>
      <Component {...props} />
    </MessagesScope>
  );
}

export { ConflictDialog } from '../../shared/editing/ConflictDialog.js';
export { toFilter } from './to-filter.js';
export const FilterForm = scoped(Filters, true);
export const Forecast = scoped(Chart);
export const LostReasonDialog = scoped(LostReason);
export const MoveMenu = scoped(Menu);
export const QuickAdd = scoped(Add, true);

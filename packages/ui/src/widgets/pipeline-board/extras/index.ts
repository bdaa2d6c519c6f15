// What a board does not need for its first paint, as one chunk (`lazy.ts`): the cards' "Move…" menu, the filter form,
// the forecast chart, the lost-reason prompt, quick add and the conflict prompt; the filters as a list filter; and their
// English.
import { addEnglish } from '../../../i18n/english.js';
import { en as extras } from '../../../i18n/messages/pipeline-board-extras/en.js';

addEnglish(extras);

export { ConflictDialog } from '../../shared/editing/ConflictDialog.js';
export { FilterForm } from './FilterForm.js';
export { Forecast } from './Forecast.js';
export { LostReasonDialog } from './LostReasonDialog.js';
export { MoveMenu } from './MoveMenu.js';
export { QuickAdd } from './QuickAdd.js';
export { toFilter } from './to-filter.js';

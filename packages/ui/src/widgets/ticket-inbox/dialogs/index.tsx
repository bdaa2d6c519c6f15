import type { ComponentProps } from 'react';
import { MessagesScope } from '../../../context/scope.js';
import { problemMessages } from '../../../i18n/messages/problems/index.js';
import { BulkDialog as Bulk } from './BulkDialog.js';

export { HelpDialog } from './HelpDialog.js';
export { MergeDialog } from './MergeDialog.js';
export { SnoozeDialog } from './SnoozeDialog.js';

/** The bulk dialog, with the words of what a server refused: its report says why a ticket was not changed. */
export function BulkDialog(props: ComponentProps<typeof Bulk>) {
  return (
    <MessagesScope part={problemMessages} fallback={null}>
      <Bulk {...props} />
    </MessagesScope>
  );
}

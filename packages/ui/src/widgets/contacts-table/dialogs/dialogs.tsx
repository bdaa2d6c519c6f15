import type { ComponentProps } from 'react';
import { MessagesScope } from '../../../context/scope.js';
import { editingMessages } from '../../../i18n/messages/editing/index.js';
import { problemMessages } from '../../../i18n/messages/problems/index.js';
import { BulkDialog as BulkForm } from './BulkDialog.js';
import { BulkReport as Report } from './BulkReport.js';
import { SaveViewDialog as SaveViewForm } from './SaveViewDialog.js';

// What the table shows least, loaded as one chunk when a bulk action or "Save view" first opens (see `lazy.ts`): the
// bulk action and save-view dialogs, and the report a bulk action ends with. The dialogs' forms check their fields
// with the strings of editing, which come with them (a dialog opens once their translation has loaded).

/** The report, with the words of what a server refused. */
export function BulkReport(props: ComponentProps<typeof Report>) {
  return (
    <MessagesScope part={problemMessages} fallback={null}>
      <Report {...props} />
    </MessagesScope>
  );
}

export function BulkDialog(props: ComponentProps<typeof BulkForm>) {
  return (
    <MessagesScope part={editingMessages} fallback={null}>
      <BulkForm {...props} />
    </MessagesScope>
  );
}

export function SaveViewDialog(props: ComponentProps<typeof SaveViewForm>) {
  return (
    <MessagesScope part={editingMessages} fallback={null}>
      <SaveViewForm {...props} />
    </MessagesScope>
  );
}

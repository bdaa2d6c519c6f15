import type { Conflict } from '@crmkit/react';
import type { ReactNode } from 'react';
import { useT } from '../../../context/i18n.js';
import { MessagesScope } from '../../../context/scope.js';
import { editingMessages } from '../../../i18n/messages/editing/index.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';

/**
 * The prompt for a write that lost a race (412): the fields this user changed, their value and the stored one — and
 * any of `fields` the other person changed — and the choice to keep mine or take theirs.
 *
 * @example
 * {conflict && <ConflictDialog conflict={conflict} label={(key) => labels[key]} show={(_key, v) => String(v)} />}
 */
export function ConflictDialog<T>(props: ConflictDialogProps<T>) {
  // The prompt's strings come with it; a translation loads with it (the prompt opens once it has).
  return (
    <MessagesScope part={editingMessages} fallback={null}>
      <ConflictPrompt {...props} />
    </MessagesScope>
  );
}

/** Props of {@link ConflictDialog}. */
export interface ConflictDialogProps<T> {
  conflict: Conflict<T>;
  /** The label of a changed field. */
  label: (key: string) => ReactNode;
  /** A value as shown to the user. */
  show: (key: string, value: unknown) => ReactNode;
  /**
   * Fields shown also when only the other person changed them (from the version this user saw, `conflict.base`), in
   * this order, then the rest of the user's: e.g. a task's completion when the user only snoozed it.
   */
  fields?: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function ConflictPrompt<T>({ conflict, label, show, fields = [] }: ConflictDialogProps<T>) {
  const t = useT();
  const theirs = conflict.theirs as Record<string, unknown>;
  const mine = conflict.mine as Record<string, unknown>;
  const base = conflict.base as Record<string, unknown> | undefined;
  // Mine: what the user saves, or, for a field they did not touch, what they saw.
  const rows = [...new Set([...fields, ...Object.keys(mine)])]
    .map((key): [string, unknown] => [key, key in mine ? mine[key] : base?.[key]])
    .filter(([key, value]) => (key in mine || base) && !same(value, theirs[key]));
  return (
    <Dialog
      open
      role="alertdialog"
      dismissible={false}
      onOpenChange={() => conflict.takeTheirs()}
      title={t('conflict.title')}
      description={t('conflict.description')}
      footer={
        <>
          <Button onClick={conflict.takeTheirs}>{t('conflict.takeTheirs')}</Button>
          <Button variant="primary" onClick={conflict.keepMine}>
            {t('conflict.keepMine')}
          </Button>
        </>
      }
    >
      <table className="crm-conflict">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('conflict.yours')}</th>
            <th scope="col">{t('conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{label(key)}</th>
              <td>{show(key, value)}</td>
              <td>{show(key, theirs[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

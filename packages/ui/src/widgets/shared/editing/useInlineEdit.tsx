import type { CrmError, RecordOf } from '@crmkit/client';
import { preloadWrites, useUpdateRecord } from '@crmkit/react';
import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Skeleton } from '../../../primitives/Skeleton.js';
import { StateView } from '../../../primitives/StateView.js';
import type { Draft } from './draft.js';
import type { BuiltInField } from './form-fields.js';

// Editing is what a card does least: the form (with what it does with values: draft.ts, validate.ts) and the conflict
// prompt load when the form first opens, as one chunk of their own (`editing.ts`).
const editing = () => import('./editing.js');
const RecordEditor = lazy(() => editing().then((m) => ({ default: m.RecordEditor })));
const ConflictDialog = lazy(() => editing().then((m) => ({ default: m.ConflictDialog })));

const show = (value: unknown): string =>
  Array.isArray(value)
    ? value.join(', ')
    : value && typeof value === 'object'
      ? Object.values(value).join(', ')
      : String(value ?? '—');

/**
 * Inline editing of a card's record: the form (from `fields`), an optimistic save of only what the user changed since
 * the form opened — refused, and the conflict prompt shown, when the record changed meanwhile (by `If-Match`, or by
 * reading it first on a server without ETags) — the form back with the draft and the server's field errors when a save
 * is refused, and a saving/failed status line. Focus moves into the form when it opens and back to the button that
 * opened it (`opener`) when it closes (Escape, Cancel or Save).
 *
 * @example
 * const edit = useInlineEdit('contacts', contact, fields, { label: t('card.editName', { name }) });
 * return edit.editing ? edit.editor : <>{edit.status}<button ref={edit.opener} onClick={edit.start}>Edit</button></>;
 */
export function useInlineEdit<N extends 'contacts' | 'companies'>(
  name: N,
  record: RecordOf<N>,
  fields: BuiltInField[],
  options: { label: string; onSaved?: (record: RecordOf<N>) => void },
) {
  const t = useT();
  const update = useUpdateRecord(name);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  // The record as the form was opened on: the save sends what the user changed from it, and only if it is unchanged.
  const [base, setBase] = useState<RecordOf<N> | null>(null);
  // The button that opens the form: focus goes back to it when the form closes (it is not rendered while editing).
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [editing]);
  const close = () => {
    refocus.current = true;
    setEditing(false);
  };
  const refused = update.error?.name === 'ValidationError' ? (update.error as CrmError) : null;
  const { onSaved } = options;
  const saved = update.isSuccess ? update.data : undefined;
  useEffect(() => {
    if (refused) setEditing(true);
  }, [refused]);
  useEffect(() => {
    if (saved) onSaved?.(saved);
  }, [saved, onSaved]);

  const from = (base ?? record) as unknown as { id: string; version: number };
  const save = (patch: Record<string, unknown>, d: Draft) => {
    setDraft(d);
    close();
    if (Object.keys(patch).length) update.update(from.id, patch as never, { ifVersion: from.version });
  };
  const editor: ReactNode = editing ? (
    <Suspense fallback={<Skeleton lines={4} />}>
      <RecordEditor
        label={options.label}
        fields={fields}
        record={from}
        draft={refused ? (draft ?? undefined) : undefined}
        errors={refused?.errors}
        onSave={save}
        onCancel={() => {
          close();
          setDraft(null);
          update.reset();
        }}
      />
    </Suspense>
  ) : null;
  const status: ReactNode = (
    <>
      {update.isPending && (
        <p role="status" className="crm-muted crm-saving">
          {t('state.saving')}
        </p>
      )}
      {update.error && !refused && !update.conflict && (
        <StateView compact error={update.error} title={t('state.saveFailed')} />
      )}
      {update.conflict && (
        <Suspense fallback={null}>
          <ConflictDialog
            conflict={update.conflict}
            label={(key) => fields.find((x) => x.path === key)?.label ?? t('card.customFields')}
            show={(_key, value) => show(value)}
          />
        </Suspense>
      )}
    </>
  );
  const start = () => {
    // What the save does to the cache loads while the user edits, so the save starts at once.
    preloadWrites();
    setBase(record);
    setEditing(true);
  };
  return { editing, start, editor, status, opener };
}

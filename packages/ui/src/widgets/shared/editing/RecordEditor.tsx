import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../../../context/i18n.js';
import { MessagesScope } from '../../../context/scope.js';
import { editingMessages } from '../../../i18n/messages/editing/index.js';
import { problemMessages } from '../../../i18n/messages/problems/index.js';
import { Button } from '../../../primitives/Button.js';
import { Checkbox, Select, TextField } from '../../../primitives/Field.js';
import { Skeleton } from '../../../primitives/Skeleton.js';
import { DateField } from '../dates/DateField.js';
import { type Draft, draftOf, fieldErrors, patchOf } from './draft.js';
import type { BuiltInField } from './form-fields.js';
import { type ServerFieldError, serverErrorText } from './server-errors.js';
import { useReadContext } from './useReadContext.js';
import { checkField, type FieldProblem, type FormField, problemMessage } from './validate.js';

/** Props of {@link RecordEditor}. */
export interface RecordEditorProps {
  /** The form's accessible name ("Edit Nguyễn Thị Lan"). */
  label: string;
  fields: BuiltInField[];
  /** The record as the form opened on: the values to start from, and what the PATCH is computed against. */
  record: Record<string, unknown>;
  /** What the user typed, to start from instead (after a save the server refused). */
  draft?: Draft | undefined;
  /** Problems the server reported (`emails.0`), shown on their fields (in the user's language) until those change. */
  errors?: ServerFieldError[];
  /** Called with the PATCH of what the user changed (empty when nothing did) and the form's values. */
  onSave: (patch: Record<string, unknown>, draft: Draft) => void;
  onCancel: () => void;
}

/**
 * An edit form generated from field definitions: a labelled control per field type, checks on submit (the first
 * invalid field gets focus, and a summary is announced), server errors shown on their fields. Focus moves into it on
 * open (the first refused field, else the first field); Escape cancels, as the Cancel button does. What the user typed is
 * never dropped: a refused save comes back to this form with the draft intact.
 *
 * @example
 * <RecordEditor label="Edit Lan" fields={fields} record={contact} onSave={(patch) => save(patch)} onCancel={close} />
 */
export function RecordEditor(props: RecordEditorProps) {
  // The form's strings (field checks) come with it; a translation loads with the form, the skeleton shown meanwhile.
  return (
    <MessagesScope part={[editingMessages, problemMessages]} fallback={<Skeleton lines={4} />}>
      <EditorForm {...props} />
    </MessagesScope>
  );
}

function EditorForm({ label, fields, record, draft: typed, errors = [], onSave, onCancel }: RecordEditorProps) {
  const { t, messages } = useMessages();
  const read = useReadContext(record);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => typed ?? draftOf(record, fields, read.format));
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [server, setServer] = useState(() => fieldErrors(errors, fields, (e) => serverErrorText(t, messages, e)));
  // Focus moves into the form as it opens: to the first field the server refused, else the first field.
  useEffect(() => {
    const el = form.current;
    (el?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? el?.querySelector<HTMLElement>('[name]'))?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };
  const set = (path: string, value: string) => {
    setDraft((d) => ({ ...d, [path]: value }));
    setProblems(({ [path]: _, ...rest }) => rest);
    setServer(({ [path]: _, ...rest }) => rest);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, FieldProblem> = {};
    for (const field of fields) {
      const problem = checkField(field, draft[field.path] ?? '', read);
      if (problem) found[field.path] = problem;
    }
    setProblems(found);
    const first = fields.find((x) => found[x.path]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first.path)}"]`)?.focus();
      return;
    }
    onSave(patchOf(record, draft, fields, read), draft);
  };
  const errorOf = (path: string) => {
    const p = problems[path];
    return p ? problemMessage(t, p) : server[path];
  };
  const count = Object.keys(problems).length;
  return (
    <form ref={form} className="crm-editor" aria-label={label} noValidate onSubmit={submit} onKeyDown={onKeyDown}>
      {count > 0 && (
        <p role="alert" className="crm-editor-summary" id={`${id}-summary`}>
          {t('validation.summary', { count })}
        </p>
      )}
      <div className="crm-editor-fields">
        {fields.map((field) => {
          const common = {
            name: field.path,
            label: field.label,
            required: field.required,
            error: errorOf(field.path),
          };
          const value = draft[field.path] ?? '';
          if (field.type === 'select') {
            return (
              <Select
                key={field.path}
                {...common}
                value={value}
                placeholder={field.required ? undefined : t('field.notSet')}
                options={field.options ?? []}
                onChange={(e) => set(field.path, e.target.value)}
              />
            );
          }
          if (field.type === 'boolean') {
            return (
              <Checkbox
                key={field.path}
                {...common}
                checked={value === 'true'}
                onChange={(e) => set(field.path, String(e.target.checked))}
              />
            );
          }
          if (field.type === 'date') {
            return <DateField key={field.path} {...common} value={value} onChange={(v) => set(field.path, v)} />;
          }
          return (
            <TextField
              key={field.path}
              {...common}
              value={value}
              multiline={field.type === 'textarea'}
              type={INPUT_TYPES[field.type] ?? 'text'}
              inputMode={field.type === 'number' || field.type === 'currency' ? 'decimal' : undefined}
              description={
                field.type === 'tags' || field.type === 'multiselect'
                  ? t('card.listHint', { options: field.options?.map((o) => o.value).join(', ') ?? '' })
                  : field.currency
              }
              onChange={(e) => set(field.path, e.target.value)}
            />
          );
        })}
      </div>
      <div className="crm-editor-actions">
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('action.save')}
        </Button>
      </div>
    </form>
  );
}

const INPUT_TYPES: Partial<Record<FormField['type'], string>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
};

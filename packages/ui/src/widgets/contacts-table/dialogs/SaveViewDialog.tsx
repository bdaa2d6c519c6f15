import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { TextField } from '../../../primitives/Field.js';

/** The "Save view" dialog: a name, required (`name`: the active view's, to overwrite it). */
export function SaveViewDialog({
  name: initial,
  onClose,
  onSave,
}: {
  name: string;
  onClose: () => void;
  onSave: (name: string) => void;
}) {
  const t = useT();
  const formId = useId();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string>();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('validation.required'));
    onSave(trimmed);
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('table.saveView')}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId}>
            {t('action.save')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={save} noValidate>
        <TextField
          label={t('table.viewName')}
          required
          maxLength={80}
          value={name}
          error={error}
          onChange={(e) => {
            setName(e.target.value);
            setError(undefined);
          }}
        />
      </form>
    </Dialog>
  );
}

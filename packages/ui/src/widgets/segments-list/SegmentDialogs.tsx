import type { Segment } from '@crmkit/client';
import { type FormEvent, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import { Dialog } from '../../primitives/Dialog.js';
import { TextField } from '../../primitives/Field.js';

/** Props of the dialogs: the segment, what to do, and closing. */
interface DialogProps {
  segment: Segment;
  onClose: () => void;
}

/** Renames a segment: a name field (required), Save and Cancel. */
export function RenameDialog({ segment, onClose, onRename }: DialogProps & { onRename: (name: string) => void }) {
  const t = useT();
  const [name, setName] = useState(segment.name);
  const [error, setError] = useState<string>();
  const formId = `crm-sl-rename-${segment.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('segments.nameRequired'));
    if (trimmed !== segment.name) onRename(trimmed);
    onClose();
  };
  return (
    <Dialog
      open
      size="sm"
      onOpenChange={(open) => !open && onClose()}
      title={t('segments.renameTitle', { name: segment.name })}
      footer={
        <>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary">
            {t('action.save')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        <TextField
          label={t('segments.name')}
          required
          maxLength={200}
          value={name}
          error={error}
          onChange={(e) => setName(e.target.value)}
        />
      </form>
    </Dialog>
  );
}

/** Asks before deleting a segment (an alert dialog; Cancel is first, so Enter does not delete by accident). */
export function DeleteDialog({ segment, onClose, onDelete }: DialogProps & { onDelete: () => void }) {
  const t = useT();
  return (
    <Dialog
      open
      size="sm"
      role="alertdialog"
      onOpenChange={(open) => !open && onClose()}
      title={t('segments.deleteTitle', { name: segment.name })}
      description={t('segments.deleteDescription')}
      footer={
        <>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button
            variant="danger"
            onClick={() => {
              onDelete();
              onClose();
            }}
          >
            {t('segments.delete')}
          </Button>
        </>
      }
    />
  );
}

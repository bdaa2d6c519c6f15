import type { RecordOf, Schemas } from '@crmkit/client';
import { useCapabilities, useCrm } from '@crmkit/react';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Dialog } from '../../../primitives/Dialog.js';
import { Select, TextField } from '../../../primitives/Field.js';
import { applyBulk, type BulkChange, type BulkResult, type BulkTarget } from './bulk.js';

/** Props of {@link BulkDialog}. */
export interface BulkDialogProps {
  action: 'owner' | 'tag' | 'stage';
  /** What the action applies to, e.g. "Changes 12 selected records." */
  description: string;
  target: BulkTarget;
  records: ReadonlyMap<string, RecordOf<'contacts'>>;
  users: { id: string; name: string }[];
  /** The lifecycle stages, labelled. */
  stages: { value: string; label: string }[];
  onClose: () => void;
  /** Called once the action ran: its result, or `null` when nothing changed (cancelled, or `error` listing records). */
  onDone: (result: BulkResult | null, error?: string) => void;
}

/**
 * The dialog of a bulk action: its one input, then the run — batches of 100 with the progress in a status line,
 * Cancel (or Escape) stopping after the batch in flight.
 */
export function BulkDialog({ action, description, target, records, users, stages, onClose, onDone }: BulkDialogProps) {
  const t = useT();
  const { client } = useCrm();
  const batch = useCapabilities()?.batch !== false;
  const formId = useId();
  const [value, setValue] = useState(action === 'stage' ? 'active' : '');
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<string>();
  const abort = useRef<AbortController>(null);
  const input = useRef<HTMLInputElement>(null);
  const title = {
    owner: t('table.assignOwner'),
    tag: t('table.addTag'),
    stage: t('table.changeLifecycleStage'),
  }[action];
  const ownerOptions = useMemo(
    () => [...users].sort((a, b) => a.name.localeCompare(b.name)).map((u) => ({ value: u.id, label: u.name })),
    [users],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (abort.current) return;
    let change: BulkChange;
    if (action === 'owner') change = () => ({ data: { ownerId: value || null } });
    else if (action === 'stage') change = () => ({ data: { lifecycleStage: value as Schemas['LifecycleStage'] } });
    else {
      const tag = value.trim();
      if (!tag) {
        setError(t('validation.required'));
        input.current?.focus();
        return;
      }
      // Only contacts without the tag change; the version seen guards against overwriting someone's new tags.
      change = (c) =>
        c?.tags.includes(tag) ? null : { data: { tags: [...(c?.tags ?? []), tag] }, ifVersion: c?.version };
    }
    const controller = new AbortController();
    abort.current = controller;
    setProgress('');
    const step = (done: number, count: number) => setProgress(t('table.progress', { done, count }));
    try {
      onDone(await applyBulk(client, target, records, change, batch, controller.signal, step));
    } catch (e) {
      // Listing the matching records failed or was cancelled: nothing changed.
      onDone(null, controller.signal.aborted ? undefined : (e as Error).message);
    }
  };

  // While the action runs, Cancel (and Escape) stop it after the batch in flight; the report then tells what changed.
  const cancel = () => (abort.current ? abort.current.abort() : onClose());
  const busy = progress !== undefined;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && cancel()}
      title={title}
      description={description}
      size="sm"
      initialFocus={action === 'tag' ? input : undefined}
      footer={
        <>
          <Button onClick={cancel}>{t('action.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} loading={busy}>
            {t('action.apply')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        {action === 'owner' && (
          <Select
            label={t('field.owner')}
            placeholder={t('field.unassigned')}
            options={ownerOptions}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        {action === 'stage' && (
          <Select
            label={t('field.lifecycleStage')}
            options={stages}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        {action === 'tag' && (
          <TextField
            ref={input}
            label={t('table.tag')}
            required
            maxLength={64}
            value={value}
            error={error}
            onChange={(e) => {
              setValue(e.target.value);
              setError(undefined);
            }}
          />
        )}
      </form>
      {/* In the dialog: screen readers may ignore live regions outside a modal dialog. */}
      <p role="status" className="crm-ct-progress">
        {progress}
      </p>
    </Dialog>
  );
}

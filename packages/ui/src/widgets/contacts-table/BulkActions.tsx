import type { RecordOf, Schemas } from '@crmkit/client';
import { crmKeys, useCapabilities, useCrm, useList } from '@crmkit/react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useAnnounce, useT } from '../../context.js';
import { Button } from '../../primitives/Button.js';
import { Dialog } from '../../primitives/Dialog.js';
import { Select, TextField } from '../../primitives/Field.js';
import { Icon } from '../../primitives/Icon.js';
import { IconButton } from '../../primitives/IconButton.js';
import { contactName } from '../shared/names.js';
import { applyBulk, type BulkChange, type BulkFailure } from './bulk.js';
import { stageLabel } from './cells.js';

type Contact = RecordOf<'contacts'>;
type Action = 'owner' | 'tag' | 'stage';
const STAGES: Schemas['LifecycleStage'][] = ['potential', 'active', 'loyal', 'lost'];

/** Props of {@link BulkActions}. */
export interface BulkActionsProps {
  selectedIds: string[];
  /** The last seen copy of every contact that was on screen (selected rows included). */
  records: ReadonlyMap<string, Contact>;
  /** Clears the selection, or keeps only `ids` selected (the failed ones, to retry). */
  onSelectionChange: (ids: string[]) => void;
  schema: Schemas['WorkspaceSchema'] | undefined;
  users: { id: string; name: string }[];
}

interface Report {
  updated: number;
  failed: (BulkFailure & { name: string })[];
}

/**
 * The bar shown while rows are selected: assign an owner, add a tag or change the lifecycle stage of every selected
 * contact (batches of 100), then a report of what changed and what could not, per record.
 */
export function BulkActions({ selectedIds, records, onSelectionChange, schema, users }: BulkActionsProps) {
  const t = useT();
  const announce = useAnnounce();
  const { client, locale } = useCrm();
  const queryClient = useQueryClient();
  const batch = useCapabilities()?.batch !== false;
  const [action, setAction] = useState<Action | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const count = selectedIds.length;
  const reportRef = useRef<HTMLDivElement>(null);
  // The bar and the dialog's opener are gone after an action: focus moves to its report instead of the page body.
  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);

  const apply = async (change: BulkChange) => {
    const result = await applyBulk(client, selectedIds, records, change, batch);
    await queryClient.invalidateQueries({ queryKey: crmKeys.resource('contacts') });
    const failed = result.failed.map((f) => ({ ...f, name: contactName(records.get(f.id) ?? {}) }));
    setReport({ updated: result.updated.length, failed });
    announce(
      failed.length
        ? `${t('table.updated', { count: result.updated.length })}. ${t('table.updateFailed', { count: failed.length })}`
        : t('table.updated', { count: result.updated.length }),
      failed.length ? 'assertive' : 'polite',
    );
    onSelectionChange(failed.map((f) => f.id));
    setAction(null);
  };

  return (
    <>
      {count > 0 && (
        <div className="crm-ct-bulk" role="toolbar" aria-label={t('table.bulkActions')}>
          <span className="crm-ct-bulk-count">{t('table.selected', { count })}</span>
          <span className="crm-ct-bulk-actions">
            <Button size="sm" icon="user" onClick={() => setAction('owner')}>
              {t('table.assignOwner')}
            </Button>
            <Button size="sm" icon="tag" onClick={() => setAction('tag')}>
              {t('table.addTag')}
            </Button>
            <Button size="sm" icon="refresh" onClick={() => setAction('stage')}>
              {t('table.changeLifecycleStage')}
            </Button>
          </span>
          <Button
            size="sm"
            variant="ghost"
            icon="x"
            className="crm-ct-bulk-clear"
            onClick={() => onSelectionChange([])}
          >
            {t('table.clearSelection')}
          </Button>
        </div>
      )}
      {report && (
        <div
          ref={reportRef}
          tabIndex={-1}
          className="crm-ct-report"
          data-tone={report.failed.length ? 'danger' : 'success'}
          role={report.failed.length ? 'alert' : 'status'}
        >
          <Icon name={report.failed.length ? 'alert' : 'check'} />
          <div className="crm-ct-report-body">
            <p className="crm-ct-report-title">
              {report.updated > 0 && t('table.updated', { count: report.updated })}
              {report.updated > 0 && report.failed.length > 0 && ' · '}
              {report.failed.length > 0 && t('table.updateFailed', { count: report.failed.length })}
            </p>
            {report.failed.length > 0 && (
              <ul className="crm-ct-report-list">
                {report.failed.slice(0, 20).map((f) => (
                  <li key={f.id}>
                    <strong>{f.name}</strong>: {f.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <IconButton icon="x" size="sm" aria-label={t('action.close')} onClick={() => setReport(null)} />
        </div>
      )}
      {action && (
        <BulkDialog
          action={action}
          count={count}
          users={users}
          stageOptions={STAGES.map((s) => ({ value: s, label: stageLabel(s, { t, locale, schema }) }))}
          onClose={() => setAction(null)}
          onApply={apply}
        />
      )}
    </>
  );
}

function BulkDialog({
  action,
  count,
  users,
  stageOptions,
  onClose,
  onApply,
}: {
  action: Action;
  count: number;
  users: { id: string; name: string }[];
  stageOptions: { value: string; label: string }[];
  onClose: () => void;
  onApply: (change: BulkChange) => Promise<void>;
}) {
  const t = useT();
  const formId = useId();
  const [value, setValue] = useState(action === 'stage' ? 'active' : '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
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
    if (busy) return;
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
    setBusy(true);
    try {
      await onApply(change);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !busy && onClose()}
      title={title}
      description={t('table.appliesTo', { count })}
      size="sm"
      initialFocus={action === 'tag' ? input : undefined}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('action.cancel')}
          </Button>
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
            options={stageOptions}
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
    </Dialog>
  );
}

/** The workspace's users, for owner names and the owner picker. */
export function useUsers() {
  const { items } = useList('users', { limit: 200 });
  return useMemo(() => {
    const list = (items as { id: string; name: string }[]).map((u) => ({ id: u.id, name: u.name }));
    return { list, names: new Map(list.map((u) => [u.id, u.name])) };
  }, [items]);
}

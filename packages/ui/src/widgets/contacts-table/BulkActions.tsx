import type { RecordOf } from '@crmkit/client';
import { crmKeys } from '@crmkit/react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { useEntityLabel } from '../../context/labels.js';
import { Button } from '../../primitives/Button.js';
import * as icons from '../../primitives/icons.js';
import type { BulkDialogProps } from './dialogs/BulkDialog.js';
import type { Report } from './dialogs/BulkReport.js';
import type { BulkResult, BulkTarget } from './dialogs/bulk.js';
import { BulkDialog, BulkReport } from './dialogs/lazy.js';

/** Props of {@link BulkActions}. */
export interface BulkActionsProps {
  /** The selected ids, or every record of a list query but some (all matching the filter are selected). */
  target: BulkTarget;
  /** How many records `target` holds (`undefined`: all matching, too many to count). */
  count: number | undefined;
  /** The last seen copy of every contact that was on screen (selected rows included). */
  records: ReadonlyMap<string, RecordOf<'contacts'>>;
  /** Clears the selection, or keeps only `ids` selected (the failed and the cancelled ones, to retry). */
  onSelectionChange: (ids: string[]) => void;
  users: { id: string; name: string }[];
  /** The lifecycle stages, labelled. */
  stages: { value: string; label: string }[];
}

/**
 * The bar shown while rows are selected: assign an owner, add a tag or change the lifecycle stage of every selected
 * contact (or every one matching the filter, listed when the action starts) in batches of 100, with progress
 * announced and Cancel stopping further batches; then a report of what changed and what could not, per record.
 */
export function BulkActions({ target, count, records, onSelectionChange, users, stages }: BulkActionsProps) {
  const t = useT();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<BulkDialogProps['action'] | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const all = t('table.allMatchingSelectedAny', { entities: useEntityLabel('contact', 'plural').toLocaleLowerCase() });

  const done = async (result: BulkResult | null, error?: string) => {
    setAction(null);
    // Nothing changed (cancelled, or the matching records could not be listed): the selection stays.
    if (!result) return error ? setReport({ updated: 0, failed: [], stopped: error }) : announce(t('table.cancelled'));
    const { updated, failed, skipped } = result;
    await queryClient.invalidateQueries({ queryKey: crmKeys.resource('contacts') });
    const stopped = skipped.length ? t('table.cancelled') : undefined;
    setReport({ updated: updated.length, failed, stopped });
    announce(
      [
        t('table.updated', { count: updated.length }),
        failed.length && t('table.updateFailed', { count: failed.length }),
        stopped,
      ]
        .filter(Boolean)
        .join('. '),
      failed.length ? 'assertive' : 'polite',
    );
    onSelectionChange([...failed.map((f) => f.id), ...skipped]);
  };

  return (
    <>
      {count !== 0 && (
        <div className="crm-ct-bulk" role="toolbar" aria-label={t('table.bulkActions')}>
          <span className="crm-ct-bulk-count">{count === undefined ? all : t('table.selected', { count })}</span>
          <span className="crm-ct-bulk-actions">
            <Button size="sm" icon={icons.user} onClick={() => setAction('owner')}>
              {t('table.assignOwner')}
            </Button>
            <Button size="sm" icon={icons.tag} onClick={() => setAction('tag')}>
              {t('table.addTag')}
            </Button>
            <Button size="sm" icon={icons.refresh} onClick={() => setAction('stage')}>
              {t('table.changeLifecycleStage')}
            </Button>
          </span>
          <Button
            size="sm"
            variant="ghost"
            icon={icons.x}
            className="crm-ct-bulk-clear"
            onClick={() => onSelectionChange([])}
          >
            {t('table.clearSelection')}
          </Button>
        </div>
      )}
      {report && (
        <Suspense>
          <BulkReport report={report} onClose={() => setReport(null)} />
        </Suspense>
      )}
      {action && (
        <Suspense>
          <BulkDialog
            action={action}
            description={count === undefined ? all : t('table.appliesTo', { count })}
            target={target}
            records={records}
            users={users}
            stages={stages}
            onClose={() => setAction(null)}
            onDone={done}
          />
        </Suspense>
      )}
    </>
  );
}

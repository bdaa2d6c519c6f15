import { useEffect, useRef } from 'react';
import { useMessages } from '../../../context/i18n.js';
import { Icon } from '../../../primitives/Icon.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import { serverErrorText } from '../../shared/editing/server-errors.js';
import type { BulkFailure } from './bulk.js';

/** What a bulk action did. */
export interface Report {
  updated: number;
  failed: BulkFailure[];
  /** Cancelled before every batch was sent, or the matching records could not be listed (the reason). */
  stopped?: string;
}

/**
 * The report after a bulk action: how many records changed, which could not (with the server's reason) and whether
 * it was stopped (reasons in the user's language where the server gave a code). It takes the focus: the bar and the dialog's opener are gone after an action, and focus must not
 * fall to the page body. Loaded with the dialogs (see `lazy.ts`): it only ever shows after one of them ran.
 */
export function BulkReport({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t, messages } = useMessages();
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new report (after another action) takes the focus again
  useEffect(() => {
    ref.current?.focus();
  }, [report]);
  const bad = report.failed.length > 0 || !!report.stopped;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="crm-ct-report"
      data-tone={bad ? 'danger' : 'success'}
      role={bad ? 'alert' : 'status'}
    >
      <Icon icon={bad ? icons.alert : icons.check} />
      <div className="crm-ct-report-body">
        <p className="crm-ct-report-title">
          {[
            (report.updated > 0 || !bad) && t('table.updated', { count: report.updated }),
            report.failed.length > 0 && t('table.updateFailed', { count: report.failed.length }),
            report.stopped,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {report.failed.length > 0 && (
          <ul className="crm-ct-report-list">
            {report.failed.slice(0, 20).map((f) => (
              <li key={f.id}>
                <strong>{f.name}</strong>: {f.error ? serverErrorText(t, messages, f.error) : f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <IconButton icon={icons.x} size="sm" aria-label={t('action.close')} onClick={onClose} />
    </div>
  );
}

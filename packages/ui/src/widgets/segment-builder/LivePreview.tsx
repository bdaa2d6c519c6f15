import type { SegmentFilter, SegmentResource } from '@crmkit/client';
import { useSegmentPreview } from '@crmkit/react';
import { useEffect, useId, useState } from 'react';
import { useMessages } from '../../context/i18n.js';
import { Spinner } from '../../primitives/Spinner.js';
import { memberName } from '../shared/segments/resources.js';

/** How long the filter must stay unchanged before it is counted (each keystroke would otherwise be a request). */
const DEBOUNCE_MS = 300;

/** `value`, once it has not changed for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Props of {@link LivePreview}. */
interface LivePreviewProps {
  resource: SegmentResource;
  /** The complete conditions (null: none yet). */
  filter: SegmentFilter | null;
  /** The lower-case plural of the resource's entity ("members"). */
  entities: string;
  sample: number;
  /** Called with the failure of the preview of the filter shown now (its validation errors go on rows). */
  onError: (error: unknown, filter: SegmentFilter) => void;
  onOpenRecord?: (record: { resource: SegmentResource; id: string }) => void;
}

/**
 * How many records the filter selects now, and a few of them — counted again a moment after each edit. While a new
 * count is on its way the previous one stays, marked as counting; an older answer never replaces a newer one (each
 * filter is its own query; only the one shown now is read).
 */
export function LivePreview({ resource, filter, entities, sample, onError, onOpenRecord }: LivePreviewProps) {
  const { t } = useMessages();
  const id = useId();
  const settled = useSettled(filter, DEBOUNCE_MS);
  const request = settled ? { resource, filter: settled, sample } : null;
  const preview = useSegmentPreview(request);
  const counting = !!filter && (settled !== filter || preview.isFetching);
  const data = filter ? preview.data : undefined;

  useEffect(() => {
    if (preview.error && settled) onError(preview.error, settled);
  }, [preview.error, settled, onError]);

  let count: string;
  if (!filter) count = t('segments.noConditions');
  else if (!data) count = preview.error && !counting ? t('segments.countFailed') : t('segments.counting');
  else {
    const { value, exact } = data.count;
    count = exact
      ? t('segments.matches', { count: value, entities })
      : t('segments.matchesAbout', { count: value, entities });
  }

  return (
    <section className="crm-sb-preview" aria-labelledby={`${id}-count`} aria-busy={counting || undefined}>
      <p id={`${id}-count`} className="crm-sb-count" role="status" data-stale={(counting && !!data) || undefined}>
        <span className="crm-sb-count-value">{count}</span>
        {counting && data && (
          <span className="crm-sb-counting">
            <Spinner decorative size={14} />
            {t('segments.counting')}
          </span>
        )}
      </p>
      {data && data.sample.length > 0 && (
        <ul className="crm-sb-sample" aria-label={t('segments.sample')}>
          {data.sample.map((member) => {
            const name = memberName(resource, member);
            return (
              <li key={member.id}>
                {onOpenRecord ? (
                  <button
                    type="button"
                    className="crm-sb-member"
                    onClick={() => onOpenRecord({ resource, id: member.id })}
                  >
                    {name}
                  </button>
                ) : (
                  name
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

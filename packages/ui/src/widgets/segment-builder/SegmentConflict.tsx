import type { Segment, SegmentFilter, SegmentResource } from '@crmkit/client';
import type { Conflict } from '@crmkit/react';
import { useT } from '../../context/i18n.js';
import { ConflictDialog } from '../shared/editing/ConflictDialog.js';
import { FilterView } from '../shared/filters/FilterView.js';
import { ENTITY_OF } from '../shared/segments/resources.js';
import { useResourceLabels } from '../shared/segments/useResourceLabels.js';

/** What a segment's prompt compares, in this order: whatever of these either person changed. */
const FIELDS = ['name', 'resource', 'filter'];

/**
 * The prompt for saving a segment someone else changed meanwhile (412): its name, what it selects from and its
 * conditions (as sentences) — the user's and the stored ones — with keep mine (saved again on the stored version) or
 * take theirs (the form shows the stored segment). Loaded lazily by SegmentBuilder when a conflict happens.
 */
export function SegmentConflict({ conflict }: { conflict: Conflict<Segment> }) {
  const t = useT();
  const resources = useResourceLabels();
  const labels: Record<string, string> = {
    name: t('segments.name'),
    resource: t('segments.resource'),
    filter: t('segments.conditions'),
  };
  const mine = conflict.mine as Partial<Segment>;
  const show = (key: string, value: unknown) => {
    if (key === 'resource') return resources[value as SegmentResource] ?? String(value);
    if (key !== 'filter') return String(value ?? '');
    const resource = mine.resource ?? conflict.theirs.resource;
    return <FilterView entity={ENTITY_OF[resource]} filter={value as SegmentFilter} label={labels.filter!} />;
  };
  return <ConflictDialog conflict={conflict} fields={FIELDS} label={(key) => labels[key] ?? key} show={show} />;
}

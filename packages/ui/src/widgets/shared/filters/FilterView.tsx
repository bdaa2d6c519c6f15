import { useMemo } from 'react';
import type { EntityName } from '../../../context/labels.js';
import { FilterEditor } from './FilterEditor.js';
import { codecOf, useFilterFields } from './fields.js';
import { draftOf, type FilterTree } from './tree.js';

const unchanged = () => undefined;

/**
 * A saved filter tree as {@link FilterEditor} shows it to a viewer: its conditions as sentences in their groups, with
 * no controls (e.g. each side of a conflict prompt).
 *
 * @example
 * <FilterView entity="contact" filter={segment.filter} label={t('segments.conditions')} />
 */
export function FilterView({ entity, filter, label }: { entity: EntityName; filter: FilterTree; label: string }) {
  const fields = useFilterFields(entity);
  const draft = useMemo(
    () => draftOf(filter, (name) => codecOf(fields.find((f) => f.name === name))),
    [filter, fields],
  );
  return <FilterEditor entity={entity} value={draft} onChange={unchanged} label={label} readOnly />;
}

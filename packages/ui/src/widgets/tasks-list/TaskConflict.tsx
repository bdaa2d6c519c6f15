import type { RecordOf } from '@crmkit/client';
import { type Conflict, useFormat } from '@crmkit/react';
import { useT } from '../../context/i18n.js';
import { ConflictDialog } from '../shared/editing/ConflictDialog.js';

type Activity = RecordOf<'activities'>;

/** What a task's prompt compares, in this order: whatever of these either person changed. */
const FIELDS = ['completedAt', 'dueAt', 'assigneeId'];

/**
 * The prompt for a completion, snooze or reassignment of a task someone else changed meanwhile (412): status, due time
 * and assignee — the user's and the stored ones — with keep mine (saved again on the stored version) or take theirs.
 * Loaded lazily by TasksList when a conflict happens.
 */
export function TaskConflict({ conflict, names }: { conflict: Conflict<Activity>; names: Map<string, string> }) {
  const t = useT();
  const f = useFormat();
  const labels: Record<string, string> = {
    completedAt: t('tasks.field.status'),
    dueAt: t('tasks.field.due'),
    assigneeId: t('tasks.field.assignee'),
  };
  const show = (key: string, value: unknown) => {
    if (key === 'completedAt') return t(value ? 'tasks.status.done' : 'tasks.status.open');
    if (key === 'dueAt') return value ? f.dateTime(String(value), 'short') : t('tasks.noDue');
    return value ? (names.get(String(value)) ?? String(value)) : t('tasks.unassigned');
  };
  return <ConflictDialog conflict={conflict} fields={FIELDS} label={(key) => labels[key] ?? key} show={show} />;
}

import type { RecordOf } from '@crmkit/client';
import { useCrm, useFormat } from '@crmkit/react';
import { useId } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { Badge } from '../../primitives/Badge.js';
import { Checkbox } from '../../primitives/Field.js';
import { Icon } from '../../primitives/Icon.js';
import { IconButton } from '../../primitives/IconButton.js';
import * as icons from '../../primitives/icons.js';
import { Menu, MenuItem } from '../../primitives/Menu.js';
import type { WorkspaceUser } from '../shared/lists/useUsers.js';
import { SNOOZE_CHOICES, snoozeUntil } from './snooze.js';

type Activity = RecordOf<'activities'>;

/** Props of {@link TaskRow}. */
export interface TaskRowProps {
  task: Activity;
  now: Date;
  /** Users' names by id. */
  names: Map<string, string>;
  /** Who the task may be reassigned to. */
  assignable: WorkspaceUser[];
  /** The user may complete, snooze and reassign (else the row is read-only). */
  canEdit: boolean;
  onComplete: (task: Activity, done: boolean) => void;
  onChange: (task: Activity, patch: { dueAt?: string; assigneeId?: string }) => void;
  /** Opens the record the task is about (shown when the task has one). */
  onOpen: ((task: Activity) => void) | undefined;
}

/**
 * One open task: a checkbox completing it, the subject, due time (overdue marked), assignee, and the snooze and
 * reassign menus; read-only without `canEdit`.
 */
export function TaskRow({ task, now, names, assignable, canEdit, onComplete, onChange, onOpen }: TaskRowProps) {
  const t = useT();
  const f = useFormat();
  const { timeZone } = useCrm();
  const announce = useAnnounce();
  const id = useId();
  const subject = task.subject?.trim() || t('tasks.untitled');
  const done = !!task.completedAt;
  const overdue = !done && !!task.dueAt && new Date(task.dueAt).getTime() < now.getTime();
  const assignee = task.assigneeId ? (names.get(task.assigneeId) ?? '') : t('tasks.unassigned');
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const related = task.contactId || task.dealId || task.companyId || task.ticketId;
  return (
    <li
      // Focus lands here for a read-only row (see useRowFocus).
      tabIndex={-1}
      className="crm-list-row crm-tl-row"
      aria-labelledby={`${id}-subject`}
      data-done={done || undefined}
      data-overdue={overdue || undefined}
    >
      {canEdit ? (
        <Checkbox
          className="crm-tl-check"
          hideLabel
          data-primary
          label={t(done ? 'tasks.completed' : 'tasks.complete', { subject })}
          checked={done}
          onChange={(e) => onComplete(task, e.target.checked)}
        />
      ) : (
        <span className="crm-tl-bullet" aria-hidden="true">
          <Icon icon={icons.task} />
        </span>
      )}
      <div className="crm-tl-content">
        <p id={`${id}-subject`} className="crm-tl-subject">
          {subject}
        </p>
        <p className="crm-list-meta crm-tl-meta">
          {overdue && (
            <Badge tone="danger" icon={icons.alert}>
              {t('tasks.overdue')}
            </Badge>
          )}
          <span>
            <Icon icon={icons.calendar} />
            {task.dueAt ? (
              <time dateTime={task.dueAt}>{t('tasks.due', { date: f.dateTime(task.dueAt, 'short') })}</time>
            ) : (
              t('tasks.noDue')
            )}
          </span>
          <span>
            <Icon icon={icons.user} />
            {assignee}
          </span>
        </p>
      </div>
      <div className="crm-tl-actions">
        {onOpen && related && (
          <IconButton
            size="sm"
            icon={icons.chevronRight}
            aria-label={`${t('tasks.open')}: ${subject}`}
            onClick={() => onOpen(task)}
          />
        )}
        {canEdit && !done && (
          <>
            <Menu trigger={<IconButton size="sm" icon={icons.clock} aria-label={t('tasks.snooze', { subject })} />}>
              {SNOOZE_CHOICES.map((choice) => (
                <MenuItem
                  key={choice}
                  onSelect={() => {
                    const until = snoozeUntil(choice, now, zone);
                    onChange(task, { dueAt: until.toISOString() });
                    announce(t('tasks.snoozed', { date: f.dateTime(until, 'short') }));
                  }}
                >
                  {t(`tasks.snooze.${choice}`)}
                </MenuItem>
              ))}
            </Menu>
            <Menu
              placement="bottom-end"
              trigger={<IconButton size="sm" icon={icons.user} aria-label={t('tasks.reassign', { subject })} />}
            >
              {assignable.map((user) => (
                <MenuItem
                  key={user.id}
                  icon={user.id === task.assigneeId ? icons.check : undefined}
                  onSelect={() => {
                    if (user.id === task.assigneeId) return;
                    onChange(task, { assigneeId: user.id });
                    announce(t('tasks.reassigned', { name: user.name }));
                  }}
                >
                  {user.name}
                </MenuItem>
              ))}
            </Menu>
          </>
        )}
      </div>
    </li>
  );
}

'use client';

import { TasksList } from '@crmkit/ui/tasks-list';
import { useOpenRecord } from './useOpenRecord';

/**
 * crmkit's TasksList as the front desk's to-do list: the signed-in staff member's tasks and reminders (the touch
 * plan's calls among them) by mine / overdue / today / upcoming, completed, snoozed and reassigned in place; a task
 * opens the member, renewal or request it is about.
 */
export function ClubTasks() {
  const openRecord = useOpenRecord();
  return <TasksList onOpenRecord={(target) => void openRecord(target)} pageSize={25} />;
}

'use client';

import { NotificationsMenu } from '@crmkit/ui/notifications-menu';
import { useOpenRecord } from './useOpenRecord';

/**
 * crmkit's NotificationsMenu as the bell in the club's header: reminders and tasks that came due, alerts and failed
 * automations of the signed-in staff member, live; one opens what it is about. On a light disc, so the widget's
 * ghost button reads on the dark header.
 */
export function ClubNotifications() {
  const openRecord = useOpenRecord();
  return (
    <div className="rounded-full bg-white shadow-sm">
      <NotificationsMenu onOpenRecord={(target) => void openRecord(target)} />
    </div>
  );
}

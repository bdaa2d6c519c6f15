import type { Schemas } from '@crmkit/client';

/** The record a notification is about: `{ resource: 'activities', id }` for a reminder or a task that came due. */
export interface NotificationTarget {
  resource: string;
  id: string;
}

/** Opens the record a notification is about (the host routes to it). */
export type OpenRecord = (target: NotificationTarget, notification: Schemas['Notification']) => void;

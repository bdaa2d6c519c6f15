'use client';

import { useCrm } from '@crmkit/react';
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';

/** A CRM record a widget asks the club to open: a task's member, renewal or request, a notification's subject. */
export interface RecordRef {
  resource: string;
  id: string;
}

/**
 * The club's routes for CRM records, for the widgets' `onOpenRecord`: a member opens their card, a renewal its
 * member's card, a request the requests inbox with it open, a reminder or task the record it is about (else the task
 * list), a rule the rules page. The widgets never navigate; they call back and the club routes.
 *
 * @example
 * const openRecord = useOpenRecord();
 * <TasksList onOpenRecord={openRecord} />
 */
export function useOpenRecord() {
  const router = useRouter();
  const { client } = useCrm();
  return useCallback(
    async function open({ resource, id }: RecordRef): Promise<void> {
      switch (resource) {
        case 'contacts':
          return router.push(`/members/${id}`);
        case 'deals': {
          const member = (await client.deals.get(id)).contactIds[0];
          return router.push(member ? `/members/${member}` : '/renewals');
        }
        case 'tickets':
          return router.push(`/requests?ticket=${encodeURIComponent(id)}`);
        case 'activities': {
          const task = await client.activities.get(id);
          const about = task.contactId
            ? { resource: 'contacts', id: task.contactId }
            : task.dealId
              ? { resource: 'deals', id: task.dealId }
              : task.ticketId
                ? { resource: 'tickets', id: task.ticketId }
                : undefined;
          return about ? open(about) : router.push('/tasks');
        }
        default:
          return router.push('/tasks');
      }
    },
    [router, client],
  );
}

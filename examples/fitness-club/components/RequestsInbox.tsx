'use client';

import { TicketInbox } from '@crmkit/ui/ticket-inbox';
import { useRouter } from 'next/navigation';

/**
 * crmkit's TicketInbox as the front desk's members' requests (freezes, plan changes, lockers, refunds…), named
 * "Requests" from the workspace schema. The queue opens on the desk's own requests; the requester panel's Open goes to
 * the member's card — the club routes, the widget only calls back.
 */
export function RequestsInbox() {
  const router = useRouter();
  return <TicketInbox onOpenContact={(id) => router.push(`/members/${id}`)} style={{ height: 'min(78vh, 760px)' }} />;
}

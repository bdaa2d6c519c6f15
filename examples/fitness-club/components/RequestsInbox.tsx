'use client';

import { TicketInbox } from '@crmkit/ui/ticket-inbox';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/**
 * crmkit's TicketInbox as the front desk's members' requests (freezes, plan changes, lockers, refunds…), named
 * "Requests" from the workspace schema. The queue opens on the desk's own requests — with `ticketId` open, when a
 * task or notification linked here —; the requester panel's Open goes to the member's card — the club routes, the
 * widget only calls back.
 */
export function RequestsInbox({ ticketId }: { ticketId?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState<string | null>(ticketId ?? null);
  return (
    <TicketInbox
      ticketId={open}
      onOpenTicket={setOpen}
      onCloseTicket={() => setOpen(null)}
      onOpenContact={(id) => router.push(`/members/${id}`)}
      style={{ height: 'min(78vh, 760px)' }}
    />
  );
}

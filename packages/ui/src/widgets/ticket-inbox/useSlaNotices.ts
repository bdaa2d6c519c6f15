import type { CrmEvent } from '@crmkit/client';
import { useCapabilities, useCrm } from '@crmkit/react';
import { useEffect, useRef, useState } from 'react';
import type { Ticket } from './common/labels.js';

/** One in-widget notice: tickets that entered the agent's queues at risk or breached. */
export interface SlaNotice {
  kind: 'atRisk' | 'breached';
  tickets: { id: string; number: number }[];
}

/** How long warnings and breaches are gathered into one notice. */
const GATHER_MS = 1500;

/**
 * SLA warnings and breaches of tickets in the agent's queues (theirs, their teams', or unassigned), from the change
 * feed: each ticket raises a notice once per state for the life of the widget, and an event storm within 1.5 s is one
 * notice ("5 tickets breached their SLA"), never one per event.
 */
export function useSlaNotices(me: { id: string; teamIds: string[] } | null | undefined, enabled: boolean) {
  const { client } = useCrm();
  const feed = useCapabilities()?.events;
  const [notice, setNotice] = useState<SlaNotice | null>(null);
  const seen = useRef(new Set<string>());
  useEffect(() => {
    if (!enabled || !feed || !me) return;
    const buffer: Record<SlaNotice['kind'], SlaNotice['tickets']> = { atRisk: [], breached: [] };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const kind = buffer.breached.length ? 'breached' : 'atRisk';
      const tickets = buffer[kind].splice(0);
      if (kind === 'breached') buffer.atRisk.splice(0);
      if (tickets.length) setNotice({ kind, tickets });
    };
    const mine = (t: Ticket) =>
      t.assigneeId === me.id || t.assigneeId === null || (t.teamId !== null && me.teamIds.includes(t.teamId));
    const stop = client.events.subscribe(
      (event: CrmEvent) => {
        const ticket = event.data as unknown as Ticket;
        const kind = event.type === 'ticket.sla.breached' ? 'breached' : 'atRisk';
        const key = `${kind}:${event.resourceId}`;
        if (seen.current.has(key) || !mine(ticket)) return;
        seen.current.add(key);
        buffer[kind].push({ id: event.resourceId, number: ticket.number });
        timer ??= setTimeout(flush, GATHER_MS);
      },
      { types: ['ticket.sla.warning', 'ticket.sla.breached'] },
    );
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [client, feed, me, enabled]);
  return { notice, dismiss: () => setNotice(null) };
}

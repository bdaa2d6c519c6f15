import type { RecordOf } from '@crmkit/client';
import { type BusinessCalendar, type SlaClock, slaClock } from '@crmkit/core/tickets';
import { localize, useCrm, useSchema } from '@crmkit/react';
import { useCallback, useMemo } from 'react';
import type { Translate } from '../../../i18n/translate.js';
import * as icons from '../../../primitives/icons.js';

export type Ticket = RecordOf<'tickets'>;
export type Message = import('@crmkit/client').Schemas['TicketMessage'];

type Labelled = { key: string; label: { en: string } & Record<string, string> }[] | undefined;

/**
 * The workspace's labels of ticket statuses, priorities and channels in the provider's locale (from the schema; the
 * key itself while it loads), and the SLA clock of a ticket with its policy's warning window and calendar.
 */
export function useTicketFacts() {
  const { locale } = useCrm();
  const schema = useSchema().data;
  const label = useCallback(
    (list: Labelled, key: string) => {
      const hit = list?.find((x) => x.key === key);
      return hit ? localize(hit.label, locale) : key;
    },
    [locale],
  );
  const policies = useMemo(() => {
    const calendars = new Map((schema?.businessCalendars ?? []).map((c) => [c.id, c as BusinessCalendar]));
    const always = (zone: string): BusinessCalendar => ({ id: '24x7', timeZone: zone, weeklyHours: [], holidays: [] });
    return new Map(
      (schema?.slaPolicies ?? []).map((p) => [
        p.id,
        {
          warnBeforeMinutes: p.warnBeforeMinutes,
          calendar: calendars.get(p.calendarId) ?? always(schema?.workspace.timeZone ?? 'UTC'),
        },
      ]),
    );
  }, [schema]);
  return {
    schema,
    status: (key: string) => label(schema?.ticketStatuses as Labelled, key),
    priority: (key: string) => label(schema?.ticketPriorities as Labelled, key),
    channel: (key: string) => label(schema?.ticketChannels as Labelled, key),
    clock: (ticket: Ticket, now: Date): SlaClock | null => {
      if (!ticket.sla) return null;
      const policy = policies.get(ticket.sla.policyId) ?? {
        warnBeforeMinutes: 0,
        calendar: { id: '24x7', timeZone: 'UTC', weeklyHours: [], holidays: [] },
      };
      return slaClock(ticket.sla, ticket.status, policy, now);
    },
  };
}

/** A duration in business minutes as the agent reads it: `25 min`, `3 h 5 min`, `2 d 4 h` (business days of 24 h). */
export function duration(t: Translate, minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return t('inbox.time.minutes', { count: m });
  if (m < 1440) return t('inbox.time.hours', { h: Math.floor(m / 60), m: m % 60 });
  return t('inbox.time.days', { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
}

/** Statuses of tickets still to be worked on. */
export const OPEN_STATUSES = ['new', 'open', 'pending', 'on_hold'] as const;
export const PRIORITY_TONE = { low: 'neutral', normal: 'neutral', high: 'warning', urgent: 'danger' } as const;

/** The icon of the channel a ticket came in by (chat for any other). */
export function channelIcon(channel: Ticket['channel']): icons.IconPath {
  return channel === 'email' ? icons.mail : channel === 'phone' ? icons.phone : icons.chat;
}

import type { BusinessCalendar, SlaPolicy, TicketChannel, TicketPriority } from '@crmkit/spec';
import type { WorkspaceSettings } from '../../core/settings.js';

/** Minutes allowed per target; `null` = no target. */
export type SlaTargets = SlaPolicy['targets'][TicketPriority];

/** What applies to one ticket: the policy, its calendar and the targets of the ticket's priority. */
export interface SlaPlan {
  policy: SlaPolicy;
  calendar: BusinessCalendar;
  targets: SlaTargets;
}

/** The ticket attributes policies match on. */
export interface PolicySubject {
  priority: TicketPriority;
  channel: TicketChannel;
  teamId: string | null;
}

function matches(policy: SlaPolicy, t: PolicySubject): boolean {
  const { priorities, channels, teamIds } = policy.conditions;
  if (priorities && priorities.length > 0 && !priorities.includes(t.priority)) return false;
  if (channels && channels.length > 0 && !channels.includes(t.channel)) return false;
  if (teamIds && teamIds.length > 0 && (t.teamId === null || !teamIds.includes(t.teamId))) return false;
  return true;
}

/** The calendar a policy names; a missing one falls back to 24×7 in the workspace's time zone. */
export function calendarOf(settings: WorkspaceSettings, policy: SlaPolicy): BusinessCalendar {
  return (
    settings.businessCalendars.find((c) => c.id === policy.calendarId) ?? {
      id: policy.calendarId,
      name: '24×7',
      timeZone: settings.timeZone,
      weeklyHours: [],
      holidays: [],
    }
  );
}

/**
 * The plan of the first policy (by `position`) whose conditions match the ticket, or null when none does
 * or the matching policy sets no target for the ticket's priority.
 */
export function matchPolicy(settings: WorkspaceSettings, ticket: PolicySubject): SlaPlan | null {
  const policy = [...settings.slaPolicies].sort((a, b) => a.position - b.position).find((p) => matches(p, ticket));
  if (!policy) return null;
  const targets = policy.targets[ticket.priority];
  if (
    targets.firstResponseMinutes === null &&
    targets.nextResponseMinutes === null &&
    targets.resolutionMinutes === null
  )
    return null;
  return { policy, calendar: calendarOf(settings, policy), targets };
}

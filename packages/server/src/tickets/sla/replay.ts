import type { TicketStatus } from '@crmkit/spec';
import type { SlaPlan } from './policy.js';
import {
  agentReplied,
  customerWrote,
  retarget,
  STOPPED_STATUSES,
  type StoredSla,
  settle,
  startSla,
  summarize,
} from './state.js';

/** A message of a thread, as the SLA counts it. */
export interface ReplayedMessage {
  kind: 'reply' | 'note';
  authorType: 'user' | 'contact';
  createdAt: string;
}

/** What an SLA is rebuilt from: the ticket as it stands and its whole thread. */
export interface ReplayFacts {
  /** When the customer first asked (after a merge: the earliest of the merged tickets). */
  createdAt: string;
  status: TicketStatus;
  /** Business minutes the clocks already stood still (the stored clock's), added to every due time. */
  pausedMinutes: number;
  /** When the clocks stopped, if they stand still now. */
  pausedAt: string | null;
  /** The thread, oldest first. */
  messages: readonly ReplayedMessage[];
}

/**
 * An SLA rebuilt from a thread (after tickets were merged): the plan's targets from `createdAt`, pushed by the business
 * time paused so far, then each message in order — an agent's public reply answers (the first one is the first
 * response), a customer message starts a next-response cycle — with breaches flagged at the moment they happened, and
 * finally at `now`.
 *
 * @example
 * const sla = replaySla(plan, { createdAt, status: 'open', pausedMinutes: 0, pausedAt: null, messages }, now);
 */
export function replaySla(plan: SlaPlan, facts: ReplayFacts, now: Date): StoredSla {
  const sla = startSla(plan, facts.createdAt);
  if (facts.pausedMinutes > 0) {
    sla.clock.pausedMinutes = facts.pausedMinutes;
    retarget(sla, plan, facts.createdAt);
  }
  for (const m of facts.messages) {
    const at = new Date(m.createdAt);
    if (at.getTime() > now.getTime()) break;
    settle(sla, at);
    if (m.kind !== 'reply') continue;
    if (m.authorType === 'user') agentReplied(sla, at);
    else customerWrote(sla, plan, at);
  }
  settle(sla, now);
  if (STOPPED_STATUSES.has(facts.status)) sla.pausedAt = facts.pausedAt ?? now.toISOString();
  return summarize(sla, facts.status);
}

import type { SlaPolicy, Ticket, TicketPriority } from '@crmkit/spec';
import type { ApiRecord } from '../base/fixtures.js';
import { query, sleep } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

const PRIORITIES: TicketPriority[] = ['urgent', 'high', 'normal', 'low'];

/** Ticket attributes that a policy's conditions match, with a priority that has a target. */
function ticketFor(policy: SlaPolicy): { priority: TicketPriority; channel: string; teamId?: string } | null {
  const { priorities, channels, teamIds } = policy.conditions;
  const priority = PRIORITIES.filter((p) => !priorities?.length || priorities.includes(p)).find((p) => {
    const t = policy.targets[p];
    return t.firstResponseMinutes !== null || t.resolutionMinutes !== null;
  });
  if (!priority) return null;
  return { priority, channel: channels?.[0] ?? 'web', ...(teamIds?.[0] ? { teamId: teamIds[0] } : {}) };
}

const dueTimes = (sla: NonNullable<Ticket['sla']>) => [
  sla.firstResponseDueAt,
  sla.nextResponseDueAt,
  sla.resolutionDueAt,
];

export const slaChecks = [
  defineCheck({
    id: 'sla.tickets',
    area: 'sla',
    title: 'Tickets carry SLA state, paused while pending',
    level: 'full',
    capability: 'sla',
    rule: RULES.sla,
    async run(ctx) {
      if (!ctx.enabled('tickets')) return ctx.skip('the tickets module is switched off');
      const policies = [...ctx.schema.slaPolicies].sort((a, b) => a.position - b.position);
      const match = policies.map(ticketFor).find((t) => t !== null);
      if (!match)
        return ctx.skip(
          'the workspace has no SLA policy with a target (GET /v1/schema slaPolicies); configure one to verify',
        );
      const f = ctx.fixtures;
      const token = f.token();
      const contact = await f.contact();
      const ticket = await f.create('tickets', {
        subject: `sla ${token}`,
        status: 'open',
        requesterId: contact.id,
        ...match,
      });
      const sla = (ticket as unknown as Ticket).sla;
      if (!sla) return ctx.abort(`a ${match.priority} ${match.channel} ticket matching a policy has sla: null`);
      if (sla.status !== 'active' || sla.pausedAt !== null || sla.nextBreachAt === null) {
        ctx.fail(
          `a new open ticket has sla.status ${sla.status}, pausedAt ${sla.pausedAt}, nextBreachAt ${sla.nextBreachAt}`,
        );
      }
      const path = `/v1/tickets/${ticket.id}`;
      const pending = await ctx.api.patch(path, { status: 'pending' });
      ctx.requireStatus(pending, [200], 'PATCH status=pending');
      const paused = (pending.body as Ticket).sla;
      if (paused?.status !== 'paused' || !paused.pausedAt || paused.nextBreachAt !== null) {
        ctx.fail(
          `a pending ticket has sla.status ${paused?.status}, pausedAt ${paused?.pausedAt}, nextBreachAt ${paused?.nextBreachAt}; expected paused, a time, null`,
          pending,
        );
      }
      await sleep(1100);
      const later = await ctx.api.get(path);
      const still = (later.body as Ticket).sla;
      if (
        !still ||
        JSON.stringify(dueTimes(still)) !== JSON.stringify(dueTimes(paused ?? still)) ||
        still.status !== 'paused'
      ) {
        ctx.fail('the SLA of a pending ticket changed while it waited', later);
      }
      const reopened = await ctx.api.patch(path, { status: 'open' });
      ctx.requireStatus(reopened, [200], 'PATCH status=open');
      const active = (reopened.body as Ticket).sla;
      if (active?.status !== 'active' || active.pausedAt !== null || active.nextBreachAt === null) {
        ctx.fail(`a reopened ticket has sla.status ${active?.status}, pausedAt ${active?.pausedAt}`, reopened);
      } else {
        const before = dueTimes(sla);
        dueTimes(active).forEach((due, i) => {
          const was = before[i];
          if (due && was && Date.parse(due) < Date.parse(was))
            ctx.fail(`a due time moved earlier after the pause (${was} → ${due})`, reopened);
        });
      }
      const listed = await ctx.api.get(`/v1/tickets${query({ q: token, 'filter[slaStatus]': 'active' })}`);
      const ids = ((listed.body as { data?: ApiRecord[] })?.data ?? []).map((x) => x.id);
      if (listed.status === 200 && !ids.includes(ticket.id))
        ctx.fail('filter[slaStatus]=active does not list the active ticket', listed);
    },
  }),
];

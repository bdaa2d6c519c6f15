import type { AutomationDryRun, AutomationRule, AutomationRun, AutomationRunStep, Notification } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import type { ApiRecord } from '../base/fixtures.js';
import { type Exchange, query, sleep } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck, MISSING_ID } from './check.js';

type Page<T> = { data: T[]; nextCursor: string | null };

/** How long a check waits for the server to run a rule in the background. */
const RUN_WAIT_MS = 20_000;

/** A manual rule on contacts that adds `tag` (and notifies `notifyUserId`, when given). */
function manualRule(token: string, tag: string, notifyUserId?: string | null) {
  return {
    name: `conformance ${token}`,
    resource: 'contacts',
    trigger: { type: 'manual' },
    conditions: { field: 'firstName', op: 'eq', value: `Auto${token}` },
    steps: [
      { type: 'add_tag', tag },
      ...(notifyUserId
        ? [{ type: 'notify', to: { type: 'user', userId: notifyUserId }, message: `conformance ${token}` }]
        : []),
    ],
  };
}

/** Creates a rule, runs `fn`, and deletes the rule again. */
async function withRule<T>(
  ctx: CheckContext,
  body: object,
  fn: (rule: AutomationRule, created: Exchange) => Promise<T>,
): Promise<T> {
  const created = await ctx.api.post('/v1/automation-rules', body);
  ctx.requireStatus(created, [201], 'POST /v1/automation-rules');
  const rule = created.body as AutomationRule;
  try {
    return await fn(rule, created);
  } finally {
    await ctx.api.delete(`/v1/automation-rules/${rule.id}`).catch(() => null);
  }
}

/** A contact the manual rules' conditions match (`firstName` Auto<token>). */
const matchingContact = (ctx: CheckContext, token: string) =>
  ctx.fixtures.create('contacts', { firstName: `Auto${token}`, lastName: 'Conformance' });

/** Polls `fn` until it returns a value or the wait is over. */
async function eventually<T>(fn: () => Promise<T | null>): Promise<T | null> {
  const until = Date.now() + RUN_WAIT_MS;
  for (;;) {
    const value = await fn();
    if (value !== null || Date.now() > until) return value;
    await sleep(250);
  }
}

export const automationChecks = [
  defineCheck({
    id: 'automation.rules',
    area: 'automation',
    title: 'Automation rules: CRUD, enable/disable, and invalid rules refused with the part that is wrong',
    level: 'full',
    capability: 'automation',
    rule: RULES.automationRules,
    async run(ctx) {
      if (!ctx.enabled('contacts')) return ctx.skip('the contacts module is switched off');
      const token = ctx.fixtures.token();
      await withRule(ctx, manualRule(token, `t${token}`), async (rule, created) => {
        if (rule.enabled !== true || rule.stats?.runs !== 0 || rule.stats.failures !== 0) {
          ctx.fail(`a new rule has enabled ${rule.enabled}, stats ${JSON.stringify(rule.stats)}`, created);
        }
        const listed = await ctx.api.get(`/v1/automation-rules${query({ q: `conformance ${token}` })}`);
        if (ctx.expectStatus(listed, [200], 'GET /v1/automation-rules?q=')) {
          const ids = (listed.body as Page<AutomationRule>).data.map((r) => r.id);
          if (!ids.includes(rule.id)) ctx.fail('the list does not find the new rule by its name', listed);
        }
        const off = await ctx.api.patch(`/v1/automation-rules/${rule.id}`, { enabled: false });
        if (ctx.expectStatus(off, [200], 'PATCH enabled=false')) {
          const stored = (await ctx.api.get(`/v1/automation-rules/${rule.id}`)).body as AutomationRule;
          if (stored.enabled !== false || stored.version <= rule.version) {
            ctx.fail(
              `after PATCH enabled=false the rule has enabled ${stored.enabled}, version ${stored.version}`,
              off,
            );
          }
        }
      });
      const notDate = {
        ...manualRule(token, 'x'),
        trigger: { type: 'date', field: 'firstName', offsetDays: 0, repeat: 'yearly', at: '09:00' },
      };
      ctx.expectProblem(await ctx.api.post('/v1/automation-rules', notDate), [400], 'a date trigger on a text field', {
        errorPath: 'trigger.field',
      });
      const foreign = { ...manualRule(token, 'x'), trigger: { type: 'event', events: ['deal.created'] } };
      ctx.expectProblem(await ctx.api.post('/v1/automation-rules', foreign), [400], 'a deal event on a contact rule', {
        errorPath: 'trigger.events.0',
      });
      ctx.expectProblem(await ctx.api.get(`/v1/automation-rules/${MISSING_ID}`), [404], 'GET of an unknown rule');
    },
  }),
  defineCheck({
    id: 'automation.runs',
    area: 'automation',
    title: 'A manual run enrols once per occurrence, runs its steps, and logs the run and each step',
    level: 'full',
    capability: 'automation',
    rule: RULES.automationRuns,
    async run(ctx) {
      if (!ctx.enabled('contacts')) return ctx.skip('the contacts module is switched off');
      const token = ctx.fixtures.token();
      const tag = `t${token}`;
      const contact = await matchingContact(ctx, token);
      const other = await ctx.fixtures.create('contacts', { firstName: `Other${token}` });
      await withRule(ctx, manualRule(token, tag), async (rule) => {
        const path = `/v1/automation-rules/${rule.id}/run`;
        const body = { recordIds: [contact.id, other.id], occurrence: `conformance-${token}` };
        const first = await ctx.api.post(path, body);
        ctx.requireStatus(first, [202], `POST ${path}`);
        const runs = (first.body as { runs: { recordId: string; enrolled: boolean }[] }).runs;
        const enrolled = runs.filter((r) => r.enrolled).map((r) => r.recordId);
        if (enrolled.join() !== contact.id) {
          ctx.fail(
            `the run enrolled ${JSON.stringify(enrolled)}; only the record meeting the conditions should`,
            first,
          );
        }
        const again = await ctx.api.post(path, body);
        if (ctx.expectStatus(again, [202], `POST ${path} again, same occurrence`)) {
          const twice = (again.body as typeof first.body as { runs: { enrolled: boolean }[] }).runs.some(
            (r) => r.enrolled,
          );
          if (twice) ctx.fail('a second run with the same occurrence enrolled the record again', again);
        }
        const listPath = `/v1/automation-runs${query({ ruleId: rule.id })}`;
        const done = await eventually(async () => {
          const ex = await ctx.api.get(listPath);
          const list = (ex.body as Page<AutomationRun>)?.data ?? [];
          return list.some((r) => r.status === 'waiting' || r.status === 'running') ? null : { ex, list };
        });
        if (!done) return ctx.fail(`the run did not finish within ${RUN_WAIT_MS / 1000} s`);
        const mine = done.list.filter((r) => r.recordId === contact.id);
        if (done.list.length !== 1 || mine.length !== 1) {
          return ctx.fail(`the run log of the rule has ${done.list.length} runs; expected exactly one`, done.ex);
        }
        const run = mine[0]!;
        if (run.status !== 'completed') ctx.fail(`the run ended ${run.status}: ${run.error}`, done.ex);
        const stored = (await ctx.api.get(`/v1/contacts/${contact.id}`)).body as ApiRecord;
        if (!(stored.tags as string[] | undefined)?.includes(tag)) ctx.fail(`the run did not add tag ${tag}`);
        const steps = await ctx.api.get(`/v1/automation-runs/${run.id}/steps`);
        if (ctx.expectStatus(steps, [200], 'GET the steps of the run')) {
          const logged = (steps.body as Page<AutomationRunStep>).data;
          if (!logged.some((s) => s.path === '0' && s.type === 'add_tag' && s.outcome === 'done')) {
            ctx.fail('the step log lacks the add_tag step as done', steps);
          }
        }
        const byStatus = await ctx.api.get(`/v1/automation-runs${query({ ruleId: rule.id, status: 'failed' })}`);
        if (
          ctx.expectStatus(byStatus, [200], 'GET runs ?status=failed') &&
          (byStatus.body as Page<AutomationRun>).data.length
        ) {
          ctx.fail('?status=failed lists the completed run', byStatus);
        }
        const byRecord = await ctx.api.get(`/v1/automation-runs${query({ recordId: contact.id })}`);
        const found = (byRecord.body as Page<AutomationRun>)?.data?.some((r) => r.id === run.id);
        if (byRecord.status === 200 && !found) ctx.fail('?recordId= does not list the run of that record', byRecord);
        ctx.expectProblem(await ctx.api.get(`/v1/automation-runs/${MISSING_ID}`), [404], 'GET of an unknown run');
      });
    },
  }),
  defineCheck({
    id: 'automation.dry-run',
    area: 'automation',
    title: 'A dry run tells whether a record matches and what each step would do, and writes nothing',
    level: 'full',
    capability: 'automation',
    rule: RULES.automationDryRun,
    async run(ctx) {
      if (!ctx.enabled('contacts')) return ctx.skip('the contacts module is switched off');
      const token = ctx.fixtures.token();
      const contact = await matchingContact(ctx, token);
      const other = await ctx.fixtures.create('contacts', { firstName: `Other${token}` });
      await withRule(ctx, manualRule(token, `t${token}`), async (rule) => {
        const path = `/v1/automation-rules/${rule.id}/dry-run`;
        for (const [record, expected] of [
          [contact, true],
          [other, false],
        ] as const) {
          const ex = await ctx.api.post(path, { recordId: record.id });
          if (!ctx.expectStatus(ex, [200], `POST ${path}`)) continue;
          const result = ex.body as AutomationDryRun;
          if (result.matches !== expected)
            ctx.fail(`matches is ${result.matches} for a record that should give ${expected}`, ex);
          if (!result.steps.some((s) => s.path === '0' && s.type === 'add_tag'))
            ctx.fail('the dry run lists no add_tag step', ex);
        }
        const unsaved = await ctx.api.post('/v1/automation-rules/dry-run', {
          rule: manualRule(token, 'x'),
          recordId: contact.id,
        });
        if (
          ctx.expectStatus(unsaved, [200], 'POST /v1/automation-rules/dry-run') &&
          (unsaved.body as AutomationDryRun).matches !== true
        ) {
          ctx.fail('the dry run of an unsaved rule does not match the record', unsaved);
        }
        const runs = await ctx.api.get(`/v1/automation-runs${query({ ruleId: rule.id })}`);
        if (runs.status === 200 && (runs.body as Page<AutomationRun>).data.length)
          ctx.fail('a dry run left a run behind', runs);
        const stored = (await ctx.api.get(`/v1/contacts/${contact.id}`)).body as ApiRecord;
        if (stored.version !== contact.version) ctx.fail('a dry run changed the record');
      });
    },
  }),
  defineCheck({
    id: 'automation.notifications',
    area: 'automation',
    title: "Notifications: a rule's notify step reaches the user; read and read-all mark them",
    level: 'full',
    capability: 'automation',
    rule: RULES.notifications,
    async run(ctx) {
      if (!ctx.enabled('contacts')) return ctx.skip('the contacts module is switched off');
      const userId = ctx.fixtures.userId;
      if (!userId) return ctx.skip('the token acts for no user, and notifications belong to users');
      const token = ctx.fixtures.token();
      const contact = await matchingContact(ctx, token);
      await withRule(ctx, manualRule(token, `t${token}`, userId), async (rule) => {
        const run = await ctx.api.post(`/v1/automation-rules/${rule.id}/run`, { recordIds: [contact.id] });
        ctx.requireStatus(run, [202], 'POST run');
        const found = await eventually(async () => {
          const ex = await ctx.api.get('/v1/notifications?unread=true&limit=50');
          const n = (ex.body as Page<Notification>)?.data?.find((x) => x.title === `conformance ${token}`);
          return n ? { ex, n } : null;
        });
        if (!found) return ctx.fail(`no unread notification "conformance ${token}" within ${RUN_WAIT_MS / 1000} s`);
        if (found.n.readAt !== null || found.n.resourceId !== contact.id) {
          ctx.fail(`the notification has readAt ${found.n.readAt}, resourceId ${found.n.resourceId}`, found.ex);
        }
        const read = await ctx.api.post(`/v1/notifications/${found.n.id}/read`, {});
        if (ctx.expectStatus(read, [200], 'POST read') && !(read.body as Notification).readAt) {
          ctx.fail('a read notification has no readAt', read);
        }
        const unread = await ctx.api.get('/v1/notifications?unread=true&limit=200');
        if ((unread.body as Page<Notification>)?.data?.some((x) => x.id === found.n.id)) {
          ctx.fail('?unread=true still lists the notification after it was read', unread);
        }
        const all = await ctx.api.post('/v1/notifications/read-all', {});
        ctx.expectStatus(all, [200], 'POST read-all');
        ctx.expectProblem(
          await ctx.api.post(`/v1/notifications/${MISSING_ID}/read`, {}),
          [404],
          'read of an unknown notification',
        );
      });
    },
  }),
];

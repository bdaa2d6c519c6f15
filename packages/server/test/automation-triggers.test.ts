import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolOnEvents } from '../src/automation/observer.js';
import { withWrite } from '../src/core/context.js';
import { workspaceContext } from '../src/core/system.js';
import { startTestServer, type TestServer } from './harness.js';

/** Triggers and the flow of a run: date offsets across DST, duplicate events, schedules, branches, dry runs. */
describe('automation triggers', () => {
  let t: TestServer;
  let admin: string;
  let agentId: string;
  beforeAll(async () => {
    t = await startTestServer({
      now: '2027-03-01T12:00:00Z',
      settings: {
        timeZone: 'America/New_York',
        customFields: {
          contact: [
            {
              key: 'membershipExpiry',
              label: { en: 'Expiry' },
              type: 'date',
              custom: true,
              required: false,
              sortable: true,
              filterable: true,
            },
          ],
        },
      },
    });
    admin = t.a.keys.admin;
    agentId = t.a.users['agent@a.test']!;
  });
  afterAll(() => t.close());

  const tick = () => t.server.automation.tick();
  const setZone = (timeZone: string) =>
    t.db.query(
      `UPDATE workspaces SET settings = jsonb_set(settings, '{timeZone}', to_jsonb($1::text)) WHERE id = 'ws_a'`,
      [timeZone],
    );
  const runsOf = async (ruleId: string) =>
    (await t.call(admin, 'GET', `/v1/automation-runs?ruleId=${ruleId}&limit=200`)).body.data as {
      id: string;
      recordId: string;
      status: string;
      nextStepAt: string | null;
      occurrence: string;
    }[];
  const stepsOf = async (runId: string) =>
    (await t.call(admin, 'GET', `/v1/automation-runs/${runId}/steps`)).body.data as {
      path: string;
      type: string;
      outcome: string;
      detail: string | null;
      error: string | null;
    }[];
  const tag = (tagName: string) => ({ type: 'add_tag', tag: tagName });

  it('offsets a date across a DST change: 09:00 local before and after it, in New York, Ho Chi Minh City and Bangkok', async () => {
    // New York: DST starts Sunday 2027-03-14. An expiry on 2027-03-21 with −10 days is on 2027-03-11 (EST, UTC−5);
    // with −3 days on 2027-03-18 (EDT, UTC−4). Both at 09:00 on the wall clock.
    const member = await t.call(admin, 'POST', '/v1/contacts', {
      firstName: 'Dst',
      customFields: { membershipExpiry: '2027-03-21' },
    });
    const rule = (offsetDays: number) =>
      t.call(admin, 'POST', '/v1/automation-rules', {
        name: `Expiry ${offsetDays}`,
        resource: 'contacts',
        trigger: { type: 'date', field: 'customFields.membershipExpiry', offsetDays, repeat: 'once', at: '09:00' },
        conditions: { field: 'firstName', op: 'eq', value: 'Dst' },
        steps: [tag(`expiry${offsetDays}`)],
      });
    const before = (await rule(-10)).body;
    const after = (await rule(-3)).body;
    t.clock.set('2027-03-11T05:01:00Z'); // 00:01 EST on 2027-03-11
    await tick();
    expect(await runsOf(before.id)).toMatchObject([
      {
        recordId: member.body.id,
        status: 'waiting',
        nextStepAt: '2027-03-11T14:00:00.000Z',
        occurrence: 'date:2027-03-21',
      },
    ]);
    t.clock.set('2027-03-18T04:01:00Z'); // 00:01 EDT on 2027-03-18
    await tick();
    expect(await runsOf(after.id)).toMatchObject([{ status: 'waiting', nextStepAt: '2027-03-18T13:00:00.000Z' }]);
    t.clock.set('2027-03-18T13:00:00Z');
    await tick();
    expect((await t.call(admin, 'GET', `/v1/contacts/${member.body.id}`)).body.tags).toEqual(['expiry-10', 'expiry-3']);

    // UTC+7 all year round: 09:00 is 02:00Z on either side of the (American) change.
    for (const zone of ['Asia/Ho_Chi_Minh', 'Asia/Bangkok']) {
      await setZone(zone);
      const r = (
        await t.call(admin, 'POST', '/v1/automation-rules', {
          name: `Expiry in ${zone}`,
          resource: 'contacts',
          trigger: { type: 'date', field: 'customFields.membershipExpiry', offsetDays: 7, repeat: 'once', at: '09:00' },
          conditions: { field: 'firstName', op: 'eq', value: 'Dst' },
          steps: [tag(zone === 'Asia/Bangkok' ? 'bangkok' : 'saigon')],
        })
      ).body;
      t.clock.set('2027-03-27T17:01:00Z'); // 00:01 on 2027-03-28 in UTC+7
      await tick();
      expect(await runsOf(r.id)).toMatchObject([{ status: 'waiting', nextStepAt: '2027-03-28T02:00:00.000Z' }]);
      await t.call(admin, 'PATCH', `/v1/automation-rules/${r.id}`, { enabled: false });
    }
    await setZone('America/New_York');
  });

  it('runs once for an event seen twice: the same event observed again, and a retried request', async () => {
    const rule = (
      await t.call(admin, 'POST', '/v1/automation-rules', {
        name: 'Became loyal',
        resource: 'contacts',
        trigger: { type: 'event', events: ['contact.updated'], changed: ['lifecycleStage'] },
        conditions: { field: 'lifecycleStage', op: 'eq', value: 'loyal' },
        steps: [tag('thanked')],
      })
    ).body;
    const c = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Twice', lifecycleStage: 'active' });
    const patch = () =>
      t.call(
        admin,
        'PATCH',
        `/v1/contacts/${c.body.id}`,
        { lifecycleStage: 'loyal' },
        { 'Idempotency-Key': 'twice-1' },
      );
    expect((await patch()).status).toBe(200);
    expect((await patch()).headers.get('idempotent-replayed')).toBe('true');
    // A name change is an update too, but not of the field the trigger watches.
    await t.call(admin, 'PATCH', `/v1/contacts/${c.body.id}`, { lastName: 'Again' });
    const { rows } = await t.db.query<{ id: string; type: string; resource_id: string; data: Record<string, unknown> }>(
      "SELECT id, type, resource_id, data FROM events WHERE resource_id = $1 AND type = 'contact.updated' ORDER BY id LIMIT 1",
      [c.body.id],
    );
    const seen = rows[0]!;
    const event = {
      id: String(seen.id),
      type: 'contact.updated' as const,
      resource: 'contacts',
      resourceId: seen.resource_id,
      data: seen.data,
      changed: ['lifecycleStage'],
      occurredAt: t.clock.now().toISOString(),
    };
    // The same event observed again (another process, a redelivery): its occurrence is the event id.
    const ctx = (await workspaceContext(t.server.context, 'ws_a'))!;
    await withWrite(ctx, (w) => enrolOnEvents(w, [event]));
    const runs = await runsOf(rule.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.occurrence).toBe(`event:${seen.id}`);
    await tick();
    expect((await t.call(admin, 'GET', `/v1/contacts/${c.body.id}`)).body.tags).toEqual(['thanked']);
    await t.call(admin, 'PATCH', `/v1/automation-rules/${rule.id}`, { enabled: false });
  });

  it('runs a schedule in the workspace time zone, once per slot, on the records that match then', async () => {
    await setZone('Asia/Bangkok');
    const weekly = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Weekly', tags: ['weekly'] });
    await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Other' });
    t.clock.set('2027-04-04T12:00:00Z'); // Sunday 19:00 in Bangkok
    const rule = (
      await t.call(admin, 'POST', '/v1/automation-rules', {
        name: 'Monday check',
        resource: 'contacts',
        trigger: { type: 'schedule', cron: '0 9 * * 1' },
        conditions: { field: 'tags', op: 'in', value: ['weekly'] },
        steps: [
          {
            type: 'create_task',
            kind: 'task',
            subject: 'Weekly check: {{contact.firstName}}',
            dueInMinutes: 60,
            assignee: { type: 'user', userId: agentId },
          },
        ],
      })
    ).body;
    await tick();
    expect(await runsOf(rule.id)).toEqual([]);
    t.clock.set('2027-04-05T01:59:00Z'); // Monday 08:59
    await tick();
    expect(await runsOf(rule.id)).toEqual([]);
    t.clock.set('2027-04-05T02:00:00Z'); // Monday 09:00 in Bangkok
    await tick();
    await tick();
    const first = await runsOf(rule.id);
    expect(first).toMatchObject([{ recordId: weekly.body.id, status: 'completed' }]);
    expect(first[0]!.occurrence).toMatch(/^schedule:2027-04-05T02:00:00/);
    const tasks = await t.call(admin, 'GET', `/v1/activities?filter[contactId]=${weekly.body.id}`);
    expect(tasks.body.data).toMatchObject([{ subject: 'Weekly check: Weekly', assigneeId: agentId, type: 'task' }]);
    // The next Monday is a new slot: a new run.
    t.clock.set('2027-04-12T02:00:30Z');
    await tick();
    expect(await runsOf(rule.id)).toHaveLength(2);
    await setZone('America/New_York');
  });

  it('follows a branch: yes and no sides, each step logged with its path', async () => {
    const rule = (
      await t.call(admin, 'POST', '/v1/automation-rules', {
        name: 'VIP or not',
        resource: 'contacts',
        trigger: { type: 'manual' },
        steps: [
          {
            type: 'branch',
            if: { field: 'tags', op: 'in', value: ['vip'] },
            yes: [tag('vip-welcome'), { type: 'set_lifecycle', stage: 'loyal' }],
            no: [tag('standard-welcome')],
          },
          tag('welcomed'),
        ],
      })
    ).body;
    const vip = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Vip', tags: ['vip'] });
    const plain = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Plain' });
    const run = await t.call(admin, 'POST', `/v1/automation-rules/${rule.id}/run`, {
      recordIds: [vip.body.id, plain.body.id],
    });
    expect(run.status).toBe(202);
    await tick();
    const got = async (id: string) => (await t.call(admin, 'GET', `/v1/contacts/${id}`)).body;
    expect(await got(vip.body.id)).toMatchObject({ tags: ['vip', 'vip-welcome', 'welcomed'], lifecycleStage: 'loyal' });
    expect((await got(plain.body.id)).tags).toEqual(['standard-welcome', 'welcomed']);
    const vipRun = run.body.runs.find((r: { recordId: string }) => r.recordId === vip.body.id).runId;
    expect((await stepsOf(vipRun)).map((s) => `${s.path} ${s.type} ${s.outcome} ${s.detail}`)).toEqual([
      '0 branch done yes',
      '0.yes.0 add_tag done added tag vip-welcome',
      '0.yes.1 set_lifecycle done lifecycle stage loyal',
      '1 add_tag done added tag welcomed',
    ]);
  });

  it('dry-runs a rule for a record and for the next days, writing nothing', async () => {
    await t.call(admin, 'POST', '/v1/contacts', {
      firstName: 'Soon',
      customFields: { membershipExpiry: '2027-05-10' },
    });
    await t.call(admin, 'POST', '/v1/contacts', {
      firstName: 'Later',
      customFields: { membershipExpiry: '2027-08-10' },
    });
    t.clock.set('2027-04-20T14:00:00Z'); // 10:00 in New York
    const body = {
      name: 'Renewal reminder',
      resource: 'contacts',
      trigger: { type: 'date', field: 'customFields.membershipExpiry', offsetDays: -7, repeat: 'once', at: '09:00' },
      conditions: { field: 'firstName', op: 'in', value: ['Soon', 'Later'] },
      steps: [
        { type: 'delay', minutes: 60, until: { time: '09:00', weekdays: [1, 2, 3, 4, 5], zone: 'workspace' } },
        {
          type: 'branch',
          if: { field: 'tags', op: 'in', value: ['vip'] },
          yes: [tag('vip')],
          no: [{ type: 'notify', to: { type: 'user', userId: agentId }, message: 'Call {{contact.firstName}}' }],
        },
      ],
    };
    const preview = await t.call(admin, 'POST', '/v1/automation-rules/dry-run', { rule: body, days: 30 });
    expect(preview.status).toBe(200);
    expect(preview.body.upcoming.map((u: { name: string; at: string }) => [u.name, u.at])).toEqual([
      ['Soon', '2027-05-03T13:00:00.000Z'],
    ]);
    const saved = (await t.call(admin, 'POST', '/v1/automation-rules', { ...body, enabled: false })).body;
    const soon = (await t.call(admin, 'GET', '/v1/contacts?filter[firstName]=Soon')).body.data[0];
    const forRecord = await t.call(admin, 'POST', `/v1/automation-rules/${saved.id}/dry-run`, { recordId: soon.id });
    // Tuesday 10:00 + 60 min, then the next weekday 09:00: Wednesday 2027-04-21 13:00Z.
    expect(forRecord.body).toMatchObject({
      matches: true,
      steps: [
        { path: '0', type: 'delay', at: '2027-04-21T13:00:00.000Z' },
        { path: '1', type: 'branch', description: 'check a condition: no' },
        { path: '1.no.0', type: 'notify', at: '2027-04-21T13:00:00.000Z' },
      ],
    });
    expect(await runsOf(saved.id)).toEqual([]);
    const bad = await t.call(admin, 'POST', '/v1/automation-rules/dry-run', {
      rule: { ...body, trigger: { ...body.trigger, field: 'customFields.nope' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('trigger.field');
  });

  it('retries a failing step with backoff, logs each attempt, then fails the run and tells its owner', async () => {
    const sub = await t.call(admin, 'POST', '/v1/webhook-subscriptions', { url: 'http://127.0.0.1:9/never' });
    const rule = (
      await t.call(admin, 'POST', '/v1/automation-rules', {
        name: 'Call a hook',
        resource: 'contacts',
        trigger: { type: 'manual' },
        steps: [{ type: 'webhook', subscriptionId: sub.body.id }],
      })
    ).body;
    // The subscription disappears after the rule was saved: the step cannot queue its delivery any more.
    await t.db.query('DELETE FROM webhook_subscriptions WHERE id = $1', [sub.body.id]);
    const c = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Hooked' });
    const run = (await t.call(admin, 'POST', `/v1/automation-rules/${rule.id}/run`, { recordIds: [c.body.id] })).body;
    const runId = run.runs[0].runId;
    for (let i = 0; i < 8; i++) {
      await tick();
      t.clock.advance({ hours: 7 });
    }
    const [failed] = await runsOf(rule.id);
    expect(failed).toMatchObject({ status: 'failed' });
    const steps = await stepsOf(runId);
    expect(steps.map((s) => s.outcome)).toEqual(['retrying', 'retrying', 'retrying', 'retrying', 'failed']);
    expect(steps.every((s) => s.type === 'webhook' && s.error)).toBe(true);
    const stats = (await t.call(admin, 'GET', `/v1/automation-rules/${rule.id}`)).body.stats;
    expect(stats).toMatchObject({ runs: 1, failures: 1 });
    // The rule's owner (who created it) hears of the failure.
    const mine = await t.call(admin, 'GET', '/v1/notifications?unread=true');
    expect(mine.body.data).toContainEqual(
      expect.objectContaining({
        kind: 'automation_failed',
        title: 'Automation failed: Call a hook',
        resourceId: c.body.id,
      }),
    );
  });

  it('refuses steps that would reach nobody or nowhere: a user or team left unchosen, a stage of another pipeline, an unknown changed field', async () => {
    const pipeline = async (name: string) =>
      (await t.call(admin, 'POST', '/v1/pipelines', { name, stages: [{ name: 'A', probability: 10, kind: 'open' }] }))
        .body as { id: string; stages: { id: string }[] };
    const [renewals, other] = [await pipeline('Renewals'), await pipeline('Other')];
    const res = await t.call(admin, 'POST', '/v1/automation-rules', {
      name: 'Nobody',
      resource: 'contacts',
      trigger: { type: 'event', events: ['contact.updated'], changed: ['lifecycleStage', 'nope'] },
      steps: [
        { type: 'create_task', kind: 'task', subject: 'x', dueInMinutes: 0, assignee: { type: 'user' } },
        { type: 'notify', to: { type: 'round_robin' }, message: 'x' },
        { type: 'create_deal', pipelineId: renewals.id, stageId: other.stages[0]!.id, name: 'x' },
      ],
    });
    expect(res.status).toBe(400);
    expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'steps.0.assignee.userId',
      'steps.1.to.teamId',
      'steps.2.stageId',
      'trigger.changed.1',
    ]);
  });
});

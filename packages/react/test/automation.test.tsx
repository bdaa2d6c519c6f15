import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  useAutomationRules,
  useAutomationRuns,
  useDryRun,
  useMarkNotificationsRead,
  useNotifications,
  useReplayDelivery,
  useRunRule,
  useRunSteps,
  useTasks,
  useToggleRule,
  useWebhookDeliveries,
  useWebhookSubscriptions,
} from '../src/index.js';
import { providerFor, sandbox, testQueryClient } from './harness.js';

describe('tasks', () => {
  it("lists the caller's open tasks by view, 'today' being the provider's day in its time zone", async () => {
    const s = await sandbox();
    const crm = s.client();
    const me = (await crm.me.get()).user!;
    const { id: contactId } = await crm.contacts.create({ firstName: 'Lan' });
    const task = (subject: string, dueAt: string, completedAt?: string) =>
      crm.activities.create({
        type: 'task',
        subject,
        dueAt,
        assigneeId: me.id,
        contactId,
        ...(completedAt ? { completedAt } : {}),
      });
    // 10:00 on 15 June 2030 in Ho Chi Minh City (UTC+7).
    const now = new Date('2030-06-15T03:00:00Z');
    const overdue = await task('Overdue', '2030-06-15T01:00:00Z');
    const later = await task('Later today', '2030-06-15T10:00:00Z');
    const lastMinute = await task('23:30 local', '2030-06-15T16:30:00Z');
    const pastMidnight = await task('00:30 local tomorrow', '2030-06-15T17:30:00Z');
    const nextWeek = await task('Next week', '2030-06-22T02:00:00Z');
    await task('Done', '2030-06-14T02:00:00Z', '2030-06-14T03:00:00Z');
    await crm.activities.create({
      type: 'task',
      subject: 'Not mine',
      dueAt: '2030-06-15T02:00:00Z',
      assigneeId: null,
      contactId,
    });

    const { wrapper } = providerFor(crm, { timeZone: 'Asia/Ho_Chi_Minh', now: () => now });
    const { result } = renderHook(
      () => ({
        mine: useTasks('mine'),
        overdue: useTasks('overdue'),
        today: useTasks('today'),
        upcoming: useTasks('upcoming'),
      }),
      { wrapper },
    );
    const ids = (items: { id: string }[]) => items.map((t) => t.id);
    const views = () => Object.values(result.current);
    await waitFor(() => expect(views().every((v) => v.isSuccess)).toBe(true), { timeout: 15_000 });
    expect(ids(result.current.overdue.items)).toEqual([overdue.id]);
    expect(ids(result.current.today.items)).toEqual([overdue.id, later.id, lastMinute.id]);
    expect(ids(result.current.upcoming.items)).toEqual([pastMidnight.id, nextWeek.id]);
    expect(ids(result.current.mine.items)).toEqual([overdue.id, later.id, lastMinute.id, pastMidnight.id, nextWeek.id]);
  });
});

describe('tasks on a running clock', () => {
  it('keep one query per view however often they render (now is taken to the minute)', async () => {
    const s = await sandbox();
    const crm = s.client();
    const me = (await crm.me.get()).user!;
    const { id: contactId } = await crm.contacts.create({ firstName: 'Minh' });
    await crm.activities.create({
      type: 'task',
      subject: 'Overdue',
      dueAt: new Date(Date.now() - 3_600_000).toISOString(),
      assigneeId: me.id,
      contactId,
    });
    const { wrapper, queryClient } = providerFor(crm, { now: () => new Date() });
    const { result, rerender } = renderHook(() => useTasks('overdue'), { wrapper });
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 5));
      rerender();
    }
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 15_000 });
    expect(result.current.items.map((t) => t.subject)).toEqual(['Overdue']);
    const lists = queryClient.getQueryCache().findAll({ queryKey: ['crmkit', 'activities', 'list'] });
    expect(lists.length).toBeLessThanOrEqual(2); // one, or two across a minute's turn
  });
});

describe('automation', () => {
  it('lists rules, switches one off (and back when refused), previews, logs runs and notifies', async () => {
    const s = await sandbox();
    const crm = s.client();
    const me = (await crm.me.get()).user!;
    const lan = await crm.contacts.create({ firstName: 'Lan' });
    const draft = {
      name: 'Ping me',
      resource: 'contacts' as const,
      trigger: { type: 'manual' as const },
      steps: [
        {
          type: 'notify' as const,
          to: { type: 'user' as const, userId: me.id },
          message: 'Call {{contact.firstName}}',
        },
      ],
    };
    const rule = await crm.automationRules.create(draft);

    // A viewer may not change rules: the optimistic switch goes back.
    const viewer = providerFor(s.client({ role: 'viewer' }), { queryClient: testQueryClient() });
    const refused = renderHook(() => ({ rules: useAutomationRules(), toggle: useToggleRule() }), viewer);
    await waitFor(() => expect(refused.result.current.rules.items.map((r) => r.id)).toEqual([rule.id]));
    act(() => refused.result.current.toggle.mutate({ id: rule.id, enabled: false }));
    await waitFor(() => expect(refused.result.current.toggle.isError).toBe(true));
    expect(refused.result.current.rules.items[0]!.enabled).toBe(true);

    const { wrapper } = providerFor(crm);
    const { result } = renderHook(
      () => ({
        rules: useAutomationRules(),
        toggle: useToggleRule(),
        preview: useDryRun(),
        runs: useAutomationRuns({ ruleId: rule.id }),
        steps: useRunSteps(undefined),
        notifications: useNotifications(),
        read: useMarkNotificationsRead(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.rules.items).toHaveLength(1));
    act(() => result.current.toggle.mutate({ id: rule.id, enabled: false }));
    await waitFor(() => expect(result.current.toggle.isSuccess).toBe(true));
    expect(result.current.rules.items[0]!.enabled).toBe(false);
    expect((await crm.automationRules.get(rule.id)).enabled).toBe(false);
    await crm.automationRules.update(rule.id, { enabled: true });

    act(() => result.current.preview.mutate({ id: null, body: { rule: draft, recordId: lan.id } }));
    await waitFor(() => expect(result.current.preview.data?.matches).toBe(true));

    await crm.automationRules.run(rule.id, { recordIds: [lan.id] });
    await s.server.automation.tick();
    await act(() => result.current.runs.refetch());
    expect(result.current.runs.items).toEqual([expect.objectContaining({ recordId: lan.id, status: 'completed' })]);
    const steps = renderHook(() => useRunSteps(result.current.runs.items[0]!.id), { wrapper });
    await waitFor(() => expect(steps.result.current.data).toEqual([expect.objectContaining({ outcome: 'done' })]));

    await act(() => result.current.notifications.refetch());
    expect(result.current.notifications.items.map((n) => n.title)).toEqual(['Call Lan']);
    expect(result.current.notifications.unread).toBe(1);
    act(() => result.current.read.mutate({ id: null }));
    await waitFor(() => expect(result.current.notifications.unread).toBe(0));
    await waitFor(() => expect(result.current.read.isSuccess).toBe(true));
    expect((await crm.notifications.list({ unread: true })).data).toEqual([]);
  });

  it('runs a rule by hand, lists webhook subscriptions and their deliveries, and replays one', async () => {
    const s = await sandbox();
    const crm = s.client();
    const lan = await crm.contacts.create({ firstName: 'Lan' });
    const rule = await crm.automationRules.create({
      name: 'Tag by hand',
      resource: 'contacts',
      trigger: { type: 'manual' },
      steps: [{ type: 'add_tag', tag: 'by-hand' }],
    });
    // Nothing listens there: every delivery fails, and stays in the log to replay.
    const hook = await crm.webhookSubscriptions.create({
      url: 'http://127.0.0.1:9/hook',
      eventTypes: ['contact.updated'],
    });
    const { wrapper } = providerFor(crm);
    const { result } = renderHook(
      () => ({
        run: useRunRule(),
        runs: useAutomationRuns({ ruleId: rule.id }),
        hooks: useWebhookSubscriptions(),
        deliveries: useWebhookDeliveries({ subscriptionId: hook.id }),
        replay: useReplayDelivery(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.hooks.items.map((h) => h.url)).toEqual(['http://127.0.0.1:9/hook']));
    await waitFor(() => expect(result.current.runs.isSuccess).toBe(true));
    expect(result.current.runs.items).toEqual([]);

    act(() => result.current.run.mutate({ id: rule.id, body: { recordIds: [lan.id], occurrence: 'once' } }));
    await waitFor(() => expect(result.current.run.data?.runs).toEqual([expect.objectContaining({ enrolled: true })]));
    // The run log refreshed on its own.
    await waitFor(() => expect(result.current.runs.items.map((r) => r.recordId)).toEqual([lan.id]));
    await s.server.automation.tick();
    expect((await crm.contacts.get(lan.id)).tags).toContain('by-hand');

    // The tag changed the contact: one delivery to the hook, failed; replayed, it is tried again at once.
    await waitFor(
      async () => {
        await s.server.automation.tick();
        await act(() => result.current.deliveries.refetch());
        expect(result.current.deliveries.items).toHaveLength(1);
      },
      { timeout: 10_000 },
    );
    const [delivery] = result.current.deliveries.items;
    act(() => result.current.replay.mutate(delivery!.id));
    await waitFor(() => expect(result.current.replay.isSuccess).toBe(true));
    expect(result.current.replay.data?.id).toBe(delivery!.id);
  });
});

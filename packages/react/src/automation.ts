import type { ListQuery, NotificationQuery, Page, RunQuery, Schemas } from '@crmkit/client';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { usePages } from './pages.js';
import { useCrm } from './provider.js';

export {
  type SaveWebhookVariables,
  useReplayDelivery,
  useRotateWebhookSecret,
  useSaveWebhookSubscription,
  useWebhookDeliveries,
  useWebhookSubscriptions,
} from './webhooks.js';

type Rule = Schemas['AutomationRule'];
type Notification = Schemas['Notification'];

/**
 * Query keys of automation rules, runs and notifications. They sit where the change feed looks for a resource's lists
 * (`['crmkit', <resource>, 'list', query]`), so rule changes patch the rule lists in place and new notifications and
 * finished runs refresh the lists on screen.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: automationKeys.notifications() });
 */
export const automationKeys = {
  allRules: () => ['crmkit', 'automation-rules', 'list'] as const,
  rules: (query: object = {}) => ['crmkit', 'automation-rules', 'list', query] as const,
  runs: (query: object = {}) => ['crmkit', 'automation-runs', 'list', query] as const,
  steps: (runId: string) => ['crmkit', 'automation-runs', 'steps', runId] as const,
  notifications: (query?: object) =>
    (query ? ['crmkit', 'notifications', 'list', query] : ['crmkit', 'notifications', 'list']) as readonly unknown[],
};

/**
 * The workspace's automation rules, with their run and failure counts (`stats`).
 *
 * @example
 * const { items: rules } = useAutomationRules({ filter: { enabled: true } });
 */
export function useAutomationRules(query: ListQuery<Rule> = {}) {
  const { client } = useCrm();
  return usePages(automationKeys.rules(query), (cursor) =>
    client.automationRules.list({ ...query, ...(cursor ? { cursor } : {}) }),
  );
}

/**
 * The run log, newest first: by rule, record and status.
 *
 * @example
 * const { items: failures } = useAutomationRuns({ ruleId: rule.id, status: 'failed' });
 */
export function useAutomationRuns(query: RunQuery = {}, options: { enabled?: boolean } = {}) {
  const { client } = useCrm();
  return usePages(
    automationKeys.runs(query),
    (cursor) => client.automationRuns.list({ ...query, ...(cursor ? { cursor } : {}) }),
    options.enabled,
  );
}

/**
 * What each step of a run did (disabled while `runId` is undefined).
 *
 * @example
 * const { data: steps } = useRunSteps(run.id);
 */
export function useRunSteps(runId: string | undefined) {
  const { client } = useCrm();
  return useQuery({
    queryKey: automationKeys.steps(runId ?? ''),
    queryFn: async ({ signal }) => (await client.automationRuns.steps(runId!, { limit: 200 }, { signal })).data,
    enabled: !!runId,
  });
}

/** Applies `edit` to every cached page of the lists under `key`, returning what to put back on failure. */
function editPages<T>(queryClient: QueryClient, key: readonly unknown[], edit: (item: T) => T) {
  const before = queryClient.getQueriesData<{ pages: Page<T>[] }>({ queryKey: key });
  for (const [k, data] of before) {
    if (!data?.pages) continue;
    queryClient.setQueryData(k, { ...data, pages: data.pages.map((p) => ({ ...p, data: p.data.map(edit) })) });
  }
  return () => {
    for (const [k, data] of before) queryClient.setQueryData(k, data);
  };
}

/**
 * Switches a rule on or off, optimistically: the lists show the new state at once and the old one again if the
 * server refuses.
 *
 * @example
 * const toggle = useToggleRule();
 * <Switch checked={rule.enabled} onChange={(on) => toggle.mutate({ id: rule.id, enabled: on })} />
 */
export function useToggleRule() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => client.automationRules.update(id, { enabled }),
    onMutate: async ({ id, enabled }) => {
      await queryClient.cancelQueries({ queryKey: automationKeys.allRules() });
      return editPages<Rule>(queryClient, automationKeys.allRules(), (r) => (r.id === id ? { ...r, enabled } : r));
    },
    onError: (_error, _vars, rollback) => rollback?.(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: automationKeys.allRules() }),
  });
}

/** What {@link useSaveRule} saves: a new rule, or the changes to one (`id`) at the version the user saw. */
export type SaveRuleVariables =
  | { id?: undefined; body: Schemas['AutomationRuleCreate'] }
  | { id: string; body: Schemas['AutomationRuleUpdate']; ifVersion?: number };

/**
 * Creates a rule, or updates one (with `ifVersion`, a stale version fails with a `PreconditionFailedError` holding
 * the rule as stored now); the rule lists refresh.
 *
 * @example
 * const save = useSaveRule();
 * save.mutate({ id: rule.id, body: { name }, ifVersion: rule.version });
 */
export function useSaveRule() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: SaveRuleVariables) =>
      vars.id === undefined
        ? client.automationRules.create(vars.body)
        : client.automationRules.update(vars.id, vars.body, { ifVersion: vars.ifVersion }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: automationKeys.allRules() }),
  });
}

/**
 * Deletes a rule (its waiting runs are cancelled); the rule lists refresh.
 *
 * @example
 * const remove = useDeleteRule();
 * remove.mutate(rule.id);
 */
export function useDeleteRule() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.automationRules.remove(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: automationKeys.allRules() }),
  });
}

/**
 * Runs a rule on chosen records now (a manual run: conditions still apply); a second run with the same `occurrence`
 * enrols nobody again. The run log refreshes.
 *
 * @example
 * const run = useRunRule();
 * run.mutate({ id: rule.id, body: { recordIds: selected, occurrence: 'spring-2027' } });
 */
export function useRunRule() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['AutomationManualRun'] }) =>
      client.automationRules.run(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['crmkit', 'automation-runs'] }),
  });
}

/**
 * What a rule would do, nothing written: for a stored rule (`id`) or an unsaved one (`body.rule`), for one record now
 * or for who enrols in the next `days`.
 *
 * @example
 * const preview = useDryRun();
 * preview.mutate({ id: null, body: { rule: draft, days: 30 } });
 * preview.data?.upcoming.map((u) => u.name);
 */
export function useDryRun() {
  const { client } = useCrm();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Schemas['AutomationDryRunRequest'] }) =>
      client.automationRules.dryRun(id, body),
  });
}

/**
 * The caller's notifications, newest first (`{ unread: true }`: only the unread ones), live through the change feed.
 *
 * @example
 * const { items, unread } = useNotifications();
 */
export function useNotifications(query: NotificationQuery = {}) {
  const { client } = useCrm();
  const result = usePages(automationKeys.notifications(query), (cursor) =>
    client.notifications.list({ ...query, ...(cursor ? { cursor } : {}) }),
  );
  const unread = useMemo(() => result.items.filter((n) => n.readAt === null).length, [result.items]);
  return { ...result, unread };
}

/**
 * Marks one notification read (`id`) or all of them (`id: null`), optimistically.
 *
 * @example
 * const markRead = useMarkNotificationsRead();
 * markRead.mutate({ id: notification.id });
 * markRead.mutate({ id: null }); // all
 */
export function useMarkNotificationsRead() {
  const { client, now } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id }: { id: string | null }): Promise<void> => {
      await (id === null ? client.notifications.readAll() : client.notifications.read(id));
    },
    onMutate: async ({ id }) => {
      await queryClient.cancelQueries({ queryKey: automationKeys.notifications() });
      const readAt = now().toISOString();
      return editPages<Notification>(queryClient, automationKeys.notifications(), (n) =>
        n.readAt === null && (id === null || n.id === id) ? { ...n, readAt } : n,
      );
    },
    onError: (_error, _vars, rollback) => rollback?.(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: automationKeys.notifications() }),
  });
}

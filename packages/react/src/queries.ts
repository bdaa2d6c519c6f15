import type { CrudName, ListQuery, RecordOf, Schemas } from '@crmkit/client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { HookResource, TimelineTarget } from './keys.js';
import { crmQueries } from './options.js';
import { useCrm } from './provider.js';

/**
 * One record by id (disabled while `id` is undefined).
 *
 * @example
 * const { data: contact, isPending, error } = useRecord('contacts', contactId);
 */
export function useRecord<N extends HookResource>(name: N, id: string | undefined) {
  const { client } = useCrm();
  return useQuery({ ...crmQueries.record(client, name, id ?? ''), enabled: !!id });
}

/**
 * A list, loaded a page at a time: `items` is every loaded record; `fetchNextPage()` loads more.
 *
 * @example
 * const { items, hasNextPage, fetchNextPage } = useList('contacts', { filter: { lifecycleStage: 'loyal' } });
 */
export function useList<N extends HookResource>(
  name: N,
  query: ListQuery<RecordOf<N>> = {},
  options: { enabled?: boolean } = {},
) {
  const { client } = useCrm();
  const result = useInfiniteQuery({ ...crmQueries.list(client, name, query), enabled: options.enabled ?? true });
  const items = useMemo(() => result.data?.pages.flatMap((p) => p.data) ?? [], [result.data]);
  return { ...result, items };
}

/**
 * Activities of a contact, company, deal or ticket, newest first (system events such as stage changes included).
 *
 * @example
 * const { items } = useTimeline({ contactId }, { filter: { type: ['call', 'email'] } });
 */
export function useTimeline(target: TimelineTarget, query: ListQuery<RecordOf<'activities'>> = {}) {
  const { client } = useCrm();
  const result = useInfiniteQuery(crmQueries.timeline(client, target, query));
  const items = useMemo(() => result.data?.pages.flatMap((p) => p.data) ?? [], [result.data]);
  return { ...result, items };
}

/**
 * A ticket's thread (replies and internal notes), oldest first — or, with `newestFirst`, the latest messages first and
 * older pages as `fetchNextPage()` asks (for a long thread shown from its end).
 *
 * @example
 * const { items: messages } = useTicketThread(ticketId);
 */
export function useTicketThread(ticketId: string, options: { newestFirst?: boolean } = {}) {
  const { client } = useCrm();
  const result = useInfiniteQuery(crmQueries.ticketMessages(client, ticketId, options.newestFirst));
  const items = useMemo(() => result.data?.pages.flatMap((p) => p.data) ?? [], [result.data]);
  return { ...result, items };
}

/**
 * Workspace metadata (`GET /v1/schema`): entity labels, fields (custom ones included), pipelines, sources, lifecycle
 * stages and the server's capabilities.
 *
 * @example
 * const { data: schema } = useSchema();
 * const title = schema?.entities.contact.labels.plural.vi; // 'Hội viên' for a fitness club
 */
export function useSchema() {
  const { client } = useCrm();
  return useQuery(crmQueries.schema(client));
}

/** The server's optional capabilities, or undefined while the schema loads. */
export function useCapabilities(): Schemas['Capabilities'] | undefined {
  return useSchema().data?.capabilities;
}

/**
 * The caller: user, workspace, role and permissions.
 *
 * @example
 * const { data: me } = useMe();
 */
export function useMe() {
  const { client } = useCrm();
  return useQuery(crmQueries.me(client));
}

/** Actions of the permission matrix. */
export type CrmAction = 'read' | 'create' | 'update' | 'delete';

/**
 * Whether the caller may do `action` on `resource` (`false` while the caller loads). For hiding or disabling
 * controls; the server enforces permissions either way.
 *
 * @example
 * const canEdit = useCan('update', 'contacts');
 * const canSwitchRules = useCan('update', 'automation-rules');
 */
export function useCan(action: CrmAction, resource: CrudName): boolean {
  return useMe().data?.permissions.includes(`${resource}:${action}`) ?? false;
}

import { EntityName, type Pipeline, type WorkspaceSchema } from '@crmkit/spec';
import type { RequestContext } from '../core/context.js';
import { pipelineResource } from '../pipelines/resource.js';
import { customFieldDefs } from '../resources/custom-fields.js';
import { listRecords } from '../resources/engine.js';
import {
  ACTIVITY_TYPE_LABELS,
  builtinFields,
  DEFAULT_LABELS,
  LIFECYCLE_LABELS,
  TICKET_CHANNEL_LABELS,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUS_LABELS,
} from './builtin.js';

const keyed = <K extends string>(labels: Record<K, WorkspaceSchema['leadSources'][number]['label']>) =>
  (Object.keys(labels) as K[]).map((key) => ({ key, label: labels[key] }));

/** Every pipeline of the workspace, default first. */
export async function allPipelines(ctx: RequestContext): Promise<Pipeline[]> {
  const out: Pipeline[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecords(ctx, pipelineResource, { limit: 200, sort: 'name', ...(cursor ? { cursor } : {}) });
    out.push(...(page.data as unknown as Pipeline[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/** `GET /v1/schema`: what the widgets render this workspace from. */
export async function workspaceSchema(ctx: RequestContext): Promise<WorkspaceSchema> {
  const s = ctx.principal.settings;
  const entities = Object.fromEntries(
    EntityName.options.map((e) => [e, { enabled: s.modules[e] !== false, labels: s.labels[e] ?? DEFAULT_LABELS[e] }]),
  ) as WorkspaceSchema['entities'];
  const fields = Object.fromEntries(
    EntityName.options.map((e) => [
      e,
      [...builtinFields(e), ...customFieldDefs(s, e).map((d) => ({ ...d, custom: true }))],
    ]),
  ) as WorkspaceSchema['fields'];
  const { rateLimit, ...flags } = ctx.capabilities;
  return {
    apiVersion: 'v1',
    workspace: {
      id: ctx.principal.workspaceId,
      name: ctx.principal.workspaceName,
      defaultLocale: s.defaultLocale,
      defaultCurrency: s.defaultCurrency,
      timeZone: s.timeZone,
    },
    capabilities: { ...flags, rateLimit },
    entities,
    fields,
    lifecycleStages: keyed(LIFECYCLE_LABELS),
    leadSources: s.leadSources,
    activityTypes: keyed(ACTIVITY_TYPE_LABELS),
    ticketStatuses: keyed(TICKET_STATUS_LABELS),
    ticketPriorities: keyed(TICKET_PRIORITY_LABELS),
    ticketChannels: keyed(TICKET_CHANNEL_LABELS),
    pipelines: await allPipelines(ctx),
    lostReasons: s.lostReasons,
    slaPolicies: ctx.capabilities.sla ? s.slaPolicies : [],
    businessCalendars: s.businessCalendars,
  };
}

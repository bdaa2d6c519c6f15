import { CONTRACT_LIMITS } from '@crmkit/core';
import {
  BusinessCalendar,
  EntityName,
  FieldDefinition,
  LeadSourceKey,
  Locale,
  LocalizedText,
  SlaPolicy,
  TicketChannel,
  TicketPriority,
} from '@crmkit/spec';
import { z } from 'zod';

/** Ticket routing: the first rule whose conditions match picks the team; else `defaultTeamId`. */
export const RoutingSettings = z.object({
  defaultTeamId: z.string().nullable().default(null),
  rules: z
    .array(
      z.object({
        channels: z.array(TicketChannel).optional(),
        priorities: z.array(TicketPriority).optional(),
        teamId: z.string(),
      }),
    )
    .default([]),
});

/**
 * A workspace's configuration, stored in `workspaces.settings`: what turns the generic CRM into a vertical one.
 * Every field has a default, so `{}` is a valid generic B2B workspace.
 */
export const WorkspaceSettings = z.object({
  defaultLocale: Locale.default('en'),
  defaultCurrency: z.string().default('USD'),
  timeZone: z.string().max(64).default('UTC'),
  modules: z.partialRecord(EntityName, z.boolean()).default({}),
  labels: z.partialRecord(EntityName, z.object({ singular: LocalizedText, plural: LocalizedText })).default({}),
  customFields: z.partialRecord(EntityName, z.array(FieldDefinition).max(CONTRACT_LIMITS.customFields)).default({}),
  leadSources: z
    .array(z.object({ key: LeadSourceKey, label: LocalizedText }))
    .max(CONTRACT_LIMITS.leadSources)
    .default([]),
  businessCalendars: z.array(BusinessCalendar).max(CONTRACT_LIMITS.businessCalendars).default([]),
  slaPolicies: z.array(SlaPolicy).max(CONTRACT_LIMITS.slaPolicies).default([]),
  routing: RoutingSettings.default({ defaultTeamId: null, rules: [] }),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;
export type WorkspaceSettingsInput = z.input<typeof WorkspaceSettings>;

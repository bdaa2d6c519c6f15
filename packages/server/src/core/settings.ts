import { CONTRACT_LIMITS } from '@crmkit/core';
import {
  ActivityType,
  BusinessCalendar,
  EntityName,
  FieldDefinition,
  LeadSourceKey,
  Locale,
  LocalizedText,
  LostReasons,
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

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * Lifecycle stages the server sets by itself (all off by default): a first won deal makes a contact `active`; so many
 * renewals (won deals after the first) or months since the first make it `loyal`; no visit and no purchase for so
 * many days make it `lost`.
 */
export const LifecycleSettings = z.object({
  activeOnFirstWonDeal: z.boolean().default(false),
  loyalAfterRenewals: z.int().min(1).max(100).nullable().default(null),
  loyalAfterMonths: z.int().min(1).max(240).nullable().default(null),
  lostAfterDays: z.int().min(1).max(3650).nullable().default(null),
  /** Activity types that count as a visit. */
  visitTypes: z.array(ActivityType).max(10).default(['app', 'meeting']),
});
export type LifecycleSettings = z.infer<typeof LifecycleSettings>;

/** Messages to customers: no e-mail or SMS is sent in the quiet hours (the contact's zone, else the workspace's). */
export const MessagingSettings = z.object({
  quietHours: z.object({ start: Clock, end: Clock }).nullable().default(null),
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
  lifecycle: LifecycleSettings.default({
    activeOnFirstWonDeal: false,
    loyalAfterRenewals: null,
    loyalAfterMonths: null,
    lostAfterDays: null,
    visitTypes: ['app', 'meeting'],
  }),
  messaging: MessagingSettings.default({ quietHours: null }),
  /** Why deals are lost: offered when a deal moves to a lost stage, and required then (see `deals/lost-reason.ts`). */
  lostReasons: LostReasons.default({ reasons: [], allowOther: true }),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;
export type WorkspaceSettingsInput = z.input<typeof WorkspaceSettings>;

/** Stored settings as the server reads them: a value that no longer parses (an old shape) reads as the defaults. */
export function readSettings(raw: unknown): WorkspaceSettings {
  const parsed = WorkspaceSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : WorkspaceSettings.parse({});
}

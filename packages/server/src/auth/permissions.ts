import { RESOURCE_NAMES } from '@crmkit/core';
import type { Role } from '@crmkit/spec';

export type Action = 'read' | 'create' | 'update' | 'delete';

/** Resources a permission can name (`<resource>:<action>`): every CRUD resource, embed tokens, automation and webhooks. */
export const PERMISSION_RESOURCES = [
  ...RESOURCE_NAMES,
  'embed-tokens',
  'automation-rules',
  'automation-runs',
  'webhook-subscriptions',
  'segments',
  'campaigns',
] as const;
export type PermissionResource = (typeof PERMISSION_RESOURCES)[number];

const ALL: readonly Action[] = ['read', 'create', 'update', 'delete'];
const WORK: readonly Action[] = ['read', 'create', 'update'];
const READ: readonly Action[] = ['read'];

/** What each role may do. Roles are cumulative: each grants at least what the one below it grants. */
const MATRIX: Record<Role, Partial<Record<PermissionResource, readonly Action[]>>> = {
  viewer: {
    companies: READ,
    contacts: READ,
    leads: READ,
    pipelines: READ,
    deals: READ,
    activities: READ,
    tickets: READ,
    users: READ,
    teams: READ,
    'automation-rules': READ,
    'automation-runs': READ,
    segments: READ,
    campaigns: READ,
    cannedResponses: READ,
  },
  agent: {
    companies: WORK,
    contacts: WORK,
    leads: WORK,
    pipelines: READ,
    deals: WORK,
    activities: ALL,
    tickets: WORK,
    users: READ,
    teams: READ,
    'automation-rules': READ,
    'automation-runs': READ,
    segments: WORK,
    campaigns: READ,
    cannedResponses: READ,
  },
  manager: {
    companies: ALL,
    contacts: ALL,
    leads: ALL,
    pipelines: WORK,
    deals: ALL,
    activities: ALL,
    tickets: ALL,
    users: READ,
    teams: ALL,
    'automation-rules': ALL,
    'automation-runs': READ,
    segments: ALL,
    campaigns: ALL,
    cannedResponses: ALL,
  },
  admin: Object.fromEntries(PERMISSION_RESOURCES.map((r) => [r, ALL])),
  owner: Object.fromEntries(PERMISSION_RESOURCES.map((r) => [r, ALL])),
};

/** Role order, lowest first. */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, agent: 1, manager: 2, admin: 3, owner: 4 };

/** Whether `role` may do `action` on `resource`. */
export function can(role: Role, resource: PermissionResource, action: Action): boolean {
  return MATRIX[role][resource]?.includes(action) ?? false;
}

/** Every `<resource>:<action>` the role holds, for `GET /v1/me`. */
export function permissionsOf(role: Role): string[] {
  return PERMISSION_RESOURCES.flatMap((r) => (MATRIX[role][r] ?? []).map((a) => `${r}:${a}`));
}

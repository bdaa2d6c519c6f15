import { CONTRACT_LIMITS } from '@crmkit/core';
import { z } from 'zod';
import { Email, Id, Locale, RecordBase } from '../base/primitives.js';
import { named } from '../base/registry.js';

/** Roles, from most to least powerful. */
export const Role = named('Role', z.enum(['owner', 'admin', 'manager', 'agent', 'viewer']));
export type Role = z.infer<typeof Role>;

const userFields = {
  name: z.string().trim().min(1).max(200),
  email: Email,
  role: Role,
  teamIds: z.array(Id).max(50),
  available: z.boolean().describe('Takes part in round-robin ticket assignment.'),
  locale: Locale.nullable(),
  timeZone: z.string().max(64).nullable(),
};

/** A person who works in the CRM. */
export const User = named('User', z.object({ ...RecordBase, ...userFields }), 'A person who works in the CRM.');
export type User = z.infer<typeof User>;
export const UserCreate = named(
  'UserCreate',
  z.strictObject(userFields).partial().required({ name: true, email: true }),
);
export type UserCreate = z.infer<typeof UserCreate>;
export const UserUpdate = named('UserUpdate', z.strictObject(userFields).partial());
export type UserUpdate = z.infer<typeof UserUpdate>;

const teamFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().max(1000).nullable(),
};

/** A group of users; tickets are routed to teams, then to their available members. */
export const Team = named(
  'Team',
  z.object({
    ...RecordBase,
    ...teamFields,
    memberIds: z
      .array(Id)
      .max(CONTRACT_LIMITS.teamMembers)
      .describe(
        `Derived from users' \`teamIds\`: the first ${CONTRACT_LIMITS.teamMembers} members by name; \`GET /v1/users?filter[teamIds]=<id>\` lists them all.`,
      ),
  }),
  "A group of users. `memberIds` is derived from users' `teamIds`.",
);
export type Team = z.infer<typeof Team>;
export const TeamCreate = named('TeamCreate', z.strictObject(teamFields).partial().required({ name: true }));
export type TeamCreate = z.infer<typeof TeamCreate>;
export const TeamUpdate = named('TeamUpdate', z.strictObject(teamFields).partial());
export type TeamUpdate = z.infer<typeof TeamUpdate>;

/** The caller: who they are and what they may do. */
export const Me = named(
  'Me',
  z.object({
    user: User.nullable().describe('Null for an API key that is not tied to a user.'),
    workspace: z.object({ id: Id, name: z.string().max(200) }),
    role: Role,
    permissions: z
      .array(z.string().max(64))
      .max(200)
      .describe('`<resource>:<action>` pairs, e.g. `deals:update`, `users:delete`.'),
  }),
);
export type Me = z.infer<typeof Me>;

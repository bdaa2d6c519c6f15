import { RESOURCE_NAMES, type ResourceName } from '@crmkit/core';
import { activityResource } from './activities.js';
import { companyResource } from './companies.js';
import { contactResource } from './contacts.js';
import { dealResource } from './deals.js';
import type { ResourceDef } from './engine.js';
import { leadResource } from './leads.js';
import { pipelineResource } from './pipelines.js';
import { ticketResource } from './tickets.js';
import { teamResource, userResource } from './users-teams.js';

/** The server's definition of each resource of the contract. */
const DEFS: { readonly [N in ResourceName]: ResourceDef } = {
  companies: companyResource,
  contacts: contactResource,
  leads: leadResource,
  pipelines: pipelineResource,
  deals: dealResource,
  activities: activityResource,
  tickets: ticketResource,
  users: userResource,
  teams: teamResource,
};

/** Every resource definition, in the order of `RESOURCE_NAMES`. */
export const RESOURCE_DEFS: readonly ResourceDef[] = RESOURCE_NAMES.map((name) => DEFS[name]);

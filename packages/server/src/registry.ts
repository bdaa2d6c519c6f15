import { RESOURCE_NAMES, type ResourceName } from '@crmkit/core';
import { activityResource } from './activities/resource.js';
import { companyResource } from './companies/resource.js';
import { contactResource } from './contacts/resource.js';
import { dealResource } from './deals/resource.js';
import { leadResource } from './leads/resource.js';
import { pipelineResource } from './pipelines/resource.js';
import type { ResourceDef } from './resources/engine.js';
import { cannedResponseResource } from './tickets/canned-responses.js';
import { ticketResource } from './tickets/resource.js';
import { userResource } from './users/resource.js';
import { teamResource } from './users/teams.js';

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
  cannedResponses: cannedResponseResource,
};

/** Every resource definition, in the order of `RESOURCE_NAMES`. */
export const RESOURCE_DEFS: readonly ResourceDef[] = RESOURCE_NAMES.map((name) => DEFS[name]);

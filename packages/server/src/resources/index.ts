import { activityResource } from './activities.js';
import { companyResource } from './companies.js';
import { contactResource } from './contacts.js';
import { dealResource } from './deals.js';
import type { ResourceDef } from './engine.js';
import { leadResource } from './leads.js';
import { pipelineResource } from './pipelines.js';
import { ticketResource } from './tickets.js';
import { teamResource, userResource } from './users-teams.js';

export const RESOURCE_DEFS: readonly ResourceDef[] = [
  companyResource,
  contactResource,
  leadResource,
  pipelineResource,
  dealResource,
  userResource,
  teamResource,
  activityResource,
  ticketResource,
];

import { activityResource } from './activities.js';
import { companyResource } from './companies.js';
import { contactResource } from './contacts.js';
import type { ResourceDef } from './engine.js';
import { pipelineResource } from './pipelines.js';
import { ticketResource } from './tickets.js';
import { teamResource, userResource } from './users-teams.js';

export const RESOURCE_DEFS: readonly ResourceDef[] = [
  companyResource,
  contactResource,
  pipelineResource,
  userResource,
  teamResource,
  activityResource,
  ticketResource,
];

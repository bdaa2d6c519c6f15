import { type SegmentFilter, type SegmentResource, segments } from '@crmkit/spec';
import { companyResource } from '../companies/resource.js';
import { contactResource } from '../contacts/resource.js';
import type { RequestContext } from '../core/context.js';
import { dealResource } from '../deals/resource.js';
import { leadResource } from '../leads/resource.js';
import { Params } from '../query/sql.js';
import type { ResourceDef } from '../resources/engine.js';
import { ticketResource } from '../tickets/resource.js';
import { compileSegment } from './compile.js';

/** The server's definition of each resource a segment can select from. */
const MEMBER_DEFS: Record<SegmentResource, ResourceDef> = {
  contacts: contactResource,
  companies: companyResource,
  leads: leadResource,
  deals: dealResource,
  tickets: ticketResource,
};

/** The resource definition of a segment's members. */
export const memberDef = (resource: SegmentResource): ResourceDef => MEMBER_DEFS[resource];

/** Throws the 400 problem of a filter the workspace's fields do not allow (checked on save, as at each count). */
function validateFilter(ctx: RequestContext & { now: Date }, resource: SegmentResource, filter: SegmentFilter): void {
  compileSegment(ctx, memberDef(resource), resource, filter, ctx.now, new Params());
}

/** Segments: saved filters, checked against the workspace's fields when saved. */
export const segmentResource: ResourceDef = {
  spec: segments,
  permission: 'segments',
  table: {
    table: 'segments',
    idPrefix: 'seg',
    fields: {
      name: { column: 'name', kind: 'text', notNull: true },
      description: { column: 'description', kind: 'text' },
      resource: { column: 'resource', kind: 'text', notNull: true },
      filter: { column: 'filter', kind: 'json', notNull: true },
    },
  },
  async prepareCreate(w, input) {
    const values: Record<string, unknown> = { description: null, resource: 'contacts', ...input };
    validateFilter(w, values.resource as SegmentResource, values.filter as SegmentFilter);
    return values;
  },
  async prepareUpdate(w, patch, existing) {
    if (patch.filter !== undefined || patch.resource !== undefined) {
      const merged = { ...existing, ...patch };
      validateFilter(w, merged.resource as SegmentResource, merged.filter as SegmentFilter);
    }
    return patch;
  },
};

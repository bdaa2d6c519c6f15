import { leads } from '@crmkit/spec';
import { conflict } from '../http/problem.js';
import type { ResourceDef } from '../resources/engine.js';
import { assertLeadSource } from '../workspace/lead-sources.js';

/** Leads: prospects with a source and a qualification status, until `convert` turns them into customers. */
export const leadResource: ResourceDef = {
  spec: leads,
  permission: 'leads',
  entity: 'lead',
  table: {
    table: 'leads',
    idPrefix: 'lea',
    fields: {
      name: { column: 'name', kind: 'text', notNull: true },
      companyName: { column: 'company_name', kind: 'text' },
      email: { column: 'email', kind: 'text' },
      phone: { column: 'phone', kind: 'text' },
      source: { column: 'source', kind: 'text' },
      status: { column: 'status', kind: 'text', notNull: true },
      ownerId: { column: 'owner_id', kind: 'text' },
      notes: { column: 'notes', kind: 'text' },
      tags: { column: 'tags', kind: 'textarr', notNull: true },
      customFields: { column: 'custom_fields', kind: 'json', notNull: true },
      convertedAt: { column: 'converted_at', kind: 'ts', readOnly: true },
      convertedContactId: { column: 'converted_contact_id', kind: 'text', readOnly: true },
      convertedCompanyId: { column: 'converted_company_id', kind: 'text', readOnly: true },
      convertedDealId: { column: 'converted_deal_id', kind: 'text', readOnly: true },
    },
  },
  refs: { ownerId: { table: 'users', what: 'user' } },
  async prepareCreate(w, input) {
    assertLeadSource(w, input.source);
    return {
      companyName: null,
      email: null,
      phone: null,
      source: null,
      status: 'new',
      ownerId: w.principal.userId,
      notes: null,
      tags: [],
      ...input,
      ...(typeof input.email === 'string' ? { email: input.email.toLowerCase() } : {}),
    };
  },
  async prepareUpdate(w, patch, existing) {
    // `convert` is the only way in or out of `converted`; it writes the status itself.
    if (existing.status === 'converted' && patch.status !== 'converted') {
      throw conflict('This lead has been converted; edit its contact instead.', 'lead-converted');
    }
    assertLeadSource(w, patch.source);
    return typeof patch.email === 'string' ? { ...patch, email: patch.email.toLowerCase() } : patch;
  },
  updateEvent(record, existing) {
    return record.status === 'converted' && existing.status !== 'converted' ? 'lead.converted' : 'lead.updated';
  },
};

import { companies } from '@crmkit/spec';
import type { ResourceDef } from '../resources/engine.js';
import { unlinkActivities } from '../timeline/links.js';

/** Companies: plain CRUD; contacts and deals point at them. */
export const companyResource: ResourceDef = {
  spec: companies,
  permission: 'companies',
  entity: 'company',
  table: {
    table: 'companies',
    idPrefix: 'com',
    fields: {
      name: { column: 'name', kind: 'text', notNull: true },
      domain: { column: 'domain', kind: 'text' },
      industry: { column: 'industry', kind: 'text' },
      size: { column: 'size', kind: 'text' },
      phones: { column: 'phones', kind: 'textarr', notNull: true },
      address: { column: 'address', kind: 'json' },
      ownerId: { column: 'owner_id', kind: 'text' },
      tags: { column: 'tags', kind: 'textarr', notNull: true },
      customFields: { column: 'custom_fields', kind: 'json', notNull: true },
    },
  },
  refs: { ownerId: { table: 'users', what: 'user' } },
  async prepareCreate(_w, input) {
    return {
      domain: null,
      industry: null,
      size: null,
      phones: [],
      address: null,
      ownerId: null,
      tags: [],
      ...normalize(input),
    };
  },
  async prepareUpdate(_w, patch) {
    return normalize(patch);
  },
  async beforeDelete(w, existing) {
    // Contacts and deals keep their history but lose the link.
    const ws = w.principal.workspaceId;
    await w.tx.query('UPDATE contacts SET company_id = NULL WHERE workspace_id = $1 AND company_id = $2', [
      ws,
      existing.id,
    ]);
    await w.tx.query('UPDATE deals SET company_id = NULL WHERE workspace_id = $1 AND company_id = $2', [
      ws,
      existing.id,
    ]);
    await unlinkActivities(w, 'company_id', existing.id);
  },
};

function normalize(values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  if (typeof out.domain === 'string') out.domain = out.domain.toLowerCase();
  if (Array.isArray(out.tags)) out.tags = [...new Set(out.tags as string[])];
  if (Array.isArray(out.phones)) out.phones = [...new Set(out.phones as string[])];
  return out;
}

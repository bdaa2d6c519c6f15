import { type Named, nameOrderOf } from '@crmkit/core';
import { nameSortKey } from '@crmkit/core/collation';
import { type Consent, type ConsentChannel, contacts } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import type { ResourceDef } from '../resources/engine.js';
import { rowToRecord } from '../resources/table.js';
import { unlinkActivities } from '../timeline/links.js';
import { assertLeadSource } from '../workspace/lead-sources.js';

const CHANNELS: readonly ConsentChannel[] = ['email', 'sms', 'phone', 'tracking'];

const EMPTY_CONSENT: Consent = {
  email: { granted: null, updatedAt: null },
  sms: { granted: null, updatedAt: null },
  phone: { granted: null, updatedAt: null },
  tracking: { granted: null, updatedAt: null },
};

/** Merges consent changes, stamping the time of each channel that changed. */
function mergeConsent(
  w: WriteContext,
  current: Consent,
  input: Partial<Record<ConsentChannel, boolean | null>> | undefined,
): Consent {
  const out: Consent = { ...EMPTY_CONSENT, ...current };
  for (const ch of CHANNELS) {
    const v = input?.[ch];
    if (v === undefined || v === out[ch].granted) continue;
    out[ch] = { granted: v, updatedAt: w.now.toISOString() };
  }
  return out;
}

/**
 * The name order to store when a write sets the name without one: what the name says, read in the language the
 * request was written in (`inputLocale`: `Content-Language`, else the user's locale — never the workspace's); none
 * without a full name. On an update, an order chosen against what the old name said stays; one that only repeated
 * it follows the new name.
 */
function inferredOrder(w: WriteContext, next: Named, previous?: Named): Named['nameOrder'] {
  if (!next.firstName?.trim() || !next.lastName?.trim()) return previous?.nameOrder ?? null;
  const chosen = previous?.nameOrder;
  if (chosen && previous?.firstName && previous.lastName) {
    if (chosen !== nameOrderOf({ ...previous, nameOrder: null }, w.inputLocale)) return chosen;
  }
  return nameOrderOf({ ...next, nameOrder: null }, w.inputLocale);
}

/** Lower-cased, de-duplicated emails; de-duplicated phones and tags. */
function normalize(values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  if (Array.isArray(out.emails)) out.emails = [...new Set((out.emails as string[]).map((e) => e.trim().toLowerCase()))];
  if (Array.isArray(out.phones)) out.phones = [...new Set(out.phones as string[])];
  if (Array.isArray(out.tags)) out.tags = [...new Set(out.tags as string[])];
  return out;
}

/** Contacts: people, with consent per channel and a lifecycle stage. */
export const contactResource: ResourceDef = {
  spec: contacts,
  permission: 'contacts',
  entity: 'contact',
  table: {
    table: 'contacts',
    idPrefix: 'con',
    fields: {
      firstName: { column: 'first_name', kind: 'text', notNull: true },
      lastName: { column: 'last_name', kind: 'text', notNull: true },
      nameOrder: { column: 'name_order', kind: 'text' },
      salutation: { column: 'salutation', kind: 'text' },
      // `sort=name`: the name's key in the workspace's language (see `columns`).
      name: { column: 'sort_name', kind: 'text', notNull: true, readOnly: true, hidden: true },
      emails: { column: 'emails', kind: 'textarr', notNull: true },
      phones: { column: 'phones', kind: 'textarr', notNull: true },
      companyId: { column: 'company_id', kind: 'text' },
      title: { column: 'title', kind: 'text' },
      birthday: { column: 'birthday', kind: 'date' },
      lifecycleStage: { column: 'lifecycle_stage', kind: 'text', notNull: true },
      source: { column: 'source', kind: 'text' },
      ownerId: { column: 'owner_id', kind: 'text' },
      consent: { column: 'consent', kind: 'json', notNull: true },
      tags: { column: 'tags', kind: 'textarr', notNull: true },
      customFields: { column: 'custom_fields', kind: 'json', notNull: true },
      lastContactedAt: { column: 'last_contacted_at', kind: 'ts', readOnly: true },
    },
  },
  refs: { companyId: { table: 'companies', what: 'company' }, ownerId: { table: 'users', what: 'user' } },
  toRecord(row) {
    const record = rowToRecord(contactResource.table, row);
    record.consent = { ...EMPTY_CONSENT, ...(row.consent as Partial<Consent>) };
    return record;
  },
  columns: (w, record) => ({ sort_name: nameSortKey(record as Named, w.principal.settings.defaultLocale) }),
  async prepareCreate(w, input) {
    assertLeadSource(w, input.source);
    const values: Record<string, unknown> = {
      firstName: '',
      lastName: '',
      nameOrder: null,
      salutation: null,
      emails: [],
      phones: [],
      companyId: null,
      title: null,
      birthday: null,
      lifecycleStage: 'potential',
      source: null,
      ownerId: null,
      tags: [],
      ...normalize(input),
      consent: mergeConsent(w, EMPTY_CONSENT, input.consent as never),
    };
    values.nameOrder ??= inferredOrder(w, values as Named);
    return values;
  },
  async prepareUpdate(w, patch, existing) {
    assertLeadSource(w, patch.source);
    const out = normalize(patch);
    if (patch.nameOrder === undefined && (patch.firstName !== undefined || patch.lastName !== undefined)) {
      out.nameOrder = inferredOrder(w, { ...existing, ...out } as Named, existing as Named);
    }
    if (patch.consent !== undefined) out.consent = mergeConsent(w, existing.consent as Consent, patch.consent as never);
    return out;
  },
  async beforeDelete(w, existing) {
    const ws = w.principal.workspaceId;
    await w.tx.query(
      'UPDATE deals SET contact_ids = array_remove(contact_ids, $2) WHERE workspace_id = $1 AND $2 = ANY(contact_ids)',
      [ws, existing.id],
    );
    await w.tx.query('UPDATE tickets SET requester_id = NULL WHERE workspace_id = $1 AND requester_id = $2', [
      ws,
      existing.id,
    ]);
    await unlinkActivities(w, 'contact_id', existing.id);
  },
};

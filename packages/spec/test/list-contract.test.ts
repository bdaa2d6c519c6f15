import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_SORTABLE,
  EntityName,
  filterOpsOf,
  listField,
  RESOURCE_NAMES,
  readListField,
  resources,
  standardFields,
} from '../src/index.js';

const doc = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
type Param = { name: string; description?: string; schema: Record<string, any> };
const paramOf = (op: { parameters: Param[] }, name: string) => op.parameters.find((p) => p.name === name)!;

describe('what each list sorts, filters and searches by is in openapi.json', () => {
  for (const name of RESOURCE_NAMES) {
    const r = resources[name];
    it(`${name}: sort enum, filter fields with their operators, q fields, default order`, () => {
      const op = doc.paths[`/v1/${name}`].get;
      const sortable = [...r.sortable, ...ALWAYS_SORTABLE];
      const sort = paramOf(op, 'sort');
      expect(sort.schema.default).toBe(r.defaultSort);
      expect(sort.schema.anyOf[0].enum).toEqual(sortable.flatMap((f) => [f, `-${f}`]));
      expect(sort.schema.anyOf[1].pattern).toBe('^-?customFields\\.[a-z][a-zA-Z0-9_]{0,63}$');
      const filter = paramOf(op, 'filter');
      expect(filter.schema.additionalProperties).toBe(false);
      expect(Object.keys(filter.schema.properties)).toEqual([...r.filterable]);
      for (const field of r.filterable) {
        const ops = filter.schema.properties[field].anyOf[1].properties;
        expect(Object.keys(ops), field).toEqual(filterOpsOf(listField(r, field)));
      }
      for (const field of r.searchable) expect(paramOf(op, 'q').description).toContain(`\`${field}\``);
      expect(op['x-crmkit-list']).toMatchObject({
        defaultSort: r.defaultSort,
        sortable,
        searchable: [...r.searchable],
      });
      expect(Object.keys(op['x-crmkit-list'].filterable)).toEqual([...r.filterable]);
      expect(op.description).toContain(`Default order: \`${r.defaultSort}\``);
      // The search operation names the same fields.
      expect(doc.paths[`/v1/${name}/search`].post['x-crmkit-list']).toEqual(op['x-crmkit-list']);
    });
  }

  it('says what the operators mean: `in`, case, arrays, null', () => {
    const text = paramOf(doc.paths['/v1/contacts'].get, 'filter').description!;
    expect(text).toContain('`in` (comma-separated, at most 100 values)');
    expect(text).toContain('`contains` and `startsWith` ignore case');
    expect(text).toContain('`neq` keeps records not holding it (empty lists included)');
    expect(text).toContain('`isNull=true` keeps records whose list is empty');
    const tags = listField(resources.contacts, 'tags');
    expect(tags).toMatchObject({ kind: 'texts', nullable: true });
    expect(filterOpsOf(tags)).toEqual(['eq', 'neq', 'in', 'contains', 'startsWith', 'isNull']);
  });

  it('the deals aggregate documents the deal filters it takes', () => {
    const filter = paramOf(doc.paths['/v1/deals/aggregate'].get, 'filter');
    expect(Object.keys(filter.schema.properties)).toEqual([...resources.deals.filterable]);
  });
});

describe("tickets' slaStatus and nextBreachAt are core fields that read sla.status and sla.nextBreachAt", () => {
  it('are documented with their meaning', () => {
    const op = doc.paths['/v1/tickets'].get;
    const filter = paramOf(op, 'filter').schema.properties;
    expect(filter.slaStatus.description).toContain('`sla.status` (null while `sla` is null)');
    expect(filter.nextBreachAt.description).toContain('`sla.nextBreachAt` (null while `sla` is null)');
    expect(op['x-crmkit-list'].derived).toEqual({
      slaStatus: 'sla.status',
      nextBreachAt: 'sla.nextBreachAt',
      snoozedUntil: 'snooze.until',
    });
    expect(op['x-crmkit-capability']).toBeUndefined();
    expect(op.description).toContain('`slaStatus` is `sla.status`');
  });

  it('read the nested value, null without an SLA', () => {
    const status = listField(resources.tickets, 'slaStatus');
    expect(status).toMatchObject({ kind: 'enum', nullable: true, path: ['sla', 'status'] });
    expect(readListField(status, { sla: { status: 'paused' } })).toBe('paused');
    expect(readListField(status, { sla: null })).toBeNull();
    expect(listField(resources.tickets, 'nextBreachAt')).toMatchObject({ kind: 'datetime', nullable: true });
  });
});

describe('the rules a second server would otherwise have to guess', () => {
  const info = doc.info.description as string;

  it('states the order in which errors are decided', () => {
    expect(info).toContain(
      "401 (no valid token); 404 when the resource's module is switched off in the workspace or the operation belongs to a capability the server lacks; 403 (the role may not do this); 415 (the body is not JSON); 413 (the body is over 1 MB); 400 (malformed JSON, then invalid values, then a malformed header or query parameter); 404 (no such record); then 412 (stale `If-Match`) or 409",
    );
  });

  it('states how deep PATCH merges and who keeps lastContactedAt', () => {
    expect(info).toContain('`customFields` and `consent` merge one level deep');
    expect(doc.paths['/v1/contacts/{id}'].patch.description).toContain('merge one level deep');
    expect(info).toContain('`lastContactedAt` is kept by the server, not written by clients');
  });
});

describe('the standard fields GET /v1/schema declares', () => {
  it('are listed per entity, in words and machine-readable', () => {
    const op = doc.paths['/v1/schema'].get;
    const listed = op['x-crmkit-standard-fields'];
    expect(Object.keys(listed)).toEqual(EntityName.options);
    const contact = listed.contact.map((f: { key: string }) => f.key);
    expect(contact).toEqual(expect.arrayContaining(['ownerId', 'companyId', 'tags', 'lastContactedAt']));
    for (const key of ['ownerId', 'companyId', 'tags', 'lastContactedAt'])
      expect(op.description).toContain(`\`${key}\``);
    expect(doc.components.schemas.WorkspaceSchema.properties.fields.description).toContain('standard fields');
  });

  it('sort and filter exactly as their resource lists do', () => {
    for (const entity of EntityName.options) {
      for (const f of standardFields(entity)) {
        const r = Object.values(resources).find((x) => x.singular === entity)!;
        expect(f.sortable, `${entity}.${f.key}`).toBe(r.sortable.includes(f.key));
        expect(f.filterable, `${entity}.${f.key}`).toBe(r.filterable.includes(f.key));
      }
    }
  });
});

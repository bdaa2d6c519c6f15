import type { EntityName, EventType, FieldType, FilterNode, ResourceSpec } from '@crmkit/spec';
import type { Action, PermissionResource } from '../auth/permissions.js';
import { can } from '../auth/permissions.js';
import { dbOf, type RequestContext, type WriteContext, withWrite } from '../core/context.js';
import { newId } from '../core/ids.js';
import type { Queryable } from '../db/types.js';
import { forbidden, notFound, ProblemError, parseOrThrow, preconditionFailed } from '../http/problem.js';
import type { FieldResolver, ResolvedField } from '../query/filters.js';
import { countRows, type ListRequest, listRows } from '../query/list.js';
import { searchTextOf } from '../query/search-text.js';
import { customFieldDefs, validateCustomFields } from './custom-fields.js';
import { assertReferences, type Reference } from './references.js';
import { BASE_FIELDS, fieldOf, recordToColumns, rowToRecord, type TableDef } from './table.js';

export type AnyRecord = Record<string, unknown> & { id: string; version: number };
type Row = Record<string, unknown>;

/**
 * A CRUD resource of the reference server: the contract's descriptor, its table, and the hooks that
 * hold its own rules. Everything else (lists, search, batch, ETags, events) is shared.
 */
export interface ResourceDef {
  spec: ResourceSpec;
  table: TableDef;
  permission: PermissionResource;
  /** The entity whose custom fields and module switch apply. */
  entity?: EntityName;
  /** Fields that reference other records. */
  refs?: Record<string, Reference>;
  /** Builds the API record from a row; default: the table mapping. */
  toRecord?(row: Row): Record<string, unknown>;
  /** Adds data from other tables to a page of records (e.g. team members). */
  decorate?(ctx: RequestContext, records: AnyRecord[]): Promise<void>;
  /** Defaults and normalisation on create; returns the values to store. */
  prepareCreate?(w: WriteContext, input: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Normalisation and derived values on update; returns the values to store. */
  prepareUpdate?(
    w: WriteContext,
    patch: Record<string, unknown>,
    existing: AnyRecord,
  ): Promise<Record<string, unknown>>;
  /**
   * Columns computed from the whole record on every write, like `search_text` (contacts' `sort_name`): column →
   * value, from the values stored on create, and from the existing record with the update applied on update.
   */
  columns?(w: WriteContext, record: Record<string, unknown>): Record<string, unknown>;
  /** Side effects after a write, inside its transaction. */
  afterWrite?(w: WriteContext, record: AnyRecord, existing: AnyRecord | null): Promise<void>;
  /** Checks before a delete (e.g. a pipeline that still holds deals). */
  beforeDelete?(w: WriteContext, existing: AnyRecord): Promise<void>;
  /** Side effects after a delete, inside its transaction (the row is gone). */
  afterDelete?(w: WriteContext, existing: AnyRecord): Promise<void>;
  /** The event of an update; default `<singular>.updated`. */
  updateEvent?(record: AnyRecord, existing: AnyRecord): EventType;
  /** Filterable expressions that are no column (e.g. whether a deal rots, which depends on its stage and the clock). */
  virtualFields?(ctx: RequestContext): Record<string, ResolvedField>;
  /**
   * Conditions the list adds for its own query parameters (`ResourceSpec.listQuery`, e.g. tickets' `view`), given them
   * parsed; undefined when they add none.
   */
  listScope?(ctx: RequestContext, query: Record<string, unknown>): ListRequest['where'];
}

/** Throws 403 unless the caller may do `action` on the resource; 404 when the module is switched off. */
export function authorize(ctx: RequestContext, def: ResourceDef, action: Action): void {
  if (def.entity && ctx.principal.settings.modules[def.entity] === false) {
    throw new ProblemError(404, 'module-disabled', 'Not found', {
      detail: `The ${def.spec.name} module is switched off in this workspace.`,
    });
  }
  if (!can(ctx.principal.role, def.permission, action)) {
    throw forbidden(`The ${ctx.principal.role} role may not ${action} ${def.spec.name}.`);
  }
}

/** The field resolver of a resource: its table fields plus `customFields.<key>`. */
export function resolverFor(ctx: RequestContext, def: ResourceDef): FieldResolver {
  const allowed = new Set([...def.spec.filterable, ...def.spec.sortable, ...Object.keys(BASE_FIELDS)]);
  const defs = def.entity ? customFieldDefs(ctx.principal.settings, def.entity) : [];
  return (name): ResolvedField | undefined => {
    if (name.startsWith('customFields.')) {
      const cf = defs.find((d) => d.key === name.slice('customFields.'.length));
      return cf ? customFieldExpr(cf.key, cf.type) : undefined;
    }
    const f = allowed.has(name) ? fieldOf(def.table, name) : undefined;
    if (!f) return def.virtualFields?.(ctx)[name];
    return {
      expr: f.column,
      kind: f.kind,
      ...(f.notNull ? { notNull: true } : {}),
      ...(f.sortExpr ? { sortExpr: f.sortExpr } : {}),
    };
  };
}

/** How many leading characters of a custom text field lists order by. */
const SORT_PREFIX = 100;

/**
 * The SQL of custom field `key` (a key the workspace defines, so safe to inline) as its type. A stored value of
 * another JSON type (say, after the field's type changed) reads as NULL rather than failing the query.
 */
function customFieldExpr(key: string, type: FieldType): ResolvedField {
  const json = { column: 'custom_fields', key };
  const value = `custom_fields->'${key}'`;
  const text = `(custom_fields->>'${key}')`;
  const when = (jsonType: string, expr: string) =>
    `(CASE WHEN jsonb_typeof(${value}) = '${jsonType}' THEN ${expr} END)`;
  switch (type) {
    case 'number':
    case 'currency':
      return { expr: when('number', `${text}::numeric`), kind: 'numeric', json };
    case 'boolean':
      return { expr: when('boolean', `${text}::boolean`), kind: 'bool', json };
    case 'date':
      return { expr: `(CASE WHEN ${text} ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN ${text}::date END)`, kind: 'date', json };
    case 'multiselect':
      return {
        expr: `ARRAY(SELECT jsonb_array_elements_text(${when('array', value)}))`,
        kind: 'textarr',
        json,
      };
    default: {
      // Text values may be 10,000 characters long: order by a prefix so a cursor stays small.
      const expr = when('string', text);
      return { expr, kind: 'text', json, sortExpr: `left(${expr}, ${SORT_PREFIX})` };
    }
  }
}

/** Maps rows to records and decorates them. */
export async function toRecords(ctx: RequestContext, def: ResourceDef, rows: Row[]): Promise<AnyRecord[]> {
  const records = rows.map((r) => (def.toRecord ? def.toRecord(r) : rowToRecord(def.table, r)) as AnyRecord);
  if (def.decorate && records.length > 0) await def.decorate(ctx, records);
  return records;
}

/** One record by id in the caller's workspace, or a 404 problem. `lock` takes a row lock (in a write). */
export async function getRecord(
  ctx: RequestContext,
  def: ResourceDef,
  id: string,
  db: Queryable = dbOf(ctx),
  lock = false,
): Promise<AnyRecord> {
  // No stored id is longer than 64 characters or holds a NUL: answer without asking the database.
  if (id.length === 0 || id.length > 64 || id.includes('\u0000')) throw notFound(def.spec.singular, id.slice(0, 64));
  const { rows } = await db.query(
    `SELECT * FROM ${def.table.table} WHERE workspace_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [ctx.principal.workspaceId, id],
  );
  if (!rows[0]) throw notFound(def.spec.singular, id);
  const [record] = await toRecords(ctx, def, rows);
  return record!;
}

/** A page of records, and with `count` how many the whole list holds. */
export async function listRecords(ctx: RequestContext, def: ResourceDef, req: Omit<ListRequest, 'workspaceId'>) {
  const source = {
    table: def.table.table,
    resolve: resolverFor(ctx, def),
    sortable: def.spec.sortable,
    defaultSort: def.spec.defaultSort,
    searchable: def.spec.searchable.length > 0,
  };
  const full = { ...req, workspaceId: ctx.principal.workspaceId };
  const page = await listRows(dbOf(ctx), source, full);
  const data = await toRecords(ctx, def, page.rows);
  if (!req.count) return { data, nextCursor: page.nextCursor };
  return { data, nextCursor: page.nextCursor, count: await countRows(dbOf(ctx), source, full) };
}

/** The text that `q` matches, from the resource's searchable fields (see `searchTextOf`). */
function searchText(def: ResourceDef, record: Record<string, unknown>): string {
  return searchTextOf(def.spec.searchable.map((f) => record[f]));
}

/** The resource's computed columns for a record (see `ResourceDef.columns`). */
function computedColumns(w: WriteContext, def: ResourceDef, record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(def.columns?.(w, record) ?? {});
}

async function checkRefsAndCustom(
  w: WriteContext,
  def: ResourceDef,
  values: Record<string, unknown>,
  existing: AnyRecord | null,
) {
  if (def.refs) await assertReferences(w.tx, w.principal.workspaceId, def.refs, values);
  if (def.entity && 'customFields' in def.table.fields && (values.customFields !== undefined || existing === null)) {
    values.customFields = validateCustomFields(
      w.principal.settings,
      def.entity,
      values.customFields as Record<string, never> | undefined,
      (existing?.customFields as Record<string, never> | undefined) ?? null,
    );
  }
}

/** Creates a record from an unvalidated body, in the write's transaction; emits `<singular>.created`. */
export async function createRecord(w: WriteContext, def: ResourceDef, body: unknown, id?: string): Promise<AnyRecord> {
  const input = parseOrThrow(def.spec.create, body) as Record<string, unknown>;
  const values = def.prepareCreate ? await def.prepareCreate(w, input) : { ...input };
  await checkRefsAndCustom(w, def, values, null);
  const cols = [...recordToColumns(def.table, values), ...computedColumns(w, def, values)];
  const recordId = id ?? newId(def.table.idPrefix, w.now.getTime());
  const names = ['id', 'workspace_id', 'version', 'created_at', 'updated_at', 'search_text', ...cols.map(([c]) => c)];
  const params: unknown[] = [
    recordId,
    w.principal.workspaceId,
    1,
    w.now.toISOString(),
    w.now.toISOString(),
    searchText(def, values),
    ...cols.map(([, v]) => v),
  ];
  const { rows } = await w.tx.query(
    `INSERT INTO ${def.table.table} (${names.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    params,
  );
  const [record] = await toRecords(w, def, rows);
  await def.afterWrite?.(w, record!, null);
  const final = def.afterWrite ? await getRecord(w, def, recordId, w.tx) : record!;
  w.emit({
    type: `${def.spec.singular}.created` as EventType,
    resource: def.spec.name,
    resourceId: recordId,
    data: final,
  });
  return final;
}

/** Applies a validated patch with optimistic concurrency; emits `<singular>.updated` (or the def's event). */
export async function updateRecord(
  w: WriteContext,
  def: ResourceDef,
  id: string,
  body: unknown,
  ifVersion: number | null,
): Promise<AnyRecord> {
  const patch = parseOrThrow(def.spec.update, body) as Record<string, unknown>;
  return applyUpdate(w, def, id, patch, ifVersion);
}

/** Writes already-validated values to a record (for server-side changes such as conversions). */
export async function applyUpdate(
  w: WriteContext,
  def: ResourceDef,
  id: string,
  patch: Record<string, unknown>,
  ifVersion: number | null,
): Promise<AnyRecord> {
  const existing = await getRecord(w, def, id, w.tx, true);
  if (ifVersion !== null && existing.version !== ifVersion) throw preconditionFailed(existing);
  const values = def.prepareUpdate ? await def.prepareUpdate(w, patch, existing) : { ...patch };
  await checkRefsAndCustom(w, def, values, existing);
  const updated = await storeUpdate(w, def, existing, values);
  await def.afterWrite?.(w, updated, existing);
  const final = def.afterWrite ? await getRecord(w, def, id, w.tx) : updated;
  const type = def.updateEvent?.(final, existing) ?? (`${def.spec.singular}.updated` as EventType);
  w.emit({ type, resource: def.spec.name, resourceId: id, data: final, changed: changedFields(existing, final) });
  return final;
}

/** The fields whose values differ between two versions of a record (`customFields.<key>` for custom fields). */
export function changedFields(before: AnyRecord, after: AnyRecord): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
  for (const key of Object.keys(after)) {
    if (key === 'version' || key === 'updatedAt') continue;
    if (key === 'customFields' && after.customFields && typeof after.customFields === 'object') {
      const a = (before.customFields ?? {}) as Record<string, unknown>;
      const b = after.customFields as Record<string, unknown>;
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!same(a[k] ?? null, b[k] ?? null)) out.push(`customFields.${k}`);
      }
    } else if (!same(before[key], after[key])) out.push(key);
  }
  return out;
}

/**
 * Stores prepared `values` over `existing` (locked by the caller) in one statement — a new version, `updatedAt` and
 * search text — and returns the record as stored. No hooks, no event: the caller's write does those.
 */
export async function storeUpdate(
  w: WriteContext,
  def: ResourceDef,
  existing: AnyRecord,
  values: Record<string, unknown>,
): Promise<AnyRecord> {
  const cols = [...recordToColumns(def.table, values), ...computedColumns(w, def, { ...existing, ...values })];
  const params: unknown[] = [
    w.principal.workspaceId,
    existing.id,
    w.now.toISOString(),
    searchText(def, { ...existing, ...values }),
    ...cols.map(([, v]) => v),
  ];
  const sets = cols.map(([c], i) => `${c} = $${i + 5}`);
  const { rows } = await w.tx.query(
    `UPDATE ${def.table.table} SET version = version + 1, updated_at = $3, search_text = $4${sets.length ? `, ${sets.join(', ')}` : ''} WHERE workspace_id = $1 AND id = $2 RETURNING *`,
    params,
  );
  const [record] = await toRecords(w, def, rows);
  return record!;
}

/** Deletes a record with optimistic concurrency; emits `<singular>.deleted`. */
export async function deleteRecord(
  w: WriteContext,
  def: ResourceDef,
  id: string,
  ifVersion: number | null,
): Promise<void> {
  const existing = await getRecord(w, def, id, w.tx, true);
  if (ifVersion !== null && existing.version !== ifVersion) throw preconditionFailed(existing);
  await def.beforeDelete?.(w, existing);
  await w.tx.query(`DELETE FROM ${def.table.table} WHERE workspace_id = $1 AND id = $2`, [w.principal.workspaceId, id]);
  await def.afterDelete?.(w, existing);
  w.emit({ type: `${def.spec.singular}.deleted` as EventType, resource: def.spec.name, resourceId: id, data: { id } });
}

/** Runs a create in its own transaction. */
export const create = (ctx: RequestContext, def: ResourceDef, body: unknown) =>
  withWrite(ctx, (w) => createRecord(w, def, body));

/** Builds the list filter from query-string conditions. */
export function andAll(conditions: FilterNode[]): FilterNode | undefined {
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { and: conditions };
}

import { BatchRequest, ListQuery, SearchRequest } from '@crmkit/spec';
import type { Context, Hono } from 'hono';
import { type WriteContext, withSavepoint, withWrite } from '../core/context.js';
import { readBody } from '../http/body.js';
import { requireCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { etagOf, ifMatchVersion } from '../http/etag.js';
import { badRequest, parseOrThrow, problemOf } from '../http/problem.js';
import { parseQueryFilters } from '../query/filters.js';
import {
  andAll,
  authorize,
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  type ResourceDef,
  updateRecord,
} from './engine.js';

/**
 * Parses the common list query (`limit`, `cursor`, `sort`, `q`, `updatedSince`, `filter[...]`) and the resource's own
 * list parameters (`listQuery` of its descriptor): those named like one of the resource's virtual fields (deals'
 * `rotting`) become conditions on it; all of them are returned as `own` for the resource's `listScope` (tickets' `view`).
 */
export function parseListQuery(c: Context<AppEnv>, def?: ResourceDef) {
  const url = new URL(c.req.url);
  for (const [key, value] of url.searchParams) {
    if (key.includes('\u0000') || value.includes('\u0000')) {
      throw badRequest('Query parameters may not contain NUL characters.', [{ path: key, message: 'contains NUL' }]);
    }
  }
  const params = Object.fromEntries([...url.searchParams].filter(([k]) => !k.startsWith('filter')));
  const query = parseOrThrow(ListQuery, params);
  const own = def?.spec.listQuery
    ? (parseOrThrow(def.spec.listQuery, params) as Record<string, string | undefined>)
    : {};
  const virtual = def?.virtualFields?.(c.get('ctx')) ?? {};
  const conditions = Object.entries(own).flatMap(([field, value]) =>
    value === undefined || !(field in virtual) ? [] : [{ field, op: 'eq' as const, value }],
  );
  return {
    ...query,
    count: query.count === 'true',
    own,
    filter: andAll([...parseQueryFilters(url.searchParams), ...conditions]),
  };
}

/** Sends a record with its ETag. */
export function sendRecord(c: Context<AppEnv>, record: { version: number }, status: 200 | 201 = 200) {
  if (c.get('server').capabilities.etags) c.header('ETag', etagOf(record.version));
  return c.json(record, status);
}

type BatchOp = BatchRequest['operations'][number];

/** One operation of a batch, in its savepoint: the status it would have had alone, and the record. */
async function batchOperation(w: WriteContext, def: ResourceDef, op: BatchOp) {
  const ifVersion = (v: number | undefined) => (w.capabilities.etags ? (v ?? null) : null);
  if (op.op === 'create') {
    authorize(w, def, 'create');
    return { status: 201, data: await createRecord(w, def, op.data) };
  }
  if (op.op === 'update') {
    authorize(w, def, 'update');
    return { status: 200, data: await updateRecord(w, def, op.id, op.data, ifVersion(op.ifVersion)) };
  }
  authorize(w, def, 'delete');
  await deleteRecord(w, def, op.id, ifVersion(op.ifVersion));
  return { status: 204 };
}

/** Registers list, create, get, update, delete, search and batch for a resource. */
export function registerCrudRoutes(app: Hono<AppEnv>, def: ResourceDef): void {
  const base = `/v1/${def.spec.name}`;

  app.get(base, async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, def, 'read');
    const { own, ...query } = parseListQuery(c, def);
    const where = def.listScope?.(ctx, own);
    return c.json(await listRecords(ctx, def, { ...query, ...(where ? { where } : {}) }));
  });

  app.post(`${base}/search`, async (c) => {
    requireCapability(c, 'search');
    const ctx = c.get('ctx');
    authorize(ctx, def, 'read');
    const body = await readBody(c, SearchRequest);
    return c.json(await listRecords(ctx, def, body));
  });

  app.post(`${base}/batch`, async (c) => {
    requireCapability(c, 'batch');
    const ctx = c.get('ctx');
    const { operations } = await readBody(c, BatchRequest);
    // One transaction for the whole batch, one savepoint per operation: each succeeds or fails on its own, and a
    // crash part-way commits none of them (a retry with the same Idempotency-Key then runs the whole batch again).
    const results = await withWrite(ctx, async (w) => {
      const out = [];
      for (const [index, op] of operations.entries()) {
        try {
          out.push({ index, ...(await withSavepoint(w, (item) => batchOperation(item, def, op))) });
        } catch (error) {
          const problem = problemOf(error);
          if (!problem) throw error;
          out.push({ index, status: problem.problem.status, error: problem.problem });
        }
      }
      return out;
    });
    return c.json({ results });
  });

  app.post(base, async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, def, 'create');
    const body = await readBody(c, def.spec.create);
    const record = await withWrite(ctx, (w) => createRecord(w, def, body));
    c.header('Location', `${base}/${record.id}`);
    return sendRecord(c, record, 201);
  });

  app.get(`${base}/:id`, async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, def, 'read');
    return sendRecord(c, await getRecord(ctx, def, c.req.param('id')));
  });

  app.patch(`${base}/:id`, async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, def, 'update');
    // The body is judged before the headers: 415, 413 and 400 (body, then If-Match syntax) in the contract's order.
    const body = await readBody(c, def.spec.update);
    const ifVersion = ifMatchVersion(c, ctx.capabilities.etags);
    return sendRecord(c, await withWrite(ctx, (w) => updateRecord(w, def, c.req.param('id'), body, ifVersion)));
  });

  app.delete(`${base}/:id`, async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, def, 'delete');
    const ifVersion = ifMatchVersion(c, ctx.capabilities.etags);
    await withWrite(ctx, (w) => deleteRecord(w, def, c.req.param('id'), ifVersion));
    return c.body(null, 204);
  });
}

import type { Filter, FilterScalar, ListQuery, Page } from './types.js';

const text = (v: FilterScalar | readonly FilterScalar[]): string => (Array.isArray(v) ? v.join(',') : String(v));

/**
 * The query parameters of a filter: `{ lifecycleStage: ['active', 'loyal'], probability: { gte: 50 } }` becomes
 * `filter[lifecycleStage]=active,loyal` and `filter[probability][gte]=50`; `null` is sent as `null` (SQL NULL).
 *
 * @example
 * filterParams({ ownerId: { isNull: true } }); // { 'filter[ownerId][isNull]': 'true' }
 */
export function filterParams<T>(filter: Filter<T> = {}): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [field, value] of Object.entries(filter) as [string, Filter[string]][]) {
    if (value === undefined) continue;
    const key = `filter[${encodeURIComponent(field)}]`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [op, v] of Object.entries(value)) if (v !== undefined) params[`${key}[${op}]`] = text(v);
    } else {
      params[key] = text(value as FilterScalar | readonly FilterScalar[]);
    }
  }
  return params;
}

/** The query parameters of a list query, its filter flattened. */
export function listParams<T>({ filter, count, ...query }: ListQuery<T> = {}): Record<string, string | number> {
  return {
    ...(query as Record<string, string | number>),
    ...(count ? { count: 'true' } : {}),
    ...filterParams(filter),
  };
}

/**
 * Every item of a paginated list, fetching one page at a time as the loop asks for more.
 *
 * @example
 * for await (const c of paginate((cursor) => crm.contacts.list({ cursor }))) console.log(c.id);
 */
export async function* paginate<T>(
  page: (cursor: string | undefined) => Promise<Page<T>>,
  cursor?: string,
): AsyncGenerator<T, void, undefined> {
  do {
    const { data, nextCursor } = await page(cursor);
    yield* data;
    cursor = nextCursor ?? undefined;
  } while (cursor);
}

import { z } from 'zod';
import { named } from './registry.js';

/** Operators of a search condition. */
export const FilterOp = z.enum(['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'isNull']);
export type FilterOp = z.infer<typeof FilterOp>;

export const FilterScalar = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
export type FilterScalar = z.infer<typeof FilterScalar>;

/** One condition: `{ "field": "lifecycleStage", "op": "in", "value": ["active", "loyal"] }`. */
export const FilterCondition = named(
  'FilterCondition',
  z.strictObject({
    field: z.string().min(1).max(100).describe('A field name, or `customFields.<key>`.'),
    op: FilterOp,
    value: z.union([FilterScalar, z.array(FilterScalar).max(100)]).optional(),
  }),
);
export type FilterCondition = z.infer<typeof FilterCondition>;

/** A filter tree of `and` / `or` / `not` over conditions. */
export type FilterNode = FilterCondition | { and: FilterNode[] } | { or: FilterNode[] } | { not: FilterNode };

/** Limits the server enforces on a filter tree. */
export const SEARCH_LIMITS = { maxDepth: 6, maxConditions: 50, maxInValues: 100 } as const;

export const FilterNode: z.ZodType<FilterNode> = named(
  'FilterNode',
  z.union([
    FilterCondition,
    z.strictObject({
      get and() {
        return z.array(FilterNode).min(1).max(SEARCH_LIMITS.maxConditions);
      },
    }),
    z.strictObject({
      get or() {
        return z.array(FilterNode).min(1).max(SEARCH_LIMITS.maxConditions);
      },
    }),
    z.strictObject({
      get not() {
        return FilterNode;
      },
    }),
  ]),
  `A filter tree. At most ${SEARCH_LIMITS.maxDepth} levels deep, ${SEARCH_LIMITS.maxConditions} conditions, ${SEARCH_LIMITS.maxInValues} values per \`in\`.`,
);

/** Body of `POST /v1/<resource>/search`. */
export const SearchRequest = named(
  'SearchRequest',
  z.strictObject({
    filter: FilterNode.optional(),
    q: z.string().max(200).optional(),
    sort: z.string().max(100).optional().describe('A sortable field, `-` prefix for descending.'),
    limit: z.int().min(1).max(200).optional(),
    cursor: z.string().max(2000).optional(),
    count: z.boolean().optional().describe('`true`: the page also says how many records match (`count`).'),
  }),
);
export type SearchRequest = z.infer<typeof SearchRequest>;

/** One operation of `POST /v1/<resource>/batch`. */
export const BatchOperation = named(
  'BatchOperation',
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('create'), data: z.record(z.string().max(64), z.unknown()) }),
    z.strictObject({
      op: z.literal('update'),
      id: z.string().min(1).max(64),
      data: z.record(z.string().max(64), z.unknown()),
      ifVersion: z.int().min(1).optional(),
    }),
    z.strictObject({ op: z.literal('delete'), id: z.string().min(1).max(64), ifVersion: z.int().min(1).optional() }),
  ]),
  "`data` is validated as the resource's create or update body.",
);
export type BatchOperation = z.infer<typeof BatchOperation>;

export const BATCH_LIMIT = 100;

export const BatchRequest = named(
  'BatchRequest',
  z.strictObject({ operations: z.array(BatchOperation).min(1).max(BATCH_LIMIT) }),
);
export type BatchRequest = z.infer<typeof BatchRequest>;

import { z } from 'zod';
import { Id } from '../base/primitives.js';
import { type FilterOp, SEARCH_LIMITS } from '../base/search.js';
import { filterOpsOf, type ListField, listField } from '../contract/list-fields.js';
import { ALWAYS_SORTABLE, type ResourceSpec } from '../contract/resources.js';
import type { Json } from './json-schema.js';

/** How list filters behave, stated once for every list (and for search trees, which share the semantics). */
export const FILTER_SEMANTICS = [
  '`filter[field]=v` keeps the records whose field is `v`; a comma-separated `v` means any of the values, like `in`.',
  `\`filter[field][op]=v\` with op \`eq\`, \`neq\`, \`in\` (comma-separated, at most ${SEARCH_LIMITS.maxInValues} values), \`gt\`, \`gte\`, \`lt\`, \`lte\`, \`contains\`, \`startsWith\` or \`isNull\` (\`true\` or \`false\`).`,
  '`contains` and `startsWith` ignore case (Unicode lower case: `ĐỖ` matches `đỗ`) but not accents (`do` does not match `đỗ`).',
  'The value `null` means "no value" for `eq`, `neq` and `in`; `neq` keeps the records whose value is null.',
  'On list fields (`tags`, `emails`, ...): `eq` / `in` keep records holding the value (any of the values), `neq` keeps records not holding it (empty lists included), `contains` / `startsWith` match an element, `isNull=true` keeps records whose list is empty.',
  'Several filters all apply (AND). Which operators each field takes: the schema of `filter`. Custom fields filter as `customFields.<key>`.',
].join(' ');

const ID_PATTERN = (z.toJSONSchema(Id) as Json).pattern as string;
const CUSTOM_FIELD = '^customFields\\.[a-z][a-zA-Z0-9_]{0,63}$';

/** The sort and filter fields of a resource, with what they mean. */
export function listFieldsOf(resource: ResourceSpec): { sort: string[]; filter: ListField[] } {
  return {
    sort: [...resource.sortable, ...ALWAYS_SORTABLE],
    filter: resource.filterable.map((name) => listField(resource, name)),
  };
}

/** One value of a field, as query text. */
function scalar(field: ListField): Json {
  switch (field.kind) {
    case 'enum':
      return { type: 'string', enum: [...field.values!, ...(field.nullable ? ['null'] : [])] };
    case 'id':
      return { type: 'string', maxLength: 64, pattern: ID_PATTERN };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date', maxLength: 10 };
    case 'datetime':
      return { type: 'string', format: 'date-time', maxLength: 64 };
    default:
      return { type: 'string', maxLength: 1000 };
  }
}

/** A comma-separated list of values (`eq`, `in` and the bare `filter[field]`). */
function list(field: ListField): Json {
  const description = 'One value, or several separated by commas (any of them).';
  if (field.kind !== 'enum') return { type: 'string', maxLength: 10_000, description };
  const one = `(${[...field.values!, ...(field.nullable ? ['null'] : [])].join('|')})`;
  return { type: 'string', maxLength: 10_000, pattern: `^${one}(,${one})*$`, description };
}

function opSchema(field: ListField, op: FilterOp): Json {
  if (op === 'eq' || op === 'in') return list(field);
  if (op === 'isNull') return { type: 'string', enum: ['true', 'false', ''] };
  if (op === 'contains' || op === 'startsWith') return { type: 'string', maxLength: 1000 };
  const value = scalar(field);
  return op === 'neq' && field.nullable && value.type !== 'string' ? { anyOf: [value, { const: 'null' }] } : value;
}

const KIND_NAMES: Record<ListField['kind'], string> = {
  text: 'A text',
  id: 'An id',
  enum: 'An enum',
  number: 'A number',
  boolean: 'A boolean',
  date: 'A date',
  datetime: 'A date-time',
  texts: 'A list',
};

/** What a field's filter means, for its description. */
function fieldDoc(resource: ResourceSpec, field: ListField, ops: readonly FilterOp[]): string {
  const derived = resource.derived?.[field.name];
  const meaning = derived ? `\`${derived}\` (null while \`${field.path[0]}\` is null). ` : '';
  return `${meaning}${KIND_NAMES[field.kind]} field; operators: ${ops.join(', ')}.`;
}

/** The schema of the `filter` parameter (style `deepObject`): every filterable field with its operators. */
export function filterSchema(resource: ResourceSpec): Json {
  const properties: Record<string, Json> = {};
  for (const field of listFieldsOf(resource).filter) {
    const ops = filterOpsOf(field);
    properties[field.name] = {
      description: fieldDoc(resource, field, ops),
      anyOf: [
        list(field),
        {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: Object.fromEntries(ops.map((op) => [op, opSchema(field, op)])),
        },
      ],
    };
  }
  const anyText = { type: 'string', maxLength: 10_000 };
  return {
    type: 'object',
    additionalProperties: false,
    properties,
    patternProperties: {
      [CUSTOM_FIELD]: {
        description: 'A custom field of the workspace (`GET /v1/schema`); operators by its type.',
        anyOf: [anyText, { type: 'object', additionalProperties: anyText, maxProperties: 10 }],
      },
    },
  };
}

/** The schema of the `sort` parameter: every sortable field, ascending or `-` descending, or a custom field. */
export function sortSchema(resource: ResourceSpec): Json {
  const fields = listFieldsOf(resource).sort;
  return {
    default: resource.defaultSort,
    anyOf: [
      { type: 'string', enum: fields.flatMap((f) => [f, `-${f}`]) },
      { type: 'string', maxLength: 80, pattern: CUSTOM_FIELD.replace('^', '^-?') },
    ],
  };
}

/** The `x-crmkit-list` extension of a list or search operation: the descriptor, machine-readable. */
export function listExtension(resource: ResourceSpec): Json {
  const { sort, filter } = listFieldsOf(resource);
  return {
    defaultSort: resource.defaultSort,
    sortable: sort,
    filterable: Object.fromEntries(filter.map((f) => [f.name, filterOpsOf(f)])),
    searchable: [...resource.searchable],
    ...(resource.derived ? { derived: resource.derived } : {}),
    ...(resource.collated ? { collated: resource.collated } : {}),
  };
}

/** The list behaviour of a resource in words: default order, sort, filter and `q` fields. */
export function listDescription(resource: ResourceSpec): string {
  const { sort } = listFieldsOf(resource);
  const derived = Object.entries(resource.derived ?? {})
    .map(([name, path]) => `\`${name}\` is \`${path}\``)
    .join(', ');
  return [
    `Default order: \`${resource.defaultSort}\` (ties by \`id\` in the same direction).`,
    `Sort by: ${sort.map((f) => `\`${f}\``).join(', ')} (or \`-field\`), and \`customFields.<key>\`.`,
    `Filter by: ${resource.filterable.map((f) => `\`${f}\``).join(', ')}, and \`customFields.<key>\`.`,
    derived ? `Of these, ${derived}: null while the value holding it is null.` : '',
    ...Object.entries(resource.collated ?? {}).map(([name, meaning]) => `\`${name}\` orders by ${meaning}.`),
    `\`q\` searches ${resource.searchable.map((f) => `\`${f}\``).join(', ')} (case-insensitive substring).`,
  ]
    .filter(Boolean)
    .join(' ');
}

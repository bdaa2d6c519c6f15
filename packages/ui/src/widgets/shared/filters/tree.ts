import type { SegmentFilter } from '@crmkit/client';

/** The contract's operators of a field condition. */
type FieldOp = 'eq' | 'neq' | 'contains' | 'startsWith' | 'gt' | 'gte' | 'lt' | 'lte';
/** The contract's relative-date operators. */
type DaysOp = 'inNextDays' | 'inLastDays' | 'moreThanDaysAgo' | 'moreThanDaysAhead';

/** A filter tree as the contract writes it: field conditions, relative dates, activity facts under and / or / not. */
export type FilterTree = SegmentFilter;

/**
 * The editor's operators. Most are the contract's; `notIn` is `not` + `in`, `empty` / `notEmpty` are `isNull`,
 * `yearlyNext` / `yearlyLast` a relative date compared by its anniversary (a birthday).
 */
export type EditorOp =
  | 'eq'
  | 'neq'
  | 'contains'
  | 'startsWith'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'in'
  | 'notIn'
  | 'empty'
  | 'notEmpty'
  | 'inNextDays'
  | 'inLastDays'
  | 'moreThanDaysAgo'
  | 'moreThanDaysAhead'
  | 'yearlyNext'
  | 'yearlyLast';

/** Operators that take a number of days, not a value. */
export const DAY_OPS: readonly EditorOp[] = [
  'inNextDays',
  'inLastDays',
  'moreThanDaysAgo',
  'moreThanDaysAhead',
  'yearlyNext',
  'yearlyLast',
];
/** Operators that take a list of values. */
export const LIST_OPS: readonly EditorOp[] = ['in', 'notIn'];
/** Operators that take nothing. */
export const BARE_OPS: readonly EditorOp[] = ['empty', 'notEmpty'];

/** A condition row being edited: incomplete until it has a field, an operator and what the operator takes. */
export interface ConditionDraft {
  kind: 'condition';
  id: string;
  /** The field's filter name (`customFields.<key>` for a custom field); '' until chosen. */
  field: string;
  op: EditorOp | '';
  /** The value as typed (the first), or the values of a list operator. */
  values: string[];
  /** The number of days of a relative-date operator, as typed. */
  days: string;
}

/**
 * An activity fact being edited: the record has (or has not) had an activity of these types (any when none) and
 * direction (either when ''), within the last `days` days — or ever.
 */
export interface ActivityDraft {
  kind: 'activity';
  id: string;
  has: boolean;
  types: string[];
  direction: '' | 'inbound' | 'outbound';
  /** Whether any time counts (else the last `days` days). */
  ever: boolean;
  /** The number of days of the window, as typed. */
  days: string;
}

/** A condition the editor cannot show as a row (a `not` of a group): kept as it is. */
export interface KeptDraft {
  kind: 'kept';
  id: string;
  node: FilterTree;
}

/** A group of conditions joined by `and` or `or`. */
export interface GroupDraft {
  kind: 'group';
  id: string;
  join: 'and' | 'or';
  children: NodeDraft[];
}

export type NodeDraft = ConditionDraft | ActivityDraft | KeptDraft | GroupDraft;

/** How the editor turns a typed value into the field's value, and back. */
export interface ValueCodec {
  encode(text: string): unknown;
  decode(value: unknown): string;
  /** The field's rows compare with a list of values (`in` / `notIn`): a choice, many values, tags or a user. */
  list?: boolean;
}

let seq = 0;
const nextId = () => `fn${++seq}`;

/** A new, empty condition row. */
export const newCondition = (): ConditionDraft => ({
  kind: 'condition',
  id: nextId(),
  field: '',
  op: '',
  values: [],
  days: '',
});

/** The field select's value for an activity fact ("had a call in the last 90 days"). */
export const ACTIVITY_FIELD = '@activity';

/** A new activity fact ("had any activity, ever"), in place of the row `id` when given. */
export const newActivity = (id = nextId()): ActivityDraft => ({
  kind: 'activity',
  id,
  has: true,
  types: [],
  direction: '',
  ever: true,
  days: '',
});

/** A new group holding `children` (an empty condition when none). */
export const newGroup = (join: 'and' | 'or' = 'and', children: NodeDraft[] = [newCondition()]): GroupDraft => ({
  kind: 'group',
  id: nextId(),
  join,
  children,
});

const RELATIVE = new Set(['inLastDays', 'inNextDays', 'moreThanDaysAgo', 'moreThanDaysAhead']);

type ActivityFact = Extract<FilterTree, { activity: unknown }>;

/** The row of an activity fact (`not` of one is the opposite fact). */
function activityOf(c: ActivityFact, negated: boolean): ActivityDraft {
  const { types = [], direction, inLastDays } = c.activity;
  return {
    kind: 'activity',
    id: nextId(),
    has: negated ? !c.has : c.has,
    types: [...types],
    direction: direction ?? '',
    ever: inLastDays === undefined,
    days: inLastDays === undefined ? '' : String(inLastDays),
  };
}

/** The contract's activity fact of a complete row, or undefined while its window has no valid number of days. */
export function activityFilter(row: ActivityDraft): FilterTree | undefined {
  const days = Number(row.days);
  if (!row.ever && (row.days.trim() === '' || !Number.isInteger(days) || days < 0)) return undefined;
  const activity: ActivityFact['activity'] = {};
  if (row.types.length) activity.types = row.types as NonNullable<ActivityFact['activity']['types']>;
  if (row.direction) activity.direction = row.direction;
  if (!row.ever) activity.inLastDays = days;
  return { activity, has: row.has };
}

/** The row of a leaf, or undefined when it is not one a row shows. */
function conditionOf(
  node: FilterTree,
  codecOf: (field: string) => ValueCodec,
  negated = false,
): ConditionDraft | ActivityDraft | undefined {
  if ('activity' in node) return activityOf(node, negated);
  const c = node as Record<string, unknown>;
  if (typeof c.field !== 'string') return undefined;
  const base = { kind: 'condition' as const, id: nextId(), field: c.field, values: [] as string[], days: '' };
  const codec = codecOf(c.field);
  if ('days' in c) {
    if (negated || typeof c.days !== 'number' || !RELATIVE.has(c.op as string)) return undefined;
    const op = c.yearly
      ? c.op === 'inNextDays'
        ? 'yearlyNext'
        : c.op === 'inLastDays'
          ? 'yearlyLast'
          : undefined
      : c.op;
    return op ? { ...base, op: op as EditorOp, days: String(c.days) } : undefined;
  }
  if (c.op === 'in') {
    const list = Array.isArray(c.value) ? c.value : [c.value];
    return { ...base, op: negated ? 'notIn' : 'in', values: list.map((v) => codec.decode(v)) };
  }
  // `eq` / `neq` on a field whose rows offer a list (a stage, a user) is `in` / `notIn` of one value: shown as the
  // value's label, not as its key typed into a text box ("lead" for "Tiềm năng").
  if (codec.list && (c.op === 'eq' || c.op === 'neq') && !Array.isArray(c.value) && !negated) {
    return { ...base, op: c.op === 'eq' ? 'in' : 'notIn', values: [codec.decode(c.value)] };
  }
  if (negated) return undefined;
  if (c.op === 'isNull') return { ...base, op: c.value === false || c.value === 'false' ? 'notEmpty' : 'empty' };
  if (Array.isArray(c.value)) return undefined;
  return { ...base, op: c.op as EditorOp, values: [codec.decode(c.value)] };
}

/**
 * The editable draft of a filter tree (an empty `and` group for none). What a row cannot show — a `not` of a group —
 * is kept as it is, so opening and saving a segment never loses a condition. The `not` of an activity fact is the
 * opposite fact ("has not had").
 *
 * @example
 * const draft = draftOf(segment.filter, codecOf);
 */
export function draftOf(filter: FilterTree | null | undefined, codecOf: (field: string) => ValueCodec): GroupDraft {
  const nodeOf = (node: FilterTree): NodeDraft => {
    if ('and' in node) return newGroup('and', node.and.map(nodeOf));
    if ('or' in node) return newGroup('or', node.or.map(nodeOf));
    if ('not' in node) return conditionOf(node.not, codecOf, true) ?? { kind: 'kept', id: nextId(), node };
    return conditionOf(node, codecOf) ?? { kind: 'kept', id: nextId(), node };
  };
  if (!filter) return newGroup('and', []);
  const root = nodeOf(filter);
  return root.kind === 'group' ? root : newGroup('and', [root]);
}

/** The contract condition of a complete row, or undefined while it is incomplete. */
export function conditionFilter(row: ConditionDraft, codec: ValueCodec): FilterTree | undefined {
  const { field, op } = row;
  if (!field || !op) return undefined;
  if (DAY_OPS.includes(op)) {
    const days = Number(row.days);
    if (row.days.trim() === '' || !Number.isInteger(days) || days < 0) return undefined;
    if (op === 'yearlyNext' || op === 'yearlyLast') {
      return { field, op: op === 'yearlyNext' ? 'inNextDays' : 'inLastDays', days, yearly: true };
    }
    return { field, op: op as DaysOp, days };
  }
  if (BARE_OPS.includes(op)) return { field, op: 'isNull', value: op === 'empty' };
  const values: unknown[] = [];
  for (const text of LIST_OPS.includes(op) ? row.values : row.values.slice(0, 1)) {
    if (text.trim() === '') continue;
    const value = codec.encode(text);
    if (value === undefined) return undefined;
    values.push(value);
  }
  if (values.length === 0) return undefined;
  if (op === 'in') return { field, op, value: values as string[] };
  if (op === 'notIn') return { not: { field, op: 'in', value: values as string[] } };
  return { field, op: op as FieldOp, value: values[0] as string };
}

/** The contract tree of a draft, where each row went in it, and the rows left out as incomplete. */
export interface BuiltFilter {
  /** `null` when no row is complete. */
  filter: FilterTree | null;
  /** The id of the row (or kept condition) at each path of `filter` (`filter.and.0`), for the server's errors. */
  paths: Map<string, string>;
  /** Ids of the rows not yet complete. */
  incomplete: string[];
}

/**
 * The contract tree of `root`: complete rows only, empty groups left out; the root is always an `and` / `or`
 * group, so paths are `filter.and.<i>…` as the server reports them.
 *
 * @example
 * const { filter, incomplete } = filterOf(draft, codecOf);
 */
export function filterOf(root: GroupDraft, codecOf: (field: string) => ValueCodec): BuiltFilter {
  const paths = new Map<string, string>();
  const incomplete: string[] = [];
  const build = (node: NodeDraft, path: string): FilterTree | undefined => {
    if (node.kind === 'kept') {
      paths.set(path, node.id);
      return node.node;
    }
    if (node.kind === 'condition' || node.kind === 'activity') {
      const built = node.kind === 'activity' ? activityFilter(node) : conditionFilter(node, codecOf(node.field));
      if (built) paths.set(path, node.id);
      else incomplete.push(node.id);
      return built;
    }
    const children: FilterTree[] = [];
    for (const child of node.children) {
      const built = build(child, `${path}.${node.join}.${children.length}`);
      if (built) children.push(built);
    }
    if (!children.length) return undefined;
    return node.join === 'and' ? { and: children } : { or: children };
  };
  return { filter: build(root, 'filter') ?? null, paths, incomplete };
}

/**
 * The row a server error's path is about (`filter.and.1.value` → the row at `filter.and.1`): the longest path of
 * `paths` it starts with.
 */
export function rowOfPath(paths: Map<string, string>, path: string): string | undefined {
  let best: string | undefined;
  for (const key of paths.keys()) {
    if ((path === key || path.startsWith(`${key}.`)) && (!best || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : paths.get(best);
}

import type { FilterField } from './fields.js';
import {
  ACTIVITY_FIELD,
  type ActivityDraft,
  type ConditionDraft,
  DAY_OPS,
  type EditorOp,
  newActivity,
} from './tree.js';

/** The operators of each kind of field, most used first (`empty` / `notEmpty` added when a value may be missing). */
const OPS: Record<FilterField['kind'], EditorOp[]> = {
  text: ['contains', 'eq', 'neq', 'startsWith'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
  currency: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
  date: ['eq', 'lt', 'gt', 'lte', 'gte'],
  boolean: ['eq'],
  choice: ['in', 'notIn'],
  many: ['in', 'notIn'],
  tags: ['in', 'notIn'],
  user: ['in', 'notIn'],
};

/**
 * The operators a field takes: by its kind, relative dates first on a date field (when `relativeDates`), and
 * `empty` / `notEmpty` unless every record has a value.
 *
 * @example
 * opsOf({ name: 'birthday', kind: 'date', … }, true); // ['inNextDays', …, 'yearlyNext', 'yearlyLast', 'eq', …]
 */
export function opsOf(field: FilterField, relativeDates: boolean): EditorOp[] {
  const ops = field.kind === 'date' && relativeDates ? [...DAY_OPS, ...OPS.date] : OPS[field.kind];
  return field.required || field.kind === 'boolean' ? ops : [...ops, 'empty', 'notEmpty'];
}

/** The catalog key of an operator's label on a field of `kind` (dates and lists read differently). */
export function opLabelKey(op: EditorOp, kind: FilterField['kind']) {
  if (kind === 'date' && (op === 'eq' || op === 'lt' || op === 'gt' || op === 'lte' || op === 'gte')) {
    return `filters.op.date.${op}` as const;
  }
  if ((kind === 'many' || kind === 'tags') && (op === 'in' || op === 'notIn' || op === 'empty' || op === 'notEmpty')) {
    return `filters.op.many.${op}` as const;
  }
  if (kind === 'user' && (op === 'empty' || op === 'notEmpty')) return `filters.op.user.${op}` as const;
  return `filters.op.${op}` as const;
}

/**
 * The row `id` becomes when its field select says `name`: an activity fact for {@link ACTIVITY_FIELD}, else a
 * condition on that field with its first operator and no value yet.
 */
export function rowOnField(
  id: string,
  name: string,
  fields: FilterField[],
  relativeDates: boolean,
): ConditionDraft | ActivityDraft {
  if (name === ACTIVITY_FIELD) return newActivity(id);
  const field = fields.find((f) => f.name === name);
  return { kind: 'condition', id, field: name, op: field ? opsOf(field, relativeDates)[0]! : '', values: [], days: '' };
}

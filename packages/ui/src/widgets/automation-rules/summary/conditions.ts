import type { Schemas } from '@crmkit/client';
import { fieldText, type SummaryContext, valueText } from './words.js';

type Resource = Schemas['AutomationRule']['resource'];
type FilterNode = Schemas['FilterNode'];
type FilterCondition = Extract<FilterNode, { field: string }>;

const OPS = {
  eq: 'rules.op.eq',
  neq: 'rules.op.neq',
  in: 'rules.op.eq',
  gt: 'rules.op.gt',
  gte: 'rules.op.gte',
  lt: 'rules.op.lt',
  lte: 'rules.op.lte',
  contains: 'rules.op.contains',
  startsWith: 'rules.op.startsWith',
} as const satisfies Record<Exclude<FilterCondition['op'], 'isNull'>, string>;

function conditionText(resource: Resource, c: FilterCondition, ctx: SummaryContext): string {
  const field = fieldText(resource, c.field, ctx);
  if (c.op === 'isNull') return ctx.t(c.value === false ? 'rules.op.notEmpty' : 'rules.op.empty', { field });
  return ctx.t(OPS[c.op], { field, value: valueText(resource, c.field, c.value ?? null, ctx) });
}

/**
 * A filter tree (the contract's `and` / `or` / `not` over conditions) as a phrase in the user's language, fields by
 * their labels and values as readers know them: `lifecycle stage is Active or Loyal and visits is less than 1`.
 * Groups inside groups are put in parentheses.
 *
 * @example
 * conditionsText('contacts', { field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] }, ctx);
 */
export function conditionsText(resource: Resource, node: FilterNode, ctx: SummaryContext, nested = false): string {
  if ('field' in node) return conditionText(resource, node, ctx);
  if ('not' in node) return ctx.t('rules.op.not', { condition: conditionsText(resource, node.not, ctx) });
  const [items, key] = 'and' in node ? [node.and, 'rules.op.and' as const] : [node.or, 'rules.op.or' as const];
  // A group still being built (a new branch's condition) reads as a gap to fill.
  if (items.length === 0) return '…';
  if (items.length === 1) return conditionsText(resource, items[0]!, ctx, nested);
  // "a and b and c": each condition stays whole (a list's commas would read as part of a value).
  const text = items.map((n) => conditionsText(resource, n, ctx, true)).reduce((a, b) => ctx.t(key, { a, b }));
  return nested ? ctx.t('rules.op.group', { conditions: text }) : text;
}

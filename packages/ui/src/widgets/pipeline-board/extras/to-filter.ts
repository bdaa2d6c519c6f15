import type { Filter, RecordOf } from '@crmkit/client';
import type { Format } from '@crmkit/react';
import { type AmountResult, parseMoney, parseNumber } from '@crmkit/react/input';
import { type BoardFilters, tagList } from '../header/filters.js';

/** What {@link toFilter} needs besides the filters: today, the user, and how typed amounts are read. */
export interface FilterContext {
  /** Today in the provider's time zone, `YYYY-MM-DD`. */
  today: string;
  /** The signed-in user's id, for "Mine". */
  me: string | undefined;
  /** The locale amounts and percentages were typed in (`150.000` is a hundred and fifty thousand dong in `vi-VN`). */
  format: Format;
  /** The pipeline's currency: amounts are typed in its major units. */
  currency: string | undefined;
}

/** A bound as read, or none when it is empty or unreadable (the form shows why). */
const bound = (result: AmountResult) => ('value' in result ? result.value : undefined);

/** The first day of the month `months` after the month of `day` (`YYYY-MM-DD`). */
function monthStart(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * The list filter of the board's filters — the same one the columns' lists and the totals use, so the totals always
 * follow what the columns show. Expected-close ranges are calendar months in the provider's time zone; "overdue" means
 * an open deal whose expected close date has passed.
 *
 * @example
 * const format = createFormat({ locale: 'vi-VN' });
 * toFilter({ ...EMPTY_FILTERS, owner: 'me', close: 'thisMonth' }, { today: '2026-03-12', me: 'usr_1', format, currency: 'VND' });
 * // { ownerId: 'usr_1', expectedCloseDate: { gte: '2026-03-01', lt: '2026-04-01' } }
 * toFilter({ ...EMPTY_FILTERS, amountMin: '150.000' }, { today: '2026-03-12', me: 'usr_1', format, currency: 'VND' });
 * // { amount: { gte: 150000 } }
 */
export function toFilter(f: BoardFilters, c: FilterContext): Filter<RecordOf<'deals'>> {
  const out: Record<string, unknown> = {};
  if (f.owner === 'me' && c.me) out.ownerId = c.me;
  else if (f.owner !== 'any' && f.owner !== 'me') out.ownerId = f.owner;
  const tags = tagList(f.tags);
  if (tags.length) out.tags = tags;
  const range = (min: number | undefined, max: number | undefined) =>
    min === undefined && max === undefined
      ? undefined
      : { ...(min !== undefined ? { gte: min } : {}), ...(max !== undefined ? { lte: max } : {}) };
  const money = (text: string) => (text.trim() ? bound(parseMoney(c.format, text, c.currency)) : undefined);
  const number = (text: string) => (text.trim() ? bound(parseNumber(c.format, text)) : undefined);
  const amount = range(money(f.amountMin), money(f.amountMax));
  if (amount) out.amount = amount;
  const probability = range(number(f.probabilityMin), number(f.probabilityMax));
  if (probability) out.probability = probability;
  if (f.close === 'overdue') {
    out.expectedCloseDate = { lt: c.today };
    out.status = 'open';
  } else if (f.close !== 'any') {
    const from = f.close === 'thisMonth' ? 0 : 1;
    out.expectedCloseDate = { gte: monthStart(c.today, from), lt: monthStart(c.today, from + 1) };
  }
  return out as Filter<RecordOf<'deals'>>;
}

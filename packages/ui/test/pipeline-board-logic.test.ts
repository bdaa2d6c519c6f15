import { createFormat } from '@crmkit/react';
import { describe, expect, it } from 'vitest';
import { layoutRows } from '../src/widgets/pipeline-board/column/rows.js';
import { toFilter } from '../src/widgets/pipeline-board/extras/to-filter.js';
import { EMPTY_FILTERS } from '../src/widgets/pipeline-board/header/filters.js';

const rows = (layout: ReturnType<typeof layoutRows>) =>
  Array.from({ length: layout.count }, (_, r) => {
    const at = layout.at(r);
    return at.kind === 'item' ? at.index : at.kind;
  });

describe('layoutRows', () => {
  it('leaves a column alone without a move', () => {
    expect(rows(layoutRows({ total: 3, origin: undefined, target: undefined, dropped: false }))).toEqual([0, 1, 2]);
  });

  it('while dragging: the deal stays where it was and a gap shows where it would land', () => {
    // From another column, landing at position 1.
    expect(rows(layoutRows({ total: 3, origin: undefined, target: 1, dropped: false }))).toEqual([0, 'gap', 1, 2]);
    // Within the column: deal 0 over position 2 (counted without it) → the gap after deals 1 and 2.
    const down = layoutRows({ total: 4, origin: 0, target: 2, dropped: false });
    expect(rows(down)).toEqual([0, 1, 2, 'gap', 3]);
    expect(down.rowOf(3)).toBe(4);
    // Deal 3 over position 1.
    expect(rows(layoutRows({ total: 4, origin: 3, target: 1, dropped: false }))).toEqual([0, 'gap', 1, 2, 3]);
    // Over its own place: no gap.
    expect(rows(layoutRows({ total: 3, origin: 1, target: 1, dropped: false }))).toEqual([0, 1, 2]);
  });

  it('once dropped: the deal shows where it landed and no longer where it was', () => {
    // The column it left.
    const left = layoutRows({ total: 3, origin: 1, target: undefined, dropped: true });
    expect(rows(left)).toEqual([0, 2]);
    expect(left.rowOf(1)).toBe(-1);
    // The column it landed in.
    expect(rows(layoutRows({ total: 2, origin: undefined, target: 0, dropped: true }))).toEqual(['dropped', 0, 1]);
    // Within one column: from 0 to position 2.
    expect(rows(layoutRows({ total: 4, origin: 0, target: 2, dropped: true }))).toEqual([1, 2, 'dropped', 3]);
    // Once the data has it there, nothing special.
    expect(rows(layoutRows({ total: 3, origin: 2, target: 2, dropped: true }))).toEqual([0, 1, 2]);
  });
});

describe('toFilter', () => {
  const context = { today: '2026-12-07', me: 'usr_me', format: createFormat({ locale: 'en-US' }), currency: 'USD' };

  it('turns the form into the list filter the columns and the totals share', () => {
    expect(toFilter(EMPTY_FILTERS, context)).toEqual({});
    expect(
      toFilter(
        {
          owner: 'me',
          tags: ' vip, renewal ,',
          amountMin: '10.5',
          amountMax: '',
          probabilityMin: '',
          probabilityMax: '80',
          close: 'thisMonth',
          rotting: true,
        },
        context,
      ),
    ).toEqual({
      ownerId: 'usr_me',
      tags: ['vip', 'renewal'],
      amount: { gte: 1050 },
      probability: { lte: 80 },
      expectedCloseDate: { gte: '2026-12-01', lt: '2027-01-01' },
    });
  });

  it('reads expected close as calendar months of today, and overdue as open deals past their date', () => {
    expect(toFilter({ ...EMPTY_FILTERS, close: 'nextMonth' }, context)).toEqual({
      expectedCloseDate: { gte: '2027-01-01', lt: '2027-02-01' },
    });
    expect(toFilter({ ...EMPTY_FILTERS, close: 'overdue', owner: 'usr_x' }, context)).toEqual({
      expectedCloseDate: { lt: '2026-12-07' },
      status: 'open',
      ownerId: 'usr_x',
    });
    // Not a number: no bound.
    expect(toFilter({ ...EMPTY_FILTERS, amountMin: 'abc' }, context)).toEqual({});
  });

  it('reads amounts and percentages the way the locale writes them, and bounds nothing with what reads two ways', () => {
    const vi = { ...context, format: createFormat({ locale: 'vi-VN' }), currency: 'VND' };
    expect(
      toFilter({ ...EMPTY_FILTERS, amountMin: '150.000', amountMax: '5.000.000', probabilityMin: '12,5' }, vi),
    ).toEqual({ amount: { gte: 150_000, lte: 5_000_000 }, probability: { gte: 12.5 } });
    const th = { ...context, format: createFormat({ locale: 'th-TH' }), currency: 'THB' };
    expect(toFilter({ ...EMPTY_FILTERS, amountMin: '1,500' }, th)).toEqual({ amount: { gte: 150_000 } });
    expect(toFilter({ ...EMPTY_FILTERS, amountMin: '1.500' }, context)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import {
  dealInStage,
  dealProbability,
  idleDays,
  isRotting,
  lostReasonProblem,
  nextActivityState,
  RESOURCE_NAMES,
  weightedAmount,
} from '../src/index.js';

describe('weightedAmount', () => {
  it('is amount × probability / 100, rounded half up; null without an amount', () => {
    expect(weightedAmount(5_000_000, 25)).toBe(1_250_000);
    expect(weightedAmount(1005, 50)).toBe(503);
    expect(weightedAmount(1, 49)).toBe(0);
    expect(weightedAmount(1, 50)).toBe(1);
    expect(weightedAmount(0, 100)).toBe(0);
    expect(weightedAmount(null, 60)).toBeNull();
  });

  it('is exact beyond 2^53, where a float product loses digits', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(weightedAmount(max, 100)).toBe(max);
    expect(weightedAmount(max, 33)).toBe(Number((BigInt(max) * 33n * 2n + 100n) / 200n));
    expect(weightedAmount(max, 50)).toBe(4_503_599_627_370_496); // 4503599627370495.5 rounded up
  });
});

describe('stage defaults', () => {
  const won = { id: 'stg_won', probability: 100, kind: 'won' as const };
  const open = { id: 'stg_open', probability: 20, kind: 'open' as const };

  it('takes the stage probability unless the deal overrides it', () => {
    expect(dealProbability({ probability: 35, probabilityOverridden: true }, open)).toBe(35);
    expect(dealProbability({ probability: 35, probabilityOverridden: false }, open)).toBe(20);
  });

  it('closes a deal in a won or lost stage, keeps an earlier closedAt, and reopens in an open stage', () => {
    const now = '2026-11-23T02:00:00.000Z';
    const deal = { probability: 10, probabilityOverridden: false, closedAt: null };
    expect(dealInStage(won, deal, now)).toEqual({
      stageId: 'stg_won',
      status: 'won',
      probability: 100,
      closedAt: now,
      stageEnteredAt: now,
    });
    const closed = { ...deal, closedAt: '2026-01-01T00:00:00.000Z' };
    expect(dealInStage(won, closed, now).closedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(dealInStage(open, closed, now)).toEqual({
      stageId: 'stg_open',
      status: 'open',
      probability: 20,
      closedAt: null,
      stageEnteredAt: now,
    });
  });

  it('keeps when a deal entered its stage while it stays there', () => {
    const deal = { probability: 10, probabilityOverridden: false, closedAt: null, stageId: 'stg_open' };
    const entered = '2026-01-05T08:00:00.000Z';
    expect(dealInStage(open, { ...deal, stageEnteredAt: entered }, '2026-02-01T00:00:00.000Z').stageEnteredAt).toBe(
      entered,
    );
    expect(dealInStage(won, { ...deal, stageEnteredAt: entered }, '2026-02-01T00:00:00.000Z').stageEnteredAt).toBe(
      '2026-02-01T00:00:00.000Z',
    );
  });
});

describe('deal activity', () => {
  const now = Date.parse('2026-03-11T10:00:00Z');
  const deal = {
    status: 'open' as const,
    stageEnteredAt: '2026-03-01T09:00:00Z',
    lastActivityAt: null,
    nextActivityAt: null,
  };

  it('counts idle days from the later of entering the stage and the last activity', () => {
    expect(idleDays(deal, now)).toBe(10);
    expect(idleDays({ ...deal, lastActivityAt: '2026-03-09T11:00:00Z' }, now)).toBe(1);
    expect(idleDays({ ...deal, lastActivityAt: '2026-02-01T00:00:00Z' }, now)).toBe(10);
    expect(idleDays({ stageEnteredAt: null, lastActivityAt: null }, now)).toBeUndefined();
  });

  it('rots an open deal idle for more days than its stage allows, never a closed one or a stage without a threshold', () => {
    expect(isRotting(deal, { rottingDays: 9 }, now)).toBe(true);
    expect(isRotting(deal, { rottingDays: 10 }, now)).toBe(false);
    expect(isRotting(deal, { rottingDays: null }, now)).toBe(false);
    expect(isRotting({ ...deal, status: 'won' }, { rottingDays: 1 }, now)).toBe(false);
  });

  it('places the next activity: overdue, later today, later, none', () => {
    const dayOf = (t: string | number) => new Date(t).toISOString().slice(0, 10);
    expect(nextActivityState(null, now, dayOf)).toBe('none');
    expect(nextActivityState('2026-03-11T09:59:00Z', now, dayOf)).toBe('overdue');
    expect(nextActivityState('2026-03-11T23:00:00Z', now, dayOf)).toBe('today');
    expect(nextActivityState('2026-03-12T00:00:00Z', now, dayOf)).toBe('future');
  });

  it('asks a lost stage for a reason, and for one of the workspace’s own when it allows no other', () => {
    const open = { reasons: [{ key: 'price' }], allowOther: true };
    const closed = { reasons: [{ key: 'price' }], allowOther: false };
    expect(lostReasonProblem('open', null, closed)).toBeNull();
    expect(lostReasonProblem('lost', '  ', open)).toBe('required');
    expect(lostReasonProblem('lost', 'Moved away', open)).toBeNull();
    expect(lostReasonProblem('lost', 'Moved away', closed)).toBe('unknown');
    expect(lostReasonProblem('lost', 'price', closed)).toBeNull();
    expect(lostReasonProblem('lost', 'Moved away', { reasons: [], allowOther: false })).toBeNull();
  });
});

it('lists every resource once', () => {
  expect(new Set(RESOURCE_NAMES).size).toBe(RESOURCE_NAMES.length);
});

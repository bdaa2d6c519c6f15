import { describe, expect, it } from 'vitest';
import { dealInStage, dealProbability, RESOURCE_NAMES, weightedAmount } from '../src/index.js';

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
    expect(dealInStage(won, deal, now)).toEqual({ stageId: 'stg_won', status: 'won', probability: 100, closedAt: now });
    const closed = { ...deal, closedAt: '2026-01-01T00:00:00.000Z' };
    expect(dealInStage(won, closed, now).closedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(dealInStage(open, closed, now)).toEqual({
      stageId: 'stg_open',
      status: 'open',
      probability: 20,
      closedAt: null,
    });
  });
});

it('lists every resource once', () => {
  expect(new Set(RESOURCE_NAMES).size).toBe(RESOURCE_NAMES.length);
});

/**
 * The rules of a deal's money and stage, in one place for the server (records and writes), the hooks (optimistic
 * moves) and the widgets. The reference server applies the same rules in SQL where it works on many rows at once
 * (`sum(round(amount * probability / 100.0))` in aggregates, the stage-default update when a pipeline's stages
 * change); its tests check that SQL and these functions agree.
 */

/** How a stage closes its deals: `open` keeps them open, `won` and `lost` close them. */
export type StageKind = 'open' | 'won' | 'lost';

/** The parts of a pipeline stage the deal rules read. */
export interface StageRule {
  id: string;
  /** Default win probability of deals in the stage, in percent. */
  probability: number;
  kind: StageKind;
}

/** The parts of a deal its stage decides. */
export interface DealStageFields {
  stageId: string;
  status: StageKind;
  probability: number;
  closedAt: string | null;
}

/**
 * `amount × probability / 100`, rounded half up, exactly for every amount up to `Number.MAX_SAFE_INTEGER`; `null`
 * without an amount. Amounts are in minor units of the deal's currency and never negative.
 *
 * @example
 * weightedAmount(5_000_000, 25); // 1_250_000
 * weightedAmount(1005, 50); // 503 (502.5 rounded half up)
 * weightedAmount(null, 60); // null
 */
export function weightedAmount(amount: number | null, probability: number): number | null {
  if (amount === null) return null;
  const product = amount * probability;
  if (Number.isSafeInteger(product)) return Math.round(product / 100);
  // Beyond 2^53 a float product loses digits: round in integers, (2·a·p + 100) div 200 = round half up of a·p/100.
  return Number((2n * BigInt(amount) * BigInt(probability) + 100n) / 200n);
}

/**
 * The win probability of a deal in `stage`: the stage's default, unless the deal's own probability overrides it.
 *
 * @example
 * dealProbability({ probability: 35, probabilityOverridden: true }, proposal); // 35
 * dealProbability({ probability: 35, probabilityOverridden: false }, proposal); // proposal.probability
 */
export function dealProbability(
  deal: { probability: number; probabilityOverridden: boolean },
  stage: Pick<StageRule, 'probability'>,
): number {
  return deal.probabilityOverridden ? deal.probability : stage.probability;
}

/**
 * What a deal takes from the stage it is in (on create, on a move, and when the stage itself changes): the stage
 * id, its kind as the deal's status, the stage's default probability unless overridden, and `closedAt` — kept
 * from before when the deal was already closed, `now` when this closes it, `null` in an open stage.
 *
 * @example
 * const moved = { ...deal, ...dealInStage(won, deal, new Date().toISOString()) };
 */
export function dealInStage(
  stage: StageRule,
  deal: { probability: number; probabilityOverridden: boolean; closedAt: string | null },
  now: string,
): DealStageFields {
  return {
    stageId: stage.id,
    status: stage.kind,
    probability: dealProbability(deal, stage),
    closedAt: stage.kind === 'open' ? null : (deal.closedAt ?? now),
  };
}

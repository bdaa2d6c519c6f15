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
  /** When the deal entered its stage: kept while it stays, `now` when it arrives. */
  stageEnteredAt: string;
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
 * id, its kind as the deal's status, the stage's default probability unless overridden, `closedAt` — kept
 * from before when the deal was already closed, `now` when this closes it, `null` in an open stage — and
 * `stageEnteredAt`, kept while the deal stays in the stage, `now` when it arrives (a new deal arrives too).
 *
 * @example
 * const moved = { ...deal, ...dealInStage(won, deal, new Date().toISOString()) };
 */
export function dealInStage(
  stage: StageRule,
  deal: {
    probability: number;
    probabilityOverridden: boolean;
    closedAt: string | null;
    stageId?: string;
    stageEnteredAt?: string | null;
  },
  now: string,
): DealStageFields {
  return {
    stageId: stage.id,
    status: stage.kind,
    probability: dealProbability(deal, stage),
    closedAt: stage.kind === 'open' ? null : (deal.closedAt ?? now),
    stageEnteredAt: deal.stageId === stage.id && deal.stageEnteredAt ? deal.stageEnteredAt : now,
  };
}

const DAY_MS = 86_400_000;

/** What a deal's activity facts are read from. */
export interface DealActivity {
  status: StageKind;
  stageEnteredAt: string | null;
  lastActivityAt: string | null;
  nextActivityAt: string | null;
}

/**
 * Whole days a deal has been idle at `now`: since the later of entering its stage and its last activity (any
 * activity resets it, as a move to another stage does). `undefined` when the deal has neither.
 *
 * @example
 * idleDays({ stageEnteredAt: '2026-03-01T09:00:00Z', lastActivityAt: null }, Date.parse('2026-03-11T10:00:00Z')); // 10
 */
export function idleDays(
  deal: Pick<DealActivity, 'stageEnteredAt' | 'lastActivityAt'>,
  now: number,
): number | undefined {
  const since = Math.max(
    deal.stageEnteredAt ? Date.parse(deal.stageEnteredAt) : Number.NEGATIVE_INFINITY,
    deal.lastActivityAt ? Date.parse(deal.lastActivityAt) : Number.NEGATIVE_INFINITY,
  );
  return Number.isFinite(since) ? Math.max(0, Math.floor((now - since) / DAY_MS)) : undefined;
}

/**
 * Whether an open deal "rots" at `now`: idle for more whole days than its stage's threshold (`rottingDays`, null:
 * the stage never rots). The reference server filters `filter[rotting]=true` by the same rule in SQL.
 *
 * @example
 * isRotting(deal, { rottingDays: 7 }, Date.now());
 */
export function isRotting(deal: DealActivity, stage: { rottingDays?: number | null }, now: number): boolean {
  if (deal.status !== 'open' || stage.rottingDays == null) return false;
  const idle = idleDays(deal, now);
  return idle !== undefined && idle > stage.rottingDays;
}

/** Where a deal's next planned activity stands: overdue, due later today, later, or none planned. */
export type NextActivityState = 'overdue' | 'today' | 'future' | 'none';

/**
 * The state of a deal's next activity (its earliest open task or reminder, `nextActivityAt`) at `now`: `overdue` when
 * due before now, `today` when due later on today's date, `future` after, `none` without one. `dayOf` gives the date
 * (`YYYY-MM-DD`) of an instant in the time zone that decides what "today" is. The reference server groups aggregates
 * by the same rule in SQL (`groupBy=nextActivity`).
 *
 * @example
 * nextActivityState(deal.nextActivityAt, Date.now(), (iso) => format.dayKey(iso));
 */
export function nextActivityState(
  nextActivityAt: string | null | undefined,
  now: number,
  dayOf: (instant: string | number) => string,
): NextActivityState {
  if (!nextActivityAt) return 'none';
  const due = Date.parse(nextActivityAt);
  if (due < now) return 'overdue';
  return dayOf(nextActivityAt) === dayOf(now) ? 'today' : 'future';
}

/** A workspace's lost reasons (`GET /v1/schema`): the reasons offered, and whether other words are accepted. */
export interface LostReasonPolicy {
  reasons: readonly { key: string }[];
  allowOther: boolean;
}

/**
 * What is wrong with the lost reason of a deal moving into a stage of `kind`: `required` when a lost stage gets no
 * reason, `unknown` when the workspace accepts only its own reasons and this is none of their keys; `null` when fine
 * (and always outside lost stages).
 *
 * @example
 * lostReasonProblem('lost', '  ', { reasons: [], allowOther: true }); // 'required'
 */
export function lostReasonProblem(
  kind: StageKind,
  reason: string | null | undefined,
  policy: LostReasonPolicy,
): 'required' | 'unknown' | null {
  if (kind !== 'lost') return null;
  if (!reason?.trim()) return 'required';
  if (!policy.allowOther && policy.reasons.length > 0 && !policy.reasons.some((r) => r.key === reason))
    return 'unknown';
  return null;
}

import type { Queryable } from '../db/types.js';
import { validationFailed } from '../http/problem.js';

/**
 * Fractional ranks: strings whose byte order is the display order. There is always a key strictly between
 * two keys, so moving one item never rewrites another. Keys never end in the lowest digit, which keeps
 * room below every key.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

const digit = (ch: string): number => {
  const i = DIGITS.indexOf(ch);
  if (i < 0) throw new Error(`invalid rank character ${JSON.stringify(ch)}`);
  return i;
};

/** A key strictly between `a` (or the start, '') and `b` (or the end, null). */
function midpoint(a: string, b: string | null): string {
  let n = 0;
  if (b !== null) {
    while ((a[n] ?? DIGITS[0]) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a ? digit(a[0]!) : 0;
  const db = b !== null && b.length > 0 ? digit(b[0]!) : BASE;
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)]!;
  // Adjacent digits: a shorter prefix of b fits when b continues, else extend a.
  if (b !== null && b.length > 1) return b[0]!;
  return DIGITS[da]! + midpoint(a.slice(1), null);
}

/**
 * A rank strictly between `before` and `after` (either may be null for the start or the end).
 *
 * @example
 * rankBetween(null, null);   // 'V'
 * rankBetween('V', null);    // 'k'
 * rankBetween('V', 'W');     // 'VV'
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new Error(`rankBetween: ${before} is not before ${after}`);
  }
  if (before?.endsWith(DIGITS[0]!) || after?.endsWith(DIGITS[0]!)) throw new Error('rankBetween: malformed rank');
  return midpoint(before ?? '', after);
}

/**
 * Serialises the writes that place deals in one stage until the transaction ends: two deals placed at the same spot at
 * the same time (the end of the stage, or after the same neighbour) would otherwise both read the same neighbours and
 * get the same rank. Call it in the write's transaction before reading the neighbours' ranks.
 */
async function lockStage(db: Queryable, workspaceId: string, stageId: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rank:${workspaceId}:${stageId}`]);
}

/**
 * The rank after the last deal of a stage (the end of the column), leaving out deal `exceptId`. Locks the stage's
 * ranks for the transaction (see `lockStage`).
 */
export async function endOfStage(
  db: Queryable,
  workspaceId: string,
  stageId: string,
  exceptId?: string,
): Promise<string> {
  await lockStage(db, workspaceId, stageId);
  const { rows } = await db.query<{ rank: string }>(
    'SELECT rank FROM deals WHERE workspace_id = $1 AND stage_id = $2 AND id <> $3 ORDER BY rank DESC LIMIT 1',
    [workspaceId, stageId, exceptId ?? ''],
  );
  return rankBetween(rows[0]?.rank ?? null, null);
}

/** Where a deal goes in a stage: after `afterId`, before `beforeId`, or at the end when neither is given. */
export interface StagePlace {
  stageId: string;
  afterId: string | null;
  beforeId: string | null;
}

/** A neighbour's stage and rank, and (for one neighbour) the rank on its other side in the stage. */
interface NeighbourRow {
  id: string;
  stage_id: string;
  rank: string;
  adjacent?: string | null;
}

/** The neighbour `id` from `rows`, which must sit in the target stage; a 400 on `path` otherwise. */
function neighbour(rows: NeighbourRow[], id: string, stageId: string, path: string): NeighbourRow {
  const row = rows.find((r) => r.id === id);
  if (!row || row.stage_id !== stageId)
    throw validationFailed([{ path, message: `no deal ${id} in the target stage` }]);
  return row;
}

/**
 * The rank that puts deal `selfId` at `place`, in one statement: the end of the stage; between the given neighbour
 * and the next deal on its other side (skipping the moving deal); or between both given neighbours. A neighbour
 * outside the stage, or neighbours in the wrong order, are 400 problems on `afterId` / `beforeId`. Locks the stage's
 * ranks for the transaction (see `lockStage`).
 */
export async function rankAt(db: Queryable, workspaceId: string, selfId: string, place: StagePlace): Promise<string> {
  const { stageId, afterId, beforeId } = place;
  if (afterId === null && beforeId === null) return endOfStage(db, workspaceId, stageId, selfId);
  await lockStage(db, workspaceId, stageId);
  if (afterId !== null && beforeId !== null) {
    const { rows } = await db.query<NeighbourRow>(
      'SELECT id, stage_id, rank FROM deals WHERE workspace_id = $1 AND id = ANY($2::text[])',
      [workspaceId, [afterId, beforeId]],
    );
    const after = neighbour(rows, afterId, stageId, 'afterId').rank;
    const before = neighbour(rows, beforeId, stageId, 'beforeId').rank;
    if (after >= before)
      throw validationFailed([{ path: 'beforeId', message: 'must come after afterId in the stage' }]);
    return rankBetween(after, before);
  }
  const next = afterId !== null;
  const { rows } = await db.query<NeighbourRow>(
    `SELECT n.id, n.stage_id, n.rank,
            (SELECT d.rank FROM deals d
              WHERE d.workspace_id = $1 AND d.stage_id = $2 AND d.id <> $3 AND d.rank ${next ? '>' : '<'} n.rank
              ORDER BY d.rank ${next ? 'ASC' : 'DESC'} LIMIT 1) AS adjacent
       FROM deals n WHERE n.workspace_id = $1 AND n.id = $4`,
    [workspaceId, stageId, selfId, next ? afterId : beforeId],
  );
  const row = neighbour(rows, (next ? afterId : beforeId)!, stageId, next ? 'afterId' : 'beforeId');
  return next ? rankBetween(row.rank, row.adjacent ?? null) : rankBetween(row.adjacent ?? null, row.rank);
}

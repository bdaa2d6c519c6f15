import type { Queryable } from '@crmkit/server';
import type { Ledger } from './ledger.js';
import { checkFeed, type FeedLog } from './verify-feed.js';
import { checkLedger } from './verify-ledger.js';
import { Findings, loadState } from './verify-state.js';

/** What the soak found, against the clients' ledger. */
export interface Verification {
  /** Writes the server acknowledged. */
  acknowledged: number;
  /** Acknowledged writes found in the database exactly as answered, once, with their change event. */
  verified: number;
  /** Acknowledged writes missing, or older in the database than answered. */
  lost: number;
  /** Records, messages or changes present more than once. */
  duplicated: number;
  /** Writes refused with a definite answer (409, 412, …): checked absent. */
  rejected: number;
  /** Writes without an answer: applied (whole, once) or not at all. */
  unknown: Findings['unknown'];
  checks: Findings['checks'];
  /** The first problems found, for a failing report. */
  problems: string[];
}

/**
 * Checks the database and the change feed of workspace `ws` against the ledger: each operation (`checkLedger`), then
 * the feed and the orderings (`checkFeed`).
 */
export async function verify(db: Queryable, ws: string, ledger: Ledger, feed: FeedLog): Promise<Verification> {
  const state = await loadState(db, ws);
  const findings = new Findings();
  checkLedger(state, ledger, findings);
  checkFeed(state, ledger, feed, findings);
  return {
    acknowledged: ledger.count('acked'),
    verified: findings.verified,
    lost: findings.lost,
    duplicated: findings.duplicated,
    rejected: ledger.count('rejected'),
    unknown: findings.unknown,
    checks: findings.checks,
    problems: findings.problems,
  };
}

import type { Ledger } from './ledger.js';
import type { Findings, State } from './verify-state.js';

/** What the soak's subscribers got: the live one from `since` through every restart, the resumed one from `resumeFrom`. */
export interface FeedLog {
  since: number;
  delivered: number[];
  resumeFrom: number;
  resumed: number[];
}

/**
 * Checks the change feed and the orderings: every record's changes are in the log once each and in order (versions
 * 1, 2, … up to the stored one); acknowledged versions only grow; ranks are a total order in each stage; and both
 * subscribers got exactly the log's events after their start, in order, once.
 */
export function checkFeed(s: State, ledger: Ledger, feed: FeedLog, f: Findings): void {
  for (const [resource, list] of [
    ['contacts', s.contacts],
    ['deals', s.deals],
    ['leads', s.leads],
  ] as const) {
    for (const record of list) {
      const versions = (s.eventsByRecord.get(`${resource}/${record.id}`) ?? [])
        .map((e) => e.version)
        .filter((v): v is number => v !== null);
      const decreasing = versions.findIndex((v, i) => i > 0 && v <= versions[i - 1]!);
      if (decreasing > 0) {
        if (versions[decreasing] === versions[decreasing - 1]) f.duplicated++;
        f.problem(`${resource}/${record.id}: versions in the feed ${versions.join(',')}`, 'versionsMonotonic');
      }
      const expected = Array.from({ length: record.version }, (_, i) => i + 1).join(',');
      if (versions.join(',') !== expected) {
        f.problem(
          `${resource}/${record.id}: feed versions ${versions.join(',')} for stored version ${record.version}`,
          'feedComplete',
        );
      }
    }
  }

  // Acknowledged versions of one record only grow, in the order its client sent the writes.
  const lastAcked = new Map<string, number>();
  for (const entry of ledger.entries) {
    if (entry.outcome !== 'acked') continue;
    const o = entry.operation;
    const writes =
      o.op === 'contact.update' || o.op === 'deal.move'
        ? [{ id: o.id, version: entry.answer.version }]
        : o.op === 'batch'
          ? o.items.flatMap((item, i) =>
              item.op === 'update' ? [{ id: item.id, version: entry.answer.items?.[i]?.version }] : [],
            )
          : [];
    for (const { id, version } of writes) {
      if (version === undefined) continue;
      if ((lastAcked.get(id) ?? 0) >= version) {
        f.problem(`${id}: acknowledged version ${version} after ${lastAcked.get(id)}`, 'versionsMonotonic');
      }
      lastAcked.set(id, version);
    }
  }

  for (const [stage, deals] of s.dealsByStage) {
    const ranks = new Set(deals.map((d) => d.rank)).size;
    if (ranks !== deals.length)
      f.problem(`stage ${stage}: ${deals.length} deals share ${ranks} ranks`, 'ranksTotalOrder');
  }

  const after = (from: number) => s.events.filter((e) => e.id > from).map((e) => e.id);
  const live = after(feed.since);
  if (feed.delivered.join(',') !== live.join(',')) {
    f.problem(`live feed: got ${feed.delivered.length} events, the log holds ${live.length}`, 'feedDeliveredOnce');
  }
  const resumed = after(feed.resumeFrom);
  if (feed.resumed.join(',') !== resumed.join(',')) {
    f.problem(
      `resumed feed: got ${feed.resumed.length} events from ${feed.resumeFrom}, the log holds ${resumed.length}`,
      'feedResumable',
    );
  }
}

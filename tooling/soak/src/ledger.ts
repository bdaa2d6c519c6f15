/**
 * The clients' own log of what they asked for and what the server answered: the ground truth the soak verifies the
 * database and the change feed against.
 *
 * - `acked`: the server answered with success; the write must be there, exactly once.
 * - `rejected`: the server answered with a definite refusal (400, 404, 409, 412): the write must not be there.
 * - `unknown`: no answer (the connection died with the server and the client's retries ran out, a timeout, a 5xx):
 *   the write may be there or not, but whole and at most once.
 */
export type Outcome = 'acked' | 'rejected' | 'unknown';

/** What one operation set out to do (its markers are unique per operation). */
export type Operation =
  | { op: 'contact.create'; marker: string }
  | { op: 'contact.update'; id: string; ifVersion: number; title: string }
  | { op: 'contact.delete'; id: string; ifVersion: number }
  | { op: 'deal.create'; marker: string; stageId: string }
  | { op: 'deal.move'; id: string; ifVersion: number; stageId: string; afterId?: string; beforeId?: string }
  | { op: 'ticket.create'; marker: string; requesterId: string }
  | { op: 'ticket.reply'; ticketId: string; marker: string }
  | { op: 'lead.create'; marker: string }
  | { op: 'lead.convert'; leadId: string; marker: string }
  | { op: 'batch'; items: BatchItem[] };

/** One operation of a batch of contacts. */
export type BatchItem =
  | { op: 'create'; marker: string }
  | { op: 'update'; id: string; ifVersion: number; title: string }
  | { op: 'delete'; id: string; ifVersion: number };

/** What the server answered to an acknowledged operation. */
export interface Answer {
  /** The record written (created, updated, moved) or, for a reply, the message. */
  id?: string;
  version?: number;
  /** A batch's per-item statuses and created ids, in order. */
  items?: { status: number; id?: string; version?: number }[];
  /** A conversion's records. */
  conversion?: { contactId: string; companyId: string | null; dealId: string | null };
  /** The status of a refusal, and its problem type. */
  status?: number;
  problem?: string;
}

/** One operation of one client, as it happened. */
export interface Entry {
  seq: number;
  actor: number;
  /** ms since the soak started, when the request was sent and when it ended. */
  sentAt: number;
  endedAt: number;
  operation: Operation;
  outcome: Outcome;
  answer: Answer;
}

/** The log of every client of a soak run. */
export class Ledger {
  readonly entries: Entry[] = [];
  private seq = 0;

  constructor(private readonly startedAt: number) {}

  /** Records an operation; `sentAt` from {@link Ledger.now}. */
  record(actor: number, sentAt: number, operation: Operation, outcome: Outcome, answer: Answer): Entry {
    const entry = { seq: this.seq++, actor, sentAt, endedAt: this.now(), operation, outcome, answer };
    this.entries.push(entry);
    return entry;
  }

  now(): number {
    return performance.now() - this.startedAt;
  }

  count(outcome: Outcome): number {
    return this.entries.filter((e) => e.outcome === outcome).length;
  }
}

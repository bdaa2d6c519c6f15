import type { CrmEvent } from '@crmkit/spec';
import type { Queryable } from '../db/types.js';

/** A committed event as feeds send it: serialised and encoded once, whatever the number of feeds. */
export interface TailEvent {
  id: number;
  type: string;
  /** The Server-Sent Events block, UTF-8: `id:`, `event:` and `data:` lines and the blank line. */
  frame: Uint8Array;
}

const encoder = new TextEncoder();

/** What a tail needs of the event log (`EventLog`). */
export interface LogSource {
  read(db: Queryable, workspaceId: string, afterId: number, limit: number): Promise<CrmEvent[]>;
  latestId(db: Queryable, workspaceId: string): Promise<number>;
  /** Calls `listener` after each commit with events in the workspace, in any process. */
  subscribe(workspaceId: string, listener: () => void): () => void;
  /** How long to wait for a wake before reading anyway. */
  readonly pollMs: number;
}

/** How many recent events a tail keeps; a feed further behind reads the log itself until it catches up. */
const KEEP = 2000;
/** Events per read of the log. */
const PAGE = 500;

/** The SSE block of `e`. */
export const frameOf = (e: CrmEvent): TailEvent => ({
  id: Number(e.id),
  type: e.type,
  frame: encoder.encode(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`),
});

/**
 * Waits until `wake()` is called, `ms` pass, or `signal` aborts, leaving no timer behind. A wake that comes while nobody
 * waits is remembered, so a commit between two reads is never missed.
 */
export class Waker {
  private pending = false;
  private resolve: (() => void) | null = null;

  wake(): void {
    if (this.resolve) this.resolve();
    else this.pending = true;
  }

  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.resolve = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.resolve = done;
    });
  }
}

/**
 * The live end of one workspace's change feed in this process: one reader of the log for every feed of the workspace,
 * so a commit costs one query however many feeds are open. It holds every event after `floor`, up to the last read.
 */
class WorkspaceTail {
  private events: TailEvent[] = [];
  private floor: number;
  private last: number;
  private reading = false;
  private again = false;
  private failure: unknown = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly unsubscribe: () => void;
  readonly wakers = new Set<Waker>();

  constructor(
    private readonly log: LogSource,
    private readonly db: Queryable,
    private readonly workspaceId: string,
    start: number,
  ) {
    this.floor = start;
    this.last = start;
    this.unsubscribe = log.subscribe(workspaceId, () => this.refresh());
    this.schedule();
  }

  /**
   * The events after `position`, oldest first, when this tail holds all of them; null when the feed is further behind
   * (it reads the log itself). Throws when the last read of the log failed (the feed ends; its client reconnects).
   */
  after(position: number): TailEvent[] | null {
    if (this.failure) throw this.failure;
    if (position < this.floor) return null;
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid]!.id <= position) lo = mid + 1;
      else hi = mid;
    }
    return this.events.slice(lo);
  }

  /** Reads what was committed since the last read: one read at a time, and one more if woken meanwhile. */
  refresh(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    void this.readAll().finally(() => {
      this.reading = false;
      this.schedule();
      for (const w of this.wakers) w.wake();
    });
  }

  close(): void {
    clearTimeout(this.timer);
    this.unsubscribe();
  }

  private async readAll(): Promise<void> {
    try {
      do {
        this.again = false;
        for (;;) {
          const batch = await this.log.read(this.db, this.workspaceId, this.last, PAGE);
          for (const e of batch) this.events.push(frameOf(e));
          if (batch.length > 0) this.last = Number(batch.at(-1)!.id);
          if (this.events.length > KEEP) {
            const dropped = this.events.splice(0, this.events.length - KEEP);
            this.floor = dropped.at(-1)!.id;
          }
          if (batch.length < PAGE) break;
        }
      } while (this.again);
      this.failure = null;
    } catch (error) {
      this.failure = error;
    }
  }

  /** The fallback poll: reads again when nothing woke it for `pollMs` (other processes, while the bus is down). */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), this.log.pollMs);
    this.timer.unref?.();
  }
}

/** The tails of the workspaces with open feeds in this process (see {@link WorkspaceTail}). */
export class EventTails {
  private readonly tails = new Map<string, Promise<WorkspaceTail>>();
  private readonly closing = new AbortController();
  private count = 0;
  /** Aborted when the server shuts down: feeds then end with a hint to reconnect soon (to another process). */
  readonly shutdown = this.closing.signal;

  constructor(private readonly log: LogSource) {}

  /**
   * Joins the tail of `workspaceId` with `waker` (woken after each read of the log) until `leave()`. The first feed of
   * a workspace starts its tail at the log's latest event.
   */
  async join(db: Queryable, workspaceId: string, waker: Waker): Promise<{ tail: TailView; leave: () => void }> {
    let pending = this.tails.get(workspaceId);
    if (!pending) {
      pending = this.log.latestId(db, workspaceId).then((start) => new WorkspaceTail(this.log, db, workspaceId, start));
      this.tails.set(workspaceId, pending);
      pending.catch(() => this.tails.delete(workspaceId));
    }
    const tail = await pending;
    tail.wakers.add(waker);
    this.count++;
    this.shutdown.addEventListener('abort', () => waker.wake(), { once: true });
    return {
      tail,
      leave: () => {
        if (tail.wakers.delete(waker)) this.count--;
        if (tail.wakers.size === 0 && this.tails.get(workspaceId) === pending) {
          tail.close();
          this.tails.delete(workspaceId);
        }
      },
    };
  }

  /** Open feeds in this process. */
  get feeds(): number {
    return this.count;
  }

  /** Ends every feed of this process (see {@link EventTails.shutdown}). */
  close(): void {
    this.closing.abort();
  }
}

/** What a feed sees of its workspace's tail. */
export type TailView = Pick<WorkspaceTail, 'after' | 'refresh'>;

import type { CrmEvent, EventType } from '@crmkit/spec';
import type { Database, Queryable } from '../db/types.js';
import type { Bus } from './bus.js';
import { EventTails } from './event-tail.js';

/** An event about to be written with the transaction that caused it. */
export interface PendingEvent {
  type: EventType;
  resource: string;
  resourceId: string;
  data: Record<string, unknown>;
  /** For updates: the fields whose values changed (not stored; automation matches `changed` triggers on it). */
  changed?: readonly string[];
}

/** An event as written: with its id (null when the server keeps no change feed). */
export interface WrittenEvent extends PendingEvent {
  id: string | null;
  occurredAt: string;
}

type Listener = () => void;

/** The bus topic on which a commit with events names its workspace. */
const TOPIC = 'events';

/**
 * Positions for the workspace's unsequenced events: as many values of `event_seq` as there are events, in ascending
 * order, given to them in the order they were inserted.
 */
const SEQUENCE = `
  WITH pending AS (SELECT id FROM events WHERE workspace_id = $1 AND seq IS NULL),
       ranked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM pending),
       drawn AS (SELECT s, row_number() OVER (ORDER BY s) AS n FROM (SELECT nextval('event_seq') AS s FROM pending) AS x)
  UPDATE events e SET seq = drawn.s FROM ranked JOIN drawn USING (n) WHERE e.id = ranked.id RETURNING e.seq`;

/**
 * The change feed's log. A write appends its events in its own transaction, without a position; once it has
 * committed, {@link EventLog.sequence} gives the workspace's committed events their positions (`seq`, the feed's event
 * ids) in the order they were committed. Sequencing takes a per-workspace lock for a moment, so positions only grow: a
 * reader that has seen position N never later finds a committed event before N. Writers themselves take no lock, so
 * one workspace's writes commit side by side (on PGlite, which runs one transaction at a time, the write sequences its
 * own events).
 *
 * Readers in other processes learn of new positions through the {@link Bus} (a `NOTIFY` sent by the sequencing
 * transaction, so it arrives once they are visible); while the bus is down they poll ({@link EventLog.pollMs}).
 */
export class EventLog {
  private readonly listeners = new Map<string, Set<Listener>>();
  /** The live tails of the workspaces with open feeds in this process. */
  readonly tails: EventTails;

  constructor(private readonly bus: Bus) {
    this.tails = new EventTails(this);
    bus.subscribe(TOPIC, (workspaceId) => this.wake(workspaceId));
    // Back after the bus was down: commits of other processes meanwhile went unannounced.
    bus.onLive((live) => {
      if (live) for (const ws of this.listeners.keys()) this.wake(ws);
    });
  }

  /**
   * Writes `events` in `tx` (in one statement, in order) and answers them with their ids in the log. On PostgreSQL
   * they have no feed position until the write has committed and {@link EventLog.sequence} has run, so there the id
   * identifies the event (webhook message ids, automation's once-per-event) but is not its feed position; on PGlite
   * the position is the id, given here.
   */
  async append(
    tx: Queryable,
    workspaceId: string,
    actorId: string | null,
    at: Date,
    events: readonly PendingEvent[],
  ): Promise<WrittenEvent[]> {
    if (events.length === 0) return [];
    const rows = JSON.stringify(
      events.map((e) => ({ type: e.type, resource: e.resource, resource_id: e.resourceId, data: e.data })),
    );
    const { rows: ids } = await tx.query<{ id: number }>(
      `INSERT INTO events (workspace_id, type, resource, resource_id, actor_id, data, occurred_at)
       SELECT $1, e.type, e.resource, e.resource_id, $2, e.data, $3
         FROM ROWS FROM (jsonb_to_recordset($4::jsonb) AS (type text, resource text, resource_id text, data jsonb))
                WITH ORDINALITY AS e (type, resource, resource_id, data, n)
        ORDER BY e.n
       RETURNING id`,
      [workspaceId, actorId, at.toISOString(), rows],
    );
    // Ids are drawn in insert order (ORDER BY e.n): the smallest is the first event's.
    const sorted = ids.map((r) => Number(r.id)).sort((x, y) => x - y);
    const occurredAt = at.toISOString();
    const written = events.map((e, i) => ({ ...e, id: String(sorted[i]), occurredAt }));
    // One transaction at a time: commit order is insert order.
    if (!this.bus.crossProcess) {
      await tx.query('UPDATE events SET seq = id WHERE workspace_id = $1 AND seq IS NULL', [workspaceId]);
    }
    return written;
  }

  /**
   * Gives the committed events of `workspaceId` that have no position yet the next ones, in the order they were
   * inserted, and wakes the feeds of every process. Run after each commit with events (`withWrite` does) and by the
   * `event-sequencer` job (events of a process that died before it sequenced them). Returns how many it sequenced.
   */
  async sequence(db: Database, workspaceId: string): Promise<number> {
    if (!this.bus.crossProcess) return 0;
    const sequenced = await db.transaction(async (tx) => {
      // Before the statement that reads: its snapshot then holds every event committed before the lock.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('events:' || $1))", [workspaceId]);
      const { rows } = await tx.query(SEQUENCE, [workspaceId]);
      const notify = rows.length > 0 ? this.bus.notifyArgs(TOPIC, workspaceId) : null;
      if (notify) await tx.query('SELECT pg_notify($1, $2)', notify);
      return rows.length;
    });
    if (sequenced > 0) this.wake(workspaceId);
    return sequenced;
  }

  /** Sequences every workspace's events left without a position (see {@link EventLog.sequence}). */
  async sequenceAll(db: Database): Promise<number> {
    if (!this.bus.crossProcess) return 0;
    const { rows } = await db.query<{ workspace_id: string }>(
      'SELECT DISTINCT workspace_id FROM events WHERE seq IS NULL',
    );
    let total = 0;
    for (const { workspace_id } of rows) total += await this.sequence(db, workspace_id);
    return total;
  }

  /**
   * After a commit with events in `workspaceId`: sequences them (PostgreSQL) and wakes this process's readers (other
   * processes hear the NOTIFY). A failure to sequence is left to the `event-sequencer` job: the write has committed.
   */
  async committed(db: Database, workspaceId: string): Promise<void> {
    if (!this.bus.crossProcess) return this.wake(workspaceId);
    await this.sequence(db, workspaceId).catch(() => {});
  }

  /** Whether commits of other processes are heard at once (the bus is up, or there are none): else readers poll. */
  get live(): boolean {
    return this.bus.live;
  }

  /**
   * How long a reader may wait for a wake before it reads again anyway: long while the bus carries other processes'
   * commits (or there are none), 1 s while it is down.
   */
  get pollMs(): number {
    return this.live ? 15_000 : 1000;
  }

  /** Calls `listener` after each commit with events in `workspaceId`, in any process. */
  subscribe(workspaceId: string, listener: Listener): () => void {
    let set = this.listeners.get(workspaceId);
    if (!set) {
      set = new Set();
      this.listeners.set(workspaceId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(workspaceId) === set) this.listeners.delete(workspaceId);
    };
  }

  /** Sequenced events after position `afterId`, in order. */
  async read(db: Queryable, workspaceId: string, afterId: number, limit = 500): Promise<CrmEvent[]> {
    const { rows } = await db.query<{
      seq: number;
      type: EventType;
      resource: string;
      resource_id: string;
      actor_id: string | null;
      data: Record<string, unknown>;
      occurred_at: string;
    }>(
      'SELECT seq, type, resource, resource_id, actor_id, data, occurred_at FROM events WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [workspaceId, afterId, limit],
    );
    return rows.map((r) => ({
      id: String(r.seq),
      type: r.type,
      resource: r.resource,
      resourceId: r.resource_id,
      actorId: r.actor_id,
      occurredAt: r.occurred_at,
      data: r.data,
    }));
  }

  /** The position of the workspace's latest event (0 when there is none): where a feed without `Last-Event-ID` starts. */
  async latestId(db: Queryable, workspaceId: string): Promise<number> {
    const { rows } = await db.query<{ id: number | null }>(
      'SELECT max(seq) AS id FROM events WHERE workspace_id = $1',
      [workspaceId],
    );
    return rows[0]?.id ?? 0;
  }

  private wake(workspaceId: string): void {
    for (const l of this.listeners.get(workspaceId) ?? []) l();
  }
}

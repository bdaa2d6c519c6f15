import type { CrmEvent, EventType } from '@crmkit/spec';
import type { Queryable } from '../db/types.js';
import type { Bus } from './bus.js';
import { EventTails } from './event-tail.js';

/** An event about to be written with the transaction that caused it. */
export interface PendingEvent {
  type: EventType;
  resource: string;
  resourceId: string;
  data: Record<string, unknown>;
}

type Listener = () => void;

/** The bus topic on which a commit with events names its workspace. */
const TOPIC = 'events';

/**
 * Appends change events inside write transactions and wakes feed readers after commit, in every process.
 * Ids come from one sequence and a per-workspace advisory lock serialises writers, so a reader that
 * has seen id N never later finds a committed event < N in the same workspace.
 *
 * Readers in other processes learn of a commit through the {@link Bus} (a `NOTIFY` sent by the transaction itself, so
 * it arrives only once the events are visible); while the bus is down they poll ({@link EventLog.pollMs}).
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

  /** Writes `events` in `tx`. Call last in the transaction: it takes the workspace's event lock. */
  async append(tx: Queryable, workspaceId: string, actorId: string | null, at: Date, events: readonly PendingEvent[]) {
    if (events.length === 0) return;
    const lock = `events:${workspaceId}`;
    const notify = this.bus.notifyArgs(TOPIC, workspaceId);
    // The NOTIFY is sent on commit, in commit order: other processes read the events once they are visible.
    if (notify) await tx.query('SELECT pg_advisory_xact_lock(hashtext($1)), pg_notify($2, $3)', [lock, ...notify]);
    else await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
    for (const e of events) {
      await tx.query(
        'INSERT INTO events (workspace_id, type, resource, resource_id, actor_id, data, occurred_at) VALUES ($1,$2,$3,$4,$5,$6,$7)',
        [workspaceId, e.type, e.resource, e.resourceId, actorId, JSON.stringify(e.data), at.toISOString()],
      );
    }
  }

  /** Tells this process's readers of `workspaceId` that events were committed (other processes hear the NOTIFY). */
  notify(workspaceId: string): void {
    this.wake(workspaceId);
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

  /** Committed events after `afterId`, oldest first. */
  async read(db: Queryable, workspaceId: string, afterId: number, limit = 500): Promise<CrmEvent[]> {
    const { rows } = await db.query<{
      id: number;
      type: EventType;
      resource: string;
      resource_id: string;
      actor_id: string | null;
      data: Record<string, unknown>;
      occurred_at: string;
    }>(
      'SELECT id, type, resource, resource_id, actor_id, data, occurred_at FROM events WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [workspaceId, afterId, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      type: r.type,
      resource: r.resource,
      resourceId: r.resource_id,
      actorId: r.actor_id,
      occurredAt: r.occurred_at,
      data: r.data,
    }));
  }

  /** The id of the workspace's latest event (0 when there is none): where a feed without `Last-Event-ID` starts. */
  async latestId(db: Queryable, workspaceId: string): Promise<number> {
    const { rows } = await db.query<{ id: number | null }>('SELECT max(id) AS id FROM events WHERE workspace_id = $1', [
      workspaceId,
    ]);
    return rows[0]?.id ?? 0;
  }

  private wake(workspaceId: string): void {
    for (const l of this.listeners.get(workspaceId) ?? []) l();
  }
}

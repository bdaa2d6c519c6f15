import type { CrmEvent, EventType } from '@crmkit/spec';
import type { Queryable } from '../db/types.js';

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

/**
 * Appends change events inside write transactions and wakes feed readers after commit.
 * Ids come from one sequence and a per-workspace advisory lock serialises writers, so a reader that
 * has seen id N never later finds a committed event < N in the same workspace.
 */
export class EventLog {
  private readonly listeners = new Map<string, Set<Listener>>();

  /**
   * Writes `events` in `tx` and answers them with their ids. Call last in the transaction: it takes the workspace's
   * event lock.
   */
  async append(
    tx: Queryable,
    workspaceId: string,
    actorId: string | null,
    at: Date,
    events: readonly PendingEvent[],
  ): Promise<WrittenEvent[]> {
    if (events.length === 0) return [];
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`events:${workspaceId}`]);
    const written: WrittenEvent[] = [];
    for (const e of events) {
      const { rows } = await tx.query<{ id: number }>(
        'INSERT INTO events (workspace_id, type, resource, resource_id, actor_id, data, occurred_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id',
        [workspaceId, e.type, e.resource, e.resourceId, actorId, JSON.stringify(e.data), at.toISOString()],
      );
      written.push({ ...e, id: String(rows[0]!.id), occurredAt: at.toISOString() });
    }
    return written;
  }

  /** Tells this process's readers of `workspaceId` that events were committed. */
  notify(workspaceId: string): void {
    for (const l of this.listeners.get(workspaceId) ?? []) l();
  }

  /** Calls `listener` after each commit with events in `workspaceId`. */
  subscribe(workspaceId: string, listener: Listener): () => void {
    let set = this.listeners.get(workspaceId);
    if (!set) {
      set = new Set();
      this.listeners.set(workspaceId, set);
    }
    set.add(listener);
    return () => set.delete(listener);
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
}

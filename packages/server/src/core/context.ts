import type { Capabilities, Role } from '@crmkit/spec';
import type { Database, Queryable } from '../db/types.js';
import type { Bus } from './bus.js';
import type { Clock } from './clock.js';
import type { EventLog, PendingEvent, WrittenEvent } from './event-log.js';
import type { WorkspaceSettings } from './settings.js';

/** Everything a handler knows about the server it runs in. */
export interface ServerContext {
  db: Database;
  clock: Clock;
  events: EventLog;
  /** Messages between the server processes of this database (and within this one). */
  bus: Bus;
  capabilities: Capabilities;
  /**
   * Called in each write's transaction after its events were written (automation enrols records, webhooks queue
   * deliveries): what they write commits or rolls back with the change itself.
   */
  observers?: WriteObserver[];
  /** Called after a write with events committed (e.g. to run the work it queued soon). */
  afterCommit?: (workspaceId: string) => void;
}

/** Sees the events of every write, inside its transaction. */
export type WriteObserver = (w: WriteContext, events: readonly WrittenEvent[]) => Promise<void>;

/** Which automation rules a write runs for, so a rule's own changes do not start it again (see `automation/`). */
export interface WriteOrigin {
  ruleIds: readonly string[];
  /** How many rules in a chain led here (a rule's change starting another rule). */
  depth: number;
}

/** Who is calling: set by the auth middleware. */
export interface Principal {
  workspaceId: string;
  workspaceName: string;
  userId: string | null;
  role: Role;
  settings: WorkspaceSettings;
  /** How the caller authenticated; absent for the server acting on its own (jobs, seeds). */
  via?: 'api-key' | 'embed-token';
}

/** A request's context: the server plus the caller. */
export interface RequestContext extends ServerContext {
  principal: Principal;
  /**
   * The language the request's text was written in: its `Content-Language`, else the calling user's locale; never
   * the workspace's (a Vietnamese workspace's staff type English names too). Decides how names are read.
   */
  inputLocale?: string | null;
}

/** A write in progress: its transaction, its time, and the events it will commit. */
export interface WriteContext extends RequestContext {
  tx: Queryable;
  now: Date;
  emit(event: PendingEvent): void;
  /** Set when an automation run makes this write. */
  origin?: WriteOrigin;
}

/**
 * Runs `fn` in a transaction; its emitted events are committed with it, then given their feed positions, and readers
 * are woken.
 * Nested calls with an existing write context reuse its transaction.
 */
export async function withWrite<T>(
  ctx: RequestContext | WriteContext,
  fn: (w: WriteContext) => Promise<T>,
): Promise<T> {
  if ('tx' in ctx) return fn(ctx);
  const pending: PendingEvent[] = [];
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const w: WriteContext = { ...ctx, tx, now, emit: (e) => pending.push(e) };
    const value = await fn(w);
    await commitEvents(w, pending);
    return value;
  });
  if (pending.length > 0) {
    if (ctx.capabilities.events) await ctx.events.committed(ctx.db, ctx.principal.workspaceId);
    ctx.afterCommit?.(ctx.principal.workspaceId);
  }
  return result;
}

/**
 * Writes a write's events and shows them to the observers, which may emit more (a notification, say): those are
 * written and observed in turn, in the same transaction.
 */
async function commitEvents(w: WriteContext, pending: PendingEvent[]): Promise<void> {
  let from = 0;
  // Observers may emit further events; a bound keeps a misbehaving chain from looping.
  for (let round = 0; round < 4 && from < pending.length; round++) {
    const batch = pending.slice(from);
    from = pending.length;
    const written = w.capabilities.events
      ? await w.events.append(w.tx, w.principal.workspaceId, w.principal.userId, w.now, batch)
      : batch.map((e) => ({ ...e, id: null, occurredAt: w.now.toISOString() }));
    for (const observe of w.observers ?? []) await observe(w, written);
  }
}

/**
 * Runs `fn` in a savepoint of write `w`: when it throws, what it wrote and the events it emitted are undone and the
 * write goes on (one item of a batch fails on its own); when it succeeds, its events join the write's.
 */
export async function withSavepoint<T>(w: WriteContext, fn: (w: WriteContext) => Promise<T>): Promise<T> {
  const pending: PendingEvent[] = [];
  await w.tx.query('SAVEPOINT item');
  let value: T;
  try {
    value = await fn({ ...w, emit: (e) => pending.push(e) });
  } catch (error) {
    await w.tx.query('ROLLBACK TO SAVEPOINT item');
    throw error;
  }
  await w.tx.query('RELEASE SAVEPOINT item');
  for (const e of pending) w.emit(e);
  return value;
}

/**
 * A context that acts for the server itself in one workspace (background jobs such as the SLA sweep):
 * no user, owner rights. Use it with {@link withWrite}; events it emits have no actor.
 */
export function systemContext(
  server: ServerContext,
  workspace: { id: string; name: string; settings: WorkspaceSettings },
): RequestContext {
  return {
    ...server,
    principal: {
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      userId: null,
      role: 'owner',
      settings: workspace.settings,
    },
  };
}

/** The connection to query with: the write's transaction inside a write (PGlite would deadlock otherwise), else the pool. */
export function dbOf(ctx: RequestContext | WriteContext): Queryable {
  return 'tx' in ctx ? ctx.tx : ctx.db;
}

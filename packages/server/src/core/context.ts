import type { Capabilities, Role } from '@crmkit/spec';
import type { Database, Queryable } from '../db/types.js';
import type { Bus } from './bus.js';
import type { Clock } from './clock.js';
import type { EventLog, PendingEvent } from './event-log.js';
import type { WorkspaceSettings } from './settings.js';

/** Everything a handler knows about the server it runs in. */
export interface ServerContext {
  db: Database;
  clock: Clock;
  events: EventLog;
  /** Messages between the server processes of this database (and within this one). */
  bus: Bus;
  capabilities: Capabilities;
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
}

/** A write in progress: its transaction, its time, and the events it will commit. */
export interface WriteContext extends RequestContext {
  tx: Queryable;
  now: Date;
  emit(event: PendingEvent): void;
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
    if (ctx.capabilities.events)
      await ctx.events.append(tx, ctx.principal.workspaceId, ctx.principal.userId, now, pending);
    return value;
  });
  if (pending.length > 0 && ctx.capabilities.events) await ctx.events.committed(ctx.db, ctx.principal.workspaceId);
  return result;
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

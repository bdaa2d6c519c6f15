import type { EntityName } from '@crmkit/spec';
import { Bus } from '../src/core/bus.js';
import { ALL_CAPABILITIES } from '../src/core/capabilities.js';
import type { Clock } from '../src/core/clock.js';
import type { Principal, ServerContext, WriteContext } from '../src/core/context.js';
import { EventLog } from '../src/core/event-log.js';
import { WorkspaceSettings } from '../src/core/settings.js';
import type { Database, Queryable } from '../src/db/types.js';
import { type AnyRecord, createRecord, type ResourceDef, updateRecord } from '../src/resources/engine.js';
import { type ProvisionedWorkspace, type ProvisionOptions, provisionWorkspace } from '../src/workspace/provision.js';

/**
 * Writes one workspace's seed data through the real engine (defaults, validation, derived fields, SLA) in the
 * caller's transaction. It acts as the server itself or as a given user, at a given time per record, and
 * emits no events: the change feed is for live changes, not for the initial data.
 */
export class SeedWriter {
  private readonly counters = new Map<string, number>();
  private readonly principal: Principal;

  private constructor(
    private readonly server: ServerContext,
    private readonly tx: Queryable,
    readonly workspace: ProvisionedWorkspace,
    settings: WorkspaceSettings,
    /** Short workspace key in generated ids (`con_demo_0001`). */
    readonly key: string,
  ) {
    this.principal = {
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      userId: null,
      role: 'owner',
      settings,
    };
  }

  /**
   * Provisions a workspace (users, teams, API keys remembered in `demo_credentials`) in `tx` and returns a
   * writer for its records.
   */
  static async provision(
    db: Database,
    tx: Queryable,
    clock: Clock,
    key: string,
    options: Omit<ProvisionOptions, 'clock' | 'rememberKeys'>,
  ): Promise<SeedWriter> {
    const workspace = await provisionWorkspace(
      { transaction: (fn) => fn(tx) },
      { ...options, clock, rememberKeys: true },
    );
    // Seeding writes no events: a bus that is never started is enough.
    const bus = new Bus(db);
    const server: ServerContext = {
      db,
      clock,
      events: new EventLog(bus),
      bus,
      capabilities: { ...ALL_CAPABILITIES, events: false },
    };
    return new SeedWriter(server, tx, workspace, WorkspaceSettings.parse(options.settings ?? {}), key);
  }

  /** The next id for `prefix` in this workspace: `con_demo_0001`, `con_demo_0002`, … */
  id(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}_${this.key}_${String(n).padStart(4, '0')}`;
  }

  /** A write context at `at`, acting as the user `userId` (null: the server itself, with owner rights). */
  as(at: Date, userId: string | null = null): WriteContext {
    return {
      ...this.server,
      principal: { ...this.principal, userId },
      tx: this.tx,
      now: at,
      emit: () => {},
    };
  }

  /** Creates a record of `def` with the given id, as if `userId` had sent `body` at `at`. */
  create(def: ResourceDef, id: string, body: Record<string, unknown>, at: Date, userId: string | null = null) {
    return createRecord(this.as(at, userId), def, body, id);
  }

  /** Updates a record as if `userId` had sent the patch `body` at `at`. */
  update(
    def: ResourceDef,
    id: string,
    body: Record<string, unknown>,
    at: Date,
    userId: string | null = null,
  ): Promise<AnyRecord> {
    return updateRecord(this.as(at, userId), def, id, body, null);
  }

  /** Whether the workspace defines the custom field `key` on `entity`. */
  hasCustomField(entity: EntityName, key: string): boolean {
    return (this.principal.settings.customFields[entity] ?? []).some((f) => f.key === key);
  }

  /** Runs SQL in the seed's transaction. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }> {
    return this.tx.query<T>(sql, params);
  }
}

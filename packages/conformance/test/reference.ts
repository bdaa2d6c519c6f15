import {
  ALL_CAPABILITIES,
  type CrmServer,
  createCrmServer,
  type Database,
  openDatabase,
  provisionWorkspace,
} from '@crmkit/server';
import type { Capabilities } from '@crmkit/spec';

/** Two workspaces on one database, with the tokens the kit needs. */
export interface Reference {
  db: Database;
  /** A server with every capability. */
  server: CrmServer;
  baseUrl: string;
  /** Admin API key of workspace A (tied to a user, so a viewer token can be minted for it). */
  tokenA: string;
  /** Admin API key of workspace B. */
  tokenB: string;
  /** Another server on the same database with other capabilities. */
  variant(capabilities: Partial<Capabilities>): Promise<CrmServer>;
  close(): Promise<void>;
}

const none = { firstResponseMinutes: null, nextResponseMinutes: null, resolutionMinutes: null };

/**
 * Starts the reference server in-process on a fresh PGlite with workspace A (admin + viewer users, an SLA
 * policy on a 24×7 calendar) and workspace B — only through `@crmkit/server`'s public exports.
 */
export async function startReference(modules: Record<string, boolean> = {}): Promise<Reference> {
  const db = await openDatabase();
  // An e-mail channel that takes every message: campaign test sends need somewhere to go.
  const email = { channel: 'email' as const, send: async () => ({ providerId: null }) };
  const server = await createCrmServer({
    db,
    capabilities: ALL_CAPABILITIES,
    automation: { channels: [email] },
    onError: (e) => console.error(e),
  });
  const stopTicking = runAutomation(server);
  const a = await provisionWorkspace(db, {
    name: 'Conformance A',
    settings: {
      modules,
      // Two custom fields, so the kit checks how PATCH merges `customFields`.
      customFields: {
        contact: [
          {
            key: 'tier',
            label: { en: 'Tier' },
            type: 'select',
            custom: true,
            required: false,
            sortable: true,
            filterable: true,
            options: [
              { value: 'gold', label: { en: 'Gold' } },
              { value: 'silver', label: { en: 'Silver' } },
            ],
          },
          {
            key: 'joinedOn',
            label: { en: 'Joined on' },
            type: 'date',
            custom: true,
            required: false,
            sortable: true,
            filterable: true,
          },
        ],
      },
      businessCalendars: [{ id: 'cal_247', name: '24×7', timeZone: 'UTC', weeklyHours: [], holidays: [] }],
      slaPolicies: [
        {
          id: 'sla_std',
          name: 'Standard',
          position: 0,
          calendarId: 'cal_247',
          conditions: {},
          targets: {
            low: none,
            normal: { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 600 },
            high: { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 240 },
            urgent: { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: 120 },
          },
          warnBeforeMinutes: 10,
        },
      ],
    },
    users: [
      { name: 'Admin A', email: 'admin@a.test', role: 'admin' },
      { name: 'Viewer A', email: 'viewer@a.test', role: 'viewer' },
    ],
    keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@a.test' }],
  });
  const b = await provisionWorkspace(db, {
    name: 'Conformance B',
    users: [{ name: 'Admin B', email: 'admin@b.test', role: 'admin' }],
    keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@b.test' }],
  });
  // A workspace normally has a default pipeline; the kit's own pipelines are then never the default.
  const res = await server.fetch(
    new Request('http://crm.test/v1/pipelines', {
      method: 'POST',
      headers: { authorization: `Bearer ${a.keys.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Sales',
        isDefault: true,
        stages: [
          { name: 'Lead', probability: 10, kind: 'open' },
          { name: 'Won', probability: 100, kind: 'won' },
          { name: 'Lost', probability: 0, kind: 'lost' },
        ],
      }),
    }),
  );
  if (res.status !== 201 && modules.deal !== false)
    throw new Error(`could not create the default pipeline: ${res.status} ${await res.text()}`);
  return {
    db,
    server,
    baseUrl: 'http://crm.test',
    tokenA: a.keys.admin!,
    tokenB: b.keys.admin!,
    variant: (capabilities) =>
      createCrmServer({ db, capabilities: { ...ALL_CAPABILITIES, ...capabilities }, onError: (e) => console.error(e) }),
    close: async () => {
      await stopTicking();
      await db.close();
    },
  };
}

/**
 * Runs the server's automation in the background as `startCrmServer` does: right after each write and every 200 ms
 * (never two ticks at once), so the kit sees manual runs finish.
 */
function runAutomation(server: CrmServer): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = server.automation
      .tick()
      .catch((e: unknown) => console.error(e))
      .finally(() => {
        running = null;
      });
  };
  server.context.afterCommit = () => setTimeout(tick, 0);
  const timer = setInterval(tick, 200);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

import type { AddressInfo } from 'node:net';
import type { OpenDatabaseOptions } from '@crmkit/server';
import { type RunningCrmServer, rememberedKeys, startCrmServer, type WorkspaceKeys } from '@crmkit/server/node';
import { serve } from '@hono/node-server';
import { type CrmConnection, createPortalApp } from './app.js';
import { DEMO_ACCOUNTS, UserDirectory } from './users.js';

/** The demo seed's main workspace: the portal's users map to its users. */
export const DEMO_WORKSPACE = 'ws_demo';

export interface StartPortalOptions {
  /**
   * The CRM to embed: an existing one (`{ url, apiKey }` with an admin API key), or by default the crmkit reference
   * server started in this process on PGlite, seeded with the demo data on first start.
   */
  crm?: CrmConnection;
  /** The in-process reference server's database (default: PGlite in memory; `{ dataDir }` keeps it on disk). */
  database?: OpenDatabaseOptions;
  /** The in-process reference server's port (default 4321; 0 picks a free one). */
  crmPort?: number;
  /** The portal's port (default 4322; 0 picks a free one). */
  port?: number;
  /** Interface both listen on (default 127.0.0.1). */
  hostname?: string;
  /** The built SPA to serve (`dist/`); omit to serve the API only (the Vite dev server serves the pages). */
  staticDir?: string | null;
  /** Progress messages. */
  log?: (line: string) => void;
}

export interface RunningPortal {
  /** The portal: `http://host:port`. */
  url: string;
  /** The CRM API the portal embeds (what `/crm` proxies to). */
  crmUrl: string;
  /** The CRM and the admin API key the portal mints embed tokens with (server-side only). */
  crm: CrmConnection;
  /** The in-process reference server, when the portal started one. */
  crmServer: RunningCrmServer | null;
  /**
   * The API keys of the demo CRM's workspaces (admin, agent, viewer of each) when the portal started the reference
   * server: for curl and the conformance kit, never for a browser. Empty with an external CRM.
   */
  apiKeys: WorkspaceKeys[];
  close(): Promise<void>;
}

/**
 * The API keys of the workspaces of a reference server started here, as the demo seed remembers them (this start's
 * seed, or an earlier one on a restart with the data kept), and the demo workspace's admin key among them.
 */
async function demoKeys(crm: RunningCrmServer): Promise<{ all: WorkspaceKeys[]; admin: string }> {
  const all = await rememberedKeys(crm.db);
  const admin = all.find((w) => w.id === DEMO_WORKSPACE)?.keys.admin;
  if (!admin) {
    throw new Error(
      `The CRM database has no demo workspace (${DEMO_WORKSPACE}) with a remembered admin key: start from an empty data directory, or pass CRM_URL and CRM_API_KEY.`,
    );
  }
  return { all, admin };
}

/** Starts the portal backend (and, unless `crm` is given, the crmkit reference server it embeds). */
export async function startPortal(options: StartPortalOptions = {}): Promise<RunningPortal> {
  const log = options.log ?? (() => {});
  const hostname = options.hostname ?? '127.0.0.1';
  let crmServer: RunningCrmServer | null = null;
  let crm = options.crm;
  let apiKeys: WorkspaceKeys[] = [];
  if (!crm) {
    log('Starting the crmkit reference server…');
    crmServer = await startCrmServer({
      database: options.database ?? {},
      port: options.crmPort ?? 4321,
      hostname,
      seed: 'demo',
      log,
      onError: (e) => console.error('[crmkit-server]', e),
    });
    try {
      const keys = await demoKeys(crmServer);
      crm = { url: crmServer.url, apiKey: keys.admin };
      apiKeys = keys.all;
    } catch (error) {
      await crmServer.close();
      throw error;
    }
  }

  const app = createPortalApp({ crm, users: new UserDirectory(DEMO_ACCOUNTS), staticDir: options.staticDir ?? null });
  const http = serve({ fetch: app.fetch, port: options.port ?? 4322, hostname });
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      http.once('error', reject);
      http.once('listening', () => resolve((http.address() as AddressInfo).port));
    });
  } catch (error) {
    await crmServer?.close();
    throw error;
  }
  const host = hostname === '0.0.0.0' || hostname === '127.0.0.1' ? 'localhost' : hostname;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    crmUrl: crm.url,
    crm,
    crmServer,
    apiKeys,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          if ('closeAllConnections' in http) http.closeAllConnections();
        });
        await crmServer?.close();
      })();
      return closing;
    },
  };
}

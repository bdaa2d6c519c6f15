import { buildOpenApiDocument, type Capabilities } from '@crmkit/spec';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { authenticate } from './auth/authenticate.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerAutomationRoutes } from './automation/routes.js';
import { type Automation, type AutomationOptions, createAutomation } from './automation/service.js';
import { registerCampaignRoutes } from './campaigns/routes.js';
import { registerTrackingRoutes } from './campaigns/tracking.js';
import { Bus } from './core/bus.js';
import { ALL_CAPABILITIES } from './core/capabilities.js';
import { type Clock, systemClock } from './core/clock.js';
import type { ServerContext } from './core/context.js';
import { EventLog } from './core/event-log.js';
import type { Job } from './core/jobs.js';
import { migrate } from './db/migrate.js';
import type { Database } from './db/types.js';
import { registerDealRoutes } from './deals/routes.js';
import { registerEventRoutes } from './events/feed.js';
import { renderDocs } from './http/docs.js';
import type { AppEnv } from './http/env.js';
import { housekeeping } from './http/housekeeping.js';
import { idempotency } from './http/idempotency.js';
import { Lifecycle, type ServerStatus } from './http/lifecycle.js';
import { badRequest, clip, ProblemError, problemOf } from './http/problem.js';
import { DatabaseRateLimitStore, MemoryRateLimitStore, RateLimiter } from './http/rate-limit.js';
import { registerLeadRoutes } from './leads/routes.js';
import { registerNotificationRoutes } from './notifications/routes.js';
import { RESOURCE_DEFS } from './registry.js';
import { registerCrudRoutes } from './resources/crud-routes.js';
import { registerSegmentRoutes } from './segments/routes.js';
import { registerTicketRoutes } from './tickets/routes.js';
import { type SweepResult, sweepSla } from './tickets/sla-sweep.js';
import { runTimers, type TimerResult } from './tickets/timers.js';
import { registerUserRoutes } from './users/routes.js';
import { registerWebhookRoutes } from './webhooks/routes.js';
import { registerWorkspaceRoutes } from './workspace/routes.js';

/** Options of {@link createCrmServer}. */
export interface CrmServerOptions {
  /** The database (see `openDatabase`). Migrations are applied on start. */
  db: Database;
  /** Source of time; inject `manualClock()` in tests. */
  clock?: Clock;
  /** Switch optional capabilities off to act as a core-level server, or set a rate limit. All on, no limit, by default. */
  capabilities?: Partial<Capabilities>;
  /**
   * Origins whose pages may call the API from a browser (CORS), e.g. `['https://portal.example.com']`.
   * Default `'*'`: any origin (safe here because credentials are bearer tokens, not cookies).
   */
  corsOrigins?: string[] | '*';
  /** Log unexpected errors (default: `console.error`). */
  onError?: (error: unknown) => void;
  /**
   * Where the rate limit counts requests: `'database'` shares the counts between every process on one PostgreSQL (the
   * default there), `'memory'` keeps them in this process (the default on PGlite, which has one process).
   */
  rateLimitStore?: 'memory' | 'database';
  /**
   * Listen for other processes' commits with PostgreSQL `LISTEN` (default true). Switch it off where `LISTEN` cannot
   * work — a connection pooler in transaction mode —: change feeds then poll every second.
   */
  listen?: boolean;
  /** Channels for messages to customers and the `fetch` of webhook deliveries (see `AutomationOptions`). */
  automation?: AutomationOptions;
}

/** A running reference server. */
export interface CrmServer {
  /** The Hono app. */
  app: Hono<AppEnv>;
  /** The web-standard handler: use it with any runtime, or in-process in tests. */
  fetch: (request: Request) => Promise<Response>;
  /** Context shared by every request (database, clock, capabilities, event log). */
  context: ServerContext;
  /** The SLA timer: call `sweep()` every minute or so (tests call it after moving the clock). */
  sla: {
    /** Emits due `ticket.sla.warning` / `ticket.sla.breached` events across all workspaces, each once. */
    sweep(): Promise<SweepResult>;
  };
  /**
   * The background jobs to run periodically (`startJobs`; `startCrmServer` does): the SLA sweep, housekeeping (expired
   * idempotency keys and rate-limit windows) and the event sequencer's catch-up, each in one process at a time.
   */
  jobs: Job[];
  /**
   * Stops taking requests (503 with `Retry-After`; `/readyz` answers 503), ends change feeds with a `retry:` hint, and
   * resolves when the requests in flight have finished, or after `timeoutMs` (default 10 s).
   */
  drain(timeoutMs?: number): Promise<{ unfinished: number }>;
  /** API requests in flight, open change feeds, and whether the server drains: for metrics and shutdown. */
  status(): ServerStatus;
  /**
   * The automation engine: `tick()` runs what is due (reminders, runs, messages, webhook deliveries, date and schedule
   * triggers) at the server clock's now. `startCrmServer` calls it every few seconds and right after writes.
   */
  automation: Automation;
  /**
   * Every timer of the server, once: the SLA sweep, snoozed tickets whose time came woken (`ticket.unsnoozed`), expired
   * presences ended (`ticket.presence.changed`). Run it every few seconds to a minute; running it twice is harmless.
   */
  sweep(): Promise<TimerResult>;
}

/**
 * Builds the reference server of the crmkit CRM API.
 *
 * @example
 * const db = await openDatabase();
 * const server = await createCrmServer({ db });
 * const res = await server.fetch(new Request('http://crm/healthz'));
 */
export async function createCrmServer(options: CrmServerOptions): Promise<CrmServer> {
  await migrate(options.db);
  const capabilities: Capabilities = { ...ALL_CAPABILITIES, ...options.capabilities };
  const bus = new Bus(options.db);
  if (options.listen !== false) await bus.start();
  const context: ServerContext = {
    db: options.db,
    clock: options.clock ?? systemClock,
    events: new EventLog(bus),
    bus,
    capabilities,
  };
  const shared = (options.rateLimitStore ?? (options.db.kind === 'postgres' ? 'database' : 'memory')) === 'database';
  const automation = createAutomation(context, options.automation);
  const limiter = capabilities.rateLimit
    ? new RateLimiter(
        capabilities.rateLimit.limit,
        capabilities.rateLimit.windowSeconds,
        shared ? new DatabaseRateLimitStore(options.db) : new MemoryRateLimitStore(),
      )
    : null;
  const lifecycle = new Lifecycle(context);
  const onError = options.onError ?? ((e: unknown) => console.error('[crmkit-server]', e));
  // The contract and its page are built on first request: every start would pay ~0.1–0.2 s for them, and most never
  // serve them (tests, the sandbox in a Storybook tab).
  let openapi: ReturnType<typeof buildOpenApiDocument> | undefined;
  let docs: string | undefined;
  const contract = () => {
    openapi ??= buildOpenApiDocument();
    return openapi;
  };
  const docsPage = () => {
    docs ??= renderDocs(contract());
    return docs;
  };

  const app = new Hono<AppEnv>();
  app.use(
    cors({
      origin: options.corsOrigins ?? '*',
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'Last-Event-ID', 'X-Request-Id'],
      exposeHeaders: [
        'ETag',
        'Location',
        'Retry-After',
        'Idempotent-Replayed',
        'X-Request-Id',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
      ],
      maxAge: 600,
    }),
  );
  app.use(async (c, next) => {
    c.set('server', context);
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || crypto.randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
  });
  app.onError((error, c) => {
    const requestId = c.get('requestId');
    const problem = problemOf(error);
    if (problem) {
      const instance = clip(new URL(c.req.url).pathname, 2000);
      return new Response(JSON.stringify({ ...problem.problem, instance, requestId }), {
        status: problem.problem.status,
        headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': requestId, ...problem.headers },
      });
    }
    onError(error);
    return new Response(
      JSON.stringify({
        type: 'https://crmkit.dev/problems/internal',
        title: 'Internal server error',
        status: 500,
        requestId,
      }),
      { status: 500, headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': requestId } },
    );
  });
  app.notFound((c) => {
    throw new ProblemError(404, 'not-found', 'Not found', {
      detail: `No route ${c.req.method} ${new URL(c.req.url).pathname}.`,
    });
  });

  app.use(async (c, next) => {
    // PostgreSQL cannot store U+0000; refuse it in the path and query before it reaches a query. Only a percent
    // escape can hold one (HTTP parsers refuse raw NUL bytes), so a URL without `%` needs no decoding.
    if (!c.req.url.includes('%')) return next();
    let decoded: string;
    try {
      const url = new URL(c.req.url);
      decoded = decodeURIComponent(url.pathname) + decodeURIComponent(url.search.replaceAll('+', ' '));
    } catch {
      throw badRequest('The URL is not valid percent-encoded UTF-8.');
    }
    if (decoded.includes('\u0000')) throw badRequest('The URL may not contain the NUL character (U+0000).');
    await next();
  });

  app.get('/healthz', (c) => c.json({ ok: true as const }));
  app.get('/readyz', (c) => lifecycle.ready(c));
  app.get('/openapi.json', (c) => c.json(contract()));
  app.get('/docs', (c) => c.html(docsPage()));
  app.get('/', (c) => c.redirect('/docs'));
  registerTrackingRoutes(app);

  // After the probes and documents, which answer while the server drains.
  app.use('/v1/*', lifecycle.middleware());
  app.use('/v1/*', authenticate(limiter));
  app.use('/v1/*', idempotency());
  registerUserRoutes(app);
  registerWorkspaceRoutes(app);
  registerAuthRoutes(app);
  registerEventRoutes(app);
  // Operations under a resource's path (`/v1/deals/aggregate`, `/v1/deals/{id}/move`, …) before its CRUD routes.
  registerDealRoutes(app);
  registerLeadRoutes(app);
  registerTicketRoutes(app);
  registerAutomationRoutes(app);
  registerWebhookRoutes(app);
  registerNotificationRoutes(app);
  registerSegmentRoutes(app);
  registerCampaignRoutes(app, options.automation?.channels);
  for (const def of RESOURCE_DEFS) registerCrudRoutes(app, def);

  const sweep = () => sweepSla(context);
  return {
    app,
    fetch: async (request) => app.fetch(request),
    context,
    sla: { sweep },
    jobs: [
      // The ticket domain's timers: SLA warnings and breaches, snooze wake-ups, presence expiry.
      { name: 'sla-sweep', everyMs: 30_000, exclusive: true, run: () => runTimers(context) },
      { name: 'housekeeping', everyMs: 10 * 60_000, exclusive: true, run: () => housekeeping(context, limiter) },
      // Events of a process that died between its commit and their sequencing (PostgreSQL).
      { name: 'event-sequencer', everyMs: 1000, exclusive: true, run: () => context.events.sequenceAll(context.db) },
    ],
    drain: (timeoutMs = 10_000) => lifecycle.drain(timeoutMs),
    status: () => lifecycle.status(),
    automation,
    sweep: () => runTimers(context),
  };
}

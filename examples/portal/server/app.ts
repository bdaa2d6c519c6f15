import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { proxy } from 'hono/proxy';
import { secureHeaders } from 'hono/secure-headers';
import { SessionStore } from './sessions.js';
import { type PortalUser, publicUser, UserDirectory } from './users.js';

/** Where the CRM API lives and the admin API key the portal mints embed tokens with (never sent to browsers). */
export interface CrmConnection {
  url: string;
  apiKey: string;
}

export interface PortalAppOptions {
  crm: CrmConnection;
  users?: UserDirectory;
  sessions?: SessionStore;
  /** The built SPA (`vite build` output) to serve, with `index.html` for every page route; null serves none. */
  staticDir?: string | null;
  /** Mark the session cookie `Secure` (behind HTTPS). Default false (the demo runs on http://localhost). */
  secureCookies?: boolean;
  /** Lifetime of the embed tokens the portal mints, in seconds (default 900). */
  tokenSeconds?: number;
}

export const SESSION_COOKIE = 'portal_sid';

type Env = { Variables: { user: PortalUser | null; sessionId: string | undefined } };

/**
 * The customer portal's own backend: its login and cookie session, `POST /api/crm-token` (an embed token for the
 * signed-in user, minted with the CRM's `POST /v1/embed-tokens` and the portal's admin API key), a same-origin proxy of
 * the CRM API under `/crm`, and the built SPA.
 */
export function createPortalApp(options: PortalAppOptions): Hono<Env> {
  const users = options.users ?? new UserDirectory();
  const sessions = options.sessions ?? new SessionStore();
  const crmUrl = options.crm.url.replace(/\/+$/, '');
  const app = new Hono<Env>();

  app.use(
    secureHeaders({
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: options.secureCookies ? undefined : false,
    }),
  );
  app.use(async (c, next) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    c.set('sessionId', sessionId);
    c.set('user', sessions.get(sessionId));
    await next();
  });
  // Cookie-authenticated writes only from our own pages (SameSite=Lax already blocks cross-site POSTs; belt and braces).
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && origin && new URL(origin).host !== c.req.header('host')) {
      return c.json({ error: 'Cross-origin request refused.' }, 403);
    }
    await next();
  });

  app.post('/api/login', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { email?: unknown; password?: unknown } | null;
    const email = typeof body?.email === 'string' ? body.email : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    const user = email && password ? users.verify(email, password) : null;
    if (!user) return c.json({ error: 'The email or password is incorrect.' }, 401);
    sessions.delete(c.get('sessionId'));
    setCookie(c, SESSION_COOKIE, sessions.create(user), {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: options.secureCookies ?? false,
      maxAge: Math.floor(sessions.ttlMs / 1000),
    });
    return c.json({ user: publicUser(user) });
  });

  app.post('/api/logout', (c) => {
    sessions.delete(c.get('sessionId'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.get('/api/session', (c) => {
    const user = c.get('user');
    return user ? c.json({ user: publicUser(user) }) : c.json({ error: 'Not signed in.' }, 401);
  });

  // The embed token the browser's crmkit client uses: for the signed-in user only, with their CRM role.
  app.post('/api/crm-token', async (c) => {
    const user = c.get('user');
    if (!user) return c.json({ error: 'Not signed in.' }, 401);
    const res = await fetch(`${crmUrl}/v1/embed-tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${options.crm.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        userId: user.crmUserId,
        role: user.crmRole,
        expiresInSeconds: options.tokenSeconds ?? 900,
      }),
    }).catch(() => null);
    if (!res?.ok) {
      console.error(
        `[portal] minting an embed token failed: ${res ? `${res.status} ${await res.text()}` : 'CRM unreachable'}`,
      );
      return c.json({ error: 'The CRM is unavailable.' }, 502);
    }
    c.header('Cache-Control', 'no-store');
    return c.json((await res.json()) as { token: string; expiresAt: string });
  });

  app.all('/api/*', (c) => c.json({ error: 'Not found.' }, 404));

  // The CRM API, same-origin: the browser sends its embed token; the portal's cookie stays here.
  app.all('/crm/*', (c) => {
    if (!c.get('user')) return c.json({ error: 'Not signed in.' }, 401);
    const url = new URL(c.req.url);
    const signal = c.req.raw.signal;
    return proxy(`${crmUrl}${url.pathname.slice('/crm'.length)}${url.search}`, {
      raw: c.req.raw,
      headers: { ...c.req.header(), cookie: undefined, host: undefined },
    }).then(
      (res) => (res.body ? new Response(quietOnAbort(res.body, signal), res) : res),
      (error: unknown) => {
        // The browser went away (a cancelled query): nobody to answer.
        if (signal.aborted) return new Response(null, { status: 499 });
        console.error(`[portal] CRM proxy: ${error instanceof Error ? error.message : String(error)}`);
        return c.json({ error: 'The CRM is unavailable.' }, 502);
      },
    );
  });

  const staticDir = options.staticDir;
  if (staticDir) {
    let indexHtml: Promise<string> | undefined;
    app.use(
      '/assets/*',
      serveStatic({
        root: staticDir,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.use(
      '*',
      serveStatic({
        root: staticDir,
        onFound: (path, c) => {
          if (path.endsWith('.html')) c.header('Cache-Control', 'no-cache');
        },
      }),
    );
    // Every other GET is a page of the SPA.
    app.get('*', async (c: Context) => {
      indexHtml ??= readFile(join(staticDir, 'index.html'), 'utf8');
      c.header('Cache-Control', 'no-cache');
      return c.html(await indexHtml);
    });
  }

  return app;
}

/**
 * A proxied body that ends quietly when the browser disconnects (a closed change feed on sign-out or navigation)
 * instead of failing with "aborted" mid-stream; other errors pass through.
 */
function quietOnAbort(body: ReadableStream<Uint8Array>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        if (signal.aborted) controller.close();
        else controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

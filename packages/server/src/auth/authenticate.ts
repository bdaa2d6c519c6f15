import type { Role } from '@crmkit/spec';
import type { Context, MiddlewareHandler } from 'hono';
import type { Principal, ServerContext } from '../core/context.js';
import { sha256Hex } from '../core/ids.js';
import { WorkspaceSettings } from '../core/settings.js';
import type { AppEnv } from '../http/env.js';
import { forbidden, unauthorized } from '../http/problem.js';
import type { RateLimiter } from '../http/rate-limit.js';
import { ROLE_RANK } from './permissions.js';
import { peekWorkspace, verifyEmbedToken } from './tokens.js';

interface WorkspaceRow {
  id: string;
  name: string;
  settings: unknown;
  embed_secret: string;
}

async function loadWorkspace(server: ServerContext, id: string): Promise<WorkspaceRow | undefined> {
  const { rows } = await server.db.query<WorkspaceRow>(
    'SELECT id, name, settings, embed_secret FROM workspaces WHERE id = $1',
    [id],
  );
  return rows[0];
}

/** Who is calling, and the locale of the user behind the key or token (if any). */
type Caller = [Principal, string | null];

async function fromApiKey(server: ServerContext, tokenHash: string): Promise<Caller> {
  const { rows } = await server.db.query<WorkspaceRow & { role: Role; user_id: string | null; locale: string | null }>(
    `SELECT w.id, w.name, w.settings, w.embed_secret, k.role, k.user_id, u.locale
       FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id LEFT JOIN users u ON u.id = k.user_id
      WHERE k.key_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) throw unauthorized('The API key is not valid.');
  return [principal(row, row.user_id, row.role, 'api-key'), row.locale];
}

async function fromEmbedToken(server: ServerContext, token: string): Promise<Caller> {
  const wid = peekWorkspace(token);
  const ws = wid ? await loadWorkspace(server, wid) : undefined;
  if (!ws) throw unauthorized('The token is not valid.');
  const verified = await verifyEmbedToken(token, ws.embed_secret, server.clock.now());
  if (!verified.ok) throw unauthorized(`The embed token is not valid: ${verified.reason}.`);
  const { rows } = await server.db.query<{ role: Role; locale: string | null }>(
    'SELECT role, locale FROM users WHERE id = $1 AND workspace_id = $2',
    [verified.claims.userId, ws.id],
  );
  const user = rows[0];
  if (!user) throw unauthorized('The embed token names a user that does not exist.');
  // A token never grants more than the user's own role.
  const role = ROLE_RANK[verified.claims.role] <= ROLE_RANK[user.role] ? verified.claims.role : user.role;
  return [principal(ws, verified.claims.userId, role, 'embed-token'), user.locale];
}

/** The first language of a `Content-Language` header, when it is a BCP 47 tag. */
function contentLanguage(header: string | undefined): string | null {
  const tag = header?.split(',')[0]?.trim();
  return tag && tag.length <= 35 && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

function principal(ws: WorkspaceRow, userId: string | null, role: Role, via: Principal['via']): Principal {
  const settings = WorkspaceSettings.safeParse(ws.settings ?? {});
  return {
    workspaceId: ws.id,
    workspaceName: ws.name,
    userId,
    role,
    settings: settings.success ? settings.data : WorkspaceSettings.parse({}),
    via,
  };
}

function bearer(c: Context): string {
  const header = c.req.header('authorization');
  if (!header) throw unauthorized('Send Authorization: Bearer <API key or embed token>.');
  const m = /^Bearer\s+(\S{8,4096})$/i.exec(header.trim());
  if (!m) throw unauthorized('The Authorization header must be "Bearer <token>".');
  return m[1]!;
}

/**
 * Authenticates `/v1/*` requests (API key or embed token), applies the rate limit, and sets `ctx`. The token's hash
 * names it in the rate limit's store (shared by every process on PostgreSQL); counting and authenticating run side by
 * side, and a token over its limit gets the 429 whether or not it is valid.
 */
export function authenticate(limiter: RateLimiter | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const server = c.get('server');
    const token = bearer(c);
    const hash = await sha256Hex(token);
    const [counted, caller] = await Promise.allSettled([
      limiter?.hit(hash, server.clock.now().getTime()),
      token.startsWith('ck_') ? fromApiKey(server, hash) : fromEmbedToken(server, token),
    ]);
    if (counted.status === 'rejected') throw counted.reason;
    if (limiter && counted.value) {
      const { remaining, resetSeconds } = counted.value;
      for (const [name, value] of Object.entries(limiter.headers(remaining, resetSeconds))) c.header(name, value);
    }
    if (caller.status === 'rejected') throw caller.reason;
    const [principal, userLocale] = caller.value;
    const inputLocale = contentLanguage(c.req.header('content-language')) ?? userLocale;
    c.set('ctx', { ...server, principal, inputLocale });
    await next();
  };
}

/** Throws 403 unless the caller's role is at least `min`. */
export function requireRole(role: Role, min: Role, what: string): void {
  if (ROLE_RANK[role] < ROLE_RANK[min]) throw forbidden(`Only ${min}s and above may ${what}.`);
}

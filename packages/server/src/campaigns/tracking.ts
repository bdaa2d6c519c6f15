import { escapeHtml, safeHref } from '@crmkit/core/tickets';
import type { Context, Hono } from 'hono';
import { type ServerContext, withWrite } from '../core/context.js';
import { workspaceContext } from '../core/system.js';
import { gateCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { type LinkKind, linkSigner } from './links.js';
import { recordResponse, unsubscribe } from './responses.js';

/** A transparent 1×1 GIF. */
const PIXEL = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));

const NO_STORE = { 'Cache-Control': 'no-store, private', 'Referrer-Policy': 'no-referrer' };

/** A small standalone page (the unsubscribe confirmation); `body` is HTML built from escaped text. */
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">` +
  `<h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>${body}</body></html>`;

/**
 * The recipient a signed link names, with its workspace's write context, or null when the recipient does not exist
 * or the signature does not cover this link exactly (altered recipient, campaign, URL or signature).
 */
async function verified(server: ServerContext, c: Context<AppEnv>, kind: LinkKind, url?: string) {
  const recipientId = c.req.param('recipient') ?? '';
  const signature = c.req.param('signature') ?? '';
  if (recipientId.length > 64 || signature.length > 64) return null;
  const { rows } = await server.db.query<{ workspace_id: string; campaign_id: string }>(
    'SELECT workspace_id, campaign_id FROM campaign_recipients WHERE id = $1',
    [recipientId],
  );
  const row = rows[0];
  if (!row) return null;
  const signer = await linkSigner(server.db, row.workspace_id);
  if (!(await signer.verify(signature, kind, row.campaign_id, recipientId, url))) return null;
  const ctx = await workspaceContext(server, row.workspace_id);
  return ctx ? { ctx, recipientId } : null;
}

/** What a forged or stale link gets: a plain 404 page, never a redirect. */
const invalid = (c: Context<AppEnv>) => c.html(page('Link not valid', '<p>This link is not valid.</p>'), 404, NO_STORE);

/**
 * The public endpoints of campaign messages (no authentication: the signature is the credential): the open pixel
 * `GET /t/o/:recipient/:signature`, the click redirect `GET /t/c/:recipient/:signature?u=<url>` (302 to `u` only
 * when the signature covers exactly that URL), and the unsubscribe page `GET /t/u/:recipient/:signature` whose form —
 * or a mail client's RFC 8058 one-click `POST` to the same URL — unsubscribes at once.
 */
export function registerTrackingRoutes(app: Hono<AppEnv>): void {
  gateCapability(app, 'campaigns', ['/t']);
  const server = (c: Context<AppEnv>) => c.get('server');
  app.get('/t/o/:recipient/:signature', async (c) => {
    const hit = await verified(server(c), c, 'open');
    if (hit) await withWrite(hit.ctx, (w) => recordResponse(w, hit.recipientId, 'opened'));
    return c.body(PIXEL, 200, { 'Content-Type': 'image/gif', ...NO_STORE });
  });

  app.get('/t/c/:recipient/:signature', async (c) => {
    const urls = c.req.queries('u') ?? [];
    const url = urls.length === 1 ? urls[0]! : '';
    const target = safeHref(url);
    const hit = target === url ? await verified(server(c), c, 'click', url) : null;
    if (!hit || !target) return invalid(c);
    await withWrite(hit.ctx, (w) => recordResponse(w, hit.recipientId, 'clicked'));
    return c.redirect(target, 302);
  });

  app.get('/t/u/:recipient/:signature', async (c) => {
    if (!(await verified(server(c), c, 'unsubscribe'))) return invalid(c);
    const form = `<form method="post"><p>Stop receiving these messages?</p><button type="submit">Unsubscribe</button></form>`;
    return c.html(page('Unsubscribe', form), 200, NO_STORE);
  });

  app.post('/t/u/:recipient/:signature', async (c) => {
    const hit = await verified(server(c), c, 'unsubscribe');
    if (!hit) return invalid(c);
    await withWrite(hit.ctx, (w) => unsubscribe(w, hit.recipientId));
    return c.html(page('Unsubscribed', '<p>You will not receive these messages any more.</p>'), 200, NO_STORE);
  });
}

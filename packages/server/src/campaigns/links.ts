import type { Queryable } from '../db/types.js';

/**
 * Signed tracking links of campaign messages: the open pixel, click redirects and the one-click unsubscribe. Each
 * carries an HMAC-SHA256 over what it does, the campaign, the recipient and (for a click) the target URL, keyed by
 * a key derived from the workspace's secret. A link whose URL, recipient or signature was altered verifies as
 * nothing, so the redirect can never be pointed elsewhere (no open redirect). WebCrypto, so the server also runs in
 * a browser.
 */

/** What a link does. */
export type LinkKind = 'open' | 'click' | 'unsubscribe';

const encoder = new TextEncoder();

const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** The signing key of a workspace's links: HMAC of a fixed label under the workspace's secret. */
async function linkKey(secret: string): Promise<CryptoKey> {
  const root = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const derived = await crypto.subtle.sign('HMAC', root, encoder.encode('crmkit campaign links v1'));
  return crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** What a signature covers. */
const payload = (kind: LinkKind, campaignId: string, recipientId: string, url = '') =>
  encoder.encode(`${kind}\n${campaignId}\n${recipientId}\n${url}`);

/** The signer of one workspace's links (its secret read once). */
export interface LinkSigner {
  sign(kind: LinkKind, campaignId: string, recipientId: string, url?: string): Promise<string>;
  verify(signature: string, kind: LinkKind, campaignId: string, recipientId: string, url?: string): Promise<boolean>;
}

/**
 * The link signer of a workspace.
 *
 * @example
 * const signer = await linkSigner(db, workspaceId);
 * const s = await signer.sign('click', campaignId, recipientId, 'https://club.vn/offer');
 */
export async function linkSigner(db: Queryable, workspaceId: string): Promise<LinkSigner> {
  const { rows } = await db.query<{ embed_secret: string }>('SELECT embed_secret FROM workspaces WHERE id = $1', [
    workspaceId,
  ]);
  const key = await linkKey(rows[0]?.embed_secret ?? '');
  return {
    sign: async (kind, campaignId, recipientId, url) =>
      base64url(await crypto.subtle.sign('HMAC', key, payload(kind, campaignId, recipientId, url))),
    async verify(signature, kind, campaignId, recipientId, url) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(signature)) return false;
      const bytes = Uint8Array.from(atob(signature.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));
      return crypto.subtle.verify('HMAC', key, bytes, payload(kind, campaignId, recipientId, url));
    },
  };
}

/** The public URLs of one recipient's message, signed. */
export interface RecipientLinks {
  click(url: string): Promise<string>;
  unsubscribe: string;
  pixel: string;
}

/**
 * The tracking URLs of a recipient's message under the server's public URL: `/t/o/…` (pixel), `/t/c/…?u=` (click)
 * and `/t/u/…` (unsubscribe; `POST` there is the RFC 8058 one-click unsubscribe).
 */
export async function recipientLinks(
  signer: LinkSigner,
  publicUrl: string,
  campaignId: string,
  recipientId: string,
): Promise<RecipientLinks> {
  const base = publicUrl.replace(/\/+$/, '');
  const open = await signer.sign('open', campaignId, recipientId);
  const unsubscribe = await signer.sign('unsubscribe', campaignId, recipientId);
  return {
    pixel: `${base}/t/o/${recipientId}/${open}`,
    unsubscribe: `${base}/t/u/${recipientId}/${unsubscribe}`,
    async click(url) {
      const signature = await signer.sign('click', campaignId, recipientId, url);
      return `${base}/t/c/${recipientId}/${signature}?u=${encodeURIComponent(url)}`;
    },
  };
}

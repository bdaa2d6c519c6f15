import { Role } from '@crmkit/spec';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'crmkit';
const AUDIENCE = 'crmkit-api';

/** Claims of an embed token. */
export interface EmbedClaims {
  workspaceId: string;
  userId: string;
  role: Role;
}

const key = (secret: string) => new TextEncoder().encode(secret);

/**
 * Mints a short-lived embed token (HS256 JWT) that a browser sends as `Authorization: Bearer`.
 * A host's backend calls this (or `POST /v1/embed-tokens` with an API key) for its logged-in user.
 *
 * @example
 * const token = await mintEmbedToken({ secret, workspaceId: 'ws_demo', userId: 'usr_1', role: 'agent', expiresInSeconds: 900 });
 */
export async function mintEmbedToken(
  options: EmbedClaims & { secret: string; expiresInSeconds?: number; now?: Date },
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const exp = iat + (options.expiresInSeconds ?? 900);
  const token = await new SignJWT({ wid: options.workspaceId, role: options.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(options.userId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(options.secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Reads the workspace claim without verifying, to find the secret to verify with. */
export function peekWorkspace(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as { wid?: unknown };
    return typeof json.wid === 'string' ? json.wid : null;
  } catch {
    return null;
  }
}

/** Verifies an embed token; returns its claims, or a reason it is not valid. */
export async function verifyEmbedToken(
  token: string,
  secret: string,
  now: Date,
): Promise<{ ok: true; claims: EmbedClaims } | { ok: false; reason: string }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    const role = Role.safeParse(payload.role);
    if (typeof payload.sub !== 'string' || typeof payload.wid !== 'string' || !role.success) {
      return { ok: false, reason: 'the token lacks its claims' };
    }
    return { ok: true, claims: { workspaceId: payload.wid, userId: payload.sub, role: role.data } };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'the token has expired' };
    return { ok: false, reason: 'the token is not valid' };
  }
}

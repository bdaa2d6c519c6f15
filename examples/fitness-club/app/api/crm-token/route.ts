import { type NextRequest, NextResponse } from 'next/server';
import { crmUrl, staff } from '../../../lib/crm';

/**
 * `POST /api/crm-token`: a short-lived crmkit embed token for the signed-in staff member, minted with the CRM's
 * `POST /v1/embed-tokens` and the club's admin API key — which stays on this server. The browser's crmkit client
 * calls this lazily and again shortly before the token expires.
 */
export async function POST(request: NextRequest) {
  // Only the club's own pages may ask (a browser always sends Origin on a cross-site POST).
  const origin = request.headers.get('origin');
  if (origin && new URL(origin).host !== request.headers.get('host')) {
    return NextResponse.json({ error: 'Cross-origin request refused.' }, { status: 403 });
  }
  const apiKey = process.env.CRM_API_KEY;
  if (!apiKey) return NextResponse.json({ error: 'CRM_API_KEY is not set.' }, { status: 500 });
  const user = staff();
  const res = await fetch(`${crmUrl()}/v1/embed-tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      userId: user.crmUserId,
      ...(user.role ? { role: user.role } : {}),
      expiresInSeconds: 900,
    }),
    cache: 'no-store',
  }).catch(() => null);
  if (!res?.ok) {
    console.error(
      `[club] minting an embed token failed: ${res ? `${res.status} ${await res.text()}` : 'CRM unreachable'}`,
    );
    return NextResponse.json({ error: 'The CRM is unavailable.' }, { status: 502 });
  }
  const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
  return NextResponse.json({ token, expiresAt }, { headers: { 'Cache-Control': 'no-store' } });
}

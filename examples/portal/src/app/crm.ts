import { type CrmClient, createCrmClient } from '@crmkit/client';

/**
 * The crmkit client of the signed-in user. It reaches the CRM API through the portal backend's same-origin proxy
 * (`/crm`), and authenticates with short-lived embed tokens that the backend mints for the portal session: `getToken`
 * is called on first use, shortly before a token expires, and once again when the API answers 401.
 */
export function createPortalCrmClient(): CrmClient {
  return createCrmClient({
    baseUrl: '/crm',
    auth: {
      getToken: () =>
        fetch('/api/crm-token', { method: 'POST' }).then((r) => {
          if (!r.ok) throw new Error(r.status === 401 ? 'Your portal session has ended.' : 'The CRM is unavailable.');
          return r.json() as Promise<{ token: string; expiresAt: string }>;
        }),
    },
  });
}

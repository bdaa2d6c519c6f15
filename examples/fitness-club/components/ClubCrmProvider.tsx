'use client';

import { CrmProvider, createCrmClient } from '@crmkit/ui';
import { th } from '@crmkit/ui/locales/th';
import { vi } from '@crmkit/ui/locales/vi';
import { type ReactNode, useState } from 'react';
import { clubAppearance } from '../lib/brand';
import type { Locale } from '../lib/i18n';

/** The catalogs, imported eagerly so the server renders the widgets in the visitor's language from the first paint. */
const messages = { vi, th };

/**
 * The one client component the club needs for crmkit: it holds the CRM client (the browser calls the CRM API at
 * `crmUrl` with an embed token from our own route handler) and the provider with the club's appearance. Server
 * components render widgets anywhere below it.
 */
export function ClubCrmProvider({ crmUrl, locale, children }: { crmUrl: string; locale: Locale; children: ReactNode }) {
  const [client] = useState(() =>
    createCrmClient({
      baseUrl: crmUrl,
      auth: {
        getToken: async () => {
          const res = await fetch('/api/crm-token', { method: 'POST' });
          if (!res.ok) throw new Error(`The club could not get a CRM token (${res.status}).`);
          return (await res.json()) as { token: string; expiresAt: string };
        },
      },
    }),
  );
  return (
    <CrmProvider
      client={client}
      locale={locale}
      calendar="gregory"
      timeZone="Asia/Ho_Chi_Minh"
      currency="VND"
      messages={messages}
      appearance={clubAppearance}
    >
      {children}
    </CrmProvider>
  );
}

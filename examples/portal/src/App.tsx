import { CrmProvider } from '@crmkit/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createPortalCrmClient } from './app/crm.js';
import { match, navigate, usePath } from './app/router.js';
import { useSession } from './app/session.js';
import { AppShell } from './components/AppShell.js';
import { usePreferences } from './i18n/preferences.js';
import { CompaniesPage } from './pages/CompaniesPage.js';
import { CompanyPage } from './pages/CompanyPage.js';
import { ContactPage } from './pages/ContactPage.js';
import { ContactsPage } from './pages/ContactsPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { DealPage } from './pages/DealPage.js';
import { DealsPage } from './pages/DealsPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SupportPage } from './pages/SupportPage.js';

export function App() {
  const { user } = useSession();
  const { t } = usePreferences();
  const path = usePath();

  // Signed out: every page is the login page (remembering where to go back); signed in: /login goes home.
  useEffect(() => {
    if (user === null && path !== '/login') {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(path + window.location.search)}`;
      navigate(`/login${next}`, { replace: true });
    } else if (user && path === '/login') {
      const next = new URLSearchParams(window.location.search).get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    }
  }, [user, path]);

  if (user === undefined) {
    return (
      <div className="d-flex vh-100 align-items-center justify-content-center">
        <output className="spinner-border text-primary">
          <span className="visually-hidden">{t('shell.loading')}</span>
        </output>
      </div>
    );
  }
  if (user === null) return <LoginPage />;
  // A new client and cache per sign-in: nothing of one user's CRM data survives into the next session.
  return <SignedInApp key={user.email} />;
}

function SignedInApp() {
  const { locale, preferences } = usePreferences();
  const [client] = useState(createPortalCrmClient);
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      {/* The widgets follow the user's language and time zone (Settings → Preferences); amounts are in dong. */}
      <CrmProvider client={client} locale={locale} timeZone={preferences.timeZone} currency="VND">
        <AppShell>
          <Routes />
        </AppShell>
      </CrmProvider>
    </QueryClientProvider>
  );
}

function Routes() {
  const path = usePath();
  if (path === '/' || path === '/login') return <DashboardPage />;
  if (path === '/contacts') return <ContactsPage />;
  if (path === '/companies') return <CompaniesPage />;
  if (path === '/deals') return <DealsPage />;
  if (path === '/settings') return <SettingsPage />;
  if (path === '/support') return <SupportPage ticketId={null} />;
  const ticket = match('/support/:id', path);
  // One page for the queue and its open ticket: the inbox stays mounted while the URL follows the ticket.
  if (ticket) return <SupportPage ticketId={ticket.id!} />;
  const contact = match('/contacts/:id', path);
  if (contact) return <ContactPage key={contact.id} contactId={contact.id!} />;
  const deal = match('/deals/:id', path);
  if (deal) return <DealPage key={deal.id} dealId={deal.id!} />;
  const company = match('/companies/:id', path);
  if (company) return <CompanyPage key={company.id} companyId={company.id!} />;
  return <NotFoundPage />;
}

import './globals.css';
import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ClubCrmProvider } from '../components/ClubCrmProvider';
import { ClubNotifications } from '../components/ClubNotifications';
import { LocaleSwitcher } from '../components/LocaleSwitcher';
import { LotusLogo } from '../components/LotusLogo';
import { NavLink } from '../components/NavLink';
import { crmPublicUrl, staff } from '../lib/crm';
import { dictionary } from '../lib/i18n';
import { requestLocale } from '../lib/locale';
import { mailSinkUrl } from '../lib/sink';

export const metadata: Metadata = {
  title: { default: 'Lotus Fitness Club', template: '%s · Lotus Fitness Club' },
  description: 'Front desk of Lotus Fitness Club, Bangkok and Ho Chi Minh City.',
};

export const viewport: Viewport = { themeColor: '#4b0724' };

/** The club's shell — a server component: header, navigation and footer are the club's own, styled with Tailwind. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  const t = dictionary(locale);
  const user = staff();
  const initials = user.name
    .split(/\s+/)
    .slice(-2)
    .map((part) => part[0])
    .join('');
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-[#faf7f5] font-sans text-stone-900 antialiased">
        {/* The header's bell is a widget too: the provider holds the header and the page. */}
        <ClubCrmProvider crmUrl={crmPublicUrl()} locale={locale}>
          <header className="bg-gradient-to-r from-lotus-950 via-lotus-900 to-lotus-800 text-white shadow-lg shadow-lotus-950/10">
            <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-3 px-6 py-4">
              <Link href="/members" className="flex items-center gap-3 text-white no-underline">
                <span className="grid size-11 place-items-center rounded-2xl bg-white/10 ring-1 ring-white/20">
                  <LotusLogo className="size-7 text-lotus-200" />
                </span>
                <span className="leading-tight">
                  <span className="block font-display text-lg font-bold tracking-tight">Lotus Fitness Club</span>
                  <span className="block text-xs text-lotus-200">{t.tagline}</span>
                </span>
              </Link>
              <nav aria-label={t.nav} className="flex items-center gap-1">
                <NavLink href="/members">{t.members}</NavLink>
                <NavLink href="/renewals">{t.renewals}</NavLink>
                <NavLink href="/requests">{t.requests}</NavLink>
                <NavLink href="/tasks">{t.tasks}</NavLink>
                <NavLink href="/rules">{t.rules}</NavLink>
                <NavLink href="/marketing">{t.marketing}</NavLink>
                {mailSinkUrl() && <NavLink href="/outbox">{t.outbox}</NavLink>}
                <NavLink href="/classes">{t.classes}</NavLink>
              </nav>
              <div className="ml-auto flex items-center gap-4">
                <LocaleSwitcher locale={locale} label={t.language} />
                <ClubNotifications />
                <div className="flex items-center gap-3 rounded-full bg-white/10 py-1 pr-4 pl-1 ring-1 ring-white/15">
                  <span className="grid size-8 place-items-center rounded-full bg-lotus-200 text-xs font-bold text-lotus-950">
                    {initials}
                  </span>
                  <span className="text-sm leading-tight">
                    <span className="block font-medium">{user.name}</span>
                    <span className="block text-xs text-lotus-200">{t.staff}</span>
                  </span>
                </div>
              </div>
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
        </ClubCrmProvider>
        <footer className="mx-auto max-w-7xl px-6 pb-10 text-xs text-stone-600">{t.footer}</footer>
      </body>
    </html>
  );
}

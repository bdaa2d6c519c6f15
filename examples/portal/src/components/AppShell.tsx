import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, navigate, usePath } from '../app/router.js';
import { type PortalUser, useSession } from '../app/session.js';
import type { PortalKey } from '../i18n/en.js';
import { type PortalT, usePortalT } from '../i18n/preferences.js';
import { Avatar } from './Avatar.js';
import { BrandMark, COMPANY_NAME } from './Brand.js';
import { Icon, type IconName } from './Icon.js';

const NAV: { to: string; label: PortalKey; icon: IconName }[] = [
  { to: '/', label: 'nav.dashboard', icon: 'home' },
  { to: '/contacts', label: 'nav.contacts', icon: 'contacts' },
  { to: '/companies', label: 'nav.companies', icon: 'building' },
  { to: '/deals', label: 'nav.deals', icon: 'deals' },
  { to: '/support', label: 'nav.support', icon: 'ticket' },
  { to: '/settings', label: 'nav.settings', icon: 'settings' },
];

/** The name of a CRM role in the portal's language. */
export const roleLabel = (t: PortalT, role: PortalUser['crmRole']) => t(`role.${role}`);

/** The portal's chrome: top navbar with the brand and the user menu, sidebar navigation, and the page. */
export function AppShell({ children }: { children: ReactNode }) {
  const path = usePath();
  const t = usePortalT();
  const isActive = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));
  return (
    <div className="portal-app">
      <a className="visually-hidden-focusable portal-skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <nav className="navbar navbar-expand navbar-dark portal-navbar sticky-top" aria-label={t('shell.nav')}>
        <div className="container-fluid px-3 px-lg-4">
          <Link to="/" className="navbar-brand d-flex align-items-center gap-2 me-4">
            <BrandMark />
            <span className="lh-sm">
              <span className="d-block fw-semibold">{COMPANY_NAME}</span>
              <span className="d-block portal-brand-sub">{t('shell.portal')}</span>
            </span>
          </Link>
          <div className="ms-auto d-flex align-items-center gap-1">
            <a className="nav-link portal-nav-icon d-none d-md-inline-flex" href="#help" title={t('shell.help')}>
              <Icon name="help" size={20} />
              <span className="visually-hidden">{t('shell.help')}</span>
            </a>
            <button type="button" className="btn portal-nav-icon position-relative" title={t('shell.notifications')}>
              <Icon name="bell" size={20} />
              <span className="portal-dot" />
              <span className="visually-hidden">{t('shell.notificationsUnread', { count: 2 })}</span>
            </button>
            <UserMenu />
          </div>
        </div>
      </nav>
      <div className="portal-body">
        <aside className="portal-sidebar d-none d-md-flex flex-column">
          <nav aria-label={t('shell.mainNav')}>
            <ul className="nav nav-pills flex-column gap-1">
              {NAV.map((item) => (
                <li key={item.to} className="nav-item">
                  <Link
                    to={item.to}
                    className={`nav-link d-flex align-items-center gap-2 ${isActive(item.to) ? 'active' : ''}`}
                    aria-current={isActive(item.to) ? 'page' : undefined}
                  >
                    <Icon name={item.icon} />
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="portal-sidebar-foot mt-auto small">
            <div className="fw-semibold text-body">{t('shell.needHelp')}</div>
            <div className="text-body-secondary">
              {t('shell.hotline')} <a href="tel:+842838221234">028 3822 1234</a>
              <br />
              {t('shell.hours')}
            </div>
          </div>
        </aside>
        <main id="main" className="portal-main">
          <nav className="d-md-none mb-3" aria-label={t('shell.mainNavCompact')}>
            <ul className="nav nav-pills nav-fill small">
              {NAV.map((item) => (
                <li key={item.to} className="nav-item">
                  <Link to={item.to} className={`nav-link ${isActive(item.to) ? 'active' : ''}`}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {children}
          <footer className="portal-footer small text-body-secondary">
            © 2026 {COMPANY_NAME} · 12 Tôn Đức Thắng, Quận 1, TP. Hồ Chí Minh ·{' '}
            <a href="#privacy" className="link-secondary">
              {t('shell.privacy')}
            </a>
          </footer>
        </main>
      </div>
    </div>
  );
}

function UserMenu() {
  const { user, logout } = useSession();
  const t = usePortalT();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!user) return null;
  const signOut = async () => {
    setOpen(false);
    await logout();
    navigate('/login', { replace: true });
  };
  return (
    <div className="dropdown ms-2" ref={ref}>
      <button
        type="button"
        className="btn portal-user-toggle d-flex align-items-center gap-2"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <Avatar name={user.name} size={32} />
        {/* The name is the visible text, so speech users can say what they see (WCAG 2.5.3). */}
        <span className="visually-hidden">{t('shell.account')} </span>
        <span className="visually-hidden d-sm-none">{user.name}</span>
        <span className="d-none d-sm-block text-start lh-sm">
          <span className="d-block fw-semibold">{user.name}</span>
          <span className="d-block portal-brand-sub">{user.jobTitle}</span>
        </span>
        <Icon name="chevronDown" size={16} />
      </button>
      <div id={menuId} className={`dropdown-menu dropdown-menu-end shadow ${open ? 'show' : ''}`} style={{ right: 0 }}>
        <div className="px-3 py-2">
          <div className="fw-semibold">{user.name}</div>
          <div className="small text-body-secondary">{user.email}</div>
          <span className="badge text-bg-light border mt-2">
            {t('shell.crmAccess', { role: roleLabel(t, user.crmRole) })}
          </span>
        </div>
        <hr className="dropdown-divider" />
        <Link to="/settings" className="dropdown-item" onClick={() => setOpen(false)}>
          {t('shell.accountSettings')}
        </Link>
        <button type="button" className="dropdown-item d-flex align-items-center gap-2" onClick={signOut}>
          <Icon name="logout" size={16} />
          {t('shell.signOut')}
        </button>
      </div>
    </div>
  );
}

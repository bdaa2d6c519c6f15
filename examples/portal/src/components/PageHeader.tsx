import { type ReactNode, useEffect } from 'react';
import { Link } from '../app/router.js';
import { usePortalT } from '../i18n/preferences.js';

export interface Crumb {
  to: string;
  label: string;
}

/** Breadcrumbs, the page's one `<h1>`, an optional subtitle and actions on the right. */
export function PageHeader({
  title,
  subtitle,
  crumbs = [],
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
}) {
  const t = usePortalT();
  return (
    <header className="portal-page-header mb-4">
      {crumbs.length > 0 && (
        <nav aria-label={t('shell.breadcrumb')}>
          <ol className="breadcrumb small mb-2">
            {crumbs.map((c) => (
              <li key={c.to} className="breadcrumb-item">
                <Link to={c.to}>{c.label}</Link>
              </li>
            ))}
            <li className="breadcrumb-item active" aria-current="page">
              {title}
            </li>
          </ol>
        </nav>
      )}
      <div className="d-flex flex-wrap align-items-end justify-content-between gap-3">
        <div>
          <h1 className="h3 mb-1">{title}</h1>
          {subtitle && <p className="text-body-secondary mb-0">{subtitle}</p>}
        </div>
        {actions && <div className="d-flex gap-2">{actions}</div>}
      </div>
    </header>
  );
}

/** Sets the document title while a page is shown. */
export function usePageTitle(title: string | undefined) {
  const t = usePortalT();
  useEffect(() => {
    if (title) document.title = t('shell.documentTitle', { title });
  }, [title, t]);
}

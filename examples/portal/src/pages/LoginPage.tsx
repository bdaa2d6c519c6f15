import { type FormEvent, useState } from 'react';
import { LoginError, useSession } from '../app/session.js';
import { BrandMark, COMPANY_NAME } from '../components/Brand.js';
import { usePageTitle } from '../components/PageHeader.js';
import type { PortalKey } from '../i18n/en.js';
import { Trans, usePortalT } from '../i18n/preferences.js';

const DEMO_LOGINS: { email: string; who: PortalKey }[] = [
  { email: 'minh@saigonsoftware.vn', who: 'login.demoAgent' },
  { email: 'bao@saigonsoftware.vn', who: 'login.demoAdmin' },
  { email: 'kanya@saigonsoftware.vn', who: 'login.demoViewer' },
];

/** The portal's own sign-in page: the CRM never sees these credentials. */
export function LoginPage() {
  const { login } = useSession();
  const t = usePortalT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('login.title'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (e) {
      setError(e instanceof LoginError && e.status === 401 ? t('login.incorrect') : t('login.failed'));
      setBusy(false);
    }
  };

  return (
    <div className="portal-login">
      <aside className="portal-login-hero d-none d-lg-flex flex-column" aria-label={t('login.about')}>
        <div className="d-flex align-items-center gap-2 mb-auto">
          <span className="portal-login-mark">
            <BrandMark size={40} />
          </span>
          <span className="fs-5 fw-semibold">{COMPANY_NAME}</span>
        </div>
        <div className="portal-login-pitch">
          <p className="text-uppercase small fw-semibold portal-login-kicker mb-2">{t('shell.portal')}</p>
          <h2 className="display-6 fw-semibold mb-3">{t('login.pitch')}</h2>
          <ul className="list-unstyled portal-login-points">
            <li>{t('login.point1')}</li>
            <li>{t('login.point2')}</li>
            <li>{t('login.point3')}</li>
          </ul>
        </div>
        <p className="small mt-auto mb-0 portal-login-legal">{t('login.legal', { company: COMPANY_NAME })}</p>
      </aside>
      <main className="portal-login-form d-flex align-items-center justify-content-center">
        <div className="w-100" style={{ maxWidth: 400 }}>
          <div className="d-flex d-lg-none align-items-center gap-2 mb-4">
            <BrandMark size={36} />
            <span className="fs-5 fw-semibold">{COMPANY_NAME}</span>
          </div>
          <h1 className="h3 mb-1">{t('login.title')}</h1>
          <p className="text-body-secondary mb-4">{t('login.intro')}</p>
          {error && (
            <div className="alert alert-danger py-2" role="alert">
              {error}
            </div>
          )}
          <form onSubmit={submit} noValidate>
            <div className="mb-3">
              <label htmlFor="login-email" className="form-label">
                {t('login.email')}
              </label>
              <input
                id="login-email"
                type="email"
                className="form-control form-control-lg"
                autoComplete="username"
                placeholder="name@saigonsoftware.vn"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <div className="mb-3">
              <div className="d-flex justify-content-between">
                <label htmlFor="login-password" className="form-label">
                  {t('login.password')}
                </label>
                <a href="#reset" className="small">
                  {t('login.forgot')}
                </a>
              </div>
              <input
                id="login-password"
                type="password"
                className="form-control form-control-lg"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <div className="form-check mb-4">
              <input className="form-check-input" type="checkbox" id="login-remember" defaultChecked />
              <label className="form-check-label" htmlFor="login-remember">
                {t('login.remember')}
              </label>
            </div>
            <button type="submit" className="btn btn-primary btn-lg w-100" disabled={busy}>
              {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
              {t('login.title')}
            </button>
          </form>
          <div className="card portal-demo-card mt-4">
            <div className="card-body py-3">
              <h2 className="h6 card-title mb-2">{t('login.demo')}</h2>
              <p className="small text-body-secondary mb-2">
                <Trans k="login.demoHint" values={{ password: <code>demo</code> }} />
              </p>
              <div className="d-flex flex-column gap-1">
                {DEMO_LOGINS.map((d) => (
                  <button
                    key={d.email}
                    type="button"
                    className="btn btn-sm btn-outline-secondary text-start d-flex justify-content-between"
                    onClick={() => {
                      setEmail(d.email);
                      setPassword('demo');
                      setError(null);
                    }}
                  >
                    <span className="text-body">{d.email}</span>
                    <span className="text-body-secondary">{t(d.who)}</span>
                  </button>
                ))}
              </div>
            </div>
          </div>
        </div>
      </main>
    </div>
  );
}

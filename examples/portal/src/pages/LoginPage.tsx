import { type FormEvent, useState } from 'react';
import { BrandMark, COMPANY_NAME } from '../components/Brand.js';
import { usePageTitle } from '../components/PageHeader.js';
import { useSession } from '../session.js';

const DEMO_LOGINS = [
  { email: 'minh@saigonsoftware.vn', who: 'Support agent' },
  { email: 'bao@saigonsoftware.vn', who: 'Administrator' },
  { email: 'kanya@saigonsoftware.vn', who: 'Read-only (finance)' },
];

/** The portal's own sign-in page: the CRM never sees these credentials. */
export function LoginPage() {
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle('Sign in');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <div className="portal-login">
      <aside className="portal-login-hero d-none d-lg-flex flex-column" aria-label="About the portal">
        <div className="d-flex align-items-center gap-2 mb-auto">
          <span className="portal-login-mark">
            <BrandMark size={40} />
          </span>
          <span className="fs-5 fw-semibold">{COMPANY_NAME}</span>
        </div>
        <div className="portal-login-pitch">
          <p className="text-uppercase small fw-semibold portal-login-kicker mb-2">Customer Portal</p>
          <h2 className="display-6 fw-semibold mb-3">Everything about your customers, in one place.</h2>
          <ul className="list-unstyled portal-login-points">
            <li>Contacts and companies, always up to date</li>
            <li>Every call, email and meeting on one timeline</li>
            <li>Access that follows your role in the company</li>
          </ul>
        </div>
        <p className="small mt-auto mb-0 portal-login-legal">
          Authorised staff only. Activity is logged in line with the {COMPANY_NAME} security policy.
        </p>
      </aside>
      <main className="portal-login-form d-flex align-items-center justify-content-center">
        <div className="w-100" style={{ maxWidth: 400 }}>
          <div className="d-flex d-lg-none align-items-center gap-2 mb-4">
            <BrandMark size={36} />
            <span className="fs-5 fw-semibold">{COMPANY_NAME}</span>
          </div>
          <h1 className="h3 mb-1">Sign in</h1>
          <p className="text-body-secondary mb-4">Use your Saigon Software work account.</p>
          {error && (
            <div className="alert alert-danger py-2" role="alert">
              {error}
            </div>
          )}
          <form onSubmit={submit} noValidate>
            <div className="mb-3">
              <label htmlFor="login-email" className="form-label">
                Work email
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
                  Password
                </label>
                <a href="#reset" className="small">
                  Forgot password?
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
                Keep me signed in on this device
              </label>
            </div>
            <button type="submit" className="btn btn-primary btn-lg w-100" disabled={busy}>
              {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
              Sign in
            </button>
          </form>
          <div className="card portal-demo-card mt-4">
            <div className="card-body py-3">
              <h2 className="h6 card-title mb-2">Demo accounts</h2>
              <p className="small text-body-secondary mb-2">
                Password <code>demo</code> for each. Choose one to fill in the form.
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
                    <span className="text-body-secondary">{d.who}</span>
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

import { useMe } from '@crmkit/react';
import { type FormEvent, useState } from 'react';
import { ROLE_LABELS } from '../components/AppShell.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { useSession } from '../session.js';

const RESOURCES = ['contacts', 'companies', 'deals', 'activities', 'tickets'] as const;
const ACTIONS = ['read', 'create', 'update', 'delete'] as const;

export function SettingsPage() {
  const { user } = useSession();
  usePageTitle('Settings');
  const [saved, setSaved] = useState(false);
  const [digest, setDigest] = useState(true);
  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(true);
  };
  if (!user) return null;
  return (
    <>
      <PageHeader title="Settings" subtitle="Your profile, preferences and what you can do in the CRM." />
      <div className="row g-4">
        <div className="col-lg-6 d-flex flex-column gap-4">
          <section className="card portal-card" aria-labelledby="profile-title">
            <div className="card-header bg-body py-3">
              <h2 id="profile-title" className="h6 mb-0">
                Profile
              </h2>
            </div>
            <div className="card-body">
              <dl className="row mb-0 portal-dl">
                <dt className="col-sm-4">Name</dt>
                <dd className="col-sm-8">{user.name}</dd>
                <dt className="col-sm-4">Email</dt>
                <dd className="col-sm-8">{user.email}</dd>
                <dt className="col-sm-4">Job title</dt>
                <dd className="col-sm-8">{user.jobTitle}</dd>
                <dt className="col-sm-4">Department</dt>
                <dd className="col-sm-8">{user.department}</dd>
              </dl>
              <p className="small text-body-secondary mt-3 mb-0">Profile details are managed by People Operations.</p>
            </div>
          </section>
          <section className="card portal-card" aria-labelledby="prefs-title">
            <div className="card-header bg-body py-3">
              <h2 id="prefs-title" className="h6 mb-0">
                Preferences
              </h2>
            </div>
            <form className="card-body" onSubmit={save} onChange={() => setSaved(false)}>
              <div className="mb-3">
                <label htmlFor="pref-language" className="form-label">
                  Language
                </label>
                <select id="pref-language" className="form-select" defaultValue="en">
                  <option value="en">English</option>
                  <option value="vi">Tiếng Việt</option>
                  <option value="th">ภาษาไทย</option>
                </select>
              </div>
              <div className="mb-3">
                <label htmlFor="pref-tz" className="form-label">
                  Time zone
                </label>
                <select id="pref-tz" className="form-select" defaultValue="Asia/Ho_Chi_Minh">
                  <option value="Asia/Ho_Chi_Minh">Asia/Ho Chi Minh (ICT)</option>
                  <option value="Asia/Bangkok">Asia/Bangkok (ICT)</option>
                  <option value="Asia/Singapore">Asia/Singapore (SGT)</option>
                </select>
              </div>
              <div className="form-check form-switch mb-3">
                <input
                  className="form-check-input"
                  type="checkbox"
                  role="switch"
                  id="pref-digest"
                  checked={digest}
                  aria-checked={digest}
                  onChange={(e) => setDigest(e.target.checked)}
                />
                <label className="form-check-label" htmlFor="pref-digest">
                  Weekly customer digest by email
                </label>
              </div>
              <div className="d-flex align-items-center gap-3">
                <button type="submit" className="btn btn-primary">
                  Save preferences
                </button>
                {saved && (
                  <output className="small text-success" aria-live="polite">
                    Saved.
                  </output>
                )}
              </div>
            </form>
          </section>
        </div>
        <div className="col-lg-6">
          <CrmAccess role={ROLE_LABELS[user.crmRole]} />
        </div>
      </div>
    </>
  );
}

/** What the CRM lets this user do, from `GET /v1/me` (the CRM enforces it; the portal only shows it). */
function CrmAccess({ role }: { role: string }) {
  const { data: me, error } = useMe();
  return (
    <section className="card portal-card" aria-labelledby="access-title">
      <div className="card-header bg-body py-3 d-flex align-items-center">
        <h2 id="access-title" className="h6 mb-0">
          CRM access
        </h2>
        <span className="badge text-bg-primary ms-auto">{role}</span>
      </div>
      <div className="card-body">
        {error && <p className="text-body-secondary small">The CRM is not reachable right now.</p>}
        {me && (
          <>
            <p className="small text-body-secondary">
              Signed in to the CRM workspace <strong>{me.workspace.name}</strong> as{' '}
              <strong>{me.user?.name ?? 'a service account'}</strong>.
            </p>
            <table className="table table-sm align-middle mb-0">
              <caption className="visually-hidden">Permissions by record type</caption>
              <thead>
                <tr>
                  <th scope="col">Records</th>
                  {ACTIONS.map((a) => (
                    <th key={a} scope="col" className="text-center text-capitalize">
                      {a}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {RESOURCES.map((r) => (
                  <tr key={r}>
                    <th scope="row" className="fw-normal text-capitalize">
                      {r}
                    </th>
                    {ACTIONS.map((a) => {
                      const ok = me.permissions.includes(`${r}:${a}`);
                      return (
                        <td key={a} className="text-center">
                          <span className={ok ? 'text-success' : 'text-body-tertiary'}>{ok ? '✓' : '—'}</span>
                          <span className="visually-hidden">{ok ? 'allowed' : 'not allowed'}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </section>
  );
}

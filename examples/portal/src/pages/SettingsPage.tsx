import { useMe } from '@crmkit/react';
import { type FormEvent, useState } from 'react';
import { useSession } from '../app/session.js';
import { roleLabel } from '../components/AppShell.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { Panel } from '../components/Panel.js';
import {
  LANGUAGES,
  type Language,
  type Preferences,
  TIME_ZONES,
  Trans,
  usePortalT,
  usePreferences,
} from '../i18n/preferences.js';

const RESOURCES = ['contacts', 'companies', 'deals', 'activities', 'tickets'] as const;
const ACTIONS = ['read', 'create', 'update', 'delete'] as const;

export function SettingsPage() {
  const { user } = useSession();
  const { t, preferences, save } = usePreferences();
  usePageTitle(t('nav.settings'));
  const [draft, setDraft] = useState<Preferences>(preferences);
  const [saved, setSaved] = useState(false);
  const change = (patch: Partial<Preferences>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  // Saving applies the choice at once: the page, the widgets and <html lang> switch language, and it is remembered.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save(draft);
    setSaved(true);
  };
  if (!user) return null;
  return (
    <>
      <PageHeader title={t('nav.settings')} subtitle={t('settings.subtitle')} />
      <div className="row g-4">
        <div className="col-lg-6 d-flex flex-column gap-4">
          <Panel title={t('settings.profile')}>
            <div className="card-body">
              <dl className="row mb-0 portal-dl">
                <dt className="col-sm-4">{t('settings.name')}</dt>
                <dd className="col-sm-8">{user.name}</dd>
                <dt className="col-sm-4">{t('settings.email')}</dt>
                <dd className="col-sm-8">{user.email}</dd>
                <dt className="col-sm-4">{t('settings.jobTitle')}</dt>
                <dd className="col-sm-8">{user.jobTitle}</dd>
                <dt className="col-sm-4">{t('settings.department')}</dt>
                <dd className="col-sm-8">{user.department}</dd>
              </dl>
              <p className="small text-body-secondary mt-3 mb-0">{t('settings.managed')}</p>
            </div>
          </Panel>
          <Panel title={t('settings.preferences')}>
            <form className="card-body" onSubmit={submit}>
              <div className="mb-3">
                <label htmlFor="pref-language" className="form-label">
                  {t('settings.language')}
                </label>
                <select
                  id="pref-language"
                  className="form-select"
                  value={draft.language}
                  onChange={(e) => change({ language: e.target.value as Language })}
                >
                  {LANGUAGES.map((l) => (
                    <option key={l.value} value={l.value} lang={l.value}>
                      {l.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="mb-3">
                <label htmlFor="pref-tz" className="form-label">
                  {t('settings.timeZone')}
                </label>
                <select
                  id="pref-tz"
                  className="form-select"
                  value={draft.timeZone}
                  onChange={(e) => change({ timeZone: e.target.value })}
                >
                  {TIME_ZONES.map((z) => (
                    <option key={z.value} value={z.value}>
                      {z.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-check form-switch mb-3">
                <input
                  className="form-check-input"
                  type="checkbox"
                  role="switch"
                  id="pref-digest"
                  checked={draft.digest}
                  aria-checked={draft.digest}
                  onChange={(e) => change({ digest: e.target.checked })}
                />
                <label className="form-check-label" htmlFor="pref-digest">
                  {t('settings.digest')}
                </label>
              </div>
              <div className="d-flex align-items-center gap-3">
                <button type="submit" className="btn btn-primary">
                  {t('settings.save')}
                </button>
                {saved && (
                  <output className="small text-success" aria-live="polite">
                    {t('settings.saved')}
                  </output>
                )}
              </div>
            </form>
          </Panel>
        </div>
        <div className="col-lg-6">
          <CrmAccess role={roleLabel(t, user.crmRole)} />
        </div>
      </div>
    </>
  );
}

/** What the CRM lets this user do, from `GET /v1/me` (the CRM enforces it; the portal only shows it). */
function CrmAccess({ role }: { role: string }) {
  const { data: me, error } = useMe();
  const t = usePortalT();
  return (
    <Panel title={t('access.title')} actions={<span className="badge text-bg-primary ms-auto">{role}</span>}>
      <div className="card-body">
        {error && <p className="text-body-secondary small">{t('crm.unreachable')}</p>}
        {me && (
          <>
            <p className="small text-body-secondary">
              <Trans
                k="access.signedIn"
                values={{
                  workspace: <strong>{me.workspace.name}</strong>,
                  user: <strong>{me.user?.name ?? t('access.serviceAccount')}</strong>,
                }}
              />
            </p>
            <table className="table table-sm align-middle mb-0">
              <caption className="visually-hidden">{t('access.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('access.records')}</th>
                  {ACTIONS.map((a) => (
                    <th key={a} scope="col" className="text-center">
                      {t(`access.${a}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {RESOURCES.map((r) => (
                  <tr key={r}>
                    <th scope="row" className="fw-normal">
                      {t(`access.${r}`)}
                    </th>
                    {ACTIONS.map((a) => {
                      const ok = me.permissions.includes(`${r}:${a}`);
                      return (
                        <td key={a} className="text-center">
                          <span className={ok ? 'text-success' : 'text-body-tertiary'}>{ok ? '✓' : '—'}</span>
                          <span className="visually-hidden">{ok ? t('access.allowed') : t('access.notAllowed')}</span>
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
    </Panel>
  );
}

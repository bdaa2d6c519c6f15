import { contactName, useFormat, useList } from '@crmkit/react';
import { useMemo } from 'react';
import { Link } from '../app/router.js';
import { useSession } from '../app/session.js';
import { Avatar } from '../components/Avatar.js';
import { Icon, type IconName } from '../components/Icon.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { Panel } from '../components/Panel.js';
import type { PortalKey } from '../i18n/en.js';
import { type PortalT, usePortalT, usePreferences } from '../i18n/preferences.js';

/** The portal's own content: none of this comes from the CRM. */
interface Stat {
  label: PortalKey;
  value: (t: PortalT, f: HostFormat) => string;
  note: (t: PortalT, f: HostFormat) => string;
  icon: IconName;
  tone: string;
}
const STATS: Stat[] = [
  {
    label: 'dashboard.tickets',
    value: (_, f) => f.number(12),
    note: (t) => t('dashboard.ticketsNote'),
    icon: 'ticket',
    tone: 'primary',
  },
  {
    label: 'dashboard.licences',
    value: (_, f) => `${f.number(148)} / ${f.number(200)}`,
    note: (t) => t('dashboard.licencesNote'),
    icon: 'key',
    tone: 'success',
  },
  {
    label: 'dashboard.invoice',
    value: (_, f) => f.date('2026-12-15'),
    note: (t, f) => t('dashboard.invoiceNote', { amount: f.vnd(86_400_000) }),
    icon: 'invoice',
    tone: 'warning',
  },
  {
    label: 'dashboard.status',
    value: (t) => t('dashboard.statusValue'),
    note: (t, f) => t('dashboard.statusNote', { uptime: f.percent(0.9998) }),
    icon: 'server',
    tone: 'info',
  },
];

const NEWS: { date: string; title: PortalKey; body: PortalKey }[] = [
  { date: '2026-11-28', title: 'news.maintenance', body: 'news.maintenanceBody' },
  { date: '2026-11-21', title: 'news.office', body: 'news.officeBody' },
  { date: '2026-11-14', title: 'news.security', body: 'news.securityBody' },
];

/** The portal's own dates, numbers and money in the chosen locale (Buddhist years in Thai, `86.400.000 ₫` in Vietnamese). */
interface HostFormat {
  number(n: number): string;
  percent(n: number): string;
  vnd(n: number): string;
  date(isoDate: string): string;
}
function useHostFormat(): HostFormat {
  const { locale } = usePreferences();
  return useMemo(() => {
    const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return {
      number: (n) => n.toLocaleString(locale),
      percent: (n) => n.toLocaleString(locale, { style: 'percent', minimumFractionDigits: 2 }),
      vnd: (n) => n.toLocaleString(locale, { style: 'currency', currency: 'VND' }),
      date: (isoDate) => dates.format(new Date(`${isoDate}T00:00:00Z`)),
    };
  }, [locale]);
}

/** Good morning/afternoon/evening by the hour in the user's time zone. */
function greetingKey(timeZone: string): PortalKey {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date()),
  );
  return hour < 12 ? 'dashboard.morning' : hour < 18 ? 'dashboard.afternoon' : 'dashboard.evening';
}

export function DashboardPage() {
  const { user } = useSession();
  const { t, preferences } = usePreferences();
  const f = useHostFormat();
  usePageTitle(t('nav.dashboard'));
  return (
    <>
      <PageHeader
        title={t(greetingKey(preferences.timeZone), { name: user?.shortName ?? '' })}
        subtitle={t('dashboard.subtitle', { department: user?.department ?? '' })}
      />
      <div className="row g-3 mb-4">
        {STATS.map((s) => (
          <div key={s.label} className="col-sm-6 col-xxl-3">
            <div className="card portal-card h-100">
              <div className="card-body d-flex gap-3 align-items-start">
                <span className={`portal-stat-icon bg-${s.tone}-subtle text-${s.tone}-emphasis`}>
                  <Icon name={s.icon} size={20} />
                </span>
                <div>
                  <div className="small text-body-secondary">{t(s.label)}</div>
                  <div className="fs-5 fw-semibold">{s.value(t, f)}</div>
                  <div className="small text-body-secondary">{s.note(t, f)}</div>
                </div>
              </div>
            </div>
          </div>
        ))}
      </div>
      <div className="row g-4">
        <div className="col-lg-7">
          <RecentContacts />
        </div>
        <div className="col-lg-5">
          <Panel title={t('dashboard.news')} className="h-100">
            <ul className="list-group list-group-flush">
              {NEWS.map((n) => (
                <li key={n.title} className="list-group-item py-3">
                  <div className="small text-body-secondary">{f.date(n.date)}</div>
                  <div className="fw-semibold">{t(n.title)}</div>
                  <div className="small">{t(n.body)}</div>
                </li>
              ))}
            </ul>
          </Panel>
        </div>
      </div>
    </>
  );
}

/** The one CRM-backed card of the dashboard: contacts most recently in touch, straight from `useList`. */
function RecentContacts() {
  const list = useList('contacts', {
    limit: 6,
    sort: '-lastContactedAt',
    filter: { lastContactedAt: { isNull: false } },
  });
  const f = useFormat();
  const t = usePortalT();
  return (
    <Panel
      title={t('dashboard.recent')}
      className="h-100"
      actions={
        <Link to="/contacts" className="ms-auto small">
          {t('dashboard.allContacts')}
        </Link>
      }
    >
      {list.error ? (
        <div className="card-body text-body-secondary small">{t('crm.unreachable')}</div>
      ) : (
        <ul className="list-group list-group-flush">
          {list.isPending &&
            [0, 1, 2, 3].map((i) => (
              <li key={i} className="list-group-item placeholder-glow py-3" aria-hidden="true">
                <span className="placeholder col-6" />
              </li>
            ))}
          {list.items.map((c) => (
            <li key={c.id} className="list-group-item d-flex align-items-center gap-3 py-2">
              <Avatar name={contactName(c)} size={32} />
              <div className="min-w-0">
                <Link to={`/contacts/${c.id}`} className="fw-semibold text-decoration-none">
                  {contactName(c)}
                </Link>
                <div className="small text-body-secondary text-truncate">{c.title ?? c.emails[0]}</div>
              </div>
              <span className="ms-auto small text-body-secondary text-nowrap">
                {c.lastContactedAt ? f.relative(c.lastContactedAt) : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

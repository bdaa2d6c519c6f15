import { contactName, useFormat, useList } from '@crmkit/react';
import { Avatar } from '../components/Avatar.js';
import { Icon, type IconName } from '../components/Icon.js';
import { PageHeader, usePageTitle } from '../components/PageHeader.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';

/** The portal's own content: none of this comes from the CRM. */
const STATS: { label: string; value: string; note: string; icon: IconName; tone: string }[] = [
  { label: 'Open support tickets', value: '12', note: '3 due today', icon: 'ticket', tone: 'primary' },
  { label: 'Licences in use', value: '148 / 200', note: 'Enterprise plan', icon: 'key', tone: 'success' },
  { label: 'Next invoice', value: '15 Dec 2026', note: '₫ 86,400,000 · auto-pay', icon: 'invoice', tone: 'warning' },
  { label: 'Service status', value: 'Operational', note: 'All regions · 99.98% uptime', icon: 'server', tone: 'info' },
];

const NEWS = [
  {
    date: '28 Nov 2026',
    title: 'Year-end maintenance window',
    body: 'Billing and the ticket desk are read-only on 27 Dec, 22:00–02:00 ICT.',
  },
  {
    date: '21 Nov 2026',
    title: 'New office in Đà Nẵng',
    body: 'Our central-region support team moves to 8 Bạch Đằng from 1 December.',
  },
  { date: '14 Nov 2026', title: 'Security reminder', body: 'Turn on two-step sign-in before 31 December.' },
];

function greeting(): string {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    ),
  );
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

export function DashboardPage() {
  const { user } = useSession();
  usePageTitle('Dashboard');
  return (
    <>
      <PageHeader
        title={`${greeting()}, ${user?.shortName ?? ''}`}
        subtitle={`${user?.department} · here is what is happening at Saigon Software today.`}
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
                  <div className="small text-body-secondary">{s.label}</div>
                  <div className="fs-5 fw-semibold">{s.value}</div>
                  <div className="small text-body-secondary">{s.note}</div>
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
          <section className="card portal-card h-100" aria-labelledby="news-title">
            <div className="card-header bg-body py-3">
              <h2 id="news-title" className="h6 mb-0">
                Announcements
              </h2>
            </div>
            <ul className="list-group list-group-flush">
              {NEWS.map((n) => (
                <li key={n.title} className="list-group-item py-3">
                  <div className="small text-body-secondary">{n.date}</div>
                  <div className="fw-semibold">{n.title}</div>
                  <div className="small">{n.body}</div>
                </li>
              ))}
            </ul>
          </section>
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
  return (
    <section className="card portal-card h-100" aria-labelledby="recent-title">
      <div className="card-header bg-body py-3 d-flex align-items-center">
        <h2 id="recent-title" className="h6 mb-0">
          Recently in touch
        </h2>
        <Link to="/contacts" className="ms-auto small">
          All contacts
        </Link>
      </div>
      {list.error ? (
        <div className="card-body text-body-secondary small">The CRM is not reachable right now.</div>
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
    </section>
  );
}

import type { Metadata } from 'next';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';

export const metadata: Metadata = { title: 'Classes' };

const CLASSES = [
  { time: '06:30', name: 'Sunrise Yoga', club: 'Thảo Điền, HCMC', coach: 'Nguyễn Đức Hải', spots: 4, tone: 'jade' },
  {
    time: '07:15',
    name: 'Muay Thai Basics',
    club: 'Thonglor, Bangkok',
    coach: 'Ploy Chaiyaporn',
    spots: 0,
    tone: 'lotus',
  },
  { time: '12:00', name: 'Lunch HIIT 30', club: 'Thảo Điền, HCMC', coach: 'Jack Wilson', spots: 7, tone: 'lotus' },
  {
    time: '18:00',
    name: 'Strength Foundations',
    club: 'Thonglor, Bangkok',
    coach: 'Jack Wilson',
    spots: 2,
    tone: 'jade',
  },
  { time: '19:30', name: 'Vinyasa Flow', club: 'Thảo Điền, HCMC', coach: 'Ploy Chaiyaporn', spots: 9, tone: 'jade' },
] as const;

/** A page of the club's own (no CRM on it): today's timetable, all Tailwind. */
export default async function ClassesPage() {
  const t = dictionary(await requestLocale());
  return (
    <>
      <h1 className="text-3xl">{t.classes}</h1>
      <p className="mt-2 text-sm text-stone-600">{t.classesLead}</p>
      <ol className="mt-8 grid list-none gap-4 md:grid-cols-2 xl:grid-cols-3">
        {CLASSES.map((c) => (
          <li key={c.time + c.name} className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200/70">
            <p className={`font-display text-2xl font-bold ${c.tone === 'jade' ? 'text-jade-700' : 'text-lotus-700'}`}>
              {c.time}
            </p>
            <h2 className="mt-2 text-lg">{c.name}</h2>
            <p className="mt-1 text-sm text-stone-600">
              {c.club} · {c.coach}
            </p>
            <p
              className={`mt-4 inline-flex rounded-full px-3 py-1 text-xs font-semibold ${
                c.spots ? 'bg-jade-50 text-jade-700' : 'bg-stone-100 text-stone-600'
              }`}
            >
              {c.spots ? `${c.spots} spots left` : 'Full'}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

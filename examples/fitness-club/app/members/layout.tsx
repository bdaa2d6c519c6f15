import type { ReactNode } from 'react';
import { MembersTable } from '../../components/MembersTable';
import { PageIntro } from '../../components/PageIntro';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';

/**
 * The members section — a server component. The list (crmkit's ContactsTable, labelled from the workspace schema:
 * "Members") stays mounted while the panel on the right (`children`) follows the URL.
 */
export default async function MembersLayout({ children }: { children: ReactNode }) {
  const t = dictionary(await requestLocale());
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-6">
        <PageIntro title={t.members} lead={t.membersLead} />
        <dl className="flex gap-3 text-sm">
          {[
            ['2', t.clubs],
            ['06:00–22:00', t.openDaily],
          ].map(([value, label]) => (
            <div key={value} className="rounded-2xl bg-white px-4 py-3 shadow-sm ring-1 ring-stone-200/70">
              <dt className="text-xs text-stone-500">{label}</dt>
              <dd className="font-display text-lg font-bold text-lotus-900">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <section className="min-w-0 lg:sticky lg:top-6">
          <MembersTable />
        </section>
        <aside className="flex min-w-0 flex-col gap-6">{children}</aside>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { LotusLogo } from '../../components/LotusLogo';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';

export const metadata: Metadata = { title: 'Members' };

/** No member picked yet: the club's own placeholder next to the list. */
export default async function MembersPage() {
  const t = dictionary(await requestLocale());
  return (
    <div className="rounded-3xl border-2 border-dashed border-lotus-200 bg-white/60 px-8 py-12 text-center">
      <LotusLogo className="mx-auto size-12 text-lotus-300" />
      <h2 className="mt-4 text-xl">{t.pickTitle}</h2>
      <p className="mt-2 text-sm text-stone-600">{t.pickBody}</p>
    </div>
  );
}

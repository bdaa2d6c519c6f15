'use client';

import { useTransition } from 'react';
import { setLocale } from '../lib/actions';
import { LOCALES, type Locale } from '../lib/i18n';

const NAMES: Record<Locale, string> = { 'en-US': 'English', 'vi-VN': 'Tiếng Việt', 'th-TH': 'ไทย' };

/** The club's language menu: a server action remembers the choice (a cookie) and renders the page again. */
export function LocaleSwitcher({ locale, label }: { locale: Locale; label: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-lotus-100">
      <span className="sr-only">{label}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(() => setLocale(next));
        }}
        className="border border-white/20 bg-white/10 py-1.5 pr-8 pl-3 text-xs text-white normal-case tracking-normal backdrop-blur hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} className="text-stone-900">
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

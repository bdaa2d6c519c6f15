'use server';

import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from './i18n';

/** Remembers the visitor's language; setting a cookie in a server action renders the page again in it. */
export async function setLocale(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}

import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE, type Locale } from './i18n';

/** The language of this request: the visitor's choice (a cookie), else English. */
export async function requestLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : 'en-US';
}

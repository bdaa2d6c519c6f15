import type { Messages, Translate } from '../i18n/translate.js';
import { useUi } from './ui.js';

/**
 * The current locale's messages and translator.
 *
 * @example
 * const { t, locale } = useMessages();
 * <p lang={locale}>{t('state.empty.title')}</p>
 */
export function useMessages(): { t: Translate; locale: string; messages: Messages; pending: boolean } {
  const { t, locale, messages, pending } = useUi();
  return { t, locale, messages, pending };
}

/**
 * The translator of the current locale.
 *
 * @example
 * const t = useT();
 * <span>{t('table.selected', { count: rows.length })}</span>
 */
export function useT(): Translate {
  return useUi().t;
}

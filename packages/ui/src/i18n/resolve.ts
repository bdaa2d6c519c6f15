import { en } from './en.js';
import type { MessageOverrides, Messages } from './translate.js';

/**
 * The catalog for `locale`: English, then the built-in catalog of its language, then the host's overrides for the
 * language, then for the exact locale — each only where it has a message.
 *
 * @example
 * resolveMessages('vi-VN', { vi }, { vi: { 'action.save': 'Lưu lại' } })['action.save']; // 'Lưu lại'
 */
export function resolveMessages(
  locale: string,
  catalogs: Record<string, Partial<Messages>>,
  overrides: MessageOverrides = {},
): Messages {
  const language = locale.split('-')[0]!;
  return Object.assign(
    {},
    en,
    catalogs[language],
    catalogs[locale],
    overrides[language],
    language === locale ? undefined : overrides[locale],
  ) as Messages;
}

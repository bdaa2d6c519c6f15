import { localeCountry, phoneCountry } from '@crmkit/core';
import { useFormat, useSchema } from '@crmkit/react';
import { useMemo } from 'react';
import type { ReadContext } from './validate.js';

/**
 * The country a national phone number typed for `record` was dialled in: that of the record's own number (a Thai
 * contact's `081-234-5678` in a Vietnamese workspace is Thai), else the workspace's (its default locale's region),
 * else the viewer's locale's.
 *
 * @example
 * phoneCountryOf({ phones: ['+66812345678'] }, 'vi-VN', 'vi-VN'); // 'TH'
 */
export function phoneCountryOf(
  record: Record<string, unknown>,
  workspaceLocale: string | undefined,
  locale: string,
): string | undefined {
  const own = [record.phones, record.phone].flat().find((p): p is string => typeof p === 'string' && p.startsWith('+'));
  return (own && phoneCountry(own)) ?? (workspaceLocale && localeCountry(workspaceLocale)) ?? localeCountry(locale);
}

/** How the edit form of `record` reads numbers, amounts and phone numbers (see {@link ReadContext}). */
export function useReadContext(record: Record<string, unknown>): ReadContext {
  const format = useFormat();
  const workspaceLocale = useSchema().data?.workspace.defaultLocale;
  const country = phoneCountryOf(record, workspaceLocale, format.locale);
  return useMemo(() => ({ format, country }), [format, country]);
}

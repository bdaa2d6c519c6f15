import { useFormat, useSchema } from '@crmkit/react';
import { useMemo } from 'react';
import { useMessages } from '../../../context/i18n.js';
import { useUsers } from '../../shared/lists/useUsers.js';
import type { SummaryContext } from './words.js';

/**
 * What rules are put into words with here: the provider's locale and formats, the workspace's schema and users.
 *
 * @example
 * const ctx = useSummaryContext();
 * <p>{summarizeRule(rule, ctx)}</p>
 */
export function useSummaryContext(): SummaryContext {
  const { t, locale, messages } = useMessages();
  const f = useFormat();
  const { data: schema } = useSchema();
  const { names } = useUsers();
  return useMemo(() => ({ t, locale, messages, f, schema, names }), [t, locale, messages, f, schema, names]);
}

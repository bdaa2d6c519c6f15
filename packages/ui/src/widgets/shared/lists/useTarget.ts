import type { TimelineTarget } from '@crmkit/react';
import { useMemo } from 'react';

/**
 * The record a list of activities is of, from a widget's props: only the ids given (stable while they do not change).
 *
 * @example
 * const target = useTarget({ contactId, companyId, dealId, ticketId }); // { contactId: 'con_1' }
 */
export function useTarget({ contactId, companyId, dealId, ticketId }: TimelineTarget): TimelineTarget {
  return useMemo(
    () =>
      Object.fromEntries(
        Object.entries({ contactId, companyId, dealId, ticketId }).filter(([, v]) => !!v),
      ) as TimelineTarget,
    [contactId, companyId, dealId, ticketId],
  );
}

import type { RecordOf } from '@crmkit/client';
import { crmQueries, useCrm } from '@crmkit/react';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';

/** The names of the companies of `contacts` by id, loaded (and cached a minute) while the company column shows. */
export function useCompanyNames(contacts: readonly RecordOf<'contacts'>[], enabled: boolean): Map<string, string> {
  const { client } = useCrm();
  const ids = useMemo(
    () => [...new Set(contacts.map((c) => c.companyId).filter((id): id is string => !!id))],
    [contacts],
  );
  const companies = useQueries({
    queries: ids.map((id) => ({ ...crmQueries.record(client, 'companies', id), enabled, staleTime: 60_000 })),
  });
  return useMemo(() => {
    const map = new Map<string, string>();
    for (const q of companies) if (q.data) map.set((q.data as { id: string }).id, (q.data as { name: string }).name);
    return map;
  }, [companies]);
}

import { contactName, crmQueries, type Named, useCrm } from '@crmkit/react';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';

/** How many ids one name lookup asks for (the contract's limit of values in an `in` filter). */
const CHUNK = 100;

/** A company (by its name) or a contact (its name as people write it). */
const nameOf = (r: Named & { name?: string }) => r.name ?? contactName(r);

/**
 * Names of companies and contacts by id, for the deals on screen: looked up in batches of up to 100 ids per request
 * (`filter[id]=a,b,…`), never one request per card. Ids are batched in the order first seen, so a batch, once full,
 * stays the same query while more deals load.
 *
 * @example
 * const names = useNames({ companies: deals.map((d) => d.companyId), contacts: [] });
 */
export function useNames(wanted: { companies: readonly (string | null)[]; contacts: readonly (string | null)[] }) {
  const { client } = useCrm();
  const seen = useRef({ companies: [] as string[], contacts: [] as string[], known: new Set<string>() }).current;
  for (const key of ['companies', 'contacts'] as const) {
    for (const id of wanted[key]) {
      if (id && !seen.known.has(id)) {
        seen.known.add(id);
        seen[key].push(id);
      }
    }
  }
  // The batches change only when ids are added: the same array (and query keys) until then.
  const size = `${seen.companies.length}:${seen.contacts.length}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `size` changes exactly when `seen` grows
  const queries = useMemo(
    () =>
      (['companies', 'contacts'] as const).flatMap((resource) =>
        Array.from({ length: Math.ceil(seen[resource].length / CHUNK) }, (_, i) => ({
          ...crmQueries.page(client, resource, {
            filter: { id: seen[resource].slice(i * CHUNK, (i + 1) * CHUNK) },
            limit: CHUNK,
          } as never),
          staleTime: 5 * 60_000,
        })),
      ),
    [client, size],
  );
  const results = useQueries({ queries });
  const stamp = results.map((r) => r.dataUpdatedAt).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` changes exactly when a batch's data does
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const r of results)
      for (const record of (r.data?.data ?? []) as (Named & { id: string; name?: string })[]) {
        names.set(record.id, nameOf(record));
      }
    return names;
  }, [stamp]);
}

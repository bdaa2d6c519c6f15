import { useList } from '@crmkit/react';
import { useMemo } from 'react';

/**
 * The workspace's users, as a list (for an owner picker) and their names by id (for owner names).
 *
 * @example
 * const { list, names } = useUsers();
 */
export function useUsers() {
  const { items } = useList('users', { limit: 200 });
  return useMemo(() => {
    const list = (items as { id: string; name: string }[]).map((u) => ({ id: u.id, name: u.name }));
    return { list, names: new Map(list.map((u) => [u.id, u.name])) };
  }, [items]);
}

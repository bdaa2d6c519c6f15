import { useList } from '@crmkit/react';
import { useMemo } from 'react';

/** A user of the workspace, as pickers and names need them. */
export interface WorkspaceUser {
  id: string;
  name: string;
  role: string;
}

/**
 * The workspace's users, as a list (for an owner picker), those who may be assigned work (every role but `viewer`),
 * and their names by id (for owner names).
 *
 * @example
 * const { list, assignable, names } = useUsers();
 */
export function useUsers() {
  const { items } = useList('users', { limit: 200 });
  return useMemo(() => {
    const list = (items as WorkspaceUser[]).map((u) => ({ id: u.id, name: u.name, role: u.role }));
    return {
      list,
      assignable: list.filter((u) => u.role !== 'viewer'),
      names: new Map(list.map((u) => [u.id, u.name])),
    };
  }, [items]);
}

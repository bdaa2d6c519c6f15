import type { RecordOf } from '@crmkit/client';
import { useList } from '@crmkit/react';
import { useMemo } from 'react';

/** Helpers of the portal's own CRM views, built on `@crmkit/react` hooks (the companies list, the dashboard). */

export type Contact = RecordOf<'contacts'>;
export type Company = RecordOf<'companies'>;

/** Names by id of the workspace's companies and users (small sets: one request each, shared by every row). */
export function useDirectory() {
  const companies = useList('companies', { limit: 200 });
  const users = useList('users', { limit: 200 });
  return useMemo(
    () => ({
      company: new Map(companies.items.map((c) => [c.id, c.name])),
      user: new Map(users.items.map((u) => [u.id, u.name])),
    }),
    [companies.items, users.items],
  );
}

/** A Bootstrap alert for a failed CRM request: what could not be done, and the error's own message. */
export function CrmError({ error, message }: { error: unknown; message: string }) {
  return (
    <div className="alert alert-warning mb-0" role="alert">
      {message} {error instanceof Error ? error.message : ''}
    </div>
  );
}

/** Placeholder rows while a table loads. */
export function PlaceholderRows({ rows = 8, cols }: { rows?: number; cols: number }) {
  return Array.from({ length: rows }, (_, r) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
    <tr key={r} className="placeholder-glow">
      {Array.from({ length: cols }, (_, c) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <td key={c}>
          <span className="placeholder col-8 rounded" />
        </td>
      ))}
    </tr>
  ));
}

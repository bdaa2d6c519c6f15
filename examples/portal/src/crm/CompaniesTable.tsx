import { useList } from '@crmkit/react';
import { type MouseEvent, useState } from 'react';
import { CrmError, PlaceholderRows, useDirectory } from './shared.js';
import { useDebounced } from './useDebounced.js';

export interface CompaniesTableProps {
  onOpenCompany?: (id: string) => void;
}

/**
 * The portal's own companies list in its Bootstrap look, built on `useList('companies')`: how a host uses the
 * headless hooks where it wants its own markup (crmkit has no companies table widget yet).
 */
export function CompaniesTable({ onOpenCompany }: CompaniesTableProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const list = useList('companies', { limit: 25, sort: 'name', ...(q ? { q } : {}) });
  const directory = useDirectory();
  const open = (id: string) => (event: MouseEvent) => {
    if (!onOpenCompany || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    onOpenCompany(id);
  };

  return (
    <div className="card portal-card">
      <div className="card-header bg-body d-flex flex-wrap gap-2 align-items-center py-3">
        <div className="flex-grow-1" style={{ maxWidth: 420 }}>
          <label htmlFor="companies-search" className="visually-hidden">
            Search companies
          </label>
          <input
            id="companies-search"
            type="search"
            className="form-control"
            placeholder="Search by name or domain"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <span className="ms-auto small text-body-secondary" aria-live="polite">
          {list.isPending ? 'Loading…' : `${list.items.length}${list.hasNextPage ? '+' : ''} companies`}
        </span>
      </div>
      {list.error ? (
        <div className="card-body">
          <CrmError error={list.error} what="companies" />
        </div>
      ) : (
        <div className="table-responsive">
          <table className="table table-hover align-middle mb-0 portal-table">
            <caption className="visually-hidden">Companies</caption>
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Industry</th>
                <th scope="col">Size</th>
                <th scope="col">City</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody>
              {list.isPending && <PlaceholderRows cols={5} />}
              {!list.isPending && list.items.length === 0 && (
                <tr>
                  <td colSpan={5} className="text-center text-body-secondary py-5">
                    {q ? `No companies match “${q}”.` : 'No companies yet.'}
                  </td>
                </tr>
              )}
              {list.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`/companies/${c.id}`} className="fw-semibold text-decoration-none" onClick={open(c.id)}>
                      {c.name}
                    </a>
                    {c.domain && <div className="small text-body-secondary">{c.domain}</div>}
                  </td>
                  <td>{c.industry ?? '—'}</td>
                  <td className="text-nowrap">{c.size ? `${c.size} staff` : '—'}</td>
                  <td>{c.address?.city ?? '—'}</td>
                  <td>{c.ownerId ? (directory.user.get(c.ownerId) ?? '…') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <div className="card-footer bg-body text-center py-3">
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}

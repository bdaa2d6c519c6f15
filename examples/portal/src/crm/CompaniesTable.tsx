import { useList } from '@crmkit/react';
import { type MouseEvent, useState } from 'react';
import { usePortalT } from '../i18n/preferences.js';
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
  const t = usePortalT();
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
            {t('companies.search')}
          </label>
          <input
            id="companies-search"
            type="search"
            className="form-control"
            placeholder={t('companies.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <span className="ms-auto small text-body-secondary" aria-live="polite">
          {list.isPending
            ? t('shell.loading')
            : list.items.length === 1 && !list.hasNextPage
              ? t('companies.countOne')
              : t('companies.count', { count: `${list.items.length}${list.hasNextPage ? '+' : ''}` })}
        </span>
      </div>
      {list.error ? (
        <div className="card-body">
          <CrmError error={list.error} message={t('crm.companiesFailed')} />
        </div>
      ) : (
        <div className="table-responsive">
          <table className="table table-hover align-middle mb-0 portal-table">
            <caption className="visually-hidden">{t('nav.companies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('companies.company')}</th>
                <th scope="col">{t('companies.industry')}</th>
                <th scope="col">{t('companies.size')}</th>
                <th scope="col">{t('companies.city')}</th>
                <th scope="col">{t('companies.owner')}</th>
              </tr>
            </thead>
            <tbody>
              {list.isPending && <PlaceholderRows cols={5} />}
              {!list.isPending && list.items.length === 0 && (
                <tr>
                  <td colSpan={5} className="text-center text-body-secondary py-5">
                    {q ? t('companies.noMatch', { q }) : t('companies.none')}
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
                  <td className="text-nowrap">{c.size ? t('companies.staff', { size: c.size }) : '—'}</td>
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
            {list.isFetchingNextPage ? t('shell.loading') : t('companies.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}

import { useFormat } from '@crmkit/react';
import { useT } from '../../context/i18n.js';
import { Select } from '../../primitives/Field.js';
import { IconButton } from '../../primitives/IconButton.js';
import * as icons from '../../primitives/icons.js';
import type { Table } from './grid/columns.js';

/**
 * The footer: rows per page, the page number (announced as it changes) and previous / next page. Pages are cursor
 * pages: "next" is there exactly when the server gave a cursor, and waits while a page loads.
 */
export function Pager({ table, pageSizes, fetching }: { table: Table; pageSizes: number[]; fetching: boolean }) {
  const t = useT();
  const f = useFormat();
  const { pageIndex, pageSize } = table.state.pagination;
  return (
    <div className="crm-ct-footer">
      <Select
        className="crm-ct-page-size"
        label={t('table.rowsPerPage')}
        options={pageSizes.map((n) => ({ value: String(n), label: f.number(n) }))}
        value={String(pageSize)}
        onChange={(e) => table.setPageSize(Number(e.target.value))}
      />
      <span className="crm-ct-page" aria-live="polite">
        {t('table.page', { page: pageIndex + 1 })}
      </span>
      <span className="crm-ct-pager">
        <IconButton
          icon={icons.chevronLeft}
          variant="secondary"
          size="sm"
          aria-label={t('table.previousPage')}
          disabled={!table.getCanPreviousPage()}
          onClick={() => table.previousPage()}
        />
        <IconButton
          icon={icons.chevronRight}
          variant="secondary"
          size="sm"
          aria-label={t('table.nextPage')}
          disabled={!table.getCanNextPage() || fetching}
          onClick={() => table.nextPage()}
        />
      </span>
    </div>
  );
}

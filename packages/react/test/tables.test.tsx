import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useContactsTable } from '../src/tables/index.js';
import { demoSandbox, providerFor, warm } from './harness.js';

warm('demo');

describe('useContactsTable on the demo workspace', () => {
  it('derives columns from the schema (custom fields, localized), and pages, sorts, searches and filters on the server', async () => {
    const s = await demoSandbox();
    const crm = s.client();
    const { wrapper } = providerFor(crm, { locale: 'vi-VN' });
    const { result } = renderHook(() => useContactsTable({ initialView: { pageSize: 10 } }), { wrapper });
    await waitFor(() => expect(result.current.table.getRowModel().rows).toHaveLength(10));

    const columns = result.current.table.getAllLeafColumns();
    const custom = columns.find((c) => c.id === 'customFields.preferredChannel');
    expect(custom?.columnDef.header).toBe('Kênh liên hệ ưa thích');
    expect(columns.find((c) => c.id === 'lifecycleStage')).toBeDefined();

    // Page 2 holds the next ten records of the same order.
    const expected = await crm.contacts.list({ limit: 20 });
    const ids = () => result.current.table.getRowModel().rows.map((r) => r.id);
    expect(ids()).toEqual(expected.data.slice(0, 10).map((c) => c.id));
    expect(result.current.table.getCanNextPage()).toBe(true);
    act(() => result.current.table.nextPage());
    await waitFor(() => expect(ids()).toEqual(expected.data.slice(10, 20).map((c) => c.id)));
    act(() => result.current.table.previousPage());
    await waitFor(() => expect(ids()).toEqual(expected.data.slice(0, 10).map((c) => c.id)));

    // Server-side sort, back to the first page.
    act(() => result.current.table.setSorting([{ id: 'lastName', desc: true }]));
    const byName = await crm.contacts.list({ limit: 10, sort: '-lastName' });
    await waitFor(() => expect(ids()).toEqual(byName.data.map((c) => c.id)));
    expect(result.current.table.state.pagination.pageIndex).toBe(0);

    // Filter by a column and search.
    act(() => result.current.table.getColumn('lifecycleStage')!.setFilterValue('loyal'));
    const loyal = await crm.contacts.list({ limit: 10, sort: '-lastName', filter: { lifecycleStage: 'loyal' } });
    await waitFor(() => expect(ids()).toEqual(loyal.data.map((c) => c.id)));
    const someone = loyal.data[0]!;
    act(() => result.current.setSearch(someone.lastName));
    await waitFor(() => expect(ids()).toContain(someone.id));
    expect(result.current.data.every((c) => c.lifecycleStage === 'loyal')).toBe(true);

    // Column visibility and row selection (by record id), saved as a view and applied again.
    act(() => result.current.table.getColumn('customFields.preferredChannel')!.toggleVisibility(false));
    expect(result.current.table.getVisibleLeafColumns().map((c) => c.id)).not.toContain(
      'customFields.preferredChannel',
    );
    act(() => result.current.table.getRowModel().rows[0]!.toggleSelected(true));
    expect(result.current.selectedIds).toEqual([ids()[0]]);
    const saved = result.current.view;
    act(() => result.current.applyView({}));
    await waitFor(() => expect(result.current.table.state.sorting).toEqual([]));
    act(() => result.current.applyView(saved));
    await waitFor(() => expect(ids()).toContain(someone.id));
    expect(result.current.view).toEqual(saved);
  });
});

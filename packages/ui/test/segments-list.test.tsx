import type { CrmClient, Segment } from '@crmkit/client';
import { startSandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SegmentsList } from '../src/widgets/segments-list/index.js';
import { renderUi, sandbox } from './harness.js';

const violations = (r: axe.AxeResults) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
const list = () => screen.findByRole('list', { name: 'Segments' }, { timeout: 20_000 });
const names = (ul: HTMLElement) =>
  within(ul)
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));

let crm: CrmClient;
let vip: Segment;

beforeAll(async () => {
  crm = (await sandbox('empty')).client();
});

// Each test starts from three hand-made contacts and three segments over them.
beforeEach(async () => {
  for (const s of (await crm.segments.list({ limit: 100 })).data) await crm.segments.remove(s.id);
  for (const c of (await crm.contacts.list({ limit: 100 })).data) await crm.contacts.remove(c.id);
  await crm.contacts.create({ firstName: 'Lan', tags: ['vip'] });
  await crm.contacts.create({ firstName: 'Minh', tags: ['vip'] });
  await crm.contacts.create({ firstName: 'Somchai' });
  vip = await crm.segments.create({ name: 'VIPs', filter: { field: 'tags', op: 'in', value: ['vip'] } });
  await crm.segments.create({ name: 'Everyone named Lan', filter: { field: 'firstName', op: 'eq', value: 'Lan' } });
  await crm.segments.create({ name: 'Nobody', filter: { field: 'firstName', op: 'eq', value: 'Zed' } });
});

describe('SegmentsList', () => {
  it('lists segments by name with live counts, and opens one; axe clean', async () => {
    const user = userEvent.setup();
    const onOpenSegment = vi.fn();
    const { container } = await renderUi(<SegmentsList onOpenSegment={onOpenSegment} />, { client: crm });
    const ul = await list();
    expect(names(ul)).toEqual(['Everyone named Lan', 'Nobody', 'VIPs']);
    const row = within(ul).getByRole('listitem', { name: 'VIPs' });
    await waitFor(() => expect(within(row).getByText('2 members')).toBeTruthy());
    expect(within(row).getByText('Of contacts')).toBeTruthy();
    await waitFor(() =>
      expect(within(within(ul).getByRole('listitem', { name: 'Nobody' })).getByText('No members')).toBeTruthy(),
    );
    expect(violations(await axe.run(container))).toEqual([]);
    await user.click(within(row).getByRole('button', { name: 'VIPs' }));
    expect(onOpenSegment).toHaveBeenCalledWith(expect.objectContaining({ id: vip.id }));
  });

  it('renames a segment (persisted) and deletes one after confirming, focus kept in the list', async () => {
    const user = userEvent.setup();
    await renderUi(<SegmentsList />, { client: crm });
    const ul = await list();
    within(ul).getByRole('button', { name: 'Actions for VIPs' }).focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Rename' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename “VIPs”' });
    const name = within(dialog).getByRole('textbox', { name: /Segment name/ });
    await user.clear(name);
    await user.type(name, 'Top customers{Enter}');
    await waitFor(() => expect(names(ul)).toContain('Top customers'));
    await waitFor(async () => expect((await crm.segments.get(vip.id)).name).toBe('Top customers'));

    within(ul).getByRole('button', { name: 'Actions for Nobody' }).focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete “Nobody”?' });
    // Cancel first: nothing goes.
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(names(ul)).toContain('Nobody');
    within(ul).getByRole('button', { name: 'Actions for Nobody' }).focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Delete “Nobody”?' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() => expect(names(ul)).not.toContain('Nobody'));
    await waitFor(() => expect(ul.contains(document.activeElement)).toBe(true));
    expect((await crm.segments.list({ limit: 100 })).data.map((s) => s.name)).not.toContain('Nobody');
  });

  it('lets a viewer read the list only', async () => {
    const s = await sandbox('empty');
    await renderUi(<SegmentsList onNewSegment={() => undefined} />, { client: s.client({ role: 'viewer' }) });
    const ul = await list();
    expect(names(ul)).toHaveLength(3);
    expect(within(ul).queryByRole('button', { name: /Actions for/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New segment' })).toBeNull();
  });

  it('says when there are none, and on a server without segments', async () => {
    for (const s of (await crm.segments.list({ limit: 100 })).data) await crm.segments.remove(s.id);
    const { unmount } = await renderUi(<SegmentsList />, { client: crm });
    expect(await screen.findByRole('status', { name: 'No segments yet' }, { timeout: 20_000 })).toBeTruthy();
    unmount();
    const bare = await startSandbox({ capabilities: { segments: false } });
    await renderUi(<SegmentsList />, { client: bare.client() });
    expect(await screen.findByText('Segments are not available on this server', {}, { timeout: 20_000 })).toBeTruthy();
  });
});

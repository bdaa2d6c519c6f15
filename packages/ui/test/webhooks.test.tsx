import type { Sandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { Webhooks } from '../src/widgets/webhooks/index.js';
import { renderUi, sandbox } from './harness.js';

const list = () => screen.findByRole('list', { name: 'Webhooks' }, { timeout: 15_000 });
const endpoint = async (url: string) => within(await list()).findByRole('listitem', { name: url }, { timeout: 15_000 });
const dialog = (name: string) => screen.findByRole('dialog', { name }, { timeout: 15_000 });
const violations = (r: axe.AxeResults) => r.violations.map((v) => v.id);

describe('Webhooks', () => {
  let s: Sandbox;
  let port: number;
  beforeAll(async () => {
    s = await sandbox();
    port = await commands.receiverPort();
  });
  afterAll(async () => {
    await commands.receiverDown(port);
  });

  it('creates an endpoint (URL checked, chosen events, the secret shown once); a delivery to a receiver that is down is replayed once it is up, and shows delivered', async () => {
    const user = userEvent.setup();
    const crm = s.client();
    const url = `http://127.0.0.1:${port}/hooks`;
    const { container } = await renderUi(<Webhooks />, { client: crm });
    await screen.findByText('No webhook endpoints yet', {}, { timeout: 15_000 });
    await user.click(await screen.findByRole('button', { name: 'New endpoint' }));
    const form = await dialog('New webhook endpoint');
    const urlField = within(form).getByRole('textbox', { name: /URL/ });
    await waitFor(() => expect(document.activeElement).toBe(urlField));
    await user.keyboard('127.0.0.1/hooks');
    await user.click(within(form).getByRole('checkbox', { name: 'Every event, including those added later' }));
    await user.click(within(form).getByRole('button', { name: 'Create endpoint' }));
    // Both refused on their field before anything is sent.
    expect(urlField.getAttribute('aria-invalid')).toBe('true');
    expect(
      within(form).getByText('Enter a full http:// or https:// address, e.g. https://example.com/hooks.'),
    ).toBeTruthy();
    expect(within(form).getByText('Choose at least one event, or every event.')).toBeTruthy();
    expect((await crm.webhookSubscriptions.list()).data).toEqual([]);
    await user.clear(urlField);
    await user.type(urlField, url);
    await user.type(within(form).getByRole('textbox', { name: 'Description' }), 'Member app');
    await user.click(within(form).getByRole('checkbox', { name: 'contact.created' }));
    expect(violations(await axe.run(form))).toEqual([]);
    await user.click(within(form).getByRole('button', { name: 'Create endpoint' }));

    const shown = await dialog('The signing secret');
    const secret = (within(shown).getByRole('textbox', { name: 'Secret' }) as HTMLInputElement).value;
    expect(secret).toMatch(/^whsec_/);
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    const row = await endpoint(url);
    expect(within(row).getByText('Member app')).toBeTruthy();
    expect(within(row).getByText('1 event: contact.created')).toBeTruthy();
    expect(
      within(row)
        .getByRole('switch', { name: `Enabled: ${url}` })
        .getAttribute('aria-checked'),
    ).toBe('true');
    const [stored] = (await crm.webhookSubscriptions.list()).data;
    expect(stored).toMatchObject({ url, eventTypes: ['contact.created'], description: 'Member app', enabled: true });

    // The receiver is down: the delivery fails and waits to be retried.
    await crm.contacts.create({ firstName: 'Lan', lastName: 'Nguyễn' });
    await s.server.automation.tick();
    await user.click(within(row).getByRole('button', { name: `Deliveries: ${url}` }));
    const log = await within(row).findByRole('list', { name: `Deliveries to ${url}` });
    const delivery = await within(log).findByRole('listitem', { name: 'contact.created' });
    await within(delivery).findByText('1 attempt', {}, { timeout: 15_000 });
    expect(within(delivery).getByText('Pending')).toBeTruthy();
    expect(within(delivery).getByText(/Failed to fetch|fetch/i)).toBeTruthy();
    expect(violations(await axe.run(container))).toEqual([]);

    // Up again: Replay delivers it now, signed with the secret shown.
    await commands.receiverUp(port, secret);
    await user.click(within(delivery).getByRole('button', { name: /^Replay: contact\.created/ }));
    await waitFor(async () => expect((await crm.webhookDeliveries.list()).data[0]?.nextAttemptAt ?? '').not.toBe(''));
    await s.server.automation.tick();
    await waitFor(() => expect(within(log).getByText('Delivered')).toBeTruthy(), { timeout: 15_000 });
    const got = await commands.receiverGot(port);
    const [stored2] = (await crm.webhookDeliveries.list()).data;
    expect(got).toEqual([{ id: `evt_${stored2!.eventId}`, type: 'contact.created', verified: true }]);
    expect(stored2).toMatchObject({ status: 'delivered', lastStatusCode: 204 });
    // The endpoint's last delivery too.
    await waitFor(() => expect(within(row).getByText('Delivered', { selector: '.crm-wh-meta *' })).toBeTruthy());
  });

  it('switches an endpoint off and on, and gives it a new secret shown once', async () => {
    const user = userEvent.setup();
    const crm = s.client();
    const hook = await crm.webhookSubscriptions.create({ url: 'https://hooks.example.com/crm', eventTypes: [] });
    await renderUi(<Webhooks />, { client: crm });
    const row = await endpoint(hook.url);
    expect(within(row).getByText('Every event')).toBeTruthy();
    const on = within(row).getByRole('switch', { name: `Enabled: ${hook.url}` });
    on.focus();
    await user.keyboard(' ');
    await waitFor(async () => expect((await crm.webhookSubscriptions.get(hook.id)).enabled).toBe(false));
    await waitFor(() => expect(on.getAttribute('aria-checked')).toBe('false'));
    await user.click(within(row).getByRole('button', { name: `New secret: ${hook.url}` }));
    const confirm = await screen.findByRole('alertdialog', { name: `A new secret for ${hook.url}?` });
    await user.click(within(confirm).getByRole('button', { name: 'Make a new secret' }));
    const shown = await dialog('The signing secret');
    const secret = (within(shown).getByRole('textbox', { name: 'Secret' }) as HTMLInputElement).value;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(hook.secret);
    expect(within(shown).getByText(/Deliveries are also signed with the old secret until/)).toBeTruthy();
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(within(row).getByRole('button', { name: `New secret: ${hook.url}` }));
  });

  it('speaks Thai', async () => {
    await renderUi(<Webhooks />, { client: s.client(), locale: 'th-TH' });
    const ul = await screen.findByRole('list', { name: 'เว็บฮุก' }, { timeout: 15_000 });
    expect(within(ul).getAllByRole('switch', { name: /^เปิดใช้: / }).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'ปลายทางใหม่' })).toBeTruthy();
  });

  it('is for admins: an agent is told they may not see it', async () => {
    await renderUi(<Webhooks />, { client: s.client({ role: 'agent' }) });
    expect(await screen.findByText('You don’t have access', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New endpoint' })).toBeNull();
  });
});

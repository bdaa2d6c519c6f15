import type { CrmClient } from '@crmkit/client';
import { startSandbox } from '@crmkit/sandbox';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { CompanyCard } from '../src/widgets/company-card/index.js';
import { ContactCard } from '../src/widgets/contact-card/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/shared/cards/cards.css';

let run = 0;
/** A company, a contact at it with channels, tags, a deal, a ticket and a task, in the shared empty sandbox. */
async function customer(crm: CrmClient) {
  run++;
  const company = await crm.companies.create({
    name: `Lotus Trading ${run}`,
    domain: `lotus${run}.vn`,
    industry: 'Retail',
    size: '51-200',
    tags: ['key-account'],
  });
  const lan = await crm.contacts.create({
    firstName: 'Lan',
    lastName: `Nguyễn ${run}`,
    title: 'Head of Sales',
    companyId: company.id,
    emails: [`lan${run}@lotus.vn`],
    phones: ['+84901234567'],
    tags: ['vip'],
    lifecycleStage: 'active',
  });
  const pipelines = await crm.pipelines.list();
  const pipeline =
    pipelines.data[0] ??
    (await crm.pipelines.create({
      name: 'Sales',
      isDefault: true,
      currency: 'VND',
      stages: [
        { name: 'Qualified', probability: 20, kind: 'open' },
        { name: 'Proposal', probability: 60, kind: 'open' },
        { name: 'Won', probability: 100, kind: 'won' },
      ],
    }));
  const deal = await crm.deals.create({
    name: `Annual licence ${run}`,
    amount: 120_000_000,
    currency: 'VND',
    pipelineId: pipeline.id,
    stageId: pipeline.stages[1]!.id,
    contactIds: [lan.id],
    companyId: company.id,
  });
  const ticket = await crm.tickets.create({
    subject: `Invoice is wrong ${run}`,
    requesterId: lan.id,
    priority: 'high',
  });
  const task = await crm.activities.create({
    type: 'task',
    subject: `Call back about renewal ${run}`,
    contactId: lan.id,
    dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  });
  return { company, lan, deal, ticket, task, name: `Lan Nguyễn ${run}` };
}

describe('ContactCard', () => {
  it('shows identity, channels, lifecycle, deals, tickets and the next touch, and lets the host open records', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { company, lan, deal, ticket, task, name } = await customer(crm);
    const onOpenCompany = vi.fn();
    const { container } = await renderUi(<ContactCard contactId={lan.id} onOpenCompany={onOpenCompany} />, {
      client: crm,
    });
    const card = await screen.findByRole('region', { name });
    expect(within(card).getByRole('heading', { level: 2, name })).toBeTruthy();
    expect(within(card).getByText('Active')).toBeTruthy();
    expect(
      within(card)
        .getByRole('link', { name: `Send email: ${lan.emails[0]}` })
        .getAttribute('href'),
    ).toBe(`mailto:${lan.emails[0]}`);
    expect(within(card).getByRole('link', { name: 'Call: +84 90 123 4567' }).getAttribute('href')).toBe(
      'tel:+84901234567',
    );
    expect(within(card).getByRole('link', { name: 'Send SMS: +84 90 123 4567' })).toBeTruthy();
    const deals = await within(card).findByRole('region', { name: 'Open deals' });
    await within(deals).findByText(deal.name);
    expect(within(deals).getByText('₫120,000,000')).toBeTruthy();
    const tickets = within(card).getByRole('region', { name: 'Open tickets' });
    await within(tickets).findByText(ticket.subject);
    await within(card).findByText(new RegExp(task.subject!));
    await userEvent.click(await within(card).findByRole('button', { name: company.name }));
    expect(onOpenCompany).toHaveBeenCalledWith(company.id);
    expect((await axe.run(container)).violations).toEqual([]);
  });

  it('edits a contact inline and persists it; checks the input first', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { lan, name } = await customer(crm);
    await renderUi(<ContactCard contactId={lan.id} />, { client: crm });
    await userEvent.click(await screen.findByRole('button', { name: `Edit ${name}` }));
    const form = await screen.findByRole('form', { name: `Edit ${name}` });
    const email = within(form).getByRole('textbox', { name: 'Email' });
    await userEvent.clear(email);
    await userEvent.type(email, 'not-an-email');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toBe('Fix 1 field to continue.');
    expect(document.activeElement).toBe(email);
    expect(email.getAttribute('aria-invalid')).toBe('true');

    await userEvent.clear(email);
    await userEvent.type(email, 'Lan.New@Lotus.VN');
    const title = within(form).getByRole('textbox', { name: 'Job title' });
    await userEvent.clear(title);
    await userEvent.type(title, 'Chief Revenue Officer');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: /Lifecycle stage/ }), 'loyal');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    // Optimistic: the card shows the change at once, then the server confirms it.
    const card = await screen.findByRole('region', { name });
    await within(card).findByText(/Chief Revenue Officer/);
    await waitFor(async () => {
      const stored = await crm.contacts.get(lan.id);
      expect(stored).toMatchObject({ title: 'Chief Revenue Officer', lifecycleStage: 'loyal' });
      expect(stored.emails).toEqual(['lan.new@lotus.vn']);
    });
    expect(within(card).getByText('Loyal')).toBeTruthy();
  });

  it('asks whose version to keep when someone else changed the contact meanwhile', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { lan, name } = await customer(crm);
    await renderUi(<ContactCard contactId={lan.id} />, { client: crm });
    await userEvent.click(await screen.findByRole('button', { name: `Edit ${name}` }));
    await crm.contacts.update(lan.id, { title: 'Sales Director' }); // another user, while this one types
    const title = await screen.findByRole('textbox', { name: 'Job title' });
    await userEvent.clear(title);
    await userEvent.type(title, 'VP Sales');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this' });
    expect(within(dialog).getByRole('cell', { name: 'VP Sales' })).toBeTruthy();
    expect(within(dialog).getByRole('cell', { name: 'Sales Director' })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () => expect((await crm.contacts.get(lan.id)).title).toBe('VP Sales'));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('on a server without ETags, still asks whose version to keep rather than overwriting a change made meanwhile', async () => {
    const s = await startSandbox({ capabilities: { etags: false } });
    try {
      const crm = s.client();
      const { lan, name } = await customer(crm);
      await renderUi(<ContactCard contactId={lan.id} />, { client: crm });
      await userEvent.click(await screen.findByRole('button', { name: `Edit ${name}` }));
      await crm.contacts.update(lan.id, { title: 'Sales Director' }); // another user, while this one types
      const title = await screen.findByRole('textbox', { name: 'Job title' });
      await userEvent.clear(title);
      await userEvent.type(title, 'VP Sales');
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this' });
      expect(within(dialog).getByRole('cell', { name: 'VP Sales' })).toBeTruthy();
      expect(within(dialog).getByRole('cell', { name: 'Sales Director' })).toBeTruthy();
      expect((await crm.contacts.get(lan.id)).title).toBe('Sales Director');
      await userEvent.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
      await waitFor(async () => expect((await crm.contacts.get(lan.id)).title).toBe('VP Sales'));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    } finally {
      cleanup();
      await s.close();
    }
  });

  it('sends only what the user changed: a field someone else changed meanwhile is not put back', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { lan, name } = await customer(crm);
    // Live: the change below reaches the card while its form is open (the form keeps what it was opened with). The
    // change is made once the card's feed is connected (its response has started), so the feed delivers it.
    let feedOpen = false;
    const live = s.client({
      fetch: async (input, init) => {
        const response = await s.fetch(input, init);
        if (new URL(input).pathname === '/v1/events') feedOpen = true;
        return response;
      },
    });
    await renderUi(<ContactCard contactId={lan.id} />, { client: live, live: true });
    await userEvent.click(await screen.findByRole('button', { name: `Edit ${name}` }));
    await waitFor(() => expect(feedOpen).toBe(true));
    await crm.contacts.update(lan.id, { title: 'Sales Director' }); // another user changes the title
    await screen.findByText(/Sales Director/);
    const first = await screen.findByRole('textbox', { name: 'First name' });
    await userEvent.clear(first);
    await userEvent.type(first, 'Lan Anh');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    // The form was opened before that change: the user is asked, and keeping their own edit leaves the title alone.
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () => expect((await crm.contacts.get(lan.id)).firstName).toBe('Lan Anh'));
    expect((await crm.contacts.get(lan.id)).title).toBe('Sales Director');
  });

  it('renders what customers wrote as text, hides editing from viewers, and has a compact variant', async () => {
    const s = await sandbox();
    const crm = s.client();
    const hostile = await crm.contacts.create({ firstName: '<img src=x onerror=alert(1)>', title: '<b>boss</b>' });
    const { container } = await renderUi(<ContactCard contactId={hostile.id} variant="compact" />, {
      client: s.client({ role: 'viewer' }),
    });
    await screen.findByRole('heading', { name: '<img src=x onerror=alert(1)>' });
    expect(container.querySelector('img, b')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Open deals' })).toBeNull();
  });

  it('shows not-found and error states', async () => {
    await renderUi(<ContactCard contactId="con_doesnotexist" />);
    expect((await screen.findByRole('alert', { name: 'Not found' })).textContent).toContain('deleted');
  });
});

describe('CompanyCard', () => {
  it('rolls up people and open deals, and edits the company', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { company, name } = await customer(crm);
    const onOpenContact = vi.fn();
    const { container } = await renderUi(<CompanyCard companyId={company.id} onOpenContact={onOpenContact} />, {
      client: crm,
    });
    const card = await screen.findByRole('region', { name: company.name });
    const people = await within(card).findByRole('region', { name: 'Contacts' });
    await userEvent.click(await within(people).findByRole('button', { name }));
    expect(onOpenContact).toHaveBeenCalled();
    const deals = within(card).getByRole('region', { name: 'Open deals' });
    await within(deals).findByText('1 open deal · ₫120,000,000 (weighted ₫72,000,000)');
    expect(within(card).getByText('Retail · 51-200 employees')).toBeTruthy();
    expect((await axe.run(container)).violations).toEqual([]);

    await userEvent.click(within(card).getByRole('button', { name: `Edit ${company.name}` }));
    const field = await screen.findByRole('textbox', { name: /Name/ });
    await userEvent.clear(field);
    await userEvent.type(field, 'Lotus Group');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'Lotus Group' });
    await waitFor(async () => expect((await crm.companies.get(company.id)).name).toBe('Lotus Group'));
  });
});

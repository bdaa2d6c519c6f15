import type { CrmClient, Schemas } from '@crmkit/client';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContactCard } from '../src/widgets/contact-card/index.js';
import { ContactsTable } from '../src/widgets/contacts-table/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/styles.css';

/**
 * A client of the sandbox whose `/v1/schema` declares only a few of the contacts' standard fields — as another
 * server implementing the contract might (trimming our server's answer stands in for it).
 */
async function fewFieldsServer(): Promise<CrmClient> {
  const s = await sandbox();
  return s.client({
    fetch: async (input, init) => {
      const response = await s.fetch(input, init);
      if (new URL(input).pathname !== '/v1/schema' || !response.ok) return response;
      const schema = (await response.json()) as Schemas['WorkspaceSchema'];
      schema.fields.contact = schema.fields.contact.filter(
        (f) => f.custom || ['firstName', 'lastName', 'emails'].includes(f.key),
      );
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(JSON.stringify(schema), { status: response.status, headers });
    },
  });
}

let run = 0;
async function customer(admin: CrmClient) {
  run++;
  const company = await admin.companies.create({ name: `Fewfields Trading ${run}` });
  const ownerId = (await admin.me.get()).user!.id;
  const owner = await admin.users.get(ownerId);
  const contact = await admin.contacts.create({
    firstName: 'Hà',
    lastName: `Fewfields ${run}`,
    emails: [`ha${run}@fewfields.vn`],
    companyId: company.id,
    ownerId,
    tags: [`vip-${run}`],
    lifecycleStage: 'loyal',
  });
  await admin.activities.create({ type: 'call', contactId: contact.id, occurredAt: new Date().toISOString() });
  return { company, owner, contact };
}

describe('a server whose schema declares fewer standard fields', () => {
  it('ContactsTable still shows the contract’s standard columns: owner, company, tags, last contacted, stage', async () => {
    const client = await fewFieldsServer();
    const { company, owner } = await customer((await sandbox()).client());
    await renderUi(<ContactsTable />, { client });
    const grid = await screen.findByRole('grid', { name: 'Contacts' });
    // Declared fields keep the server's labels ("Emails"); the others are labelled from the catalog.
    for (const header of ['Name', 'Emails', 'Phone', 'Lifecycle stage', 'Owner', 'Company', 'Tags', 'Last touch']) {
      await within(grid).findByRole('columnheader', { name: header });
    }
    const row = (await within(grid).findByRole('rowheader', { name: new RegExp(`Fewfields ${run}`) })).closest('tr')!;
    await within(row).findByText(owner.name);
    await within(row).findByText(company.name);
    expect(within(row).getByText(`vip-${run}`)).toBeTruthy();
    expect(within(row).getByText('Loyal')).toBeTruthy();
    await waitFor(() => expect(row.querySelector('time')).not.toBeNull());
    expect(screen.getByRole('combobox', { name: 'Lifecycle stage' })).toBeTruthy();
  });

  it('the cards show their standard fields whatever the schema declares', async () => {
    const client = await fewFieldsServer();
    const { company, owner, contact } = await customer((await sandbox()).client());
    await renderUi(<ContactCard contactId={contact.id} />, { client });
    const card = await screen.findByRole('region', { name: `Hà Fewfields ${run}` });
    await within(card).findByText(owner.name);
    await within(card).findByText(company.name);
    expect(within(card).getByText(`vip-${run}`)).toBeTruthy();
    expect(within(card).getByText('Last touch')).toBeTruthy();
    expect(within(card).getByText('Loyal')).toBeTruthy();
  });
});

import type { RecordOf } from '@crmkit/client';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useId, useState } from 'react';
import { expect, within } from 'storybook/test';
import { useStoryCrm } from '../crmkit.js';

type Contact = RecordOf<'contacts'>;
type State = { status: 'loading' } | { status: 'ready'; contacts: Contact[] } | { status: 'error'; message: string };

/** The first 10 contacts of the sandbox's main workspace, fetched through the story's client: no mocks. */
function SandboxContacts() {
  const { client, sandbox, role, locale } = useStoryCrm();
  const [state, setState] = useState<State>({ status: 'loading' });
  const headingId = useId();

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    client.contacts.list({ limit: 10 }, { signal: abort.signal }).then(
      (page) => setState({ status: 'ready', contacts: page.data }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'error', message: String(error) });
      },
    );
    return () => abort.abort();
  }, [client]);

  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Contacts of {sandbox?.workspaces[0]?.name}</h2>
      <p>
        Served by the reference server running in this tab on PGlite, signed in as <strong>{role}</strong>.
      </p>
      {state.status === 'loading' && <p role="status">Loading contacts…</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && (
        <table>
          <caption>First {state.contacts.length} contacts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Lifecycle stage</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {state.contacts.map((contact) => (
              <tr key={contact.id}>
                <th scope="row">{`${contact.firstName} ${contact.lastName}`.trim()}</th>
                <td>{contact.emails[0] ?? '—'}</td>
                <td>{contact.lifecycleStage}</td>
                <td>{date.format(new Date(contact.updatedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const meta = {
  title: 'Reference server/Sandbox',
  component: SandboxContacts,
  parameters: { crmkit: { seed: 'demo' } },
} satisfies Meta<typeof SandboxContacts>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the table of the real server's answer and checks it holds the first 10 contacts. */
async function expectContactsTable(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const table = await canvas.findByRole('table', { name: /first 10 contacts/i }, { timeout: 15_000 });
  const rows = within(table).getAllByRole('row');
  // A header row and 10 contacts.
  await expect(rows).toHaveLength(11);
  await expect(within(table).getByRole('columnheader', { name: 'Email' })).toBeVisible();
}

export const Admin: Story = {
  play: async ({ canvasElement }) => {
    await expectContactsTable(canvasElement);
    await expect(within(canvasElement).getByRole('heading', { level: 2, name: /contacts of/i })).toBeVisible();
  },
};

/** The same table through the viewer's API key: read access is enough. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async ({ canvasElement }) => {
    await expectContactsTable(canvasElement);
    await expect(within(canvasElement).getByText('viewer', { selector: 'strong' })).toBeVisible();
  },
};

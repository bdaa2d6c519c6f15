import { NetworkError, NotFoundError } from '@crmkit/client';
import { useRecord } from '@crmkit/react';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StateView, stateOfError } from '../src/index.js';
import { ContactCard } from '../src/widgets/contact-card/index.js';
import { renderUi, sandbox } from './harness.js';

/** The error a real request fails with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

/** A record as a widget loads it. */
function Contact({ id }: { id: string }) {
  const { data, error, isPending, refetch } = useRecord('contacts', id);
  if (isPending) return <StateView state="loading" entity="contact" />;
  if (error) return <StateView error={error} onRetry={() => refetch()} />;
  return <p>{data.firstName}</p>;
}

describe('StateView maps real errors from the reference server', () => {
  it('a viewer creating a contact gets ForbiddenError → "You don’t have access", no retry', async () => {
    const error = await failure((await sandbox()).client({ role: 'viewer' }).contacts.create({ firstName: 'Lan' }));
    expect((error as Error).name).toBe('ForbiddenError');
    expect(stateOfError(error)).toBe('forbidden');
    const onRetry = vi.fn();
    await renderUi(<StateView error={error} onRetry={onRetry} />);
    const alert = screen.getByRole('alert', { name: 'You don’t have access' });
    expect(alert.textContent).toContain('Ask an administrator');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('a missing contact gets NotFoundError → "Not found", in Vietnamese too', async () => {
    const error = await failure((await sandbox()).client().contacts.get('con_nope'));
    expect(error).toBeInstanceOf(NotFoundError);
    await renderUi(<StateView error={error} />, { locale: 'vi-VN' });
    expect(await screen.findByRole('alert', { name: 'Không tìm thấy' })).toBeTruthy();
  });

  it('no connection gets NetworkError → offline, with a retry that calls onRetry', async () => {
    const offline = (await sandbox()).client({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      retry: false,
    });
    const error = await failure(offline.contacts.list());
    expect(error).toBeInstanceOf(NetworkError);
    const user = userEvent.setup();
    const onRetry = vi.fn();
    await renderUi(<StateView error={error} onRetry={onRetry} />);
    expect(screen.getByRole('alert', { name: 'You’re offline' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('other failures get the generic error with retry and the request id to quote', async () => {
    const error = Object.assign(new Error('Internal'), { name: 'ServerError', status: 500, requestId: 'req_42' });
    await renderUi(<StateView error={error} onRetry={() => {}} />, { locale: 'th-TH' });
    const alert = await screen.findByRole('alert', { name: 'เกิดข้อผิดพลาด' });
    expect(alert.textContent).toContain('รหัสอ้างอิง: req_42');
    expect(screen.getByRole('button', { name: 'ลองอีกครั้ง' })).toBeTruthy();
  });

  it('works with the error of a hook, as a widget uses it', async () => {
    await renderUi(<Contact id="con_missing" />);
    expect(screen.getByRole('status', { name: 'Loading contacts…' }).getAttribute('aria-busy')).toBe('true');
    expect(await screen.findByRole('alert', { name: 'Not found' }, { timeout: 10_000 })).toBeTruthy();
  });

  it('empty and no-results are statuses; title, description and action can be replaced', async () => {
    await renderUi(
      <>
        <StateView state="no-results" />
        <StateView
          title="No notes"
          description="Notes you add appear here."
          action={<button type="button">Add</button>}
        />
      </>,
    );
    expect(screen.getByRole('status', { name: 'No results' })).toBeTruthy();
    const custom = screen.getByRole('status', { name: 'No notes' });
    expect(custom.textContent).toContain('Notes you add appear here.');
    expect(screen.getByRole('button', { name: 'Add' })).toBeTruthy();
  });
});

describe('a failing token endpoint', () => {
  it('says so: a developer detail in every widget’s error state, and one console error naming the token endpoint', async () => {
    // The host's token endpoint answers 502 with an HTML page; getToken reads it as the docs show.
    const getToken = vi.fn(() =>
      Promise.resolve(new Response('<html><h1>502 Bad Gateway</h1></html>', { status: 502 })).then((r) => r.json()),
    );
    const client = (await sandbox()).client({ auth: { getToken } });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await renderUi(
        <>
          <ContactCard contactId="con_one" />
          <ContactCard contactId="con_two" />
        </>,
        { client },
      );
      await waitFor(() => expect(screen.getAllByRole('alert', { name: 'Something went wrong' })).toHaveLength(2));
      const alerts = screen.getAllByRole('alert', { name: 'Something went wrong' });
      for (const alert of alerts) {
        // Tests run a development build (NODE_ENV is not "production").
        expect(alert.textContent).toMatch(/Development: no embed token \(getToken failed: SyntaxError/);
        expect(alert.textContent).toContain('check the token endpoint your getToken calls');
      }
      const logs = consoleError.mock.calls.filter(([message]) => String(message).includes('token endpoint'));
      expect(logs).toHaveLength(1);
      expect(logs[0]![0]).toMatch(/^crmkit: the widgets show an error as they got no embed token \(getToken failed/);
      expect(logs[0]![1]).toMatchObject({ name: 'AuthError', reason: 'token', status: 0 });
      expect((logs[0]![1] as Error).cause).toBeInstanceOf(SyntaxError);
    } finally {
      consoleError.mockRestore();
    }
  });

  it('shows other errors as before, without a developer detail', async () => {
    const error = await failure((await sandbox()).client({ role: 'viewer' }).contacts.create({ firstName: 'Lan' }));
    await renderUi(<StateView error={error} />);
    const alert = screen.getByRole('alert', { name: 'You don’t have access' });
    expect(alert.querySelector('[data-crm-development]')).toBeNull();
  });
});

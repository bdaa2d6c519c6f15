import type { Campaign, CrmClient, Segment } from '@crmkit/client';
import { type Sandbox, startSandbox } from '@crmkit/sandbox';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CampaignComposer } from '../src/widgets/campaign-composer/index.js';
import { renderUi } from './harness.js';

const violations = (r: axe.AxeResults) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
const WAIT = { timeout: 20_000 };
const field = (name: RegExp | string) => screen.findByRole('textbox', { name }, WAIT);
const preview = () => screen.findByRole('region', { name: 'Preview' }, WAIT);

/** What the server's e-mail channel was given: an adapter that keeps each message, as a sink in the page. */
const sent: { to: string; subject: string | null; text: string; headers?: Record<string, string> | null }[] = [];
let sandbox: Sandbox;
let crm: CrmClient;
let segment: Segment;
let me: { email: string };

beforeAll(async () => {
  sandbox = await startSandbox({
    automation: {
      channels: [
        {
          channel: 'email' as const,
          send: async (m) => {
            sent.push(m);
            return { providerId: null };
          },
        },
      ],
    },
  });
  crm = sandbox.client();
  me = (await crm.me.get()).user!;
  await crm.contacts.create({ firstName: 'Lan', lastName: 'Phạm', emails: ['lan@example.vn'], tags: ['vip'] });
  await crm.contacts.create({ firstName: '', lastName: 'Trần', emails: ['tran@example.vn'], tags: ['vip'] });
  segment = await crm.segments.create({ name: 'VIPs', filter: { field: 'tags', op: 'in', value: ['vip'] } });
});

beforeEach(async () => {
  sent.length = 0;
  for (const c of (await crm.campaigns.list({ limit: 100 })).data) {
    if (c.status === 'draft') await crm.campaigns.remove(c.id);
  }
});

const draft = (body: Partial<Campaign> = {}) =>
  crm.campaigns.create({
    name: 'Renewal',
    segmentId: segment.id,
    channel: 'email',
    subject: 'Offer for {{contact.firstName|you}}',
    template: 'Hello {{contact.firstName|friend}}, renew today.',
    ...body,
  });

/** The recipient the preview shows, and its message. */
async function shownRecipient() {
  const region = await preview();
  const line = await within(region).findByText(/^Recipient \d of 2: /, {}, WAIT);
  return { region, name: line.textContent!.replace(/^Recipient \d of 2: /, '').split(' · ')[0]! };
}

describe('CampaignComposer', () => {
  it('composes a new campaign: segment with its live count, a placeholder with a fallback, a preview per real recipient; axe clean', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const { container } = await renderUi(<CampaignComposer onSaved={onSaved} />, { client: crm });
    await user.type(await field(/Campaign name/), 'Renewal');
    await user.selectOptions(screen.getByRole('combobox', { name: /Segment/ }), segment.id);
    await screen.findByText('2 members now', {}, WAIT);
    await user.type(await field(/Subject/), 'Offer');
    const template = await field(/Message/);
    await user.type(template, 'Hello ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Placeholder' }), 'contact.firstName');
    await user.type(screen.getByRole('textbox', { name: 'If it is missing' }), 'friend');
    await user.click(screen.getByRole('button', { name: 'Insert placeholder' }));
    expect(template).toHaveProperty('value', 'Hello {{contact.firstName|friend}}');
    await waitFor(() => expect(document.activeElement).toBe(template));

    // Each real recipient in turn: Lan by name; Trần, who has no first name, gets the fallback.
    const { region } = await shownRecipient();
    const seen = new Map<string, string>();
    for (let i = 0; i < 2; i++) {
      const { name } = await shownRecipient();
      seen.set(name, within(region).getByRole('article').textContent!);
      await user.click(within(region).getByRole('button', { name: 'Next recipient' }));
    }
    expect(seen.get('Phạm Lan') ?? seen.get('Lan Phạm')).toContain('Hello Lan');
    expect(seen.get('Trần')).toContain('Hello friend');
    expect(violations(await axe.run(container))).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), WAIT);
    const saved = onSaved.mock.calls[0]![0] as Campaign;
    expect(await crm.campaigns.get(saved.id)).toMatchObject({
      name: 'Renewal',
      subject: 'Offer',
      template: 'Hello {{contact.firstName|friend}}',
      status: 'draft',
    });
  });

  it('shows the server’s error on the template field when saving a placeholder the workspace lacks', async () => {
    const user = userEvent.setup();
    const campaign = await draft();
    await renderUi(<CampaignComposer campaignId={campaign.id} />, { client: crm });
    const template = await field(/Message/);
    await user.clear(template);
    await user.click(template);
    await user.paste('Hi {{contact.frist}}');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('The campaign could not be saved; see the fields marked.', {}, WAIT);
    await waitFor(() => expect(template).toHaveAttribute('aria-invalid', 'true'));
    expect(template).toHaveAccessibleDescription(/There is no field contact\.frist to fill in\./);
    expect((await crm.campaigns.get(campaign.id)).template).toBe(campaign.template);
  });

  it('sends a test to the user, as the previewed recipient gets it, without touching the campaign', async () => {
    const user = userEvent.setup();
    const campaign = await draft();
    await renderUi(<CampaignComposer campaignId={campaign.id} />, { client: crm });
    const { region } = await shownRecipient();
    await user.click(within(region).getByRole('button', { name: 'Next recipient' }));
    const { name } = await shownRecipient();
    await user.click(screen.getByRole('button', { name: 'Send a test to me' }));
    await screen.findByText(`Test sent to ${me.email}, as ${name} would get it.`, {}, WAIT);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: me.email, headers: { 'X-Crmkit-Test': 'true' } });
    expect(sent[0]!.subject).toMatch(/^\[Test\] Offer for /);
    expect(sent[0]!.text).toBe(within(region).getByRole('article').querySelector('.crm-cc-text')!.textContent);
    expect(await crm.campaigns.get(campaign.id)).toMatchObject({ version: campaign.version, stats: campaign.stats });
  });

  it('schedules at a time in the recipients’ zones after confirming, then cancels; focus stays in the widget', async () => {
    const user = userEvent.setup();
    const campaign = await draft();
    const onScheduled = vi.fn();
    const onCancelled = vi.fn();
    await renderUi(<CampaignComposer campaignId={campaign.id} onScheduled={onScheduled} onCancelled={onCancelled} />, {
      client: crm,
    });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'When' }, WAIT), 'later');
    fireEvent.change(screen.getByLabelText(/Date and time/), { target: { value: '2099-01-15T09:00' } });
    await user.selectOptions(screen.getByRole('combobox', { name: 'In the time zone of' }), 'recipient');
    await user.type(screen.getByRole('spinbutton', { name: /At most per hour/ }), '100');
    await user.click(screen.getByRole('button', { name: 'Schedule…' }));
    const dialog = await screen.findByRole(
      'alertdialog',
      { name: /^Schedule the campaign for .*2099.*\(Each recipient\)\?$/ },
      WAIT,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(onScheduled).toHaveBeenCalled(), WAIT);
    const status = await screen.findByText(/^Scheduled for /, {}, WAIT);
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(await crm.campaigns.get(campaign.id)).toMatchObject({
      status: 'scheduled',
      schedule: { localTime: expect.stringMatching(/^2099-01-15T09:00/), timeZone: 'recipient' },
      throttlePerHour: 100,
    });
    expect(screen.getByRole('textbox', { name: /Message/ })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Cancel campaign…' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Cancel “Renewal”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel campaign' }));
    await screen.findByText('Cancelled', {}, WAIT);
    expect(onCancelled).toHaveBeenCalled();
    expect((await crm.campaigns.get(campaign.id)).status).toBe('cancelled');
  });

  it('says so on a server without campaigns', async () => {
    const core = await startSandbox({ capabilities: { campaigns: false } });
    await renderUi(<CampaignComposer />, { client: core.client() });
    await screen.findByText('Campaigns are not available on this server', {}, WAIT);
  });
});

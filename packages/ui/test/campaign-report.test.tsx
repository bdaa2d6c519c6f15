import type { CrmClient } from '@crmkit/client';
import { respondToCampaign, type Sandbox, sendCampaign, startSandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CampaignReport } from '../src/widgets/campaign-report/index.js';
import { renderUi, sandbox } from './harness.js';

const violations = (r: axe.AxeResults) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

let s: Sandbox;
let crm: CrmClient;
let campaignId: string;
const contacts: Record<string, string> = {};

/** The cells of a table's row (its header cell first), by the row's name. */
const cells = (table: HTMLElement, name: string | RegExp) =>
  [...within(table).getByRole('row', { name }).children].map((c) => c.textContent);

/**
 * A campaign sent for real by the reference server (a sending process on the sandbox's database, its messages kept
 * in memory), opened and clicked through the messages' own signed tracking links: six members, two skipped (no
 * consent, no address), four sent; An clicks, Dung only opens.
 */
beforeAll(async () => {
  s = await sandbox('empty');
  crm = s.client();
  const add = async (name: string, body: object) => {
    contacts[name] = (await crm.contacts.create({ firstName: name, tags: ['campaign-report'], ...body })).id;
  };
  await add('An', { lastName: 'Nguyễn', emails: ['an@example.test'], consent: { email: true } });
  await add('Bao', { emails: ['bao@example.test'] });
  await add('Chi', { consent: { email: true } });
  await add('Dung', { emails: ['dung@example.test'], consent: { email: true } });
  await add('Evil', { lastName: '<img src=x onerror=alert(1)>', emails: ['e@example.test'], consent: { email: true } });
  await add('Phuc', { emails: ['phuc@example.test'], consent: { email: true } });
  const segment = await crm.segments.create({
    name: 'Report members',
    filter: { field: 'tags', op: 'in', value: ['campaign-report'] },
  });
  const campaign = await crm.campaigns.create({
    name: 'Renewal offer',
    segmentId: segment.id,
    channel: 'email',
    subject: 'Ưu đãi cho {{contact.firstName|bạn}}',
    template: 'Chào {{contact.firstName|bạn}}, gia hạn tại https://club.example/offer nhé.',
  });
  campaignId = campaign.id;
  await crm.campaigns.schedule(campaignId);
  const sent = await sendCampaign(s, campaignId);
  expect(sent.map((m) => m.to).sort()).toEqual([
    'an@example.test',
    'dung@example.test',
    'e@example.test',
    'phuc@example.test',
  ]);
  await respondToCampaign(s, sent.find((m) => m.to === 'an@example.test')!, 'click');
  await respondToCampaign(s, sent.find((m) => m.to === 'dung@example.test')!, 'open');
});

afterEach(() => vi.restoreAllMocks());

/** A CSV file's lines, without its byte-order mark. */
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

const funnel = () => screen.findByRole('table', { name: 'Funnel' }, { timeout: 20_000 });

describe('CampaignReport', () => {
  it('shows the funnel with counts and rates as a table, the opens and clicks with a text alternative; axe clean', async () => {
    const { container } = await renderUi(<CampaignReport campaignId={campaignId} />, { client: crm });
    const table = await funnel();
    expect(screen.getByRole('heading', { level: 2, name: 'Renewal offer' })).toBeTruthy();
    expect(cells(table, /^Audience/)).toEqual(['Audience', '6', '', '']);
    expect(cells(table, /^Sent/)).toEqual(['Sent', '4', '66.7% of the audience', '']);
    expect(cells(table, /^Delivered/)).toEqual(['Delivered', '2', '50% of those sent', '']);
    expect(cells(table, /^Opened/)).toEqual(['Opened', '2', '50% of those sent', '']);
    expect(cells(table, /^Clicked/)).toEqual(['Clicked', '1', '25% of those sent', '']);
    expect(cells(table, /^Replied/)).toEqual(['Replied', '0', '0% of those sent', '']);
    expect(cells(table, /^Converted/)).toEqual(['Converted', '0', '0% of those sent', '']);
    expect(cells(table, /^Skipped/)).toEqual(['Skipped', '2', '33.3% of the audience', '']);
    expect(cells(table, /^Bounced/)).toEqual(['Bounced', '0', '0% of those sent', '']);
    expect(cells(table, /^Opted out/)).toEqual(['Opted out', '0', '0% of those sent', '']);
    expect(cells(table, /^Failed/)).toEqual(['Failed', '0', '0% of the audience', '']);
    // The bars are decoration: hidden from assistive technology.
    for (const bar of table.querySelectorAll('.crm-cr-bar-cell')) expect(bar.getAttribute('aria-hidden')).toBe('true');

    const chart = screen.getByRole('img', { name: /^Opens and clicks per hour, .+: 2 opens, 1 clicks$/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const series = screen.getByRole('table', { name: 'Opens and clicks' });
    const [, ...buckets] = within(series).getAllByRole('row');
    expect(buckets.map((r) => [...r.children].slice(1).map((c) => c.textContent))).toEqual([['2', '1']]);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Per day' }));
    await waitFor(() => expect(screen.getByRole('img', { name: /^Opens and clicks per day, / })).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Per day' }).getAttribute('aria-pressed')).toBe('true');

    await screen.findByRole('table', { name: 'Recipients' });
    // To aim the next campaign: the segment's responses by send hour and by member attribute (An clicked: 1 of 4).
    const hours = await screen.findByRole('table', { name: /By channel and local send hour$/ });
    const [, hour] = within(hours).getAllByRole('row');
    expect([...hour!.children].map((c) => c.textContent)).toEqual([
      'E-mail',
      expect.stringMatching(/^\d{2}:00$/),
      '4',
      '2',
      '1',
      '25%',
    ]);
    const attributes = screen.getByRole('table', { name: /By member attribute$/ });
    expect(cells(attributes, /^Tags campaign-report/)).toEqual(['Tags', 'campaign-report', '4', '2', '1', '25%']);
    expect(violations(await axe.run(container))).toEqual([]);
  });

  it('lists the recipients with status and times, filters by status, and opens a contact', async () => {
    const user = userEvent.setup();
    const onOpenContact = vi.fn();
    await renderUi(<CampaignReport campaignId={campaignId} onOpenContact={onOpenContact} />, { client: crm });
    const table = await screen.findByRole('table', { name: 'Recipients' }, { timeout: 20_000 });
    expect(within(table).getAllByRole('row')).toHaveLength(7);
    expect(await screen.findByText('6 recipients')).toBeTruthy();
    expect(cells(table, /^Bao/).slice(0, 4)).toEqual(['Bao', 'bao@example.test', 'Skipped (no consent)', '—']);
    expect(cells(table, /^Chi/).slice(0, 3)).toEqual(['Chi', '—', 'Skipped (no address)']);
    const an = cells(table, /^Nguyễn An/);
    expect(an.slice(0, 3)).toEqual(['Nguyễn An', 'an@example.test', 'Clicked']);
    expect(an[3]).toMatch(/\d{1,2}:\d{2}/);
    // A hostile name is text, never markup.
    expect(within(table).getByText('Evil <img src=x onerror=alert(1)>')).toBeTruthy();
    expect(table.querySelector('img')).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Clicked');
    expect(await screen.findByText('1 recipient')).toBeTruthy();
    const clicked = within(screen.getByRole('table', { name: 'Recipients' })).getAllByRole('row');
    expect(clicked.map((r) => r.firstElementChild!.textContent)).toEqual(['Contact', 'Nguyễn An']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Replied');
    expect(await screen.findByText('No recipients with this status')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'All statuses');
    await user.click(await screen.findByRole('button', { name: 'Dung' }));
    expect(onOpenContact).toHaveBeenCalledWith(contacts.Dung);
  });

  it('pages the recipients with Load more', async () => {
    const user = userEvent.setup();
    await renderUi(<CampaignReport campaignId={campaignId} pageSize={4} />, { client: crm });
    const table = await screen.findByRole('table', { name: 'Recipients' }, { timeout: 20_000 });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(7));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('exports the recipients of the status shown as a CSV file', async () => {
    const user = userEvent.setup();
    const files: { blob: Blob; name: string }[] = [];
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:campaign-report-test';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ blob: blob!, name: this.download });
    });
    await renderUi(<CampaignReport campaignId={campaignId} />, { client: crm });
    await screen.findByRole('table', { name: 'Recipients' }, { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const all = lines(await files[0]!.blob.text());
    expect(files[0]!.name).toBe('Renewal-offer.csv');
    expect(all).toHaveLength(7);
    expect(all[0]).toMatch(/status/i);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Clicked');
    await screen.findByText('1 recipient');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(2));
    const clicked = lines(await files[1]!.blob.text());
    expect(files[1]!.name).toBe('Renewal-offer-Clicked.csv');
    expect(clicked).toHaveLength(2);
    expect(clicked[1]).toContain('an@example.test');
    expect(clicked[1]).toContain('clicked');
  });

  it('writes numbers and dates the Thai way, with the Buddhist era', async () => {
    await renderUi(<CampaignReport campaignId={campaignId} />, { client: crm, locale: 'th-TH' });
    const table = await screen.findByRole('table', { name: 'ผู้รับ' }, { timeout: 20_000 });
    const year = new Date().getFullYear() + 543;
    expect(within(table).getAllByText(new RegExp(String(year))).length).toBeGreaterThan(0);
    expect(cells(await screen.findByRole('table', { name: 'กรวยการตอบรับ' }), /^ส่งแล้ว/)[2]).toBe('66.7% ของผู้รับทั้งหมด');
  });

  it('follows a campaign while it sends: the funnel and the recipients refresh as responses come in', async () => {
    const segmentId = (await crm.campaigns.get(campaignId)).segmentId;
    // Throttled to one an hour: after the first message it stays `sending`.
    const live = await crm.campaigns.create({
      name: 'Slow drip',
      segmentId,
      channel: 'email',
      subject: 'Hi',
      template: 'Hello, see https://club.example/drip',
      throttlePerHour: 1,
    });
    await crm.campaigns.schedule(live.id);
    const [first] = await sendCampaign(s, live.id);
    expect((await crm.campaigns.get(live.id)).status).toBe('sending');
    await renderUi(<CampaignReport campaignId={live.id} />, { client: crm });
    expect(await screen.findByText('Updating as messages go out', {}, { timeout: 20_000 })).toBeTruthy();
    const table = await funnel();
    expect(cells(table, /^Opened/)[1]).toBe('0');
    await screen.findByRole('table', { name: 'Recipients' });
    await respondToCampaign(s, first!, 'open');
    // No reload, no feed (the harness turns it off): the report polls while the campaign sends.
    await waitFor(() => expect(cells(table, /^Opened/)[1]).toBe('1'), { timeout: 15_000 });
    await waitFor(
      () => expect(within(screen.getByRole('table', { name: 'Recipients' })).getByText('Opened')).toBeTruthy(),
      { timeout: 15_000 },
    );
    await crm.campaigns.cancel(live.id);
  });

  it('says a draft has not been sent, and degrades on a server without campaigns', async () => {
    const draft = await crm.campaigns.create({
      name: 'Later',
      segmentId: (await crm.campaigns.get(campaignId)).segmentId,
      channel: 'email',
      subject: 'Hi',
      template: 'Hello',
    });
    const { unmount } = await renderUi(<CampaignReport campaignId={draft.id} />, { client: crm });
    expect(await screen.findByText(/^Not sent yet/, {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    unmount();
    const core = await startSandbox({ capabilities: { campaigns: false } });
    await renderUi(<CampaignReport campaignId={campaignId} />, { client: core.client() });
    expect(await screen.findByText('This server has no campaigns', {}, { timeout: 20_000 })).toBeTruthy();
    await core.close();
  });
});

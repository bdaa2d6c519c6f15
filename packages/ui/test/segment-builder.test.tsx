import type { CrmClient, Segment, SegmentFilter } from '@crmkit/client';
import { startSandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { Profiler } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { SegmentBuilder } from '../src/widgets/segment-builder/index.js';
import { renderUi, sandbox } from './harness.js';

const violations = (r: axe.AxeResults) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
const conditions = () => screen.findByRole('group', { name: 'Conditions' }, { timeout: 20_000 });
const row = (name: string | RegExp) => screen.getByRole('group', { name });
const select = (scope: HTMLElement, name: string) => within(scope).getByRole('combobox', { name });
const countText = () => screen.getAllByRole('status').find((s) => s.classList.contains('crm-sb-count'))?.textContent;

let fitness: CrmClient;
/** The first and last day of this month in the workspace's time zone. */
let month: { first: string; last: string };

beforeAll(async () => {
  const s = await sandbox('fitness');
  fitness = s.client();
  const zone = (await fitness.schema.get()).workspace.timeZone;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(s.clock.now());
  const [y, m] = today.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  month = { first: `${y}-${mm}-01`, last: `${y}-${mm}-${days}` };
}, 120_000);

describe('SegmentBuilder', () => {
  it('builds "members whose membership expires this month" with a live count and sample, and saves it; axe clean', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const { container } = await renderUi(<SegmentBuilder onSaved={onSaved} />, { client: fitness });
    const tree = await conditions();
    expect(countText()).toBe('Add a condition to see who matches.');

    await user.click(within(tree).getByRole('button', { name: 'Add condition' }));
    const first = row('Condition 1');
    expect(document.activeElement).toBe(select(first, 'Field'));
    await user.selectOptions(select(first, 'Field'), 'Membership expiry');
    const one = row('Condition 1: Membership expiry');
    await user.selectOptions(select(one, 'Comparison'), 'is on or after');
    await user.type(within(one).getByLabelText('Value'), month.first);
    await user.click(within(tree).getAllByRole('button', { name: 'Add condition' })[0]!);
    await user.selectOptions(select(row('Condition 2'), 'Field'), 'Membership expiry');
    const two = row('Condition 2: Membership expiry');
    await user.selectOptions(select(two, 'Comparison'), 'is on or before');
    await user.type(within(two).getByLabelText('Value'), month.last);

    // Counted by the segment preview; checked against a plain search of the same dates.
    const filter = {
      and: [
        { field: 'customFields.membershipExpiry', op: 'gte' as const, value: month.first },
        { field: 'customFields.membershipExpiry', op: 'lte' as const, value: month.last },
      ],
    };
    const expected = (await fitness.contacts.search({ filter, count: true, limit: 1 })).count!.value;
    expect(expected).toBeGreaterThan(0);
    await waitFor(() => expect(countText()).toBe(`${expected} members match`), { timeout: 10_000 });
    const sample = screen.getByRole('list', { name: 'Sample of who matches' });
    expect(within(sample).getAllByRole('listitem').length).toBe(Math.min(5, expected));
    expect(violations(await axe.run(container))).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    expect(await screen.findByText('Give the segment a name.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /Segment name/ }), 'Memberships expiring this month');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const saved = onSaved.mock.calls[0]![0] as Segment;
    expect(saved).toMatchObject({ name: 'Memberships expiring this month', resource: 'contacts', filter });
    expect((await fitness.segments.members(saved.id, { limit: 1, count: true })).count?.value).toBe(expected);

    // Renamed: the second save updates the same segment.
    const name = screen.getByRole('textbox', { name: /Segment name/ });
    await user.clear(name);
    await user.type(name, 'Renewals due this month');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2));
    expect((await fitness.segments.get(saved.id)).name).toBe('Renewals due this month');
    await fitness.segments.remove(saved.id);
  });

  it('removes, moves and regroups conditions from the keyboard without losing focus', async () => {
    const user = userEvent.setup();
    await renderUi(<SegmentBuilder />, { client: fitness });
    const tree = await conditions();
    const add = within(tree).getByRole('button', { name: 'Add condition' });
    for (const field of ['Membership plan', 'Visits', 'Tags']) {
      add.focus();
      await user.keyboard('{Enter}');
      await user.selectOptions(document.activeElement as HTMLSelectElement, field);
    }
    expect(row('Condition 2: Visits')).toBeTruthy();

    // Removing the middle row: focus goes to the row now in its place.
    within(row('Condition 2: Visits')).getByRole('button', { name: 'Remove condition 2' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(select(row('Condition 2: Tags'), 'Field'));

    // Into a group of its own, by the row's menu: focus stays on that row's menu button.
    within(row('Condition 2: Tags')).getByRole('button', { name: 'More actions for condition 2' }).focus();
    await user.keyboard('{ArrowDown}');
    await user.click(await screen.findByRole('menuitem', { name: 'Put in a group of its own' }));
    const nested = within(tree).getByRole('group', { name: 'Group: match any of these' });
    expect(within(nested).getByRole('group', { name: 'Condition 2: Tags' })).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(within(nested).getByRole('button', { name: 'More actions for condition 2' })),
    );

    // Removing the last rows: focus to the one before, then to the group's "Add condition".
    within(nested).getByRole('button', { name: 'Remove condition 2' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(nested).getByRole('button', { name: 'Add condition' }));
    within(row('Condition 1: Membership plan')).getByRole('button', { name: 'Remove condition 1' }).focus();
    await user.keyboard('{Enter}');
    // The group now in its place is empty: its "Add condition".
    expect(document.activeElement).toBe(
      within(row('Group: match any of these')).getByRole('button', { name: 'Add condition' }),
    );
  });

  it('shows a server validation error on the row it is about, and marks incomplete rows on save', async () => {
    const user = userEvent.setup();
    let commits = 0;
    await renderUi(
      <Profiler id="builder" onRender={() => commits++}>
        <SegmentBuilder />
      </Profiler>,
      { client: fitness },
    );
    const tree = await conditions();
    await user.click(within(tree).getByRole('button', { name: 'Add condition' }));
    await user.selectOptions(select(row('Condition 1'), 'Field'), 'Membership plan');
    await user.selectOptions(
      within(row('Condition 1: Membership plan')).getByRole('combobox', { name: 'Value' }),
      'Premium',
    );
    await user.click(within(tree).getAllByRole('button', { name: 'Add condition' })[0]!);
    await user.selectOptions(select(row('Condition 2'), 'Field'), 'Birthday');
    const birthday = row('Condition 2: Birthday');
    await user.selectOptions(select(birthday, 'Comparison'), 'anniversary in the next … days');
    await user.type(within(birthday).getByRole('spinbutton', { name: 'Number of days' }), '400');
    await waitFor(() => expect(within(row('Condition 2: Birthday')).getByText(/at most 365 days/)).toBeTruthy(), {
      timeout: 10_000,
    });
    expect(within(row('Condition 1: Membership plan')).queryByText(/at most/)).toBeNull();
    expect(row('Condition 2: Birthday').getAttribute('aria-describedby')).toBeTruthy();
    // The error is shown once: the form is at rest afterwards, not re-rendering in a loop.
    const before = commits;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(commits - before).toBeLessThan(3);

    await user.click(within(tree).getAllByRole('button', { name: 'Add condition' })[0]!);
    await user.type(screen.getByRole('textbox', { name: /Segment name/ }), 'Birthdays');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    expect(within(row('Condition 3')).getByText('Complete this condition or remove it.')).toBeTruthy();
  });

  it('shows a viewer the conditions as sentences with the count, and nothing to change', async () => {
    const s = await sandbox('fitness');
    const saved = await fitness.segments.create({
      name: 'Premium members',
      filter: {
        and: [
          { field: 'customFields.membershipPlan', op: 'in', value: ['premium'] },
          { activity: { types: ['meeting'], inLastDays: 21 }, has: false },
        ],
      },
    });
    const expected = (await fitness.segments.members(saved.id, { limit: 1, count: true })).count!.value;
    await renderUi(<SegmentBuilder segmentId={saved.id} />, { client: s.client({ role: 'viewer' }) });
    const tree = await conditions();
    expect(within(tree).getByText('Membership plan')).toBeTruthy();
    expect(within(tree).getByText('Premium')).toBeTruthy();
    expect(within(tree).getByRole('group', { name: 'Condition 2: Activity' }).textContent).toBe(
      'had no Meeting in the last 21 days',
    );
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save segment' })).toBeNull();
    await waitFor(() => expect(countText()).toBe(`${expected} members match`), { timeout: 10_000 });
    await fitness.segments.remove(saved.id);
  });

  it('keeps a condition it cannot show when the segment is saved again', async () => {
    const user = userEvent.setup();
    const saved = await fitness.segments.create({
      name: 'Lapsed',
      filter: {
        and: [
          {
            not: {
              or: [
                { field: 'customFields.membershipPlan', op: 'in', value: ['premium'] },
                { activity: { types: ['meeting'], inLastDays: 21 }, has: true },
              ],
            },
          },
        ],
      },
    });
    await renderUi(<SegmentBuilder segmentId={saved.id} />, { client: fitness });
    expect(within(await conditions()).getByText(/cannot show/)).toBeTruthy();
    const name = await screen.findByRole('textbox', { name: /Segment name/ });
    await user.type(name, ' members');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(async () => expect((await fitness.segments.get(saved.id)).name).toBe('Lapsed members'));
    expect((await fitness.segments.get(saved.id)).filter).toEqual(saved.filter);
    await fitness.segments.remove(saved.id);
  });

  it('builds activity facts — "no visit for 21 days", "an SMS in the last 90 days" — with the live count', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const matching = async (filter: SegmentFilter) =>
      (await fitness.segments.preview({ filter, sample: 0 })).count.value;
    const { container } = await renderUi(<SegmentBuilder onSaved={onSaved} />, { client: fitness });
    const tree = await conditions();
    await user.click(within(tree).getByRole('button', { name: 'Add condition' }));
    await user.selectOptions(select(row('Condition 1'), 'Field'), 'Activity');
    const visit = row('Condition 1: Activity');
    // Focus stays on the row's field select (a new control of the same row).
    expect(document.activeElement).toBe(select(visit, 'Field'));
    // A visit is a check-in in the club's app.
    await user.selectOptions(select(visit, 'Comparison'), 'had no');
    await user.selectOptions(select(visit, 'Activity types'), 'App');
    await user.selectOptions(select(visit, 'Direction'), 'inbound');
    await user.selectOptions(select(visit, 'When'), 'in the last … days');
    await user.type(within(visit).getByRole('spinbutton', { name: 'Number of days' }), '21');
    const noVisit = {
      activity: { types: ['app' as const], direction: 'inbound' as const, inLastDays: 21 },
      has: false,
    };
    const lapsed = await matching({ and: [noVisit] });
    const everyone = (await fitness.contacts.search({ count: true, limit: 1 })).count!.value;
    expect(lapsed).toBeGreaterThan(0);
    expect(lapsed).toBeLessThan(everyone);
    await waitFor(() => expect(countText()).toBe(`${lapsed} members match`), { timeout: 10_000 });

    await user.click(within(tree).getAllByRole('button', { name: 'Add condition' })[0]!);
    await user.selectOptions(select(row('Condition 2'), 'Field'), 'Activity');
    const sms = row('Condition 2: Activity');
    await user.selectOptions(select(sms, 'Activity types'), 'SMS');
    await user.selectOptions(select(sms, 'When'), 'in the last … days');
    await user.type(within(sms).getByRole('spinbutton', { name: 'Number of days' }), '90');
    const texted = { activity: { types: ['sms' as const], inLastDays: 90 }, has: true };
    const both = await matching({ and: [noVisit, texted] });
    expect(both).toBeGreaterThan(0);
    expect(both).toBeLessThan(lapsed);
    await waitFor(() => expect(countText()).toBe(`${both} members match`), { timeout: 10_000 });
    expect(violations(await axe.run(container))).toEqual([]);
    await page.screenshot({ path: '__screenshots__/segment-builder-activity.png', element: container });

    await user.type(screen.getByRole('textbox', { name: /Segment name/ }), 'Lapsed, texted');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const saved = onSaved.mock.calls[0]![0] as Segment;
    expect(saved.filter).toEqual({ and: [noVisit, texted] });

    // Back to a field: the row is a field condition again, focus still on its field select.
    await user.selectOptions(select(row('Condition 2: Activity'), 'Field'), 'Membership plan');
    expect(document.activeElement).toBe(select(row('Condition 2: Membership plan'), 'Field'));
    await fitness.segments.remove(saved.id);
  });

  it('offers no activity facts on leads (activities do not link to them)', async () => {
    const user = userEvent.setup();
    await renderUi(<SegmentBuilder defaultResource="leads" />, { client: fitness });
    const tree = await conditions();
    await user.click(within(tree).getByRole('button', { name: 'Add condition' }));
    expect(within(select(row('Condition 1'), 'Field')).queryByRole('option', { name: 'Activity' })).toBeNull();
  });

  it('asks keep mine / take theirs when someone else saved the segment meanwhile (412)', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const saved = await fitness.segments.create({
      name: 'Premium',
      filter: { and: [{ field: 'customFields.membershipPlan', op: 'in', value: ['premium'] }] },
    });
    await renderUi(<SegmentBuilder segmentId={saved.id} onSaved={onSaved} />, { client: fitness });
    await conditions();
    const name = await screen.findByRole('textbox', { name: /Segment name/ });
    await fitness.segments.update(saved.id, {
      name: 'Premium and basic',
      filter: { and: [{ field: 'customFields.membershipPlan', op: 'in', value: ['premium', 'basic'] }] },
    });
    await user.clear(name);
    await user.type(name, 'Premium members');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    let prompt = await screen.findByRole('alertdialog', { name: 'Someone else changed this' }, { timeout: 15_000 });
    // Both versions, the conditions as sentences.
    expect(within(prompt).getByRole('row', { name: /Segment name/ }).textContent).toContain('Premium members');
    expect(within(prompt).getByRole('row', { name: /Segment name/ }).textContent).toContain('Premium and basic');
    expect(within(prompt).getByRole('row', { name: /Conditions/ }).textContent).toContain('Basic');
    expect(screen.queryByText(/not saved/)).toBeNull();

    // Take theirs: the form shows the stored segment, nothing is written.
    await user.click(within(prompt).getByRole('button', { name: 'Take theirs' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('Premium and basic'));
    expect(within(await conditions()).getByText('Basic')).toBeTruthy();
    expect((await fitness.segments.get(saved.id)).name).toBe('Premium and basic');

    // Keep mine, after another change: saved on top of theirs.
    await fitness.segments.update(saved.id, { name: 'Everyone premium' });
    await user.clear(name);
    await user.type(name, 'Premium members');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    prompt = await screen.findByRole('alertdialog', { name: 'Someone else changed this' }, { timeout: 15_000 });
    await user.click(within(prompt).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    const stored = await fitness.segments.get(saved.id);
    expect(stored).toMatchObject({ name: 'Premium members', version: saved.version + 3 });
    expect(stored.filter).toEqual({
      and: [{ field: 'customFields.membershipPlan', op: 'in', value: ['premium', 'basic'] }],
    });
    await fitness.segments.remove(saved.id);
  });

  it('never shows an older count over a newer one: a slow answer to an earlier filter is not shown', async () => {
    const user = userEvent.setup();
    const s = await sandbox('fitness');
    // The network delays the first preview (a "premium" filter) until the second (basic) has been answered.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let previews = 0;
    const client = s.client({
      fetch: async (input, init) => {
        if (!input.endsWith('/v1/segments/preview')) return s.fetch(input, init);
        const first = ++previews === 1;
        const response = await s.fetch(input, init);
        if (first) await held;
        return response;
      },
    });
    const count = async (plan: string) =>
      (
        await fitness.contacts.search({
          filter: { field: 'customFields.membershipPlan', op: 'in', value: [plan] },
          count: true,
          limit: 1,
        })
      ).count!.value;
    const [premium, basic] = [await count('premium'), await count('basic')];
    expect(premium).not.toBe(basic);

    await renderUi(<SegmentBuilder />, { client });
    const tree = await conditions();
    await user.click(within(tree).getByRole('button', { name: 'Add condition' }));
    await user.selectOptions(select(row('Condition 1'), 'Field'), 'Membership plan');
    const plan = row('Condition 1: Membership plan');
    await user.selectOptions(within(plan).getByRole('combobox', { name: 'Value' }), 'Premium');
    await waitFor(() => expect(previews).toBe(1), { timeout: 10_000 });
    await user.click(within(plan).getByRole('button', { name: 'Remove Premium' }));
    await user.selectOptions(within(plan).getByRole('combobox', { name: 'Value' }), 'Basic');
    await waitFor(() => expect(countText()).toBe(`${basic} members match`), { timeout: 10_000 });
    release();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(countText()).toBe(`${basic} members match`);
  });

  it('says so on a server without segments', async () => {
    const s = await startSandbox({ capabilities: { segments: false } });
    await renderUi(<SegmentBuilder />, { client: s.client() });
    expect(await screen.findByText('Segments are not available on this server', {}, { timeout: 20_000 })).toBeTruthy();
  });
});

import type { CrmClient } from '@crmkit/client';
import { respondToCampaign, sendCampaign } from '@crmkit/sandbox';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { ActivityTimeline } from '../src/widgets/activity-timeline/index.js';
import { AutomationRules } from '../src/widgets/automation-rules/index.js';
import { CampaignComposer } from '../src/widgets/campaign-composer/index.js';
import { CampaignReport } from '../src/widgets/campaign-report/index.js';
import { CompanyCard } from '../src/widgets/company-card/index.js';
import { ContactCard } from '../src/widgets/contact-card/index.js';
import { ContactsTable } from '../src/widgets/contacts-table/index.js';
import { NotificationsMenu } from '../src/widgets/notifications-menu/index.js';
import { PipelineBoard } from '../src/widgets/pipeline-board/index.js';
import { SegmentBuilder } from '../src/widgets/segment-builder/index.js';
import { SegmentsList } from '../src/widgets/segments-list/index.js';
import { TasksList } from '../src/widgets/tasks-list/index.js';
import { TicketInbox } from '../src/widgets/ticket-inbox/index.js';
import { renderUi, sandbox } from './harness.js';

/**
 * Every widget in Vietnamese and Thai at the narrowest supported width (320 px) and on a desktop (1280 px), on the
 * demo workspace: a screenshot of each in `__screenshots__/locales/` to look at, and a check that no button, badge,
 * tab or chip cuts its text (content wider or taller than its box: "Khách hàng tiềm năng" is four times "Leads").
 */

const LOCALES = ['vi-VN', 'th-TH'] as const;
const WIDTHS = [320, 1280] as const;

/** The text-bearing controls whose words must show whole. */
const CONTROLS =
  'button, [role="tab"], [role="menuitem"], [role="option"], .crm-badge, [class*="chip"], [class*="pill"], a[class*="button"]';

/** Is `el` laid out and seen (not a visually hidden label, not in a closed panel)? */
function shown(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.clipPath === 'none' && style.clip === 'auto';
}

/** Cut on purpose, the whole text at hand: an ellipsis on a box whose `title` (or an ancestor's) holds the full text. */
const truncatedOnPurpose = (box: HTMLElement) =>
  getComputedStyle(box).textOverflow === 'ellipsis' && Boolean(box.closest('[title]')?.getAttribute('title'));

/** Does `box`'s content not fit in it (wider or taller than its box), outside a deliberate, titled ellipsis? */
const overflows = (box: HTMLElement) =>
  (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1) && !truncatedOnPurpose(box);

/**
 * The ancestor that cuts `el` off at its side, if any: one that hides overflow (a scroller is fine: what it hides can be
 * scrolled to) and shows part of `el`, not all of it.
 */
function cutBy(el: HTMLElement, root: Element): HTMLElement | undefined {
  const r = el.getBoundingClientRect();
  for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX === 'auto' || style.overflowX === 'scroll') return undefined;
    if (style.overflowX !== 'hidden' && style.overflowX !== 'clip') continue;
    const b = a.getBoundingClientRect();
    const partly = r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top;
    if (partly && (r.right > b.right + 1 || r.left < b.left - 1)) return a;
  }
  return undefined;
}

/**
 * The controls under `root` whose text does not fit: a button, tab or badge (or a block inside a short one) narrower or
 * shorter than its text — cut by `overflow`, ellipsed without the full text at hand, or spilling out — or cut off by
 * an ancestor that hides overflow. A control holding a whole row (a list row's button) may ellipse its long texts;
 * its badges are checked on their own.
 */
export function clippedControls(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>(CONTROLS)) {
    const text = el.textContent?.trim() ?? '';
    if (!shown(el) || !text) continue;
    const row = text.length > 60;
    const boxes = row
      ? [el]
      : [el, ...el.querySelectorAll<HTMLElement>('span, div, strong')].filter(
          (b) => getComputedStyle(b).display !== 'inline' && shown(b) && b.textContent?.trim(),
        );
    const by = cutBy(el, root);
    if ((!row && boxes.some(overflows)) || by) {
      const name = (e: HTMLElement) => e.className || e.getAttribute('role') || e.tagName.toLowerCase();
      found.push(`${name(el)}: "${text.slice(0, 60)}"${by ? ` cut by ${name(by)}` : ''}`);
    }
  }
  return found;
}

interface Ids {
  contact: string;
  company: string;
  segment: string;
  campaign: string;
  draft: string;
}

/** Each widget as a host would place it, and what shows it has its data. */
const WIDGETS: [name: string, render: (ids: Ids) => ReactNode, ready: (root: HTMLElement) => unknown][] = [
  ['contact-card', (ids) => <ContactCard contactId={ids.contact} />, () => screen.findByRole('heading', { level: 2 })],
  ['company-card', (ids) => <CompanyCard companyId={ids.company} />, () => screen.findByRole('heading', { level: 2 })],
  [
    'contacts-table',
    () => <ContactsTable maxHeight={520} />,
    () => screen.findAllByRole('row', {}, { timeout: 15_000 }),
  ],
  [
    'activity-timeline',
    (ids) => <ActivityTimeline contactId={ids.contact} />,
    () => screen.findByRole('tablist', {}, { timeout: 15_000 }),
  ],
  [
    'pipeline-board',
    () => <PipelineBoard height={620} />,
    (root) => waitFor(() => expect(root.querySelector('[data-deal-id]')).not.toBeNull(), { timeout: 15_000 }),
  ],
  [
    'ticket-inbox',
    () => (
      <div style={{ height: 700 }}>
        <TicketInbox view="open" />
      </div>
    ),
    (root) => waitFor(() => expect(root.querySelector('[data-ticket-id]')).not.toBeNull(), { timeout: 20_000 }),
  ],
  [
    'notifications-menu',
    () => <NotificationsMenu />,
    async (root) => {
      const bell = await waitFor(() => root.querySelector<HTMLElement>('button')!, { timeout: 15_000 });
      await userEvent.click(bell);
      await screen.findByRole('dialog', {}, { timeout: 15_000 });
    },
  ],
  ['tasks-list', () => <TasksList />, () => screen.findAllByRole('heading', {}, { timeout: 15_000 })],
  [
    'segment-builder',
    (ids) => <SegmentBuilder segmentId={ids.segment} />,
    (root) => waitFor(() => expect(root.querySelector('select, [role="group"]')).not.toBeNull(), { timeout: 15_000 }),
  ],
  ['segments-list', () => <SegmentsList />, () => screen.findAllByRole('listitem', {}, { timeout: 15_000 })],
  ['automation-rules', () => <AutomationRules />, () => screen.findAllByRole('heading', {}, { timeout: 15_000 })],
  [
    'campaign-report',
    (ids) => <CampaignReport campaignId={ids.campaign} pageSize={5} />,
    () => screen.findAllByRole('table', {}, { timeout: 15_000 }),
  ],
  [
    'campaign-composer',
    (ids) => <CampaignComposer campaignId={ids.draft} />,
    () => screen.findByRole('article', {}, { timeout: 15_000 }),
  ],
];

let crm: CrmClient;
let ids: Ids;
beforeAll(async () => {
  const demo = await sandbox('demo');
  crm = demo.client();
  const contacts = (await crm.contacts.list({ limit: 50 })).data;
  const contact = contacts.find((c) => c.companyId) ?? contacts[0]!;
  // The workspace's first lifecycle stage ("Khách hàng tiềm năng" in Vietnamese): its label in the condition's chip.
  const stage = (await crm.schema.get()).lifecycleStages[0]!.key;
  // A segment with a stage and a date condition, so the builder shows a stage's name and a date input.
  const segment = await crm.segments.create({
    name: 'Khách hàng tiềm năng mới',
    filter: {
      and: [
        { field: 'lifecycleStage', op: 'eq', value: stage },
        { field: 'birthday', op: 'gte', value: '1990-01-01' },
      ],
    },
  });
  const company = contact.companyId ?? (await crm.companies.list({ limit: 1 })).data[0]!.id;
  // The segment's campaign, sent through the sandbox, with an open and a click: the report's every part has data.
  const campaign = await crm.campaigns.create({
    name: 'Ưu đãi cuối năm cho khách hàng tiềm năng',
    segmentId: segment.id,
    channel: 'email',
    subject: 'Ưu đãi',
    template: 'Xem ưu đãi tại https://example.vn/uu-dai',
  });
  await crm.campaigns.schedule(campaign.id);
  const [first, second] = await sendCampaign(demo, campaign.id);
  if (first) await respondToCampaign(demo, first, 'click');
  if (second) await respondToCampaign(demo, second, 'open');
  // A draft to the same segment: the composer's whole form, and its preview of a real member.
  const draft = await crm.campaigns.create({
    name: 'Ưu đãi tháng sau',
    segmentId: segment.id,
    channel: 'email',
    subject: 'Ưu đãi cho {{contact.firstName|bạn}}',
    template: 'Chào {{contact.firstName|bạn}}, xem ưu đãi tại https://example.vn/uu-dai',
  });
  ids = { contact: contact.id, company, segment: segment.id, campaign: campaign.id, draft: draft.id };
}, 180_000);

describe.each(LOCALES)('%s', (locale) => {
  describe.each(WIDTHS)('%i px', (width) => {
    it.each(WIDGETS.map(([name, ...rest]) => [name, ...rest] as const))(
      '%s: every button, badge and tab shows its whole text',
      async (name, ui, ready) => {
        await page.viewport(Math.max(width, 360) + 40, 900);
        document.body.style.margin = '0';
        const { container, unmount } = await renderUi(
          <div style={{ width, padding: 0 }} data-testid="host">
            {ui(ids)}
          </div>,
          { client: crm, locale },
        );
        await ready(container);
        await waitFor(() => expect(container.querySelector('.crm-skeleton, [aria-busy="true"]')).toBeNull(), {
          timeout: 15_000,
        });
        await document.fonts.ready;
        await page.screenshot({
          path: `__screenshots__/locales/${name}-${locale.slice(0, 2)}-${width}.png`,
          element: container.firstElementChild as HTMLElement,
        });
        expect(clippedControls(document.body)).toEqual([]);
        unmount();
      },
      60_000,
    );
  });
});

/**
 * The static Storybook as it is published: `storybook build` of this tree, served by a plain static file server
 * under a sub-path (`/crmkit/storybook/`), opened in Chromium like a visitor would. A story of each widget renders
 * from the data sets' prebuilt snapshots; nothing is requested outside the sub-path, nothing is missing, nothing
 * logs an error; while the database starts, the page says so in the story's language; the toolbar's data set switch
 * gives the fitness club.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type FrameLocator, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium as chromiumOptions } from '../../scripts/chromium.js';
import { buildStorybook, type StaticSite, serveStatic } from '../../scripts/storybook-static.js';

const BASE = '/crmkit/storybook/';

/** How to tell each widget's story is showing its content, by role and name. */
const WIDGETS: Record<
  string,
  {
    story: string;
    ready: (preview: FrameLocator) => Promise<void>;
    dataset?: 'demo' | 'demo-10k-deals' | 'demo-100k-tickets';
  }
> = {
  ContactCard: {
    story: 'full',
    ready: (p) => p.getByRole('heading', { level: 2 }).first().waitFor(),
  },
  CompanyCard: {
    story: 'full',
    ready: (p) => p.getByRole('heading', { level: 2 }).first().waitFor(),
  },
  ContactsTable: {
    story: 'default',
    ready: (p) => p.getByRole('grid').getByRole('rowheader').first().waitFor(),
  },
  ActivityTimeline: {
    story: 'default',
    ready: (p) => p.getByRole('feed').getByRole('article').first().waitFor(),
  },
  PipelineBoard: {
    story: 'ten-thousand-deals',
    dataset: 'demo-10k-deals',
    ready: (p) => p.getByRole('region', { name: 'Contacted' }).getByRole('article').first().waitFor(),
  },
  NotificationsMenu: {
    story: 'default',
    ready: (p) =>
      p
        .getByRole('button', { name: /^Notifications/ })
        .first()
        .waitFor(),
  },
  TasksList: {
    // Its play function switches to Overdue: a view whose filter holds "now" (a new query on every render, once).
    story: 'default',
    ready: (p) => p.getByRole('list', { name: 'Tasks' }).getByRole('listitem').first().waitFor(),
  },
  SegmentBuilder: {
    // The fitness club's "Members whose membership expires this month" (the stories' own data set), with its count.
    story: 'default',
    ready: (p) => p.getByRole('group', { name: 'Conditions' }).getByRole('group').first().waitFor(),
  },
  SegmentsList: {
    story: 'viewer',
    ready: (p) => p.getByRole('list', { name: 'Segments' }).getByRole('listitem').first().waitFor(),
  },
  AutomationRules: {
    // On the fitness club's rules (the story pins that data set).
    story: 'default',
    ready: (p) => p.getByRole('list', { name: 'Automation rules' }).getByRole('listitem').first().waitFor(),
  },
  CampaignReport: {
    // The demo company's year-end offer, sent through the sandbox when the story loads.
    story: 'default',
    ready: (p) => p.getByRole('table', { name: 'Funnel' }).getByRole('row').first().waitFor(),
  },
  CampaignComposer: {
    // The club's renewal draft (the story pins the fitness data set): a member's message rendered by the server.
    story: 'default',
    ready: (p) => p.getByRole('region', { name: 'Preview' }).getByRole('article').first().waitFor(),
  },
  Webhooks: {
    // The fitness club's endpoints (the stories seed them), one switched off by the server.
    story: 'default',
    ready: (p) => p.getByRole('list', { name: 'Webhooks' }).getByRole('listitem').first().waitFor(),
  },
  TicketInbox: {
    story: 'hundred-thousand-tickets',
    dataset: 'demo-100k-tickets',
    ready: (p) => p.getByRole('list', { name: 'Tickets' }).getByRole('button').first().waitFor(),
  },
};

let out: string;
let site: StaticSite;
let browser: Browser;
let widgets: string[];

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'crmkit-storybook-static-'));
  await buildStorybook(out);
  site = await serveStatic(out, BASE);
  browser = await chromium.launch(chromiumOptions);
  const index = (await (await fetch(`${site.url}index.json`)).json()) as { entries: Record<string, { title: string }> };
  widgets = [...new Set(Object.values(index.entries).map((e) => e.title))]
    .filter((title) => title.startsWith('Widgets/'))
    .map((title) => title.slice('Widgets/'.length));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

/** A fresh page (empty cache) that collects console errors and page errors. */
async function freshPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Runs `check`; when it fails, says what the story showed and what the page logged. */
async function explained(page: Page, errors: string[], check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    const shown = await preview(page)
      .locator('#storybook-root')
      .textContent({ timeout: 1000 })
      .catch(() => '(no story root)');
    throw new Error(
      `${(error as Error).message}\nThe story showed: ${(shown ?? '').slice(0, 500)}\nLogged: ${errors.join('\n')}`,
    );
  }
}

const preview = (page: Page) => page.frameLocator('#storybook-preview-iframe');

describe(`the static Storybook served under ${BASE}`, () => {
  it('has a story of every widget checked here', () => {
    expect(widgets.length).toBeGreaterThan(0);
    expect(widgets.filter((widget) => !WIDGETS[widget])).toEqual([]);
  });

  it('starts each data set from its own snapshot (demo, not a large one, for the demo)', async () => {
    const boot = await (await fetch(`${site.url}crmkit-boot.js`)).text();
    const tarballs = JSON.parse(/var tarballs = (\{[^}]*\});/.exec(boot)![1]!) as Record<string, string>;
    expect(Object.keys(tarballs)).toEqual(
      expect.arrayContaining(['demo', 'fitness', 'demo-10k-deals', 'demo-100k-tickets']),
    );
    for (const [name, file] of Object.entries(tarballs)) {
      expect(file).toMatch(new RegExp(`^assets/sandbox-${name}-[\\w-]{8}\\.tgz$`));
    }
  });

  it.each(Object.keys(WIDGETS))(
    'shows %s from its prebuilt data set, with every file under the sub-path',
    async (widget) => {
      const { page, errors } = await freshPage();
      site.resetLog();
      const { story, ready, dataset = 'demo' } = WIDGETS[widget]!;
      await page.goto(`${site.url}?path=/story/widgets-${widget.toLowerCase()}--${story}`);
      await explained(page, errors, () => ready(preview(page)));
      // The data came as a snapshot built ahead of time, not seeded in the page.
      const snapshot = new RegExp(`^/assets/sandbox-${dataset}-[\\w-]{8}\\.tgz$`);
      expect(site.log.some((r) => snapshot.test(r.path) && r.status === 200)).toBe(true);
      expect(site.log.filter((r) => r.status >= 400)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('says in the story’s language that the demo CRM is starting, then shows the story', async () => {
    const { page, errors } = await freshPage();
    // A slow network: the data set's snapshot arrives only once the message has been seen.
    const release = site.hold(/\/sandbox-demo-[\w-]+\.tgz$/);
    try {
      await page.goto(`${site.url}?path=/story/widgets-contactcard--vietnamese`);
      const starting = preview(page)
        .getByRole('status')
        .filter({ hasText: 'Đang khởi động CRM mẫu trong trình duyệt của bạn…' });
      await explained(page, errors, () => starting.waitFor());
    } finally {
      release();
    }
    await explained(page, errors, () => preview(page).getByRole('region', { name: 'Cơ hội đang mở' }).waitFor());
    await expect(
      preview(page)
        .getByText(/CRM mẫu/)
        .count(),
    ).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says it under Storybook’s own spinner too, in the URL’s locale, before the preview’s scripts have run', async () => {
    const { page, errors } = await freshPage();
    // A slow network: the preview's scripts arrive only once the spinner's words have been read.
    const release = site.hold(/\/assets\/iframe-[\w-]+\.js$/);
    try {
      await page.goto(`${site.url}?path=/story/widgets-contactstable--default&globals=locale:vi-VN`);
      const spinner = page.locator('#preview-loader');
      await spinner.waitFor();
      const words = await spinner.evaluate((element) => getComputedStyle(element.parentElement!, '::after').content);
      expect(words).toBe('"Đang khởi động CRM mẫu trong trình duyệt của bạn…"');
    } finally {
      release();
    }
    await explained(page, errors, () => WIDGETS.ContactsTable!.ready(preview(page)));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switches the data set from the toolbar: the fitness club’s members', async () => {
    const { page, errors } = await freshPage();
    await page.goto(`${site.url}?path=/story/widgets-contactstable--viewer&globals=dataset:fitness`);
    await explained(page, errors, () =>
      preview(page).getByRole('grid', { name: 'Members' }).getByRole('rowheader').first().waitFor(),
    );
    await page
      .getByRole('button', { name: /Fitness club/ })
      .first()
      .waitFor();
    expect(site.log.some((r) => /^\/assets\/sandbox-fitness-[\w-]+\.tgz$/.test(r.path))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

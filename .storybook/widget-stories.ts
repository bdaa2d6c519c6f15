/**
 * Story factories shared by every widget's stories: a story per locale and per theme, and a story per state (loading,
 * empty, error with retry, forbidden, not found), each with a play function that checks it by role and name in the
 * story's locale. A widget describes itself once ({@link WidgetStoryKit}); each story is then one line.
 *
 * @example
 * const stories = widgetStories({ data: 'GET /v1/activities', ready: ..., loading: ... });
 * export const Vietnamese: Story = stories.locale('vi-VN');
 * export const Dark: Story = stories.theme('dark');
 * export const Forbidden: Story = stories.state('forbidden');
 */
import { createFormat } from '@crmkit/react';
import { createTranslator, type MessageKey, resolveMessages, type Translate } from '@crmkit/ui';
import { th } from '@crmkit/ui/locales/th';
import { vi } from '@crmkit/ui/locales/vi';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  type CrmGlobals,
  type CrmLoaded,
  type CrmParameters,
  DEFAULT_GLOBALS,
  type FaultState,
  type StoryLocale,
  type StoryTheme,
} from './crmkit.js';

/** How long a check waits for the widget (the first story of a page also waits for the sandbox's first queries). */
export const STORY_TIMEOUT = 20_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const uniq = (values: string[]) => [...new Set(values)];

/** What a check gets: the canvas, the story's locale and theme, and the locale's messages and formats. */
export interface StoryCheck {
  canvas: ReturnType<typeof within>;
  canvasElement: HTMLElement;
  locale: StoryLocale;
  theme: StoryTheme;
  /** The widgets' messages in the story's locale (`t('action.retry')` → `Thử lại` in vi-VN). */
  t: Translate;
  /** A message with some placeholders left open: `like('state.loadingOf', 'entities')` → /^Loading .+…$/. */
  like(key: MessageKey, ...open: string[]): RegExp;
  /** An amount of `currency` as the locale writes it: `1.234.567 ₫` in vi-VN, `₫1,234,567` in en-US and th-TH. */
  money(currency: string): RegExp;
  /**
   * A date as the locale writes it in `style` (`12 thg 3, 1990`; `12 มี.ค. 2533` in th-TH, whose Buddhist era is
   * matched too: years 2400–2599 there, 1900–2099 elsewhere).
   */
  date(style: 'medium' | 'long'): RegExp;
}

/** The check of a story context (`globals` as the story sees them). */
export function storyCheck(context: { canvasElement: HTMLElement; globals: Record<string, unknown> }): StoryCheck {
  const { locale, theme } = { ...DEFAULT_GLOBALS, ...(context.globals as Partial<CrmGlobals>) };
  const t = createTranslator(locale, resolveMessages(locale, { vi, th }));
  return {
    canvas: within(context.canvasElement),
    canvasElement: context.canvasElement,
    locale,
    theme,
    t,
    like(key, ...open) {
      // Each open placeholder gets a marker no message contains, which becomes `.+` once the rest is escaped.
      const marker = '\uE000';
      const values = Object.fromEntries(open.map((name) => [name, marker]));
      const text = (t as (key: MessageKey, values: Record<string, string>) => string)(key, values);
      return new RegExp(`^${escapeRegExp(text).replaceAll(marker, '.+')}$`);
    },
    money(currency) {
      let seenGroup = false;
      const source = new Intl.NumberFormat(locale, { style: 'currency', currency })
        .formatToParts(1_234_567.5)
        .map(({ type, value }) => {
          if (type === 'integer') return seenGroup ? '' : '\\d{1,3}';
          if (type === 'group') {
            if (seenGroup) return '';
            seenGroup = true;
            return `(?:${escapeRegExp(value)}\\d{3})*`;
          }
          // Minor units are optional (whole amounts may leave them out).
          if (type === 'decimal') return `(?:${escapeRegExp(value)}\\d+)?`;
          if (type === 'fraction') return '';
          return /^\s+$/.test(value) ? '\\s' : escapeRegExp(value);
        })
        .join('');
      return new RegExp(source);
    },
    date(style) {
      // Dates as the widgets write them (`createFormat`: vi-VN writes `28/01/2026`, not CLDR's `28 thg 1, 2026`), one
      // sample per month on day 28, with the day and the year opened up.
      const f = createFormat({ locale, timeZone: 'UTC' });
      const buddhist = new Intl.DateTimeFormat(locale).resolvedOptions().calendar === 'buddhist';
      const year = buddhist ? '2[45]\\d\\d' : '(?:19|20)\\d\\d';
      const samples = uniq(
        Array.from({ length: 12 }, (_, m) =>
          escapeRegExp(f.date(new Date(Date.UTC(2026, m, 28)), style))
            .replace('28', '\\d{1,2}')
            .replace(buddhist ? '2569' : '2026', year)
            .replace(/\s+/g, '\\s'),
        ),
      );
      return new RegExp(`(?:${samples.join('|')})`);
    },
  };
}

/** What the factories need to know about a widget. */
export interface WidgetStoryKit {
  /** The widget's own data request (`METHOD /path`, `*` for one segment; see `CrmFault`): state stories fail it. */
  data: string;
  /** Waits for the widget's content (by role and name, in the story's locale) and returns an element inside it. */
  ready(check: StoryCheck): Promise<HTMLElement>;
  /** What else the locale changes: amounts, dates, the calendar (run by the locale stories after `ready`). */
  localized?(check: StoryCheck): Promise<void>;
  /** Waits for the widget's loading state and returns an element of it. */
  loading(check: StoryCheck): Promise<HTMLElement>;
  /** The accessible name of the widget's empty state, for widgets that have one. */
  empty?(check: StoryCheck): string | RegExp;
}

/** The play context the factories read (a subset of Storybook's `StoryContext`). */
export interface KitPlayContext {
  canvasElement: HTMLElement;
  globals: Record<string, unknown>;
  loaded: Partial<CrmLoaded>;
}

/** A story made by {@link widgetStories}: assignable to any meta's `StoryObj`. */
export interface KitStory {
  globals?: Partial<CrmGlobals>;
  parameters?: { crmkit: CrmParameters };
  play: (context: KitPlayContext) => Promise<void>;
}

/** Relative luminance (0–1) of a computed `rgb()` / `rgba()` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The checks of each state story, on top of the StateView being there. */
async function playState(state: FaultState, kit: WidgetStoryKit, context: KitPlayContext): Promise<void> {
  const c = storyCheck(context);
  const { canvas, t } = c;
  const find = (role: 'alert' | 'status', name: string | RegExp) =>
    canvas.findByRole(role, { name }, { timeout: STORY_TIMEOUT });
  switch (state) {
    case 'loading': {
      await kit.loading(c);
      // No failure shown (the provider's unnamed live region is an alert too).
      await expect(canvas.queryByRole('alert', { name: /./ })).toBeNull();
      return;
    }
    case 'empty': {
      if (!kit.empty) throw new Error('This widget has no empty state: give the kit an `empty` name.');
      await find('status', kit.empty(c));
      return;
    }
    case 'error': {
      const alert = await find('alert', t('state.error.title'));
      await expect(within(alert).getByText(t('state.error.reference', { id: 'req_story_500' }))).toBeVisible();
      // Retry works: once the server answers again, "Try again" brings the content.
      context.loaded.fault?.heal();
      await userEvent.click(within(alert).getByRole('button', { name: t('action.retry') }));
      await kit.ready(c);
      await waitFor(() => expect(canvas.queryByRole('alert', { name: t('state.error.title') })).toBeNull());
      return;
    }
    case 'forbidden':
    case 'not-found': {
      const alert = await find('alert', t(state === 'forbidden' ? 'state.forbidden.title' : 'state.notFound.title'));
      // Trying again cannot help.
      await expect(within(alert).queryByRole('button', { name: t('action.retry') })).toBeNull();
      return;
    }
  }
}

/**
 * Locale, theme and state stories of a widget, from one description of it. The stories render the meta's component
 * with the meta's args, on the meta's seed; state stories fail `kit.data` (see `CrmFault`) and keep every other
 * request real.
 */
export function widgetStories(kit: WidgetStoryKit) {
  return {
    /** The widget in `locale`: its content by localized role and name, `lang` on its root, then `kit.localized`. */
    locale: (locale: StoryLocale): KitStory => ({
      globals: { locale },
      play: async (context) => {
        const c = storyCheck(context);
        const element = await kit.ready(c);
        await expect(element.closest('[lang]')).toHaveAttribute('lang', locale);
        await kit.localized?.(c);
      },
    }),
    /** The widget in `theme`: `data-theme` on its root, and light text on the dark themes. */
    theme: (theme: StoryTheme): KitStory => ({
      globals: { theme },
      play: async (context) => {
        const element = await kit.ready(storyCheck(context));
        const root = element.closest<HTMLElement>('[data-theme]');
        await expect(root).toHaveAttribute('data-theme', theme);
        const text = luminance(getComputedStyle(root!).color);
        if (theme === 'light') await expect(text).toBeLessThan(0.2);
        else await expect(text).toBeGreaterThan(0.6);
      },
    }),
    /** The widget in a state of its data request; an error story also retries once the server answers again. */
    state: (state: FaultState): KitStory => ({
      parameters: { crmkit: { fault: { on: kit.data, state } } },
      play: (context) => playState(state, kit, context),
    }),
  };
}

/**
 * The kit of a record card (`ContactCard`, `CompanyCard`) loaded from `data` (`GET /v1/contacts/*`): ready once the
 * name heading and the open deals show; the deals' amounts are in the workspace's currency, VND; while loading, a
 * status named "Loading contact…".
 */
export function recordCardKit(data: string): WidgetStoryKit {
  const deals = ({ canvas, t }: StoryCheck) =>
    canvas.findByRole('region', { name: t('field.openDeals') }, { timeout: STORY_TIMEOUT });
  return {
    data,
    ready: async (check) => {
      await check.canvas.findByRole('heading', { level: 2 }, { timeout: STORY_TIMEOUT });
      return deals(check);
    },
    localized: async (check) => {
      const amounts = await within(await deals(check)).findAllByText(
        check.money('VND'),
        {},
        { timeout: STORY_TIMEOUT },
      );
      await expect(amounts[0]).toBeVisible();
    },
    loading: ({ canvas, like }) =>
      canvas.findByRole('status', { name: like('state.loadingOf', 'entities') }, { timeout: STORY_TIMEOUT }),
  };
}

/**
 * The Storybook's own words, in each toolbar locale: the demo surfaces' catalog part of `@crmkit/ui`
 * (`i18n/messages/demo/`), and the widgets' "Try again".
 */
import { createTranslator, resolveMessages } from '@crmkit/ui';
import { th } from '@crmkit/ui/locales/th';
import { vi } from '@crmkit/ui/locales/vi';
import { en as demoEn } from '../packages/ui/src/i18n/messages/demo/en.js';
import { th as demoTh } from '../packages/ui/src/i18n/messages/demo/th.js';
import { vi as demoVi } from '../packages/ui/src/i18n/messages/demo/vi.js';
import type { StoryLocale } from './crmkit.js';

const DEMO = { 'en-US': demoEn, 'vi-VN': demoVi, 'th-TH': demoTh } as const;

/** The Storybook's messages in `locale`. */
export function storybookMessages(locale: StoryLocale) {
  const demo = DEMO[locale];
  const t = createTranslator(locale, resolveMessages(locale, { vi, th }));
  return { starting: demo['demo.starting'], failed: demo['demo.failed'], retry: t('action.retry') };
}

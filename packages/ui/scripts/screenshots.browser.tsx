import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, it } from 'vitest';
import { page } from 'vitest/browser';
import { MessagesScope } from '../src/context/scope.js';
import { timelineMessages } from '../src/i18n/messages/activity-timeline/index.js';
import { editingMessages } from '../src/i18n/messages/editing/index.js';
import { Button, Dialog, Select, TextField, type ThemeName, useT } from '../src/index.js';
import { Gallery } from '../test/gallery.js';
import { renderUi } from '../test/harness.js';

const THEMES: ThemeName[] = ['light', 'dark', 'high-contrast'];
const LOCALES = ['en-US', 'vi-VN', 'th-TH'];
const PAGE: Record<ThemeName, string> = { light: '#eef0f3', dark: '#0b0c0f', 'high-contrast': '#000000' };

describe.each(THEMES)('%s', (theme) => {
  it.each(LOCALES)('%s', async (locale) => {
    document.body.style.margin = '0';
    document.body.style.background = PAGE[theme];
    await renderUi(<Gallery menuOpen={locale === 'en-US'} />, { locale, appearance: { theme } });
    await screen.findAllByRole('heading');
    await new Promise((r) => setTimeout(r, 300));
    await page.screenshot({
      path: `/tmp/ui-${theme}-${locale.split('-')[0]}.png`,
      element: document.querySelector('.crm-root')!,
    });
  });
});

function DialogDemo() {
  const t = useT();
  const [open, setOpen] = useState(true);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t('timeline.scheduleReminder')}
      description={t('conflict.description')}
      footer={
        <>
          <Button onClick={() => setOpen(false)}>{t('action.cancel')}</Button>
          <Button variant="primary">{t('action.save')}</Button>
        </>
      }
    >
      <TextField label={t('timeline.subject')} defaultValue="Gọi lại về gói Business" />
      <Select label={t('timeline.remindAt')} options={[{ value: '9', label: '09:00' }]} />
      <TextField label={t('timeline.body')} multiline placeholder={t('timeline.notePlaceholder')} />
    </Dialog>
  );
}

describe('dialog', () => {
  it.each(THEMES)('%s', async (theme) => {
    document.body.style.background = PAGE[theme];
    await renderUi(
      <MessagesScope part={[timelineMessages, editingMessages]}>
        <DialogDemo />
      </MessagesScope>,
      { locale: 'vi-VN', appearance: { theme } },
    );
    await screen.findByRole('dialog');
    await new Promise((r) => setTimeout(r, 300));
    await page.screenshot({ path: `/tmp/ui-dialog-${theme}.png` });
  });
});

import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { STORY_TIMEOUT, storyCheck } from '../../../../.storybook/widget-stories.js';
import { useT } from '../context/i18n.js';
import { MessagesScope } from '../context/scope.js';
import { timelineMessages } from '../i18n/messages/activity-timeline/index.js';
import { tableMessages } from '../i18n/messages/contacts-table/index.js';
import { Button } from './Button.js';
import { CrmRoot } from './CrmRoot.js';
import { Dialog } from './Dialog.js';
import { Checkbox, TextField } from './Field.js';
import { IconButton } from './IconButton.js';
import * as icons from './icons.js';
import { Menu, MenuItem, MenuSeparator } from './Menu.js';
import { Popover } from './Popover.js';

/** A `Dialog` opened by a button, a `Menu` and a `Popover`, each in the portal container. */
function Overlays({ onSelect }: { onSelect: (item: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
      <Button icon={icons.plus} onClick={() => setOpen(true)}>
        {t('timeline.addNote')}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t('timeline.addNote')}
        description={t('timeline.notePlaceholder')}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{t('action.cancel')}</Button>
            <Button variant="primary" onClick={() => setOpen(false)}>
              {t('action.save')}
            </Button>
          </>
        }
      >
        <TextField label={t('timeline.body')} multiline />
      </Dialog>

      <Menu trigger={<IconButton icon={icons.more} aria-label={t('action.more')} variant="secondary" />}>
        <MenuItem icon={icons.phone} onSelect={() => onSelect('call')}>
          {t('action.call')}
        </MenuItem>
        <MenuItem icon={icons.mail} onSelect={() => onSelect('email')}>
          {t('action.sendEmail')}
        </MenuItem>
        <MenuItem icon={icons.sms} disabled>
          {t('action.sendSms')}
        </MenuItem>
        <MenuSeparator />
        <MenuItem icon={icons.trash} tone="danger" onSelect={() => onSelect('delete')}>
          {t('action.delete')}
        </MenuItem>
      </Menu>

      <Popover trigger={<Button icon={icons.filter}>{t('table.filter')}</Button>}>
        {(close) => (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <Checkbox label={t('lifecycle.loyal')} defaultChecked />
            <Checkbox label={t('lifecycle.lost')} />
            <Button variant="primary" size="sm" onClick={close}>
              {t('action.apply')}
            </Button>
          </div>
        )}
      </Popover>
    </div>
  );
}

const meta = {
  title: 'Primitives/Overlays',
  component: Overlays,
  // No data: no sandbox.
  parameters: { crmkit: { seed: 'none' } },
  args: { onSelect: fn() },
  decorators: [
    (Story) => (
      <MessagesScope part={[tableMessages, timelineMessages]}>
        <CrmRoot style={{ padding: 16, minHeight: 280 }}>{Story()}</CrmRoot>
      </MessagesScope>
    ),
  ],
} satisfies Meta<typeof Overlays>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Overlays render in `document.body` (the default portal container), outside the canvas. */
const body = within(document.body);

/**
 * The dialog: named by its title and described, focus moves to the first field, Tab and Shift+Tab stay inside,
 * Escape closes and focus returns to the button that opened it.
 */
export const DialogFocus: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const opener = canvas.getByRole('button', { name: t('timeline.addNote') });
    await userEvent.click(opener);
    const dialog = await body.findByRole('dialog', { name: t('timeline.addNote') }, { timeout: STORY_TIMEOUT });
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog).toHaveAccessibleDescription(t('timeline.notePlaceholder'));
    const field = within(dialog).getByRole('textbox', { name: t('timeline.body') });
    await waitFor(() => expect(field).toHaveFocus());

    // Close button, field, Cancel, Save: twice round, focus never leaves the dialog.
    for (let i = 0; i < 8; i++) {
      await userEvent.tab();
      await expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    within(dialog)
      .getByRole('button', { name: t('dialog.close') })
      .focus();
    await userEvent.tab({ shift: true });
    await expect(within(dialog).getByRole('button', { name: t('action.save') })).toHaveFocus();
    await userEvent.tab();
    await expect(within(dialog).getByRole('button', { name: t('dialog.close') })).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await expect(opener).toHaveFocus();
  },
};

/**
 * The menu button: ArrowDown opens on the first item, arrows move and wrap (skipping the disabled item), Home and End
 * jump, a letter jumps to the next item starting with it, Escape closes back to the button, Enter chooses.
 */
export const MenuKeyboard: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const trigger = canvas.getByRole('button', { name: t('action.more') });
    await expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
    trigger.focus();
    await userEvent.keyboard('{ArrowDown}');
    await body.findByRole('menu', { name: t('action.more') });
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    // The item of the menu as it is now (each opening mounts a new one).
    const item = (name: string) => within(body.getByRole('menu')).getByRole('menuitem', { name });
    await waitFor(() => expect(item(t('action.call'))).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    await expect(item(t('action.sendEmail'))).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(item(t('action.delete'))).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(item(t('action.call'))).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    await expect(item(t('action.delete'))).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect(item(t('action.call'))).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(item(t('action.delete'))).toHaveFocus();
    await userEvent.keyboard(t('action.sendEmail').charAt(0).toLocaleLowerCase());
    await expect(item(t('action.sendEmail'))).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('menu')).toBeNull());
    await expect(trigger).toHaveFocus();

    // ArrowUp opens on the last item; Enter chooses it and closes the menu.
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(item(t('action.delete'))).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await expect(context.args.onSelect).toHaveBeenCalledWith('delete');
    await waitFor(() => expect(body.queryByRole('menu')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

/** The popover: a non-modal dialog named by its trigger; focus moves in; Escape closes back to the trigger. */
export const PopoverFocus: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const trigger = canvas.getByRole('button', { name: t('table.filter') });
    await userEvent.click(trigger);
    const popover = await body.findByRole('dialog', { name: t('table.filter') });
    const loyal = within(popover).getByRole('checkbox', { name: t('lifecycle.loyal') });
    await waitFor(() => expect(loyal).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
    // The close function given to the content: Apply closes it.
    await userEvent.click(trigger);
    await userEvent.click(await body.findByRole('button', { name: t('action.apply') }));
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
  },
};

/** The dialog open, in Vietnamese and dark (the portal root carries the theme too). */
export const DialogVietnameseDark: Story = {
  globals: { locale: 'vi-VN', theme: 'dark' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    await userEvent.click(await canvas.findByRole('button', { name: t('timeline.addNote') }));
    const dialog = await body.findByRole('dialog', { name: 'Thêm ghi chú' });
    await expect(dialog.closest('[data-theme]')).toHaveAttribute('data-theme', 'dark');
    await expect(within(dialog).getByRole('button', { name: t('dialog.close') })).toHaveAccessibleName(
      'Đóng hộp thoại',
    );
  },
};

import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  Button,
  Checkbox,
  Dialog,
  IconButton,
  Menu,
  MenuItem,
  MenuSeparator,
  Popover,
  Select,
  Spinner,
  TextField,
  useAnnounce,
} from '../src/index.js';
import * as icons from '../src/primitives/icons.js';
import { renderUi } from './harness.js';

function DialogDemo({ container }: { container?: HTMLElement }) {
  const [open, setOpen] = useState(false);
  const name = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open dialog</Button>
      <Button>After</Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Add a note"
        description="Visible to your team only."
        initialFocus={container ? undefined : name}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary">Save</Button>
          </>
        }
      >
        <TextField ref={name} label="Subject" />
        <TextField label="Details" multiline />
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('is a named aria-modal dialog that traps focus, closes on Escape and returns focus', async () => {
    const user = userEvent.setup();
    await renderUi(<DialogDemo />);
    const opener = screen.getByRole('button', { name: 'Open dialog' });
    await user.click(opener);

    const dialog = await screen.findByRole('dialog', { name: 'Add a note' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog).toHaveProperty('ariaDescription', null);
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Visible to your team only.',
    );
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Subject' }));

    // Tab cycles inside: Subject → Details → Close → Cancel → Save → (wraps) close button first in DOM order.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Details' }));
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close dialog' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
    for (let i = 0; i < 8; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes from the close button and the backdrop, and renders into the portalContainer', async () => {
    const user = userEvent.setup();
    const container = document.createElement('div');
    container.id = 'host-portals';
    document.body.append(container);
    await renderUi(<DialogDemo container={container} />, { portalContainer: container });
    const opener = screen.getByRole('button', { name: 'Open dialog' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog');
    expect(container.contains(dialog)).toBe(true);
    // The portal root carries the theme tokens.
    expect(dialog.closest('.crm-root')?.getAttribute('data-theme')).toBe('light');
    // Without initialFocus: the first control after the header.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Subject' }));

    await user.click(screen.getByRole('button', { name: 'Close dialog' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    await user.click(opener);
    const overlay = (await screen.findByRole('dialog')).parentElement!;
    await user.pointer({ keys: '[MouseLeft]', target: overlay, coords: { x: 5, y: 5 } });
    expect(screen.queryByRole('dialog')).toBeNull();
    container.remove();
  });
});

function MenuDemo({ onSelect }: { onSelect: (what: string) => void }) {
  const [email, setEmail] = useState(true);
  return (
    <Menu trigger={<Button iconEnd={icons.chevronDown}>Actions</Button>}>
      <MenuItem icon={icons.user} onSelect={() => onSelect('owner')}>
        Assign owner
      </MenuItem>
      <MenuItem icon={icons.tag} onSelect={() => onSelect('tag')}>
        Add tag
      </MenuItem>
      <MenuItem disabled onSelect={() => onSelect('disabled')}>
        Merge
      </MenuItem>
      <MenuSeparator />
      <MenuItem checked={email} onSelect={() => setEmail(!email)}>
        Email column
      </MenuItem>
      <MenuItem icon={icons.trash} tone="danger" onSelect={() => onSelect('delete')}>
        Delete
      </MenuItem>
    </Menu>
  );
}

describe('Menu', () => {
  it('opens from the keyboard and moves with arrows, Home, End and typeahead; skips disabled items', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    await renderUi(<MenuDemo onSelect={onSelect} />);
    const trigger = screen.getByRole('button', { name: 'Actions' });
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');

    trigger.focus();
    await user.keyboard('{ArrowDown}');
    const menu = await screen.findByRole('menu', { name: 'Actions' });
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(trigger.getAttribute('aria-controls')).toBe(menu.id);
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Assign owner' }));

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Add tag' }));
    await user.keyboard('{ArrowDown}'); // Merge is disabled: skipped
    expect(document.activeElement).toBe(screen.getByRole('menuitemcheckbox', { name: 'Email column' }));
    await user.keyboard('{ArrowDown}{ArrowDown}'); // Delete, then wraps
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Assign owner' }));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Delete' }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Assign owner' }));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Delete' }));
    await user.keyboard('a');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Assign owner' }));
    await user.keyboard('a');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Add tag' }));

    // A checkbox item toggles and keeps the menu open.
    await user.keyboard('e');
    const email = screen.getByRole('menuitemcheckbox', { name: 'Email column' });
    expect(email.getAttribute('aria-checked')).toBe('true');
    await user.keyboard('{Enter}');
    expect(email.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByRole('menu')).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    // ArrowUp opens on the last item; Enter chooses, closes and returns focus.
    await user.keyboard('{ArrowUp}');
    await screen.findByRole('menu');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Delete' }));
    await user.keyboard('{ArrowUp}{ArrowUp}{Enter}'); // Email column, Add tag
    expect(onSelect).toHaveBeenCalledWith('tag');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('opens on click, chooses on click, closes on an outside click', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    await renderUi(
      <>
        <MenuDemo onSelect={onSelect} />
        <p>Outside</p>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    expect(onSelect).toHaveBeenCalledWith('delete');
    expect(screen.queryByRole('menu')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await screen.findByRole('menu');
    await user.click(screen.getByText('Outside'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('Tab closes the menu and moves on', async () => {
    const user = userEvent.setup();
    await renderUi(
      <>
        <MenuDemo onSelect={() => {}} />
        <Button>Next</Button>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await screen.findByRole('menu');
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next' }));
  });
});

describe('Popover', () => {
  it('is a non-modal dialog named by its trigger; focus moves in; Escape returns focus to the trigger', async () => {
    const user = userEvent.setup();
    await renderUi(
      <Popover trigger={<Button icon={icons.filter}>Filter</Button>}>
        {(close) => (
          <>
            <Checkbox label="Only mine" />
            <Button onClick={close}>Apply</Button>
          </>
        )}
      </Popover>,
    );
    const trigger = screen.getByRole('button', { name: 'Filter' });
    await user.click(trigger);
    const popover = await screen.findByRole('dialog', { name: 'Filter' });
    expect(popover.getAttribute('aria-modal')).toBeNull();
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Only mine' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    await user.click(trigger);
    await user.click(await screen.findByRole('button', { name: 'Apply' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });
});

describe('nested popups', () => {
  it('a menu opened from a popover (a portal of its own) does not close the popover', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    await renderUi(
      <>
        <Popover trigger={<Button>Columns</Button>}>
          <Checkbox label="Email" />
          <Menu trigger={<Button>Saved views</Button>}>
            <MenuItem onSelect={() => onSelect('mine')}>My contacts</MenuItem>
          </Menu>
        </Popover>
        <p>Outside</p>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    const popover = await screen.findByRole('dialog', { name: 'Columns' });
    // By keyboard: focus moves into the nested menu and back.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Saved views' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(await screen.findByRole('menuitem', { name: 'My contacts' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(popover.isConnected).toBe(true);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('mine');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Saved views' }));
    // By pointer.
    await user.click(screen.getByRole('button', { name: 'Saved views' }));
    await user.click(await screen.findByRole('menuitem', { name: 'My contacts' }));
    expect(onSelect).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('dialog', { name: 'Columns' })).toBe(popover);
    // A click outside both closes it.
    await user.click(screen.getByText('Outside'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Button and IconButton', () => {
  it('does not submit forms, and ignores clicks while loading without losing focus', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    const onSubmit = vi.fn((e: Event) => e.preventDefault());
    await renderUi(
      <form onSubmit={(e) => onSubmit(e.nativeEvent)}>
        <Button onClick={onClick}>Save</Button>
        <Button loading onClick={onClick}>
          Saving
        </Button>
        <IconButton icon={icons.pencil} aria-label="Edit" />
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
    const busy = screen.getByRole('button', { name: 'Saving' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    await user.click(busy);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(busy);
    // The icon is hidden: the name comes from aria-label alone.
    expect(screen.getByRole('button', { name: 'Edit' }).querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('form fields', () => {
  it('wire label, description and error to the control', async () => {
    await renderUi(
      <>
        <TextField label="Email" description="Work address" error="Enter a valid email address." required />
        <Select label="Stage" options={[{ value: 'loyal', label: 'Loyal' }]} description="Lifecycle" />
        <Checkbox label="All rows" indeterminate />
      </>,
    );
    const email = screen.getByRole('textbox', { name: 'Email' });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.hasAttribute('required')).toBe(true);
    const described = email
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Work address', 'Enter a valid email address.']);
    expect(screen.getByRole('combobox', { name: 'Stage' }).getAttribute('aria-describedby')).toBeTruthy();
    const all = screen.getByRole('checkbox', { name: 'All rows' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
  });
});

function Announcing() {
  const announce = useAnnounce();
  return <Button onClick={() => announce('3 contacts updated')}>Go</Button>;
}

describe('Spinner and announcements', () => {
  it('names the spinner in the locale, and announces through the provider live region', async () => {
    const user = userEvent.setup();
    await renderUi(
      <>
        <Spinner />
        <Announcing />
      </>,
      { locale: 'vi-VN' },
    );
    expect(await screen.findByRole('status', { name: 'Đang tải…' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Go' }));
    await waitFor(() => expect(screen.getByText('3 contacts updated').getAttribute('aria-live')).toBe('polite'));
  });
});

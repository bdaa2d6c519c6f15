/** The inbox's keyboard actions. */
export type InboxAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'reply'
  | 'note'
  | 'assignMe'
  | 'close'
  | 'snooze'
  | 'search'
  | 'select'
  | 'help';

/** Keys of the actions: a key as `KeyboardEvent.key` writes it (`j`, `/`, `?`), `Shift+C` for a shifted letter. */
export type Keymap = Record<InboxAction, string>;

/** The default keys (in the spirit of Zammad's and Gmail's): configurable with the `keymap` prop. */
export const DEFAULT_KEYMAP: Keymap = {
  next: 'j',
  previous: 'k',
  open: 'o',
  reply: 'r',
  note: 'n',
  assignMe: 'a',
  close: 'Shift+C',
  snooze: 'z',
  search: '/',
  select: 'x',
  help: '?',
};

/** The key of an event in keymap form, or null when it carries Ctrl, Alt or Meta (those are the host's and the OS's). */
export function keyOf(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>,
): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const { key } = event;
  return event.shiftKey && /^[a-z]$/i.test(key) ? `Shift+${key.toUpperCase()}` : key;
}

/** Whether keys typed at `target` belong to it (a text field, a select, an editor): the inbox never takes them. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"]');
}
